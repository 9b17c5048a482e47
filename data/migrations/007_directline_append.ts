import type { Migration } from './index';

/**
 * A Direct Line activity is stored with one INSERT: the conversation's
 * watermark (`last_seq`) and `updated_at` follow by trigger, in the same
 * statement, instead of a transaction of four statements per activity.
 */
export const migration007: Migration = {
    version: 7,
    name: 'directline_append',
    sql: `
CREATE TRIGGER directline_activities_seq AFTER INSERT ON directline_activities BEGIN
    UPDATE directline_conversations SET last_seq = MAX(last_seq, NEW.seq), updated_at = NEW.created_at WHERE id = NEW.conversation_id;
END;
`,
    postgres: `
CREATE FUNCTION directline_activities_seq() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE directline_conversations SET last_seq = GREATEST(last_seq, NEW.seq), updated_at = NEW.created_at WHERE id = NEW.conversation_id;
    RETURN NULL;
END $$;
CREATE TRIGGER directline_activities_seq AFTER INSERT ON directline_activities FOR EACH ROW EXECUTE FUNCTION directline_activities_seq();
`
};

import type { Migration } from './index';

/**
 * What each Direct Line conversation stores, in bytes, kept by triggers on
 * every insert and delete of its activities, so the per-conversation and
 * global storage budgets are read without scanning the activities.
 */
export const migration010: Migration = {
    version: 10,
    name: 'directline_budget',
    sql: `
ALTER TABLE directline_conversations ADD COLUMN stored_bytes INTEGER NOT NULL DEFAULT 0;
UPDATE directline_conversations SET stored_bytes = COALESCE(
    (SELECT SUM(LENGTH(CAST(a.activity AS BLOB))) FROM directline_activities a WHERE a.conversation_id = directline_conversations.id), 0);
CREATE TRIGGER directline_activities_bytes_in AFTER INSERT ON directline_activities BEGIN
    UPDATE directline_conversations SET stored_bytes = stored_bytes + LENGTH(CAST(NEW.activity AS BLOB)) WHERE id = NEW.conversation_id;
END;
CREATE TRIGGER directline_activities_bytes_out AFTER DELETE ON directline_activities BEGIN
    UPDATE directline_conversations SET stored_bytes = stored_bytes - LENGTH(CAST(OLD.activity AS BLOB)) WHERE id = OLD.conversation_id;
END;
`,
    postgres: `
ALTER TABLE directline_conversations ADD COLUMN stored_bytes BIGINT NOT NULL DEFAULT 0;
UPDATE directline_conversations SET stored_bytes = COALESCE(
    (SELECT SUM(octet_length(a.activity)) FROM directline_activities a WHERE a.conversation_id = directline_conversations.id), 0);
CREATE FUNCTION directline_activities_bytes_in() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE directline_conversations SET stored_bytes = stored_bytes + octet_length(NEW.activity) WHERE id = NEW.conversation_id;
    RETURN NULL;
END $$;
CREATE TRIGGER directline_activities_bytes_in AFTER INSERT ON directline_activities FOR EACH ROW EXECUTE FUNCTION directline_activities_bytes_in();
CREATE FUNCTION directline_activities_bytes_out() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE directline_conversations SET stored_bytes = stored_bytes - octet_length(OLD.activity) WHERE id = OLD.conversation_id;
    RETURN NULL;
END $$;
CREATE TRIGGER directline_activities_bytes_out AFTER DELETE ON directline_activities FOR EACH ROW EXECUTE FUNCTION directline_activities_bytes_out();
`
};

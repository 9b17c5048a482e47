import type { Migration } from './index';

/**
 * A new one-time code retires the conversation's earlier live codes in the
 * same statement that stores it (a trigger), so sending a code is one
 * statement instead of a four-statement transaction; a statement and its
 * triggers are atomic, so at most one code per conversation stays live.
 */
export const migration006: Migration = {
    version: 6,
    name: 'code_replaces_code',
    sql: `
CREATE TRIGGER verification_codes_replace BEFORE INSERT ON verification_codes BEGIN
    UPDATE verification_codes SET superseded_at = NEW.created_at
     WHERE conversation_key = NEW.conversation_key AND used_at IS NULL AND superseded_at IS NULL;
END;
`,
    postgres: `
CREATE FUNCTION verification_codes_replace() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE verification_codes SET superseded_at = NEW.created_at
     WHERE conversation_key = NEW.conversation_key AND used_at IS NULL AND superseded_at IS NULL;
    RETURN NEW;
END $$;
CREATE TRIGGER verification_codes_replace BEFORE INSERT ON verification_codes FOR EACH ROW EXECUTE FUNCTION verification_codes_replace();
`
};

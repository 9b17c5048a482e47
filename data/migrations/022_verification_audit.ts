import type { Migration } from './index';

/**
 * A one-time code's audit entries are written by the statements that store
 * and use the code (triggers), not by statements of their own: storing a
 * code records `verification.code-sent` (`verification.code-requested-unknown`
 * for an address not on file), using it records `verification.succeeded`
 * (while its person is still on file). The entry can then never be missing
 * or left behind: it commits or rolls back with the code itself, and a turn
 * that sends or checks a code runs one statement less.
 */
export const migration022: Migration = {
    version: 22,
    name: 'verification_audit',
    sql: `
CREATE TRIGGER verification_codes_audit_sent AFTER INSERT ON verification_codes BEGIN
    INSERT INTO audit_log (at, actor, action, subject, details)
    VALUES (NEW.created_at, 'conversation:' || NEW.conversation_key,
            CASE WHEN NEW.user_id IS NULL THEN 'verification.code-requested-unknown' ELSE 'verification.code-sent' END,
            CASE WHEN NEW.user_id IS NULL THEN NULL ELSE 'user:' || NEW.user_id END, NULL);
END;

CREATE TRIGGER verification_codes_audit_used AFTER UPDATE OF used_at ON verification_codes
WHEN OLD.used_at IS NULL AND NEW.used_at IS NOT NULL AND NEW.user_id IS NOT NULL AND EXISTS (SELECT 1 FROM users WHERE id = NEW.user_id) BEGIN
    INSERT INTO audit_log (at, actor, action, subject, details)
    VALUES (NEW.used_at, 'conversation:' || NEW.conversation_key, 'verification.succeeded', 'user:' || NEW.user_id, NULL);
END;
`,
    postgres: `
CREATE FUNCTION verification_codes_audit_sent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit_log (at, actor, action, subject, details)
    VALUES (NEW.created_at, 'conversation:' || NEW.conversation_key,
            CASE WHEN NEW.user_id IS NULL THEN 'verification.code-requested-unknown' ELSE 'verification.code-sent' END,
            CASE WHEN NEW.user_id IS NULL THEN NULL ELSE 'user:' || NEW.user_id END, NULL);
    RETURN NULL;
END $$;
CREATE TRIGGER verification_codes_audit_sent AFTER INSERT ON verification_codes FOR EACH ROW EXECUTE FUNCTION verification_codes_audit_sent();

CREATE FUNCTION verification_codes_audit_used() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.used_at IS NULL AND NEW.used_at IS NOT NULL AND NEW.user_id IS NOT NULL AND EXISTS (SELECT 1 FROM users WHERE id = NEW.user_id) THEN
        INSERT INTO audit_log (at, actor, action, subject, details)
        VALUES (NEW.used_at, 'conversation:' || NEW.conversation_key, 'verification.succeeded', 'user:' || NEW.user_id, NULL);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER verification_codes_audit_used AFTER UPDATE OF used_at ON verification_codes FOR EACH ROW EXECUTE FUNCTION verification_codes_audit_used();
`
};

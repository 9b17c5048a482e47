import type { Migration } from './index';

/**
 * `audited_mail`: mails queued with the audit entry that records them, in one
 * statement (`OutboxRepository.insertAudited`) instead of one per table. A
 * view whose INSTEAD OF trigger puts each row's mail into `outbox` (when it
 * has a `kind`; a mail whose dedupe key was used already is left out, as
 * `OutboxRepository.insert` does) and its audit entry into `audit_log`
 * (when it has an `audit_action`; the entry's time is the row's `created_at`).
 */
export const migration023: Migration = {
    version: 23,
    name: 'audited_mail',
    sql: `
CREATE VIEW audited_mail AS
SELECT NULL AS kind, NULL AS to_address, NULL AS to_name, NULL AS reply_to, NULL AS locale, NULL AS subject, NULL AS body, NULL AS secret_enc,
       NULL AS created_at, NULL AS conversation_key, NULL AS dedupe_key,
       NULL AS audit_actor, NULL AS audit_action, NULL AS audit_subject, NULL AS audit_details WHERE 0;

CREATE TRIGGER audited_mail_outbox INSTEAD OF INSERT ON audited_mail WHEN NEW.kind IS NOT NULL BEGIN
    INSERT INTO outbox (kind, to_address, to_name, reply_to, locale, subject, body, secret_enc, next_attempt_at, created_at, conversation_key, dedupe_key)
    VALUES (NEW.kind, NEW.to_address, NEW.to_name, NEW.reply_to, NEW.locale, NEW.subject, NEW.body, NEW.secret_enc, NEW.created_at, NEW.created_at, NEW.conversation_key, NEW.dedupe_key)
    ON CONFLICT (dedupe_key) DO NOTHING;
END;

CREATE TRIGGER audited_mail_audit INSTEAD OF INSERT ON audited_mail WHEN NEW.audit_action IS NOT NULL BEGIN
    INSERT INTO audit_log (at, actor, action, subject, details) VALUES (NEW.created_at, NEW.audit_actor, NEW.audit_action, NEW.audit_subject, NEW.audit_details);
END;
`,
    postgres: `
CREATE VIEW audited_mail AS
SELECT NULL::text AS kind, NULL::text AS to_address, NULL::text AS to_name, NULL::text AS reply_to, NULL::text AS locale, NULL::text AS subject, NULL::text AS body, NULL::text AS secret_enc,
       NULL::bigint AS created_at, NULL::text AS conversation_key, NULL::text AS dedupe_key,
       NULL::text AS audit_actor, NULL::text AS audit_action, NULL::text AS audit_subject, NULL::text AS audit_details WHERE false;

CREATE FUNCTION audited_mail_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.kind IS NOT NULL THEN
        INSERT INTO outbox (kind, to_address, to_name, reply_to, locale, subject, body, secret_enc, next_attempt_at, created_at, conversation_key, dedupe_key)
        VALUES (NEW.kind, NEW.to_address, NEW.to_name, NEW.reply_to, NEW.locale, NEW.subject, NEW.body, NEW.secret_enc, NEW.created_at, NEW.created_at, NEW.conversation_key, NEW.dedupe_key)
        ON CONFLICT (dedupe_key) DO NOTHING;
    END IF;
    IF NEW.audit_action IS NOT NULL THEN
        INSERT INTO audit_log (at, actor, action, subject, details) VALUES (NEW.created_at, NEW.audit_actor, NEW.audit_action, NEW.audit_subject, NEW.audit_details);
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER audited_mail_insert INSTEAD OF INSERT ON audited_mail FOR EACH ROW EXECUTE FUNCTION audited_mail_insert();
`
};

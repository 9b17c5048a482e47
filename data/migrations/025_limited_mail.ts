import type { Migration } from './index';

/**
 * `limited_mail` (SQLite): mails queued with their audit entry as through
 * `audited_mail` (migration 023), the rate limits checked in the same
 * statement (`OutboxRepository.insertLimited`) instead of a read before it.
 * Its INSTEAD OF trigger stops the statement with `RAISE(ABORT)`, having
 * written nothing, when a row's mail is queued already
 * (`limited_mail:again`, a retried turn), when the conversation has queued
 * `max_for_conversation` mails of the kind since `since` (checked where the
 * row has that limit: the first, before any of the statement's mails is
 * stored) or the row's address `max_for_recipient` (`limited_mail:rate-limited`);
 * otherwise the row goes on to `audited_mail`. A row with a
 * `directory_version` is refused first (`limited_mail:directory-changed`)
 * when the directory is at another version: its mails were drafted from
 * look-ups kept at that version without reading it for the turn
 * (`UncheckedReads` in `directoryCache.ts`). A statement and its triggers
 * are atomic and SQLite runs one statement at a time. PostgreSQL keeps its
 * transaction with named locks: nothing is created on it.
 */
export const migration025: Migration = {
    version: 25,
    name: 'limited_mail',
    sql: `
CREATE VIEW limited_mail AS
SELECT NULL AS kind, NULL AS to_address, NULL AS to_name, NULL AS reply_to, NULL AS locale, NULL AS subject, NULL AS body, NULL AS secret_enc,
       NULL AS created_at, NULL AS conversation_key, NULL AS dedupe_key,
       NULL AS audit_actor, NULL AS audit_action, NULL AS audit_subject, NULL AS audit_details,
       NULL AS since, NULL AS max_for_conversation, NULL AS max_for_recipient, NULL AS directory_version WHERE 0;

CREATE TRIGGER limited_mail_insert INSTEAD OF INSERT ON limited_mail BEGIN
    SELECT RAISE(ABORT, 'limited_mail:directory-changed')
     WHERE NEW.directory_version IS NOT NULL AND (SELECT COALESCE(MAX(version), 0) FROM directory_version WHERE id = 1) <> NEW.directory_version;
    SELECT RAISE(ABORT, 'limited_mail:again') WHERE NEW.dedupe_key IS NOT NULL AND EXISTS (SELECT 1 FROM outbox WHERE dedupe_key = NEW.dedupe_key);
    SELECT RAISE(ABORT, 'limited_mail:rate-limited')
     WHERE NEW.max_for_conversation IS NOT NULL
       AND (SELECT COUNT(*) FROM outbox WHERE conversation_key = NEW.conversation_key AND kind = NEW.kind AND created_at >= NEW.since) >= NEW.max_for_conversation;
    SELECT RAISE(ABORT, 'limited_mail:rate-limited')
     WHERE NEW.to_address IS NOT NULL
       AND (SELECT COUNT(*) FROM outbox WHERE to_address = NEW.to_address AND kind = NEW.kind AND created_at >= NEW.since) >= NEW.max_for_recipient;
    INSERT INTO audited_mail (kind, to_address, to_name, reply_to, locale, subject, body, secret_enc, created_at, conversation_key, dedupe_key, audit_actor, audit_action, audit_subject, audit_details)
    VALUES (NEW.kind, NEW.to_address, NEW.to_name, NEW.reply_to, NEW.locale, NEW.subject, NEW.body, NEW.secret_enc, NEW.created_at, NEW.conversation_key, NEW.dedupe_key,
            NEW.audit_actor, NEW.audit_action, NEW.audit_subject, NEW.audit_details);
END;
`,
    postgres: `
-- limited_mail is SQLite's (see above); PostgreSQL queues an admin mail in its transaction with named locks.
SELECT 1;
`
};

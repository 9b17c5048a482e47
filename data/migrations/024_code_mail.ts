import type { Migration } from './index';

/**
 * `code_mail` (SQLite): a one-time code and its mail stored in one statement
 * (`VerificationCodeRepository.sendAtOnce`) instead of a transaction of five
 * (BEGIN, the figures, the code, the mail, COMMIT). A view whose INSTEAD OF
 * trigger checks the limits first and stops the statement with
 * `RAISE(ABORT)` naming the one that holds (`code_mail:again` when the mail
 * of this request is queued already, `code_mail:locked`,
 * `code_mail:rate-limited`), so nothing is written; otherwise it stores the
 * code (whose own triggers retire the earlier code and write the audit
 * entry, migrations 006 and 022) and, when the row has a `kind`, its mail.
 * A statement and its triggers are atomic and SQLite runs one statement at a
 * time, so the counts are every code and wrong try committed before it, as
 * in the transaction. PostgreSQL keeps the transaction with its named locks
 * (several instances write at once there): nothing is created on it.
 */
export const migration024: Migration = {
    version: 24,
    name: 'code_mail',
    sql: `
CREATE VIEW code_mail AS
SELECT NULL AS conversation_key, NULL AS user_id, NULL AS target_hash, NULL AS code_hash, NULL AS created_at, NULL AS expires_at,
       NULL AS since, NULL AS max_wrong, NULL AS max_codes, NULL AS max_wrong_for_address,
       NULL AS kind, NULL AS to_address, NULL AS to_name, NULL AS reply_to, NULL AS locale, NULL AS subject, NULL AS body, NULL AS secret_enc,
       NULL AS dedupe_key WHERE 0;

CREATE TRIGGER code_mail_insert INSTEAD OF INSERT ON code_mail BEGIN
    SELECT RAISE(ABORT, 'code_mail:again') WHERE NEW.dedupe_key IS NOT NULL AND EXISTS (SELECT 1 FROM outbox WHERE dedupe_key = NEW.dedupe_key);
    SELECT RAISE(ABORT, 'code_mail:locked')
     WHERE (SELECT COALESCE(SUM(failed_attempts), 0) FROM verification_codes WHERE conversation_key = NEW.conversation_key) >= NEW.max_wrong;
    SELECT RAISE(ABORT, 'code_mail:rate-limited')
     WHERE (SELECT COUNT(*) FROM verification_codes WHERE conversation_key = NEW.conversation_key AND created_at >= NEW.since) >= NEW.max_codes
        OR (SELECT COUNT(*) FROM verification_codes WHERE target_hash = NEW.target_hash AND created_at >= NEW.since) >= NEW.max_codes
        OR (SELECT COALESCE(SUM(failed_attempts), 0) FROM verification_codes WHERE target_hash = NEW.target_hash AND created_at >= NEW.since) >= NEW.max_wrong_for_address;
    INSERT INTO verification_codes (conversation_key, user_id, target_hash, code_hash, created_at, expires_at)
    VALUES (NEW.conversation_key, NEW.user_id, NEW.target_hash, NEW.code_hash, NEW.created_at, NEW.expires_at);
    INSERT INTO outbox (kind, to_address, to_name, reply_to, locale, subject, body, secret_enc, next_attempt_at, created_at, conversation_key, dedupe_key)
    SELECT NEW.kind, NEW.to_address, NEW.to_name, NEW.reply_to, NEW.locale, NEW.subject, NEW.body, NEW.secret_enc, NEW.created_at, NEW.created_at, NEW.conversation_key, NEW.dedupe_key
     WHERE NEW.kind IS NOT NULL
    ON CONFLICT (dedupe_key) DO NOTHING;
END;
`,
    postgres: `
-- code_mail is SQLite's (see above); PostgreSQL sends a code in its transaction with named locks.
SELECT 1;
`
};

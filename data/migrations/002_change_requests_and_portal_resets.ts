import type { Migration } from './index';

/**
 * Billing-contact change requests (reference `BC-YYYY-NNNNNN`), the bot's record
 * of portal password resets asked for in chat (rate limits, retried activities),
 * and the embedded Corporate Billing Portal's hashed reset tokens. Times are
 * epoch milliseconds. People are referred to by id without foreign keys, so a
 * request keeps its history (names are snapshots) when the directory changes.
 */
export const migration002: Migration = {
    version: 2,
    name: 'change_requests_and_portal_resets',
    sql: `
CREATE TABLE change_requests (
    id                  INTEGER PRIMARY KEY,
    reference           TEXT NOT NULL UNIQUE,
    year                INTEGER NOT NULL,
    seq                 INTEGER NOT NULL,
    status              TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'approved', 'rejected', 'done')),
    account_id          TEXT NOT NULL,
    account_name        TEXT NOT NULL,
    requester_id        TEXT NOT NULL,
    requester_name      TEXT NOT NULL,
    requester_lang      TEXT NOT NULL CHECK (requester_lang IN ('de', 'en')),
    old_contacts        TEXT NOT NULL,
    new_contact_user_id TEXT,
    new_contact_name    TEXT NOT NULL,
    new_contact_email   TEXT,
    reason              TEXT NOT NULL,
    channel             TEXT NOT NULL,
    conversation_key    TEXT NOT NULL,
    dedupe_key          TEXT NOT NULL UNIQUE,
    note                TEXT,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    UNIQUE (year, seq)
);
CREATE INDEX change_requests_status ON change_requests (status, created_at);
CREATE INDEX change_requests_requester ON change_requests (requester_id, created_at);

CREATE TABLE portal_reset_requests (
    id               INTEGER PRIMARY KEY,
    conversation_key TEXT NOT NULL,
    target_hash      TEXT NOT NULL,
    dedupe_key       TEXT UNIQUE,
    created_at       INTEGER NOT NULL
);
CREATE INDEX portal_reset_requests_conversation ON portal_reset_requests (conversation_key, created_at);
CREATE INDEX portal_reset_requests_target ON portal_reset_requests (target_hash, created_at);

CREATE TABLE portal_reset_tokens (
    id            INTEGER PRIMARY KEY,
    login_hash    TEXT NOT NULL,
    user_id       TEXT REFERENCES users (id) ON DELETE CASCADE,
    token_hash    TEXT NOT NULL UNIQUE,
    created_at    INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL,
    used_at       INTEGER,
    superseded_at INTEGER
);
CREATE INDEX portal_reset_tokens_live ON portal_reset_tokens (login_hash) WHERE used_at IS NULL AND superseded_at IS NULL;
CREATE INDEX portal_reset_tokens_user ON portal_reset_tokens (user_id) WHERE used_at IS NULL AND superseded_at IS NULL;

ALTER TABLE portal_logins ADD COLUMN password_changed_at INTEGER;
`
};

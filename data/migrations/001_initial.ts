import type { Migration } from './index';

/** Directory (accounts, people, roles), verification codes, outbox, bot state, audit log. Times are epoch milliseconds. */
export const migration001: Migration = {
    version: 1,
    name: 'initial',
    sql: `
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE accounts (
    id      TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    type    TEXT NOT NULL CHECK (type IN ('online', 'corporate')),
    product TEXT NOT NULL,
    locale  TEXT NOT NULL CHECK (locale IN ('de', 'en'))
);

CREATE TABLE users (
    id               TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    email            TEXT NOT NULL,
    email_normalized TEXT NOT NULL UNIQUE,
    locale           TEXT NOT NULL CHECK (locale IN ('de', 'en'))
);

CREATE TABLE memberships (
    user_id            TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    account_id         TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    is_admin           INTEGER NOT NULL DEFAULT 0,
    is_billing_contact INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, account_id)
);
CREATE INDEX memberships_account ON memberships (account_id);

CREATE TABLE portal_logins (
    user_id          TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    login            TEXT NOT NULL,
    login_normalized TEXT NOT NULL UNIQUE,
    format           TEXT NOT NULL CHECK (format IN ('username', 'email')),
    password_hash    TEXT
);

CREATE TABLE agents (
    login         TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    languages     TEXT NOT NULL,
    password_hash TEXT
);

CREATE TABLE verification_codes (
    id               INTEGER PRIMARY KEY,
    conversation_key TEXT NOT NULL,
    user_id          TEXT REFERENCES users (id) ON DELETE CASCADE,
    target_hash      TEXT NOT NULL,
    code_hash        TEXT NOT NULL,
    created_at       INTEGER NOT NULL,
    expires_at       INTEGER NOT NULL,
    used_at          INTEGER,
    used_by_activity TEXT,
    superseded_at    INTEGER,
    failed_attempts  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX verification_codes_conversation ON verification_codes (conversation_key, id);
CREATE INDEX verification_codes_target ON verification_codes (target_hash, created_at);

CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY,
    kind             TEXT NOT NULL,
    to_address       TEXT NOT NULL,
    to_name          TEXT,
    reply_to         TEXT,
    locale           TEXT NOT NULL,
    subject          TEXT NOT NULL,
    body             TEXT NOT NULL,
    secret_enc       TEXT,
    status           TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  INTEGER NOT NULL,
    last_error       TEXT,
    created_at       INTEGER NOT NULL,
    sent_at          INTEGER,
    conversation_key TEXT,
    dedupe_key       TEXT UNIQUE
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_to ON outbox (to_address, id);

CREATE TABLE bot_state (
    key        TEXT PRIMARY KEY,
    etag       INTEGER NOT NULL,
    data       TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY,
    at      INTEGER NOT NULL,
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,
    subject TEXT,
    details TEXT
);
`
};

import type { Migration } from './index';

/**
 * Human handoff: stored conversation references (for proactive messages),
 * handoffs with their context and live transcript, callback requests, agent
 * sessions and failed agent logins. Times are epoch milliseconds.
 */
export const migration003: Migration = {
    version: 3,
    name: 'handoff',
    sql: `
CREATE TABLE conversation_references (
    conversation_key TEXT PRIMARY KEY,
    reference        TEXT NOT NULL,
    updated_at       INTEGER NOT NULL
);

CREATE TABLE handoffs (
    id               INTEGER PRIMARY KEY,
    conversation_key TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('waiting', 'active', 'closed')),
    lang             TEXT NOT NULL CHECK (lang IN ('de', 'en')),
    channel_id       TEXT NOT NULL,
    description      TEXT,
    context          TEXT NOT NULL,
    history          TEXT NOT NULL,
    agent_login      TEXT REFERENCES agents (login),
    created_at       INTEGER NOT NULL,
    accepted_at      INTEGER,
    closed_at        INTEGER,
    close_reason     TEXT CHECK (close_reason IN ('handed-back', 'flow', 'cancelled', 'timed-out', 'agent-gone')),
    close_note       TEXT,
    flow             TEXT,
    told_position    INTEGER
);
CREATE UNIQUE INDEX handoffs_open_conversation ON handoffs (conversation_key) WHERE status IN ('waiting', 'active');
CREATE INDEX handoffs_status ON handoffs (status, created_at);

CREATE TABLE handoff_messages (
    id          INTEGER PRIMARY KEY,
    handoff_id  INTEGER NOT NULL REFERENCES handoffs (id) ON DELETE CASCADE,
    at          INTEGER NOT NULL,
    sender      TEXT NOT NULL CHECK (sender IN ('customer', 'agent', 'system')),
    agent_login TEXT,
    text        TEXT NOT NULL
);
CREATE INDEX handoff_messages_handoff ON handoff_messages (handoff_id, id);

CREATE TABLE callback_requests (
    id               INTEGER PRIMARY KEY,
    reference        TEXT UNIQUE,
    conversation_key TEXT NOT NULL,
    email            TEXT NOT NULL,
    lang             TEXT NOT NULL CHECK (lang IN ('de', 'en')),
    note             TEXT,
    reason           TEXT NOT NULL CHECK (reason IN ('closed', 'no-agent', 'timeout', 'asked')),
    context          TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_at       INTEGER NOT NULL,
    closed_at        INTEGER,
    closed_by        TEXT,
    close_note       TEXT
);
CREATE INDEX callback_requests_status ON callback_requests (status, created_at);
CREATE INDEX callback_requests_conversation ON callback_requests (conversation_key, created_at);

CREATE TABLE agent_sessions (
    token_hash   TEXT PRIMARY KEY,
    login        TEXT NOT NULL REFERENCES agents (login) ON DELETE CASCADE,
    csrf_token   TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
);
CREATE INDEX agent_sessions_login ON agent_sessions (login, last_seen_at);

CREATE TABLE agent_login_failures (
    key TEXT NOT NULL,
    at  INTEGER NOT NULL
);
CREATE INDEX agent_login_failures_key ON agent_login_failures (key, at);
`
};

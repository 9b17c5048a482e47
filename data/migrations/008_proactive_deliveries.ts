import type { Migration } from './index';

/**
 * Durable delivery of what the bot sends on its own (agent messages, queue
 * updates, hand-back): each message is written to `proactive_deliveries`
 * before it is sent, in the same step that records it, and retried with
 * backoff until the channel accepts it. `message_id` ties an agent's line of
 * the live exchange to its delivery, for the console.
 *
 * On the built-in Direct Line, an activity a proactive turn stores carries a
 * dedupe key (the turn's id and its place in the turn), unique per
 * conversation, so a turn run again after a crash appends nothing twice.
 *
 * A person can end a live chat themselves: `handoffs.close_reason` also
 * takes `customer-ended`. SQLite cannot change a CHECK in place, so the
 * table is rebuilt (with foreign keys off, as https://sqlite.org/lang_altertable.html
 * describes, so its messages stay).
 */
export const migration008: Migration = {
    version: 8,
    name: 'proactive_deliveries',
    foreignKeysOff: true,
    sql: `
CREATE TABLE handoffs_new (
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
    close_reason     TEXT CHECK (close_reason IN ('handed-back', 'flow', 'cancelled', 'timed-out', 'agent-gone', 'customer-ended')),
    close_note       TEXT,
    flow             TEXT,
    told_position    INTEGER
);
INSERT INTO handoffs_new SELECT id, conversation_key, status, lang, channel_id, description, context, history, agent_login, created_at, accepted_at, closed_at, close_reason, close_note, flow, told_position FROM handoffs;
DROP TABLE handoffs;
ALTER TABLE handoffs_new RENAME TO handoffs;
CREATE UNIQUE INDEX handoffs_open_conversation ON handoffs (conversation_key) WHERE status IN ('waiting', 'active');
CREATE INDEX handoffs_status ON handoffs (status, created_at);

CREATE TABLE proactive_deliveries (
    id               INTEGER PRIMARY KEY,
    conversation_key TEXT NOT NULL,
    instruction      TEXT NOT NULL,
    handoff_id       INTEGER REFERENCES handoffs (id) ON DELETE CASCADE,
    message_id       INTEGER REFERENCES handoff_messages (id) ON DELETE CASCADE,
    status           TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_at          INTEGER NOT NULL,
    last_error       TEXT,
    created_at       INTEGER NOT NULL,
    delivered_at     INTEGER
);
CREATE INDEX proactive_deliveries_pending ON proactive_deliveries (next_at, id) WHERE status = 'pending';
CREATE INDEX proactive_deliveries_conversation ON proactive_deliveries (conversation_key, id);
CREATE INDEX proactive_deliveries_handoff ON proactive_deliveries (handoff_id, message_id);

ALTER TABLE directline_activities ADD COLUMN dedupe_key TEXT;
CREATE UNIQUE INDEX directline_activities_dedupe ON directline_activities (conversation_id, dedupe_key) WHERE dedupe_key IS NOT NULL;
`
};

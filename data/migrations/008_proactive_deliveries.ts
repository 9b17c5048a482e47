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
 */
export const migration008: Migration = {
    version: 8,
    name: 'proactive_deliveries',
    sql: `
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

import type { Migration } from './index';

/**
 * Indexes for the rate limits a turn checks, so none of them reads a whole
 * growing table: mails of a kind a conversation queued since a time (the
 * "email the billing admin" limit), the agents seen lately (who is
 * online, asked on every escalation) and the callback requests naming an
 * address (its daily limit).
 */
export const migration011: Migration = {
    version: 11,
    name: 'limit_indexes',
    sql: `
CREATE INDEX outbox_conversation_kind ON outbox (conversation_key, kind, created_at);
CREATE INDEX agent_sessions_seen ON agent_sessions (last_seen_at);
CREATE INDEX callback_requests_email ON callback_requests (email, created_at);
`
};

import type { Migration } from './index';

/**
 * Indexes for the retention sweep (services/retention.ts), so deleting what
 * is past its keeping time reads only that, not the whole table: sent mails
 * by the time they were sent (partial, so pending and failed mails do not
 * grow it) and transcript lines by their time.
 */
export const migration015: Migration = {
    version: 15,
    name: 'retention_indexes',
    sql: `
CREATE INDEX outbox_sent ON outbox (sent_at) WHERE status = 'sent';
CREATE INDEX transcripts_at ON transcripts (at);
`
};

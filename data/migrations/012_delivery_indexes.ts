import type { Migration } from './index';

/**
 * Indexes for the delivery worker's reads, which run every second: the
 * pending rows of one conversation (what holds a later message back) and the
 * delivered rows past their keeping time (the hourly purge). Both are
 * partial, so the delivered history does not make them grow.
 */
export const migration012: Migration = {
    version: 12,
    name: 'delivery_indexes',
    sql: `
CREATE INDEX proactive_deliveries_pending_conversation ON proactive_deliveries (conversation_key, id) WHERE status = 'pending';
CREATE INDEX proactive_deliveries_delivered ON proactive_deliveries (delivered_at) WHERE status = 'delivered';
`
};

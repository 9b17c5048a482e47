import type { Migration } from './index';

/**
 * `handoffs.waiting_since`: when the handoff's current wait began (queued, or
 * put back into the queue when its agent signed out). The wait timeout and
 * the wait estimates count from here; the place in the queue stays by
 * `created_at`, so a person put back is never behind people who came later.
 */
export const migration027: Migration = {
    version: 27,
    name: 'waiting_since',
    sql: `
ALTER TABLE handoffs ADD COLUMN waiting_since INTEGER;
UPDATE handoffs SET waiting_since = created_at;
`,
    postgres: `
ALTER TABLE handoffs ADD COLUMN waiting_since BIGINT;
UPDATE handoffs SET waiting_since = created_at;
`
};

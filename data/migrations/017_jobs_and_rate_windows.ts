import type { Migration } from './index';

/**
 * What several instances on one database share besides the data:
 *
 * - `jobs`: when each background job (retention sweeps, the handoff queue's
 *   timeouts) is next due; an instance runs a job only after moving its due
 *   time forward in one statement, so of several instances one runs it
 *   (`data/repositories/jobSchedule.ts`);
 * - `rate_windows`: fixed-window counters of the rate limits (Direct Line
 *   posts per conversation, tokens per address), counted in one statement, so
 *   instances together cannot pass a limit. The key is a hash, never the
 *   address itself; rows live one window and are then swept.
 *
 * Numbered 017: 016 is taken by the work on the message bus.
 */
export const migration017: Migration = {
    version: 17,
    name: 'jobs_and_rate_windows',
    sql: `
CREATE TABLE jobs (
    name TEXT PRIMARY KEY,
    next_due_at INTEGER NOT NULL,
    last_run_at INTEGER
);
CREATE TABLE rate_windows (
    scope TEXT NOT NULL,
    key_hash TEXT NOT NULL,
    window_start INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (scope, key_hash)
);
CREATE INDEX rate_windows_start ON rate_windows (window_start);
`
};

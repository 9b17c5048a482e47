import type { Migration } from './index';

/**
 * `handoffs.customer_away_at`: when the person's chat page (the Direct Line
 * stream) was seen closed for longer than the grace period, while the handoff
 * was open; NULL while the page is open (or was never watched).
 */
export const migration026: Migration = {
    version: 26,
    name: 'customer_away',
    sql: `
ALTER TABLE handoffs ADD COLUMN customer_away_at INTEGER;
`,
    postgres: `
ALTER TABLE handoffs ADD COLUMN customer_away_at BIGINT;
`
};

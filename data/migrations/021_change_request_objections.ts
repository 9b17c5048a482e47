import type { Migration } from './index';

/**
 * A current billing contact's objection to a change request filed against
 * them (issue 12): who objected, under which name, and when. One per request:
 * the columns are set once, by an update that finds them empty.
 */
export const migration021: Migration = {
    version: 21,
    name: 'change_request_objections',
    sql: `
ALTER TABLE change_requests ADD COLUMN objected_by_id TEXT;
ALTER TABLE change_requests ADD COLUMN objected_by_name TEXT;
ALTER TABLE change_requests ADD COLUMN objected_at INTEGER;
`
};

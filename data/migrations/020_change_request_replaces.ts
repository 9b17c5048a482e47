import type { Migration } from './index';

/**
 * Whom a new billing contact replaces, on an account with several: the id of
 * one of the request's `old_contacts` (`replaces_contact_id`), or
 * `added_alongside` = 1 when the new contact comes in addition. Both empty on
 * requests filed before (not stated) and where there was no choice (one
 * current contact is replaced, none is nobody).
 */
export const migration020: Migration = {
    version: 20,
    name: 'change_request_replaces',
    sql: `
ALTER TABLE change_requests ADD COLUMN replaces_contact_id TEXT;
ALTER TABLE change_requests ADD COLUMN added_alongside INTEGER NOT NULL DEFAULT 0;
`
};

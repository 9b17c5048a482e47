import type { Migration } from './index';

/** The directory's tables: whatever changes in them bumps `directory_version`. */
const DIRECTORY_TABLES = ['users', 'accounts', 'memberships'] as const;

/** What each trigger does: the one row appears with the first change (an empty table copies as any other). */
const BUMP = 'INSERT OR IGNORE INTO directory_version (id, version) VALUES (1, 0); UPDATE directory_version SET version = version + 1;';

/**
 * A counter of changes to the directory (users, accounts, memberships, portal
 * logins), bumped by triggers whoever writes: this process, an operator
 * command, another instance. A running bot keeps directory look-ups in
 * memory and reads this one row once per turn to know whether they are
 * still true (`data/repositories/directoryCache.ts`). A portal password
 * change is no directory change (the look-ups do not read it). No row
 * yet is version 0.
 */
export const migration018: Migration = {
    version: 18,
    name: 'directory_version',
    sql: `
CREATE TABLE directory_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
${DIRECTORY_TABLES.map(
    (table) => ['INSERT', 'UPDATE', 'DELETE'].map(
        (event) => `CREATE TRIGGER ${table}_${event.toLowerCase()}_directory_version AFTER ${event} ON ${table} BEGIN ${BUMP} END;`
    ).join('\n')
).join('\n')}
CREATE TRIGGER portal_logins_insert_directory_version AFTER INSERT ON portal_logins BEGIN ${BUMP} END;
CREATE TRIGGER portal_logins_update_directory_version AFTER UPDATE OF user_id, login, format ON portal_logins BEGIN ${BUMP} END;
CREATE TRIGGER portal_logins_delete_directory_version AFTER DELETE ON portal_logins BEGIN ${BUMP} END;
`,
    postgres: `
CREATE TABLE directory_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
CREATE FUNCTION directory_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO directory_version (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;
    UPDATE directory_version SET version = version + 1;
    RETURN NULL;
END $$;
${DIRECTORY_TABLES.map(
    (table) => `CREATE TRIGGER ${table}_directory_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();`
).join('\n')}
CREATE TRIGGER portal_logins_directory_version AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF user_id, login, format ON portal_logins FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();
`
};

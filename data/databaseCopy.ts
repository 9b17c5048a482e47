import type { Database, Queryable, SqlValue } from './database';

/** Rows read from SQLite per page, and the most parameters one INSERT binds. */
const PAGE_ROWS = 1000;
const MAX_PARAMS = 30_000;

/** How many rows each table had and was given. */
export type CopyCounts = Record<string, number>;

/** The target is not a freshly migrated, empty PostgreSQL database, or the two schemas differ. */
export class CopyRefused extends Error {
    public constructor(message: string) {
        super(message);
        this.name = 'CopyRefused';
    }
}

interface TargetColumn {
    readonly table_name: string;
    readonly column_name: string;
    readonly is_identity: string;
    readonly is_generated: string;
}

/**
 * Copies every table of a SQLite database into an empty PostgreSQL database
 * (both already migrated to the same version, as {@link Database.open}
 * leaves them), in one transaction: nothing is copied when a row fails.
 *
 * Rows keep their ids and their SQLite `rowid` (on PostgreSQL the `rowid`
 * column of migration 013), pages are read in rowid (or key) order, which a
 * stopped bot does not change meanwhile, parents are copied before the tables that refer
 * to them, the tables' own triggers are off meanwhile (the Direct Line byte
 * counts are copied as they are, not counted twice), and every identity
 * sequence continues after the highest copied id.
 *
 * @throws CopyRefused when the target has a row in any table or lacks a
 * table of the source; nothing is written then.
 */
export async function copySqliteToPostgres(source: Database, target: Database, onTable: (table: string, rows: number) => void = () => undefined): Promise<CopyCounts> {
    if (source.dialect !== 'sqlite' || target.dialect !== 'postgres') {
        throw new Error('copySqliteToPostgres(): the source must be SQLite and the target PostgreSQL');
    }
    const tables = await copyOrder(source, await tablesOf(source));
    const columns = await target.all<TargetColumn>(
        "SELECT table_name, column_name, is_identity, is_generated FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> 'schema_migrations'"
    );
    const targetTables = new Set(columns.map((c) => c.table_name));
    const missing = tables.filter((t) => !targetTables.has(t));
    if (missing.length > 0) {
        throw new CopyRefused(`the target has no table ${missing.join(', ')}: are both at the same migration?`);
    }
    return target.transaction(async (tx) => {
        for (const table of targetTables) {
            const row = await tx.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`);
            if ((row?.n ?? 0) > 0) {
                throw new CopyRefused(`the target is not empty: ${table} has ${row?.n} row(s); copy only into a new database`);
            }
        }
        const counts: CopyCounts = {};
        for (const table of tables) {
            await tx.run(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
            counts[table] = await copyTable(source, tx, table, columns.filter((c) => c.table_name === table));
            await tx.run(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
            onTable(table, counts[table]);
        }
        for (const column of columns.filter((c) => c.is_identity === 'YES')) {
            // The next id continues after the highest copied one (or starts at 1).
            await tx.get(
                `SELECT setval(pg_get_serial_sequence('${column.table_name}', '${column.column_name}'), COALESCE(MAX(${column.column_name}), 1), MAX(${column.column_name}) IS NOT NULL) AS v FROM ${column.table_name}`
            );
        }
        return counts;
    });
}

/** The source's tables, without SQLite's own and the migration record (each side keeps its own). */
async function tablesOf(source: Database): Promise<string[]> {
    const rows = await source.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name");
    return rows.map((r) => r.name);
}

/** Tables ordered so that each comes after the tables its foreign keys refer to. */
async function copyOrder(source: Database, tables: readonly string[]): Promise<string[]> {
    const parents = new Map<string, string[]>();
    for (const table of tables) {
        const keys = await source.all<{ parent: string }>('SELECT "table" AS parent FROM pragma_foreign_key_list(?)', [table]);
        parents.set(table, keys.map((k) => k.parent).filter((p) => p !== table));
    }
    const ordered: string[] = [];
    const visit = (table: string, path: readonly string[]): void => {
        if (ordered.includes(table) || path.includes(table)) {
            return;
        }
        for (const parent of parents.get(table) ?? []) {
            visit(parent, [...path, table]);
        }
        ordered.push(table);
    };
    tables.forEach((t) => visit(t, []));
    return ordered;
}

/** Copies one table page by page in SQLite's rowid order (primary key order for a table WITHOUT ROWID); resolves with the rows copied. */
async function copyTable(source: Database, tx: Queryable, table: string, targetColumns: readonly TargetColumn[]): Promise<number> {
    const info = await source.all<{ name: string; pk: number }>('SELECT name, pk FROM pragma_table_info(?)', [table]);
    const sourceColumns = new Set(info.map((c) => c.name));
    const created = await source.get<{ sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]);
    const hasRowid = !/WITHOUT\s+ROWID/i.test(created?.sql ?? '');
    const writable = targetColumns.filter((c) => c.is_generated !== 'ALWAYS');
    // Columns both have; the target's own `rowid` (an identity where the table has no integer id) takes SQLite's rowid.
    const copied = writable.filter((c) => sourceColumns.has(c.column_name)).map((c) => c.column_name);
    const takesRowid = hasRowid && writable.some((c) => c.column_name === 'rowid') && !sourceColumns.has('rowid');
    const targetNames = takesRowid ? [...copied, 'rowid'] : copied;
    const order = hasRowid
        ? 'rowid'
        : info
              .filter((c) => c.pk > 0)
              .sort((a, b) => a.pk - b.pk)
              .map((c) => quote(c.name))
              .join(', ');
    const select = `SELECT ${[...copied.map(quote), ...(hasRowid ? ['rowid AS "__rowid"'] : [])].join(', ')} FROM ${table} ORDER BY ${order} LIMIT ${PAGE_ROWS} OFFSET ?`;
    const perInsert = Math.max(1, Math.floor(MAX_PARAMS / targetNames.length));
    let total = 0;
    for (;;) {
        const page = await source.all<Record<string, SqlValue>>(select, [total]);
        if (page.length === 0) {
            return total;
        }
        for (let start = 0; start < page.length; start += perInsert) {
            const rows = page.slice(start, start + perInsert);
            const values = rows.flatMap((row) => [...copied.map((c) => row[c]), ...(takesRowid ? [row.__rowid] : [])]);
            const placeholders = rows.map(() => `(${targetNames.map(() => '?').join(', ')})`).join(', ');
            await tx.run(`INSERT INTO ${table} (${targetNames.map(quote).join(', ')}) OVERRIDING SYSTEM VALUE VALUES ${placeholders} RETURNING 1 AS copied`, values);
        }
        total += page.length;
    }
}

/** A column name quoted for both dialects (names like `key`, `count` or `data` are fine unquoted too). */
function quote(name: string): string {
    return `"${name.replace(/"/g, '""')}"`;
}

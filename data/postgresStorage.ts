import type { Storage, StoreItems } from 'botbuilder';
import type { Database, Queryable } from './database';
import type { Clock } from '../core/clock';
import { UPSERT_STATE, storageEntries, storageKeys, upsertParams, type StorageEntry } from './storageInput';

interface StateRow {
    key: string;
    etag: number;
    data: string;
}

/** Keys per SELECT … IN (…). */
const READ_BATCH = 500;

/**
 * botbuilder's `Storage` over the `bot_state` table on PostgreSQL, shared by
 * every instance of the bot. Items round-trip through JSON, and eTags give
 * optimistic concurrency as in {@link SqliteStorage}: a write carrying an
 * eTag other than `*` must match the stored one or nothing in the batch is
 * written. Nothing is kept in memory: another instance may have written the
 * item since, so every read asks the database.
 */
export class PostgresStorage implements Storage {
    public constructor(private readonly db: Database, private readonly clock: Clock) {}

    public async read(keys: string[]): Promise<StoreItems> {
        const items: StoreItems = {};
        const wanted = storageKeys(keys, 'PostgresStorage.read()');
        for (let start = 0; start < wanted.length; start += READ_BATCH) {
            const batch = wanted.slice(start, start + READ_BATCH);
            const rows = await this.db.all<StateRow>(`SELECT key, etag, data FROM bot_state WHERE key IN (${batch.map(() => '?').join(',')})`, batch);
            for (const row of rows) {
                items[row.key] = { ...(JSON.parse(row.data) as object), eTag: String(row.etag) };
            }
        }
        return items;
    }

    public async write(changes: StoreItems): Promise<void> {
        const entries = storageEntries(changes, 'PostgresStorage.write()');
        const now = this.clock.now().getTime();
        if (entries.length === 1) {
            // One item (every turn's conversation state): a single upsert is atomic on its own.
            await upsert(this.db, entries[0], now);
        } else if (entries.length > 1) {
            await this.db.transaction(async (tx) => {
                for (const entry of entries) {
                    await upsert(tx, entry, now);
                }
                // Each upsert checks its eTag in one statement; the locks only order batches over the same keys.
            }, { locks: entries.map((entry) => `state:${entry.key}`) });
        }
    }

    public async delete(keys: string[]): Promise<void> {
        const doomed = storageKeys(keys, 'PostgresStorage.delete()');
        for (let start = 0; start < doomed.length; start += READ_BATCH) {
            const batch = doomed.slice(start, start + READ_BATCH);
            await this.db.run(`DELETE FROM bot_state WHERE key IN (${batch.map(() => '?').join(',')})`, batch);
        }
    }

    /** Nothing is kept in memory, so there is nothing to watch (the same calls as {@link SqliteStorage}). */
    public watchOtherWriters(): void {}

    public stopWatching(): void {}

    /** Number of stored items (for benchmarks and operators). */
    public async count(): Promise<number> {
        const row = await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM bot_state');
        return row?.n ?? 0;
    }
}

/** @throws on an eTag conflict, so a surrounding transaction rolls back. */
async function upsert(db: Queryable, entry: StorageEntry, now: number): Promise<void> {
    if (!(await db.get<{ etag: number }>(UPSERT_STATE, upsertParams(entry, now)))) {
        throw new Error(`PostgresStorage.write(): eTag conflict on key "${entry.key}"`);
    }
}

import type { Storage, StoreItems } from 'botbuilder';
import type { Database, Queryable } from './database';
import type { Clock } from '../core/clock';

interface StateRow {
    key: string;
    etag: number;
    data: string;
}

/**
 * botbuilder's `Storage` over the `bot_state` table. Items round-trip through
 * JSON (so what a dialog cannot serialise fails now, not after a restart), and
 * eTags give optimistic concurrency: a write carrying an eTag other than `*`
 * must match the stored one or nothing in the batch is written.
 */
export class SqliteStorage implements Storage {
    public constructor(private readonly db: Database, private readonly clock: Clock) {}

    public async read(keys: string[]): Promise<StoreItems> {
        if (!Array.isArray(keys)) {
            throw new TypeError('SqliteStorage.read(): keys must be an array');
        }
        const items: StoreItems = {};
        const unique = [...new Set(keys)];
        for (let start = 0; start < unique.length; start += 500) {
            const batch = unique.slice(start, start + 500);
            const rows = await this.db.all<StateRow>(`SELECT key, etag, data FROM bot_state WHERE key IN (${batch.map(() => '?').join(',')})`, batch);
            for (const row of rows) {
                items[row.key] = { ...(JSON.parse(row.data) as object), eTag: String(row.etag) };
            }
        }
        return items;
    }

    public async write(changes: StoreItems): Promise<void> {
        if (changes === null || typeof changes !== 'object') {
            throw new TypeError('SqliteStorage.write(): changes must be an object');
        }
        const entries = Object.entries(changes).map(([key, item]) => {
            const { eTag, ...rest } = (item ?? {}) as { eTag?: string } & Record<string, unknown>;
            return { key, eTag, data: JSON.stringify(rest) };
        });
        if (entries.length === 0) {
            return;
        }
        const now = this.clock.now().getTime();
        if (entries.length === 1) {
            // One item (every turn's conversation state): a single upsert is atomic on its own.
            await this.upsert(this.db, entries[0], now);
            return;
        }
        await this.db.transaction(async (tx) => {
            for (const entry of entries) {
                await this.upsert(tx, entry, now);
            }
        });
    }

    public async delete(keys: string[]): Promise<void> {
        if (!Array.isArray(keys)) {
            throw new TypeError('SqliteStorage.delete(): keys must be an array');
        }
        if (keys.length === 0) {
            return;
        }
        await this.db.transaction(async (tx) => {
            for (const key of keys) {
                await tx.run('DELETE FROM bot_state WHERE key = ?', [key]);
            }
        });
    }

    /**
     * Inserts or updates one item; with an eTag other than `*` the update only
     * happens when it matches the stored one (optimistic concurrency).
     * @throws on an eTag conflict, so the surrounding transaction rolls back.
     */
    private async upsert(db: Queryable, entry: { key: string; eTag?: string; data: string }, now: number): Promise<void> {
        const checked = entry.eTag !== undefined && entry.eTag !== '*';
        const result = await db.run(
            `INSERT INTO bot_state (key, etag, data, updated_at) VALUES (?, 1, ?, ?)
             ON CONFLICT (key) DO UPDATE SET etag = etag + 1, data = excluded.data, updated_at = excluded.updated_at
             WHERE ? = 0 OR CAST(bot_state.etag AS TEXT) = ?`,
            [entry.key, entry.data, now, checked ? 1 : 0, entry.eTag ?? '*']
        );
        if (result.changes === 0) {
            throw new Error(`SqliteStorage.write(): eTag conflict on key "${entry.key}"`);
        }
    }

    /** Number of stored items (for benchmarks and operators). */
    public async count(): Promise<number> {
        const row = await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM bot_state');
        return row?.n ?? 0;
    }
}

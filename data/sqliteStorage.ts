import type { Storage, StoreItems } from 'botbuilder';
import type { Database } from './database';
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
        await this.db.transaction(async (tx) => {
            for (const entry of entries) {
                const current = await tx.get<{ etag: number }>('SELECT etag FROM bot_state WHERE key = ?', [entry.key]);
                if (current && entry.eTag !== undefined && entry.eTag !== '*' && entry.eTag !== String(current.etag)) {
                    throw new Error(`SqliteStorage.write(): eTag conflict on key "${entry.key}"`);
                }
                await tx.run(
                    `INSERT INTO bot_state (key, etag, data, updated_at) VALUES (?, 1, ?, ?)
                     ON CONFLICT (key) DO UPDATE SET etag = etag + 1, data = excluded.data, updated_at = excluded.updated_at`,
                    [entry.key, entry.data, now]
                );
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

    /** Number of stored items (for benchmarks and operators). */
    public async count(): Promise<number> {
        const row = await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM bot_state');
        return row?.n ?? 0;
    }
}

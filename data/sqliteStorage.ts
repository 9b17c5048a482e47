import type { Storage, StoreItems } from 'botbuilder';
import type { Database, Queryable } from './database';
import type { Clock } from '../core/clock';
import { randomInt } from 'crypto';
import { getLogger } from '../core/logger';
import { handWriteRecords, takeWriteRecords } from '../sdkSpeedups/stateText';
import type { TurnRecord } from './repositories/turnRecords';
import { GroupCommit } from './groupCommit';
import { ReadBatch } from './readBatch';
import { jsonParameter, wellFormed } from './jsonParameter';
import { UPSERT_STATE, checksETag, storageEntries, storageKeys, storedItem, upsertParams, type StorageEntry } from './storageInput';

const log = getLogger('data.sqliteStorage');

interface StateRow {
    key: string;
    etag: number;
    data: string;
}

/** An item as stored: its eTag and JSON text. */
interface CachedItem {
    readonly etag: number;
    readonly data: string;
}

/** A turn with more rows than this writes them apart from its state (all must fit one statement). */
const MAX_RECORDS_WITH_STATE = 150;

/** Items by key, the keys as one JSON array: one statement text, and so one prepared statement, for any number of keys. */
const READ_STATES = 'SELECT key, etag, data FROM bot_state WHERE key IN (SELECT value FROM json_each(?))';

/** Items whose stored text is kept in memory, the most recently used. */
const DEFAULT_CACHED_ITEMS = 1000;

/**
 * botbuilder's `Storage` over the `bot_state` table. Items round-trip through
 * JSON (so what a dialog cannot serialise fails now, not after a restart), and
 * eTags give optimistic concurrency: a write carrying an eTag other than `*`
 * must match the stored one or nothing in the batch is written.
 *
 * The stored text and eTag of recently used items are kept in memory, so the
 * read at the start of a turn costs no SQL when the conversation's last turn
 * was written by this instance, which must then be the only writer of
 * `bot_state` while it lives (one per process, see `createBot`). A read still
 * parses the text anew, so callers get fresh objects as before. An item is
 * dropped from memory before every write or delete of it and put back only
 * once the write succeeded; a read fills the memory only when no write began
 * while it ran. Another process may still change `bot_state` (an operator
 * erasing a person's conversations): {@link watchOtherWriters} empties the
 * memory within a second of any commit by another connection.
 *
 * A conversation state handed with the rows its turn appends
 * (`SnapshotConversationState.saveWith`) is written with them in one
 * statement ({@link writeWithRecords}), shared with the turns of other
 * conversations that write at the same time ({@link GroupCommit}); items
 * not in memory are read together with those other turns ask for at the
 * same time ({@link ReadBatch}).
 */
export class SqliteStorage implements Storage {
    private readonly cache = new Map<string, CachedItem>();
    private writesBegun = 0;
    /** SQLite's `data_version` when last looked at: it changes when another connection commits. */
    private dataVersion?: number;
    private watcher?: NodeJS.Timeout;
    /** Turn writes of concurrent turns, one statement for those that queue together. */
    public readonly turnWrites: GroupCommit;
    /** Reads of items not in memory, one statement for those asked for together ({@link READ_STATES}). */
    public readonly stateReads: ReadBatch<StateRow>;

    public constructor(private readonly db: Database, private readonly clock: Clock, private readonly cachedItems = DEFAULT_CACHED_ITEMS) {
        this.turnWrites = new GroupCommit(db);
        this.stateReads = new ReadBatch(async (keys) => {
            const rows = new Map((await db.all<StateRow>(READ_STATES, [jsonParameter(keys)])).map((row) => [row.key, row]));
            // By the key asked for: one with a lone surrogate is stored with U+FFFD in its place.
            return new Map(keys.flatMap((key) => {
                const row = rows.get(wellFormed(key));
                return row ? [[key, row] as const] : [];
            }));
        });
    }

    public async read(keys: string[]): Promise<StoreItems> {
        const items: StoreItems = {};
        const missing: string[] = [];
        for (const key of storageKeys(keys, 'SqliteStorage.read()')) {
            const cached = this.cache.get(key);
            if (cached) {
                this.remember(key, cached);
                items[key] = storedItem(cached.data, cached.etag);
            } else {
                missing.push(key);
            }
        }
        if (missing.length === 0) {
            return items;
        }
        const writesBefore = this.writesBegun;
        const rows = await Promise.all(missing.map((key) => this.stateReads.read(key)));
        rows.forEach((row, i) => {
            if (row) {
                items[missing[i]] = storedItem(row.data, row.etag);
                if (this.writesBegun === writesBefore) {
                    this.remember(missing[i], { etag: row.etag, data: row.data });
                }
            }
        });
        return items;
    }

    public async write(changes: StoreItems): Promise<void> {
        const items = changes && typeof changes === 'object' ? Object.values(changes as StoreItems) : [];
        // Rows the turn appends, handed with its state (`SnapshotConversationState.saveWith`); taken before the first await.
        const records = items.length === 1 && items[0] && typeof items[0] === 'object' ? (takeWriteRecords(items[0]) as readonly TurnRecord[] | undefined) : undefined;
        const entries = storageEntries(changes, 'SqliteStorage.write()');
        if (entries.length === 0) {
            return;
        }
        const now = this.clock.now().getTime();
        this.forget(entries.map((entry) => entry.key));
        if (entries.length === 1 && records && !checksETag(entries[0])) {
            if (await this.writeWithRecords(entries[0], records, now)) {
                return;
            }
            // Not written together: the state alone below, the rows left to the caller.
            handWriteRecords(items[0], records);
        }
        if (entries.length === 1) {
            // One item (every turn's conversation state): a single upsert is atomic on its own.
            const etag = await this.upsert(this.db, entries[0], now);
            this.remember(entries[0].key, { etag, data: entries[0].data });
            return;
        }
        const etags = await this.db.transaction(async (tx) => {
            const written: number[] = [];
            for (const entry of entries) {
                written.push(await this.upsert(tx, entry, now));
            }
            return written;
        });
        entries.forEach((entry, i) => this.remember(entry.key, { etag: etags[i], data: entry.data }));
    }

    public async delete(keys: string[]): Promise<void> {
        keys = storageKeys(keys, 'SqliteStorage.delete()');
        if (keys.length === 0) {
            return;
        }
        this.forget(keys);
        await this.db.transaction(async (tx) => {
            for (const key of keys) {
                await tx.run('DELETE FROM bot_state WHERE key = ?', [key]);
            }
        });
    }

    /**
     * The turn's state (no eTag check) and the rows it appends, in one
     * statement through `turn_records` (migration 019), with those of other
     * turns writing at the same time ({@link GroupCommit}). The new eTag is
     * chosen here, at random, rather than counted up by the database, so
     * the statement need not return it for the memory. Returns false, having
     * written nothing, when the statement failed (a row the tables refuse):
     * the state is then written alone and the rows by the caller, whose
     * insight events must never fail a turn's save.
     */
    private async writeWithRecords(entry: StorageEntry, records: readonly TurnRecord[], now: number): Promise<boolean> {
        if (records.length >= MAX_RECORDS_WITH_STATE) {
            return false;
        }
        const etag = randomInt(1, 2 ** 48 - 1);
        try {
            await this.turnWrites.write({ key: entry.key, data: entry.data, etag, at: now }, records);
        } catch (err) {
            log.warn('state and turn rows not written together; the state is written alone', { error: (err as Error).message });
            return false;
        }
        this.remember(entry.key, { etag, data: entry.data });
        return true;
    }

    /**
     * Inserts or updates one item; with an eTag other than `*` the update only
     * happens when it matches the stored one (optimistic concurrency).
     * @returns the item's new eTag.
     * @throws on an eTag conflict, so the surrounding transaction rolls back.
     */
    private async upsert(db: Queryable, entry: StorageEntry, now: number): Promise<number> {
        const row = await db.get<{ etag: number }>(UPSERT_STATE, upsertParams(entry, now));
        if (!row) {
            throw new Error(`SqliteStorage.write(): eTag conflict on key "${entry.key}"`);
        }
        return row.etag;
    }

    /** Keeps an item's stored text, as the most recently used; the least recently used beyond the limit goes. */
    private remember(key: string, item: CachedItem): void {
        this.cache.delete(key);
        this.cache.set(key, item);
        if (this.cache.size > this.cachedItems) {
            this.cache.delete(this.cache.keys().next().value as string);
        }
    }

    /** Drops items before they are written or deleted, and marks that a write began (see {@link read}). */
    private forget(keys: readonly string[]): void {
        this.writesBegun++;
        for (const key of keys) {
            this.cache.delete(key);
        }
    }

    /** Looks for commits by other connections every `intervalMs` until {@link stopWatching}. */
    public watchOtherWriters(intervalMs = 1000): void {
        this.stopWatching();
        this.watcher = setInterval(() => {
            this.checkOtherWriters().catch(() => undefined);
        }, intervalMs);
        this.watcher.unref();
    }

    public stopWatching(): void {
        clearInterval(this.watcher);
        this.watcher = undefined;
    }

    /**
     * Empties the memory when another connection committed since the last
     * look, so what it changed or deleted is read from the file again.
     */
    public async checkOtherWriters(): Promise<void> {
        const row = await this.db.get<{ data_version: number }>('PRAGMA data_version');
        const version = row?.data_version;
        if (this.dataVersion !== undefined && version !== this.dataVersion) {
            this.writesBegun++;
            this.cache.clear();
        }
        this.dataVersion = version;
    }

    /** Number of stored items (for benchmarks and operators). */
    public async count(): Promise<number> {
        const row = await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM bot_state');
        return row?.n ?? 0;
    }
}

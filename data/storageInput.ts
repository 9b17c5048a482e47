import type { StoreItems } from 'botbuilder';
import { handReadText, takeWriteText } from '../sdkSpeedups/stateText';

/** An item to write: its key, the eTag it carries (if any) and its JSON text without the eTag. */
export interface StorageEntry {
    readonly key: string;
    readonly eTag?: string;
    readonly data: string;
}

/**
 * The keys of a read or delete, each once. No keys (null, undefined) is none,
 * as botbuilder's storage tests expect of a provider; what is not a list is refused.
 */
export function storageKeys(keys: unknown, caller: string): string[] {
    if (keys === null || keys === undefined) {
        return [];
    }
    if (!Array.isArray(keys)) {
        throw new TypeError(`${caller}: keys must be an array`);
    }
    return [...new Set(keys.map((key) => String(key)))];
}

/**
 * The items of a write, each as JSON text without its eTag (built here, or
 * the text the conversation state handed with the item). No change set (null, undefined) writes nothing, as
 * botbuilder's storage tests expect of a provider; an empty list too.
 */
export function storageEntries(changes: unknown, caller: string): StorageEntry[] {
    if (changes === null || changes === undefined) {
        return [];
    }
    if (typeof changes !== 'object') {
        throw new TypeError(`${caller}: changes must be an object`);
    }
    return Object.entries(changes as StoreItems).map(([key, item]) => {
        const eTag = (item as { eTag?: string } | null | undefined)?.eTag;
        // The conversation state hands the text it just built for its change check (sdkSpeedups/stateText.ts): the item is then not copied.
        const handed = item && typeof item === 'object' ? takeWriteText(item) : undefined;
        return { key, eTag, data: handed ?? JSON.stringify(withoutETag(item)) };
    });
}

/** The item's fields but its eTag: a plain object without one as it is, anything else copied without it. */
function withoutETag(item: unknown): unknown {
    if (isPlainObject(item) && !Object.prototype.hasOwnProperty.call(item, 'eTag')) {
        return item;
    }
    const { eTag: _eTag, ...rest } = (item ?? {}) as Record<string, unknown>;
    return rest;
}

/**
 * An item as read: a fresh object from its stored text (JSON without eTag),
 * the text handed on for the conversation state's first snapshot.
 */
export function storedItem(data: string, etag: number): Record<string, unknown> {
    const parsed: unknown = JSON.parse(data);
    // The parsed object is fresh and ours: it takes the eTag itself rather than being copied field by field.
    const item = isPlainObject(parsed) ? parsed : { ...(parsed as object) };
    item.eTag = String(etag);
    handReadText(item, data);
    return item;
}

/** An object made by an object literal or `JSON.parse` (not an array, not an instance of a class). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
    if (typeof value !== 'object' || value === null) {
        return false;
    }
    const prototype = Object.getPrototypeOf(value) as unknown;
    return prototype === Object.prototype || prototype === null;
}

/** Whether an entry's eTag must match the stored one: any eTag but `*` (none means "last writer wins"). */
export function checksETag(entry: StorageEntry): boolean {
    return entry.eTag !== undefined && entry.eTag !== '*';
}

/**
 * Inserts or updates one item in `bot_state`; with an eTag that is checked
 * the update only happens when it matches the stored one. The same
 * statement for SQLite and PostgreSQL.
 */
export const UPSERT_STATE = `INSERT INTO bot_state (key, etag, data, updated_at) VALUES (?, 1, ?, ?)
             ON CONFLICT (key) DO UPDATE SET etag = bot_state.etag + 1, data = excluded.data, updated_at = excluded.updated_at
             WHERE ? = 0 OR CAST(bot_state.etag AS TEXT) = ?
             RETURNING etag`;

/** The parameters of {@link UPSERT_STATE} for an entry. */
export function upsertParams(entry: StorageEntry, now: number): (string | number)[] {
    return [entry.key, entry.data, now, checksETag(entry) ? 1 : 0, entry.eTag ?? '*'];
}

/**
 * SDK speed-up: the conversation state's JSON text built once per save.
 *
 * Relies on botbuilder's `Storage` contract as our two providers keep it
 * (pinned by test/sdkSpeedups/stateText.test.ts): `write` turns an item into
 * text synchronously, before its first `await`, so the item cannot change
 * between {@link handWriteText} and the moment the text is taken; and `read`
 * hands out fresh objects built from the stored text.
 *
 * `SnapshotConversationState` already builds the state's JSON (without its
 * eTag) to decide whether to write; the storage would build the same text
 * again. Hand-over goes both ways: the text a storage read an item from, so
 * the first snapshot of a turn need not stringify what was just parsed; and
 * the text a save just built, so the write need not stringify it again.
 * Each text is taken once (and then forgotten), by the one reader it is for.
 */

/** Text a storage read the item from, for the state's first snapshot. */
const readTexts = new WeakMap<object, string>();
/** Text the state built for the item just before handing it to `Storage.write`. */
const writeTexts = new WeakMap<object, string>();

/** Storage side of a read: `item` was parsed from `text` (its JSON without eTag). */
export function handReadText(item: object, text: string): void {
    readTexts.set(item, text);
}

/** State side of a read: the text `item` was parsed from, if the storage said; forgotten once taken. */
export function takeReadText(item: object): string | undefined {
    const text = readTexts.get(item);
    readTexts.delete(item);
    return text;
}

/** State side of a write: `text` is `item`'s JSON without eTag, as of now. */
export function handWriteText(item: object, text: string): void {
    writeTexts.set(item, text);
}

/** Storage side of a write: the text handed with `item`, if any; forgotten once taken. */
export function takeWriteText(item: object): string | undefined {
    const text = writeTexts.get(item);
    writeTexts.delete(item);
    return text;
}

/**
 * Rows a turn appends once saved (transcript lines, insight events), handed
 * with the state's item to `Storage.write` by `SnapshotConversationState.saveWith`:
 * a storage that can write them in the same statement as the item takes
 * them; rows left untaken after the write are written by the caller.
 */
const writeRecords = new WeakMap<object, readonly unknown[]>();

/** State side: `records` go with `item` into the next write, if the storage takes them. */
export function handWriteRecords(item: object, records: readonly unknown[]): void {
    writeRecords.set(item, records);
}

/** Storage side: the rows handed with `item` (forgotten once taken); the state side takes what is left after the write. */
export function takeWriteRecords(item: object): readonly unknown[] | undefined {
    const records = writeRecords.get(item);
    writeRecords.delete(item);
    return records;
}

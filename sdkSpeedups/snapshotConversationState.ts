/**
 * SDK speed-up: conversation state with a cheap change check.
 *
 * Relies on botbuilder-core internals (pinned by test/sdkSpeedups/snapshotConversationState.test.ts):
 * `BotState` keeps a turn's state only through `load`, `saveChanges`, `clear`,
 * `delete` and `get` (all overridden here, so its own cache under `stateKey` is
 * never used), property accessors go through `load`, and `ConversationState`
 * sets the fields `storage` and `storageKey(context)` that this class reads.
 */
import { ConversationState, type Storage, type TurnContext } from 'botbuilder';
import { handWriteRecords, handWriteText, takeReadText, takeWriteRecords, takeWriteText } from './stateText';

const CACHED = Symbol('billingAssistant.conversationState');

/** The turn's state object and its JSON as read or last written (eTag left out). */
interface CachedState {
    state: Record<string, unknown>;
    snapshot: string;
}

/**
 * botbuilder's `ConversationState` with a cheaper change check. The original
 * hashes the state three times a turn (when read, to decide whether to write,
 * and again after writing), each time through botbuilder's replacer-driven
 * `stringify` and SHA-256; this one compares plain `JSON.stringify` text:
 * once when the state is read and once at save time, whose text is then the
 * new snapshot, handed to the storage so it does not build the same text
 * again (`stateText.ts`); the first snapshot of a turn is the text the
 * storage read, when it says. Same contract otherwise: read once per turn, written by
 * `saveChanges` only when changed (or forced), last writer wins (`eTag: *`).
 * {@link saveWith} hands the turn's rows to the storage with the state
 * (`stateText.ts`), so SQLite writes both in one statement.
 */
export class SnapshotConversationState extends ConversationState {
    /**
     * @param turnStarts runs with the state's read, once per turn (per
     * context): for what must be as fresh as the turn, such as the
     * directory's look-ups (`DirectoryCache.turnBegins`).
     */
    public constructor(storage: Storage, private readonly turnStarts?: () => Promise<void> | void) {
        super(storage);
    }

    public override async load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
        const cached = context.turnState.get(CACHED) as CachedState | undefined;
        if (!force && cached) {
            return cached.state;
        }
        const key = await this.storageKey(context);
        const [items] = await Promise.all([this.storage.read([key]), this.turnStarts?.()]);
        const state = (items[key] ?? {}) as Record<string, unknown>;
        context.turnState.set(CACHED, { state, snapshot: takeReadText(state) ?? snapshotOf(state) } satisfies CachedState);
        return state;
    }

    public override async saveChanges(context: TurnContext, force = false): Promise<void> {
        const cached = (context.turnState.get(CACHED) as CachedState | undefined) ?? (force ? { state: {}, snapshot: '' } : undefined);
        if (!cached) {
            return;
        }
        const snapshot = snapshotOf(cached.state);
        if (!force && snapshot === cached.snapshot) {
            return;
        }
        const key = await this.storageKey(context);
        cached.state.eTag = '*';
        handWriteText(cached.state, snapshot);
        try {
            await this.storage.write({ [key]: cached.state });
        } finally {
            takeWriteText(cached.state);
        }
        cached.snapshot = snapshot;
        context.turnState.set(CACHED, cached);
    }

    /**
     * {@link saveChanges} (not forced) with rows the turn appends once saved:
     * when the state changed they go with its write, and a storage that can
     * writes them in the same statement (`SqliteStorage`). Returns the rows
     * it did not write — all of them when the state was unchanged or the
     * storage did not take them — for the caller to write.
     */
    public async saveWith<R>(context: TurnContext, records: readonly R[]): Promise<readonly R[]> {
        const cached = context.turnState.get(CACHED) as CachedState | undefined;
        if (records.length === 0 || !cached) {
            await this.saveChanges(context);
            return records;
        }
        handWriteRecords(cached.state, records);
        let left: readonly unknown[] | undefined;
        try {
            await this.saveChanges(context);
        } finally {
            left = takeWriteRecords(cached.state);
        }
        return (left as readonly R[] | undefined) ?? [];
    }

    public override clear(context: TurnContext): Promise<void> {
        // An empty snapshot never matches, so the cleared state is written by the next saveChanges.
        context.turnState.set(CACHED, { state: {}, snapshot: '' } satisfies CachedState);
        return Promise.resolve();
    }

    public override async delete(context: TurnContext): Promise<void> {
        context.turnState.delete(CACHED);
        await this.storage.delete([await this.storageKey(context)]);
    }

    public override get(context: TurnContext): Record<string, unknown> | undefined {
        return (context.turnState.get(CACHED) as CachedState | undefined)?.state;
    }
}

/** The state as JSON without its eTag (the eTag changes on every write and says nothing about the content). */
function snapshotOf(state: Record<string, unknown>): string {
    const { eTag: _eTag, ...rest } = state;
    return JSON.stringify(rest);
}

import * as assert from 'assert';
import { BotState, ConversationState, MemoryStorage, TestAdapter, TurnContext, type StoreItems } from 'botbuilder';
import { SnapshotConversationState } from '../../sdkSpeedups/snapshotConversationState';

/** MemoryStorage that counts writes. */
class CountingStorage extends MemoryStorage {
    public writes = 0;
    public override async write(changes: StoreItems): Promise<void> {
        this.writes++;
        await super.write(changes);
    }
}

function turn(): TurnContext {
    return new TurnContext(new TestAdapter(), { type: 'message', text: 'hi', channelId: 'test', conversation: { id: 'c1', isGroup: false, conversationType: 'personal', name: '' }, from: { id: 'u', name: 'u' }, recipient: { id: 'b', name: 'b' } });
}

describe('SnapshotConversationState: writes the conversation state exactly when it changed', () => {
    it('reads once per turn, writes changes, skips unchanged turns, and keeps what was written for the next turn', async () => {
        const storage = new CountingStorage();
        const state = new SnapshotConversationState(storage);
        const counter = state.createProperty<{ n: number }>('counter');

        const first = turn();
        (await counter.get(first, { n: 0 })).n++;
        await state.saveChanges(first);
        assert.strictEqual(storage.writes, 1, 'a new value is written');
        await state.saveChanges(first);
        assert.strictEqual(storage.writes, 1, 'saving again without a change writes nothing');

        const second = turn();
        assert.deepStrictEqual(await counter.get(second), { n: 1 }, 'the next turn reads what was written');
        await state.saveChanges(second);
        assert.strictEqual(storage.writes, 1, 'a turn that changes nothing writes nothing');
        (await counter.get(second))!.n = 1;
        await state.saveChanges(second);
        assert.strictEqual(storage.writes, 1, 'setting the same value is no change');
        await state.saveChanges(second, true);
        assert.strictEqual(storage.writes, 2, 'force writes anyway');

        const third = turn();
        await counter.get(third);
        await state.clear(third);
        await state.saveChanges(third);
        assert.strictEqual(storage.writes, 3, 'a cleared state is written');
        assert.strictEqual(await counter.get(turn()), undefined, 'and is empty afterwards');

        const fourth = turn();
        await counter.set(fourth, { n: 5 });
        await state.saveChanges(fourth);
        await state.delete(fourth);
        assert.strictEqual(state.get(fourth), undefined);
        assert.strictEqual(await counter.get(turn()), undefined, 'deleted from the storage');
    });

    it('saving a turn that never read the state writes nothing unless forced', async () => {
        const storage = new CountingStorage();
        const state = new SnapshotConversationState(storage);
        await state.saveChanges(turn());
        assert.strictEqual(storage.writes, 0);
        await state.saveChanges(turn(), true);
        assert.strictEqual(storage.writes, 1);
    });
});

describe('SnapshotConversationState pins the botbuilder internals it relies on', () => {
    it("BotState touches a turn's cached state only in the methods this class overrides", () => {
        const prototype = BotState.prototype as unknown as Record<string, unknown>;
        const usingCache = Object.getOwnPropertyNames(prototype).filter((name) => name !== 'constructor' && String(prototype[name]).includes('stateKey'));
        assert.deepStrictEqual(usingCache.sort(), ['clear', 'delete', 'get', 'load', 'saveChanges']);
        for (const name of usingCache) {
            assert.ok(Object.prototype.hasOwnProperty.call(SnapshotConversationState.prototype, name), `${name} is overridden`);
        }
    });

    it('ConversationState has the storage and storageKey fields this class reads, and property accessors go through load', async () => {
        const storage = new MemoryStorage();
        const plain = new ConversationState(storage) as unknown as { storage: unknown; storageKey: (context: TurnContext) => string | Promise<string> };
        assert.strictEqual(plain.storage, storage);
        assert.strictEqual(await plain.storageKey(turn()), 'test/conversations/c1/');

        const state = new SnapshotConversationState(storage);
        const context = turn();
        await state.createProperty<number>('count').set(context, 5);
        assert.deepStrictEqual(state.get(context), { count: 5 }, 'the accessor wrote into the state this class loaded');
    });
});

import * as assert from 'assert';
import { TestAdapter, TurnContext } from 'botbuilder';
import { ManualClock } from '../../core/clock';
import { SqliteStorage } from '../../data/sqliteStorage';
import { SnapshotConversationState } from '../../sdkSpeedups/snapshotConversationState';
import { handWriteText, takeReadText } from '../../sdkSpeedups/stateText';
import { useTempDatabase } from '../helpers/tempDatabase';

function turn(): TurnContext {
    return new TurnContext(new TestAdapter(), { type: 'message', text: 'hi', channelId: 'test', conversation: { id: 'c1', isGroup: false, conversationType: 'personal', name: '' }, from: { id: 'u', name: 'u' }, recipient: { id: 'b', name: 'b' } });
}

/** Runs `work` counting the JSON.stringify calls on objects that hold `marker`. */
async function stringifiesOf(marker: string, work: () => Promise<void>): Promise<number> {
    const original = JSON.stringify;
    let calls = 0;
    JSON.stringify = ((value: unknown, ...rest: unknown[]) => {
        const text = (original as (...a: unknown[]) => string)(value, ...rest);
        if (typeof text === 'string' && text.includes(marker)) {
            calls++;
        }
        return text;
    }) as typeof JSON.stringify;
    try {
        await work();
    } finally {
        JSON.stringify = original;
    }
    return calls;
}

describe('The conversation state JSON built once per save (sdkSpeedups/stateText.ts)', () => {
    const dbOf = useTempDatabase();

    it('a turn that changes the state stringifies it once, a turn that reads it from SqliteStorage not at all, and what is stored reads back', async () => {
        const state = new SnapshotConversationState(new SqliteStorage(dbOf(), new ManualClock()));
        const step = state.createProperty<{ said: string[] }>('step');
        const first = turn();
        assert.strictEqual(
            await stringifiesOf('marker-1', async () => {
                (await step.get(first, { said: [] })).said.push('marker-1');
                await state.saveChanges(first);
            }),
            1,
            'one JSON text per save: the change check and the write share it'
        );
        const second = turn();
        assert.strictEqual(
            await stringifiesOf('marker-1', async () => {
                assert.deepStrictEqual(await step.get(second), { said: ['marker-1'] });
            }),
            0,
            'the first snapshot of a turn is the text the storage read'
        );
        assert.strictEqual(await stringifiesOf('marker-1', () => state.saveChanges(second)), 1, 'the unchanged state is compared, not written');
        (await step.get(second))!.said.push('marker-2');
        await state.saveChanges(second);
        assert.deepStrictEqual(await step.get(turn()), { said: ['marker-1', 'marker-2'] }, 'the next turn reads the second save');
        const row = await dbOf().get<{ data: string }>('SELECT data FROM bot_state');
        assert.deepStrictEqual(JSON.parse(row!.data), { step: { said: ['marker-1', 'marker-2'] } }, 'the stored text is the state without its eTag');
    });

    it('pins the Storage contract it relies on: write takes the handed text before its first await, and each text is taken once', async () => {
        const storage = new SqliteStorage(dbOf(), new ManualClock());
        const item: Record<string, unknown> = { v: 1 };
        handWriteText(item, '{"v":1}');
        const written = storage.write({ k: item });
        item.v = 2; // a change after write() began must not reach what is stored
        await written;
        const read = (await storage.read(['k'])).k as Record<string, unknown>;
        assert.strictEqual(read.v, 1, 'the text handed with the item is what was stored');
        assert.strictEqual(takeReadText(read), '{"v":1}', 'a read hands on its stored text');
        assert.strictEqual(takeReadText(read), undefined, 'once');
        item.v = 3;
        await storage.write({ k: item });
        assert.strictEqual((await storage.read(['k'])).k.v, 3, 'without a handed text (taken by the last write) the item is stringified');
    });
});

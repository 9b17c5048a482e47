import * as assert from 'assert';
import { AutoSaveStateMiddleware, ConversationState, MessageFactory, TestAdapter, type Storage } from 'botbuilder';
import { Dialog, DialogSet, TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { ManualClock } from '../../core/clock';
import { createBotStorage, type BotStorage } from '../../data/botStorage';
import { describeEachBackend, useTempDatabase } from '../helpers/tempDatabase';

/**
 * The bot's Storage on each backend (SqliteStorage, PostgresStorage), and the
 * cases botbuilder-js's shared storage tests put to every provider: unknown
 * and missing keys, no changes, odd keys, eTags and `*`, batches, and a
 * waterfall dialog kept across turns.
 */
describeEachBackend('bot Storage', (backend) => {
    const dbOf = useTempDatabase(backend);
    const storage = (): BotStorage => createBotStorage(dbOf(), new ManualClock());

    it('is the provider of the backend', () => {
        assert.strictEqual(storage().constructor.name, backend === 'sqlite' ? 'SqliteStorage' : 'PostgresStorage');
    });

    it('reads nothing for unknown keys', async () => {
        assert.deepStrictEqual(await storage().read(['nope', 'also-nope']), {});
        assert.deepStrictEqual(await storage().read([]), {});
    });

    it('takes no keys and no changes as nothing to do, as botbuilder expects of a provider', async () => {
        const s = storage();
        await s.write({ kept: { v: 1 } });
        assert.deepStrictEqual(await s.read(null as unknown as string[]), {});
        assert.deepStrictEqual(await s.read(undefined as unknown as string[]), {});
        assert.strictEqual(await s.write(null as unknown as Record<string, unknown>), undefined);
        await s.write([] as unknown as Record<string, unknown>);
        await s.write({});
        await s.delete(null as unknown as string[]);
        assert.deepStrictEqual(await s.read(['kept']), { kept: { v: 1, eTag: '1' } }, 'nothing was changed');
    });

    it('refuses what is not a key list or a change set', async () => {
        const s = storage();
        await assert.rejects(s.read('a' as unknown as string[]), /keys must be an array/);
        await assert.rejects(s.delete('a' as unknown as string[]), /keys must be an array/);
        await assert.rejects(s.write(5 as unknown as Record<string, unknown>), /changes must be an object/);
    });

    it('round-trips items through JSON and hands out an eTag', async () => {
        const s = storage();
        await s.write({ a: { count: 1, nested: { list: [1, 'two'] }, when: new Date('2026-01-02T03:04:05Z'), gone: undefined } });
        const { a } = await s.read(['a']);
        assert.deepStrictEqual({ ...a, eTag: undefined }, { count: 1, nested: { list: [1, 'two'] }, when: '2026-01-02T03:04:05.000Z', eTag: undefined });
        assert.strictEqual(typeof a.eTag, 'string');
    });

    it('creates several items in one write, each with an eTag', async () => {
        const s = storage();
        await s.write({ first: { id: 1 }, second: { id: 2 } });
        const items = await s.read(['first', 'second']);
        assert.deepStrictEqual([items.first.id, items.second.id], [1, 2]);
        assert.ok(items.first.eTag && items.second.eTag);
    });

    it('bumps the eTag on each write; an eTag on a new item is no conflict', async () => {
        const s = storage();
        await s.write({ 'c/1': { step: 1 } });
        const first = (await s.read(['c/1']))['c/1'];
        assert.deepStrictEqual(first, { step: 1, eTag: '1' });
        await s.write({ 'c/1': { step: 2, eTag: first.eTag } });
        assert.deepStrictEqual((await s.read(['c/1']))['c/1'], { step: 2, eTag: '2' });
        await s.write({ 'c/2': { step: 1, eTag: 'anything' } });
        assert.strictEqual(await s.count(), 2);
    });

    it('rejects a write with a stale eTag and keeps the newer item', async () => {
        const s = storage();
        await s.write({ k: { v: 1 } });
        const first = (await s.read(['k'])).k;
        await s.write({ k: { ...first, v: 2 } });
        await assert.rejects(s.write({ k: { ...first, v: 3 } }), /eTag conflict on key "k"/);
        assert.strictEqual((await s.read(['k'])).k.v, 2);
    });

    it('lets an item without eTag overwrite, refuses a stale eTag, and lets "*" overwrite (botbuilder\'s update case)', async () => {
        const s = storage();
        await s.write({ plain: { count: 1 }, tagged: { count: 1 } });
        const loaded = await s.read(['plain', 'tagged']);
        const staleTag = loaded.tagged.eTag;
        delete loaded.plain.eTag;
        loaded.plain.count++;
        loaded.tagged.count++;
        await s.write(loaded);
        const reloaded = await s.read(['plain', 'tagged']);
        assert.deepStrictEqual([reloaded.plain.count, reloaded.tagged.count], [2, 2]);
        assert.notStrictEqual(reloaded.tagged.eTag, staleTag, 'a write gives a new eTag');

        await s.write({ plain: { count: 123 } });
        await assert.rejects(s.write({ tagged: { count: 123, eTag: staleTag } }), /eTag conflict/);
        const after = await s.read(['plain', 'tagged']);
        assert.deepStrictEqual([after.plain.count, after.tagged.count], [123, 2]);

        await s.write({ plain: { count: 100 }, tagged: { count: 100, eTag: '*' } });
        const last = await s.read(['plain', 'tagged']);
        assert.deepStrictEqual([last.plain.count, last.tagged.count], [100, 100]);
    });

    it('writes a batch all or nothing', async () => {
        const s = storage();
        await s.write({ x: { v: 1 } });
        const stale = (await s.read(['x'])).x;
        await s.write({ x: { ...stale, v: 2 } });
        await assert.rejects(s.write({ fresh: { v: 1 }, x: { ...stale, v: 3 } }));
        assert.deepStrictEqual(await s.read(['fresh']), {}, 'nothing of the failed batch is written');
    });

    it('writes, reads and deletes a batch', async () => {
        const s = storage();
        await s.write({ batch1: { count: 10 }, batch2: { count: 20 }, batch3: { count: 30 } });
        const read = await s.read(['batch1', 'batch2', 'batch3']);
        assert.deepStrictEqual(Object.values(read).map((item) => [item.count, typeof item.eTag]), [[10, 'string'], [20, 'string'], [30, 'string']]);
        await s.delete(['batch1', 'batch2', 'batch3']);
        assert.deepStrictEqual(await s.read(['batch1', 'batch2', 'batch3']), {});
    });

    it('overwrites with "*" whatever the stored eTag', async () => {
        const s = storage();
        await s.write({ k: { v: 1 } });
        await s.write({ k: { v: 2, eTag: '*' } });
        assert.strictEqual((await s.read(['k'])).k.v, 2);
    });

    it('lets exactly one of two writers with the same eTag win', async () => {
        const s = storage();
        await s.write({ k: { v: 0 } });
        const base = (await s.read(['k'])).k;
        const results = await Promise.allSettled([s.write({ k: { ...base, v: 'a' } }), s.write({ k: { ...base, v: 'b' } })]);
        assert.deepStrictEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
    });

    it('takes any key string, every punctuation mark among them', async () => {
        const s = storage();
        const punctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
        const keys = [punctuation, "o'brien\"; DROP TABLE bot_state; --", 'emoji/🙂/ü/ß', '%_*?[]', 'k'.repeat(5000), '', 'line\nbreak', 'msteams/conversations/a:1/', '$user ? $1'];
        for (const key of keys) {
            await s.write({ [key]: { key } });
        }
        const items = await s.read(keys);
        for (const key of keys) {
            assert.strictEqual(items[key]?.key, key, JSON.stringify(key.slice(0, 40)));
        }
        await s.delete([punctuation]);
        assert.deepStrictEqual(await s.read([punctuation]), {});
    });

    it('deletes items, and deleting unknown keys is fine', async () => {
        const s = storage();
        await s.write({ a: { v: 1 }, b: { v: 2 } });
        await s.delete(['a', 'unknown']);
        assert.deepStrictEqual(Object.keys(await s.read(['a', 'b'])), ['b']);
        await s.delete(['unknown_key']);
    });

    it('carries a waterfall dialog with a prompt across turns', async () => {
        const conversationState = new ConversationState(storage() as Storage);
        const dialogs = new DialogSet(conversationState.createProperty('dialogState'));
        dialogs.add(
            new TextPrompt('name', async (prompt) => {
                if ((prompt.recognized.value ?? '').length > 3) {
                    return true;
                }
                await prompt.context.sendActivity(`too short, try ${prompt.attemptCount}`);
                return false;
            })
        );
        dialogs.add(
            new WaterfallDialog('steps', [
                async (step: WaterfallStepContext) => {
                    await step.context.sendActivity('step 1');
                    return Dialog.EndOfTurn;
                },
                async (step: WaterfallStepContext) => step.prompt('name', { prompt: MessageFactory.text('Your name?') }),
                async (step: WaterfallStepContext) => {
                    await step.context.sendActivity(`hello ${String(step.result)}`);
                    return step.endDialog();
                }
            ])
        );
        const adapter = new TestAdapter(async (context) => {
            const dc = await dialogs.createContext(context);
            await dc.continueDialog();
            if (!context.responded) {
                await dc.beginDialog('steps');
            }
        }).use(new AutoSaveStateMiddleware(conversationState));
        await adapter
            .send('hi')
            .assertReply('step 1')
            .send('go on')
            .assertReply('Your name?')
            .send('Al')
            .assertReply('too short, try 1')
            .send('Bo')
            .assertReply('too short, try 2')
            .send('Kyra')
            .assertReply('hello Kyra')
            .send('again')
            .assertReply('step 1')
            .startTest();
    });
});

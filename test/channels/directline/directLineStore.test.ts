import * as assert from 'assert';
import type { Activity } from 'botbuilder';
import { ManualClock } from '../../../core/clock';
import { DirectLineStore, type AppendedActivity } from '../../../channels/directline/directLineStore';
import { Database } from '../../../data/database';
import { describeEachBackend, useTempDatabase } from '../../helpers/tempDatabase';

const message = (text: string) => (id: string, timestamp: Date): Activity => ({ type: 'message', id, timestamp, text }) as Activity;

describeEachBackend('DirectLineStore: numbering the activities of a conversation', (backend) => {
    const dbOf = useTempDatabase(backend);

    it('gives concurrent appends distinct numbers in the order they were made, stores and announces them in that order', async () => {
        const store = new DirectLineStore(dbOf(), new ManualClock());
        assert.ok(await store.createConversation('conv-aaaaaaaa', 'user-1', 'en-US'));
        const announced: number[] = [];
        store.subscribe('conv-aaaaaaaa', (stored) => announced.push(stored.seq));
        const appended = await Promise.all(Array.from({ length: 40 }, (_, i) => store.append('conv-aaaaaaaa', message(`m${i}`))));
        assert.deepStrictEqual(appended.map((a) => a.seq), Array.from({ length: 40 }, (_, i) => i + 1));
        assert.deepStrictEqual(announced, appended.map((a) => a.seq));
        assert.strictEqual(appended[4].activity.id, 'conv-aaaaaaaa|0000005');
        const read = await store.after('conv-aaaaaaaa', 0);
        assert.deepStrictEqual(read.map((r) => [r.seq, (r.activity as { text?: string }).text]), appended.map((a, i) => [a.seq, `m${i}`]));
        assert.strictEqual((await store.conversation('conv-aaaaaaaa'))?.lastSeq, 40, 'the conversation knows its watermark');
    });

    it('goes on from the stored watermark in a new process, and refuses a conversation that does not exist', async () => {
        const first = new DirectLineStore(dbOf(), new ManualClock());
        await first.createConversation('conv-bbbbbbbb', 'user-1', undefined);
        await first.append('conv-bbbbbbbb', message('one'));
        await first.append('conv-bbbbbbbb', message('two'));
        const second = new DirectLineStore(dbOf(), new ManualClock());
        const [a, b] = await Promise.all([second.append('conv-bbbbbbbb', message('three')), second.append('conv-bbbbbbbb', message('four'))]);
        assert.deepStrictEqual([a.seq, b.seq], [3, 4]);
        await assert.rejects(second.append('conv-missing', message('x')), /conversation conv-missing does not exist/);
        assert.strictEqual(await first.purgeIdle(Date.now() + 1), 1);
        await assert.rejects(first.append('conv-bbbbbbbb', message('after purge')), /conversation conv-bbbbbbbb does not exist/);
    });

    it('stores an activity with a dedupe key once: a proactive turn run again after a crash (new process) adds nothing and announces nothing', async () => {
        const first = new DirectLineStore(dbOf(), new ManualClock());
        await first.createConversation('conv-cccccccc', 'user-1', 'de-DE');
        const original = await first.append('conv-cccccccc', message('Erika: Hallo'), 'proactive-7#1');
        const second = new DirectLineStore(dbOf(), new ManualClock());
        const announced: number[] = [];
        second.subscribe('conv-cccccccc', (stored) => announced.push(stored.seq));
        const again = await second.append('conv-cccccccc', message('Erika: Hallo (second run)'), 'proactive-7#1');
        assert.deepStrictEqual([again.seq, again.activity.id, (again.activity as { text?: string }).text], [original.seq, original.activity.id, 'Erika: Hallo']);
        const next = await second.append('conv-cccccccc', message('Erika: Noch etwas'), 'proactive-7#2');
        const plain = await second.append('conv-cccccccc', message('ohne Schlüssel'));
        assert.deepStrictEqual(announced, [next.seq, plain.seq], 'only what is new is announced');
        const read = await second.after('conv-cccccccc', 0);
        assert.deepStrictEqual(read.map((r) => (r.activity as { text?: string }).text), ['Erika: Hallo', 'Erika: Noch etwas', 'ohne Schlüssel']);
        assert.ok(read.every((r, i) => i === 0 || r.seq > read[i - 1].seq), 'in watermark order (a number may stay unused)');
    });

    if (backend === 'postgres') {
        it('numbers the appends of two instances on one database without a gap or a clash, each stored before a later one shows', async () => {
            const other = await Database.open(dbOf().file);
            try {
                const a = new DirectLineStore(dbOf(), new ManualClock());
                const b = new DirectLineStore(other, new ManualClock());
                await a.createConversation('conv-dddddddd', 'user-1', 'en-US');
                const seen: number[][] = [];
                // A reader polling while both write: what it reads is always 1..n, never n+1 before n.
                let reading = true;
                const reader = (async () => {
                    while (reading) {
                        seen.push((await a.after('conv-dddddddd', 0)).map((r) => r.seq));
                    }
                })();
                const appended = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? a : b).append('conv-dddddddd', message(`m${i}`))));
                reading = false;
                await reader;
                assert.deepStrictEqual(appended.map((x) => x.seq).sort((x, y) => x - y), Array.from({ length: 30 }, (_, i) => i + 1));
                for (const x of appended) {
                    assert.strictEqual(x.activity.id, `conv-dddddddd|${String(x.seq).padStart(7, '0')}`);
                }
                const gaps = seen.filter((seqs) => seqs.some((seq, i) => seq !== i + 1));
                assert.deepStrictEqual(gaps, [], 'a reader never sees a later number before an earlier one');
                assert.ok(seen.length > 1, 'the reader read while they wrote');
                const stored = await b.after('conv-dddddddd', 0);
                assert.deepStrictEqual(stored.map((r) => r.activity.id), appended.map((x) => x.activity.id).sort());
                assert.strictEqual((await b.conversation('conv-dddddddd'))?.lastSeq, 30);
            } finally {
                await other.close();
            }
        });

        it('tells a subscriber on another instance of each new activity through the bus (its number; the activity is read from the database)', async () => {
            const other = await Database.open(dbOf().file);
            const busA = dbOf().openBus();
            const busB = other.openBus();
            try {
                const a = new DirectLineStore(dbOf(), new ManualClock(), busA);
                const b = new DirectLineStore(other, new ManualClock(), busB);
                await a.createConversation('conv-eeeeeeee', 'user-1', 'en-US');
                const heardOnB: AppendedActivity[] = [];
                const heardOnA: AppendedActivity[] = [];
                b.subscribe('conv-eeeeeeee', (appended) => heardOnB.push(appended));
                a.subscribe('conv-eeeeeeee', (appended) => heardOnA.push(appended));
                await new Promise((resolve) => setTimeout(resolve, 300));
                await a.append('conv-eeeeeeee', message('from A'));
                await a.append('conv-eeeeeeee', message('again from A'));
                const deadline = Date.now() + 5000;
                while (heardOnB.length < 2 && Date.now() < deadline) {
                    await new Promise((resolve) => setTimeout(resolve, 20));
                }
                assert.deepStrictEqual(heardOnB, [{ seq: 1 }, { seq: 2 }], 'B hears the numbers, not the content');
                assert.deepStrictEqual(
                    heardOnA.filter((x) => x.activity).map((x) => x.seq),
                    [1, 2],
                    'A announces its own activities with their content'
                );
                assert.deepStrictEqual((await b.after('conv-eeeeeeee', 0)).map((r) => (r.activity as { text?: string }).text), ['from A', 'again from A']);
            } finally {
                await busA.close();
                await busB.close();
                await other.close();
            }
        });
    }
});

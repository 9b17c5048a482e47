import * as assert from 'assert';
import { SqliteStorage } from '../../data/sqliteStorage';
import { ManualClock } from '../../core/clock';
import { Database, type SqlParams } from '../../data/database';
import { useTempDatabase } from '../helpers/tempDatabase';
import { TestAdapter, TurnContext } from 'botbuilder';
import type { TurnRecord } from '../../data/repositories/turnRecords';
import { SnapshotConversationState } from '../../sdkSpeedups/snapshotConversationState';

describe('SqliteStorage: items kept in memory (the cases of every backend are in storage.test.ts)', () => {
    const dbOf = useTempDatabase();
    const storage = (): SqliteStorage => new SqliteStorage(dbOf(), new ManualClock());

    it('reads what it wrote itself without SQL, as fresh objects, and never serves what a failed write left unsure', async () => {
        const db = dbOf();
        const s = new SqliteStorage(db, new ManualClock(), 2);
        let selects = 0;
        const all = db.all.bind(db);
        db.all = ((sql: string, params?: SqlParams) => (selects++, all(sql, params))) as Database['all'];

        await s.write({ a: { v: 1 } });
        const first = (await s.read(['a'])).a;
        assert.deepStrictEqual(first, { v: 1, eTag: '1' });
        assert.strictEqual(selects, 0, 'the item just written is read from memory');
        first.v = 99;
        assert.strictEqual((await s.read(['a'])).a.v, 1, 'each read parses anew: changing a read item changes nothing stored');

        await s.write({ a: { v: 2, eTag: '1' } });
        await assert.rejects(s.write({ a: { v: 3, eTag: '1' } }), /eTag conflict/);
        assert.deepStrictEqual((await s.read(['a'])).a, { v: 2, eTag: '2' }, 'after a failed write the stored item is read');
        assert.strictEqual(selects, 1);

        await s.write({ b: { v: 1 } });
        await s.write({ c: { v: 1 } });
        selects = 0;
        assert.deepStrictEqual(Object.keys(await s.read(['a', 'b', 'c'])).sort(), ['a', 'b', 'c']);
        assert.strictEqual(selects, 1, 'two items are kept: the least recently used is read from the database');

        await s.delete(['c']);
        assert.deepStrictEqual(await s.read(['c']), {}, 'a deleted item is gone from memory too');
    });

    it('reads again from the file what another process changed or deleted, once it looked for other writers', async () => {
        const s = storage();
        await s.checkOtherWriters();
        await s.write({ 'conv/1': { step: 3 } });
        const other = await Database.open(dbOf().file);
        try {
            await other.run('DELETE FROM bot_state WHERE key = ?', ['conv/1']);
        } finally {
            await other.close();
        }
        assert.deepStrictEqual((await s.read(['conv/1']))['conv/1'], { step: 3, eTag: '1' }, 'before it looks, the memory still answers');
        await s.checkOtherWriters();
        assert.deepStrictEqual(await s.read(['conv/1']), {}, 'after it looked, the deletion is seen');
        // Commits on its own connection are no other writer: the memory stays (seen by a row removed behind its back).
        await s.write({ 'conv/2': { step: 1 } });
        await dbOf().run('DELETE FROM bot_state WHERE key = ?', ['conv/2']);
        await s.checkOtherWriters();
        assert.deepStrictEqual(await s.read(['conv/2']), { 'conv/2': { step: 1, eTag: '1' } }, 'its own connection does not empty the memory');
    });
});

describe('SqliteStorage: a turn\'s state and the rows it appends in one statement (SnapshotConversationState.saveWith)', () => {
    const dbOf = useTempDatabase();
    const line = (text: string): TurnRecord => ({ target: 'transcripts', conversationKey: 'test:c1', line: { at: 1, from: 'bot', text } });
    const event = (door: string): TurnRecord => ({ target: 'insight_events', event: { conversation: 'h', door: door as 'webchat', lang: 'en', kind: 'message', detail: null, at: 1 } });

    function turn(): TurnContext {
        return new TurnContext(new TestAdapter(), { type: 'message', text: 'hi', channelId: 'test', conversation: { id: 'c1', isGroup: false, conversationType: 'personal', name: '' }, from: { id: 'u', name: 'u' }, recipient: { id: 'b', name: 'b' } });
    }

    it('one statement writes the changed state and the rows; the state reads back from memory and from the file, and a later eTag check holds', async () => {
        const db = dbOf();
        const storage = new SqliteStorage(db, new ManualClock());
        const state = new SnapshotConversationState(storage);
        const step = state.createProperty<{ n: number }>('step');
        const context = turn();
        (await step.get(context, { n: 0 })).n = 1;
        const statements: string[] = [];
        const stop = db.watchStatements((sql) => statements.push(sql));
        const left = await state.saveWith(context, [line('Hello'), event('webchat')]);
        stop();
        assert.deepStrictEqual(left, [], 'all written');
        assert.strictEqual(statements.length, 1, statements.join('\n'));
        assert.match(statements[0], /INSERT INTO turn_records/);
        assert.deepStrictEqual(await db.all('SELECT text FROM transcripts'), [{ text: 'Hello' }]);
        assert.deepStrictEqual(await db.all('SELECT door FROM insight_events'), [{ door: 'webchat' }]);

        const key = Object.keys(await storage.read(['test/conversations/c1/']))[0];
        const fromMemory = (await storage.read([key]))[key];
        const fromFile = (await new SqliteStorage(db, new ManualClock()).read([key]))[key];
        assert.deepStrictEqual(fromMemory, fromFile);
        assert.deepStrictEqual(fromFile.step, { n: 1 });
        await storage.write({ [key]: { ...fromFile, step: { n: 2 } } });
        await assert.rejects(storage.write({ [key]: { ...fromFile, step: { n: 3 } } }), /eTag conflict/, 'the chosen eTag is checked like any other');
    });

    it('an unchanged state writes nothing and leaves the rows to the caller; a row the tables refuse leaves the state written alone and the rows to the caller', async () => {
        const db = dbOf();
        const state = new SnapshotConversationState(new SqliteStorage(db, new ManualClock()));
        const step = state.createProperty<{ n: number }>('step');
        const first = turn();
        await step.get(first, { n: 0 });
        await state.saveChanges(first);
        const second = turn();
        await step.get(second);
        assert.deepStrictEqual(await state.saveWith(second, [line('unchanged')]), [line('unchanged')]);
        assert.deepStrictEqual(await db.all('SELECT text FROM transcripts'), []);

        const third = turn();
        (await step.get(third, { n: 0 })).n = 5;
        const refused = [line('kept apart'), event('fax')];
        assert.deepStrictEqual(await state.saveWith(third, refused), refused);
        assert.deepStrictEqual(await db.all('SELECT text FROM transcripts'), [], 'nothing of the failed statement');
        const saved = await db.get<{ data: string }>("SELECT data FROM bot_state WHERE key = 'test/conversations/c1/'");
        assert.deepStrictEqual(JSON.parse(saved?.data ?? '{}').step, { n: 5 }, 'the state is saved all the same');
    });
});

import * as assert from 'assert';
import { SqliteStorage } from '../../data/sqliteStorage';
import { ManualClock } from '../../core/clock';
import { Database, type SqlParams } from '../../data/database';
import { useTempDatabase } from '../helpers/tempDatabase';

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

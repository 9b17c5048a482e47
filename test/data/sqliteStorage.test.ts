import * as assert from 'assert';
import { SqliteStorage } from '../../data/sqliteStorage';
import { ManualClock } from '../../core/clock';
import { Database, type SqlParams } from '../../data/database';
import { useTempDatabase } from '../helpers/tempDatabase';

describe('SqliteStorage (botbuilder Storage over SQLite)', () => {
    const dbOf = useTempDatabase();
    const storage = (): SqliteStorage => new SqliteStorage(dbOf(), new ManualClock());

    it('reads nothing for unknown keys', async () => {
        assert.deepStrictEqual(await storage().read(['nope', 'also-nope']), {});
        assert.deepStrictEqual(await storage().read([]), {});
    });

    it('round-trips items through JSON and hands out an eTag', async () => {
        const s = storage();
        await s.write({ a: { count: 1, nested: { list: [1, 'two'] }, when: new Date('2026-01-02T03:04:05Z'), gone: undefined } });
        const { a } = await s.read(['a']);
        assert.deepStrictEqual({ ...a, eTag: undefined }, { count: 1, nested: { list: [1, 'two'] }, when: '2026-01-02T03:04:05.000Z', eTag: undefined });
        assert.strictEqual(typeof a.eTag, 'string');
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

    it('writes a batch all or nothing', async () => {
        const s = storage();
        await s.write({ x: { v: 1 } });
        const stale = (await s.read(['x'])).x;
        await s.write({ x: { ...stale, v: 2 } });
        await assert.rejects(s.write({ fresh: { v: 1 }, x: { ...stale, v: 3 } }));
        assert.deepStrictEqual(await s.read(['fresh']), {}, 'nothing of the failed batch is written');
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

    it('takes any key string', async () => {
        const s = storage();
        const keys = ["o'brien\"; DROP TABLE bot_state; --", 'emoji/🙂/ü/ß', '%_*?[]', 'k'.repeat(5000), '', 'line\nbreak', 'msteams/conversations/a:1/'];
        for (const key of keys) {
            await s.write({ [key]: { key } });
        }
        const items = await s.read(keys);
        for (const key of keys) {
            assert.strictEqual(items[key]?.key, key, JSON.stringify(key.slice(0, 40)));
        }
    });

    it('deletes items, and deleting unknown keys is fine', async () => {
        const s = storage();
        await s.write({ a: { v: 1 }, b: { v: 2 } });
        await s.delete(['a', 'unknown']);
        assert.deepStrictEqual(Object.keys(await s.read(['a', 'b'])), ['b']);
    });

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

    it('refuses what is not a key list or a change set', async () => {
        const s = storage();
        await assert.rejects(s.read('a' as unknown as string[]), /keys must be an array/);
        await assert.rejects(s.write(null as unknown as Record<string, unknown>), /changes must be an object/);
    });
});

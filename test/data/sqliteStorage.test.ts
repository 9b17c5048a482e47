import * as assert from 'assert';
import * as path from 'path';
import { ManualClock } from '../../core/clock';
import { Database } from '../../data/database';
import { SqliteStorage } from '../../data/sqliteStorage';
import { makeTempDir } from '../helpers/tempDir';

describe('SqliteStorage: eTags and batches', () => {
    let db: Database;
    let storage: SqliteStorage;
    let cleanup: () => void;
    beforeEach(async () => {
        const temp = makeTempDir();
        cleanup = temp.cleanup;
        db = await Database.open(path.join(temp.dir, 'state.sqlite'));
        storage = new SqliteStorage(db, new ManualClock());
    });
    afterEach(async () => {
        await db.close();
        cleanup();
    });

    it('writes one item, bumps its eTag on each write, and reads it back', async () => {
        await storage.write({ 'c/1': { step: 1 } });
        const first = (await storage.read(['c/1']))['c/1'];
        assert.deepStrictEqual(first, { step: 1, eTag: '1' });
        await storage.write({ 'c/1': { step: 2, eTag: first.eTag } });
        assert.deepStrictEqual((await storage.read(['c/1']))['c/1'], { step: 2, eTag: '2' });
    });

    it('refuses a stale eTag and keeps the stored item; "*" always wins', async () => {
        await storage.write({ 'c/1': { step: 1 } });
        await storage.write({ 'c/1': { step: 2, eTag: '1' } });
        await assert.rejects(storage.write({ 'c/1': { step: 3, eTag: '1' } }), /eTag conflict/);
        assert.strictEqual((await storage.read(['c/1']))['c/1'].step, 2);
        await storage.write({ 'c/1': { step: 4, eTag: '*' } });
        assert.strictEqual((await storage.read(['c/1']))['c/1'].step, 4);
    });

    it('writes a batch all or nothing', async () => {
        await storage.write({ 'c/1': { step: 1 } });
        await assert.rejects(storage.write({ 'c/2': { step: 1 }, 'c/1': { step: 9, eTag: '7' } }), /eTag conflict/);
        assert.deepStrictEqual(Object.keys(await storage.read(['c/1', 'c/2'])), ['c/1']);
        await storage.write({ 'c/2': { step: 1 }, 'c/3': { step: 1, eTag: 'anything' } });
        assert.strictEqual(await storage.count(), 3, 'an eTag on a new item is no conflict');
    });
});

import * as assert from 'assert';
import { configureLogging } from '../../core/logger';
import { copySqliteToPostgres, CopyRefused } from '../../data/databaseCopy';
import { Database } from '../../data/database';
import { loadDemoDataOnce, readDemoData } from '../../data/demoData';
import { OutboxRepository } from '../../data/repositories/outboxRepository';
import * as path from 'path';
import { PROJECT_ROOT } from '../../paths';
import { tempDatabaseTarget, type TempDatabaseTarget } from '../helpers/tempDatabase';

const DEMO = path.join(PROJECT_ROOT, 'data', 'accounts.json');

describe('Copying a SQLite database into PostgreSQL (data/databaseCopy.ts)', () => {
    let places: TempDatabaseTarget[];
    let source: Database;
    let target: Database;
    before(() => configureLogging('silent'));
    beforeEach(async () => {
        places = [tempDatabaseTarget('sqlite'), tempDatabaseTarget('postgres')];
        source = await Database.open(places[0].target);
        target = await Database.open(places[1].target);
    });
    afterEach(async () => {
        await source.close();
        await target.close();
        await Promise.all(places.map((p) => p.cleanup()));
    });

    it('keeps ids, and new rows on PostgreSQL continue after the highest copied id', async () => {
        await loadDemoDataOnce(source, readDemoData(DEMO));
        const outbox = new OutboxRepository(source);
        const mail = (to: string) => ({ kind: 'verification-code', to, locale: 'en', subject: 'Code', body: 'code' });
        const first = (await outbox.insert(mail('a@example.com'), 1))!;
        const second = (await outbox.insert(mail('b@example.com'), 2))!;
        await source.run('DELETE FROM outbox WHERE id = ?', [first]);
        const counts = await copySqliteToPostgres(source, target);
        assert.strictEqual(counts.outbox, 1);
        assert.deepStrictEqual(await target.all('SELECT id, to_address FROM outbox'), [{ id: second, to_address: 'b@example.com' }]);
        assert.deepStrictEqual(await target.all('SELECT id, name FROM accounts ORDER BY id'), await source.all('SELECT id, name FROM accounts ORDER BY id'));
        const next = await new OutboxRepository(target).insert(mail('c@example.com'), 3);
        assert.strictEqual(next, second + 1);
    });

    it('refuses a target with any row and writes nothing', async () => {
        await loadDemoDataOnce(source, readDemoData(DEMO));
        await target.run("INSERT INTO meta (key, value) VALUES ('x', 'y')");
        await assert.rejects(copySqliteToPostgres(source, target), (err: Error) => err instanceof CopyRefused && /meta has 1 row/.test(err.message));
        assert.deepStrictEqual(await target.all('SELECT COUNT(*) AS n FROM accounts'), [{ n: 0 }]);
    });
});

import * as assert from 'assert';
import { useTempDatabase } from '../helpers/tempDatabase';

describe('Database.statementsRun: the statements per turn the bench prints', () => {
    const db = useTempDatabase();

    it('counts every statement: alone, inside a transaction, and the transaction\'s BEGIN and COMMIT', async () => {
        const start = db().statementsRun;
        await db().run("INSERT INTO meta (key, value) VALUES ('a', '1')");
        await db().get('SELECT value FROM meta WHERE key = ?', ['a']);
        assert.strictEqual(db().statementsRun - start, 2);
        await db().transaction(async (tx) => {
            await tx.run("INSERT INTO meta (key, value) VALUES ('b', '2')");
            await tx.all('SELECT key FROM meta');
        });
        assert.strictEqual(db().statementsRun - start, 2 + 4, 'BEGIN, two statements, COMMIT');
    });

    it('a failed transaction counts its ROLLBACK, a failed statement counts too', async () => {
        const start = db().statementsRun;
        await assert.rejects(
            db().transaction(async (tx) => {
                await tx.run("INSERT INTO meta (key, value) VALUES ('c', '3')");
                throw new Error('changed my mind');
            })
        );
        assert.strictEqual(db().statementsRun - start, 3, 'BEGIN, INSERT, ROLLBACK');
        await assert.rejects(db().run("INSERT INTO meta (key, value) VALUES ('d', NULL)"));
        assert.strictEqual(db().statementsRun - start, 4);
    });

    it('a writesOnce transaction on SQLite runs without BEGIN/COMMIT: its one write, last, is committed on its own; a statement after it is refused', async () => {
        const start = db().statementsRun;
        const seen = await db().transaction(async (tx) => {
            const row = await tx.get<{ n: number }>("SELECT COUNT(*) AS n FROM meta WHERE key = 'e'");
            await tx.run("INSERT INTO meta (key, value) VALUES ('e', '5')");
            return row?.n;
        }, { writesOnce: true });
        assert.strictEqual(seen, 0);
        assert.strictEqual(db().statementsRun - start, 2, 'the read and the write, nothing around them');
        await assert.rejects(
            db().transaction(async (tx) => {
                await tx.run("INSERT INTO meta (key, value) VALUES ('f', '6')");
                await tx.run("INSERT INTO meta (key, value) VALUES ('g', '7')");
            }, { writesOnce: true }),
            /a statement after the one write of a writesOnce transaction/
        );
        assert.deepStrictEqual((await db().all<{ key: string }>("SELECT key FROM meta WHERE key IN ('e', 'f', 'g') ORDER BY key")).map((r) => r.key), ['e', 'f'], 'the write before the refused statement stays');
        await assert.rejects(
            db().transaction(async (tx) => {
                await tx.get('SELECT 1');
                throw new Error('changed my mind');
            }, { writesOnce: true })
        );
        assert.strictEqual((await db().get<{ n: number }>("SELECT COUNT(*) AS n FROM meta WHERE key = 'h'"))?.n, 0);
    });
});

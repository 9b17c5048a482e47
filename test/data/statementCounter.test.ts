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
});

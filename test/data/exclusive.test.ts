import * as assert from 'assert';
import { Database } from '../../data/database';
import { describeEachBackend, useTempDatabase } from '../helpers/tempDatabase';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachBackend('Database.exclusive: a lock by name across the instances on one database', (backend) => {
    const dbOf = useTempDatabase(backend);

    it('runs the work and gives back its result, and lets the lock go when the work throws', async () => {
        assert.strictEqual(await dbOf().exclusive('turn:a', async () => 42), 42);
        await assert.rejects(dbOf().exclusive('turn:a', () => Promise.reject(new Error('turn failed'))), /turn failed/);
        assert.strictEqual(await dbOf().exclusive('turn:a', async () => 'again'), 'again', 'taken again after the failure');
    });

    if (backend === 'postgres') {
        it('holds a second instance on the same name until the first is done, lets other names pass, and never deadlocks with transactions', async () => {
            const other = await Database.open(dbOf().file);
            try {
                const order: string[] = [];
                let releaseFirst: () => void = () => undefined;
                const firstHolds = new Promise<void>((resolve) => {
                    releaseFirst = resolve;
                });
                const first = dbOf().exclusive('turn:x', async () => {
                    order.push('first in');
                    await firstHolds;
                    // A transaction while the lock is held, with the other instance waiting for the lock.
                    await dbOf().transaction((tx) => tx.run('INSERT INTO audit_log (at, actor, action, subject) VALUES (?, ?, ?, ?)', [1, 'test', 'first', 'x']));
                    order.push('first out');
                });
                await pause(100);
                const second = other.exclusive('turn:x', async () => {
                    order.push('second in');
                });
                const elsewhere = await other.exclusive('turn:y', async () => {
                    await other.transaction((tx) => tx.run('INSERT INTO audit_log (at, actor, action, subject) VALUES (?, ?, ?, ?)', [2, 'test', 'elsewhere', 'y']));
                    return 'another conversation ran meanwhile';
                });
                assert.strictEqual(elsewhere, 'another conversation ran meanwhile');
                await pause(200);
                assert.deepStrictEqual(order, ['first in'], 'the second instance waits for the lock');
                releaseFirst();
                await Promise.all([first, second]);
                assert.deepStrictEqual(order, ['first in', 'first out', 'second in']);
            } finally {
                await other.close();
            }
        });
    }
});

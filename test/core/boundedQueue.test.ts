import * as assert from 'assert';
import { BoundedQueue } from '../../core/boundedQueue';

describe('BoundedQueue: expensive work at most n at a time, a short queue, refusal beyond', () => {
    it('runs one task at a time with two waiting, refuses the fourth without running it, and takes new work once a slot is free', async () => {
        const queue = new BoundedQueue(1, 2);
        const started: number[] = [];
        const finish: Array<() => void> = [];
        const task = (id: number) => () =>
            new Promise<number>((resolve) => {
                started.push(id);
                finish.push(() => resolve(id));
            });
        const runs = [queue.tryRun(task(1)), queue.tryRun(task(2)), queue.tryRun(task(3))];
        assert.ok(runs.every((run) => run !== undefined));
        assert.strictEqual(queue.full, true);
        assert.strictEqual(queue.tryRun(task(4)), undefined, 'the fourth is refused at once');
        await new Promise((resolve) => setImmediate(resolve));
        assert.deepStrictEqual(started, [1], 'only one runs');
        finish[0]();
        assert.strictEqual(await runs[0], 1);
        await new Promise((resolve) => setImmediate(resolve));
        assert.deepStrictEqual(started, [1, 2], 'the next in line starts');
        assert.strictEqual(queue.full, false);
        assert.ok(queue.tryRun(task(5)), 'a place in the queue is free again');
        finish[1]();
        await runs[1];
        await new Promise((resolve) => setImmediate(resolve));
        finish[2]();
        assert.strictEqual(await runs[2], 3);
        await new Promise((resolve) => setImmediate(resolve));
        finish[3]();
        assert.deepStrictEqual(started, [1, 2, 3, 5]);
    });

    it('frees the slot when a task fails', async () => {
        const queue = new BoundedQueue(1, 0);
        await assert.rejects(queue.tryRun(() => Promise.reject(new Error('scrypt failed'))) ?? Promise.resolve(), /scrypt failed/);
        assert.strictEqual(await queue.tryRun(async () => 'next'), 'next');
    });
});

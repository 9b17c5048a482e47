import * as assert from 'assert';
import { SharedExclusiveLock } from '../../core/mutex';

/** A task that records when it starts and ends, and ends when told. */
function task(log: string[], name: string): { run: () => Promise<string>; end: () => void } {
    let end!: () => void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    return {
        run: async () => {
            log.push(`${name} starts`);
            await ended;
            log.push(`${name} ends`);
            return name;
        },
        end: () => end()
    };
}

const ticks = async (): Promise<void> => {
    for (let i = 0; i < 10; i++) {
        await Promise.resolve();
    }
};

describe('SharedExclusiveLock', () => {
    it('runs shared tasks together, at most maxShared, and the next as one ends', async () => {
        const lock = new SharedExclusiveLock(2);
        const log: string[] = [];
        const [a, b, c] = ['a', 'b', 'c'].map((name) => task(log, name));
        const done = [a, b, c].map((t) => lock.shared(t.run));
        await ticks();
        assert.deepStrictEqual(log, ['a starts', 'b starts']);
        assert.deepStrictEqual(lock.load, { running: 2, waiting: 1 });
        b.end();
        await ticks();
        assert.deepStrictEqual(log, ['a starts', 'b starts', 'b ends', 'c starts']);
        a.end();
        c.end();
        assert.deepStrictEqual(await Promise.all(done), ['a', 'b', 'c']);
        assert.deepStrictEqual(lock.load, { running: 0, waiting: 0 });
    });

    it('an exclusive task waits for the shared ones under way, and shared ones that come after it wait for it', async () => {
        const lock = new SharedExclusiveLock();
        const log: string[] = [];
        const [a, x, b] = ['a', 'x', 'b'].map((name) => task(log, name));
        const done = [lock.shared(a.run), lock.exclusive(x.run), lock.shared(b.run)];
        await ticks();
        assert.deepStrictEqual(log, ['a starts'], 'b does not overtake x');
        a.end();
        await ticks();
        assert.deepStrictEqual(log, ['a starts', 'a ends', 'x starts']);
        x.end();
        await ticks();
        assert.deepStrictEqual(log, ['a starts', 'a ends', 'x starts', 'x ends', 'b starts']);
        b.end();
        await Promise.all(done);
    });

    it('a task that throws or rejects lets the next run, and its caller gets the error', async () => {
        const lock = new SharedExclusiveLock(1);
        const thrown = lock.exclusive(() => {
            throw new Error('at once');
        });
        const rejected = lock.shared(() => Promise.reject(new Error('later')));
        const next = lock.exclusive(() => Promise.resolve('ran'));
        await assert.rejects(thrown, /at once/);
        await assert.rejects(rejected, /later/);
        assert.strictEqual(await next, 'ran');
    });

    it('refuses a bound below one', () => {
        assert.throws(() => new SharedExclusiveLock(0), /maxShared/);
    });
});

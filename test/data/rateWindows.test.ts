import * as assert from 'assert';
import { ManualClock } from '../../core/clock';
import { configureLogging } from '../../core/logger';
import { Database } from '../../data/database';
import { DatabaseRateLimiter, rateLimitsFor } from '../../data/repositories/rateWindows';
import { tempDatabaseTarget, type TempDatabaseTarget } from '../helpers/tempDatabase';

describe('Rate limits counted in the database (data/repositories/rateWindows.ts)', () => {
    before(() => configureLogging('silent'));

    describe('two instances on one PostgreSQL database', () => {
        let place: TempDatabaseTarget;
        let a: Database;
        let b: Database;
        beforeEach(async () => {
            place = tempDatabaseTarget('postgres');
            a = await Database.open(place.target);
            b = await Database.open(place.target);
        });
        afterEach(async () => {
            await a.close();
            await b.close();
            await place.cleanup();
        });

        it('allow together no more than the limit, however many events both fire at once', async () => {
            const clock = new ManualClock();
            const limiters = [new DatabaseRateLimiter(a, 'posts', 30, 60_000, clock), new DatabaseRateLimiter(b, 'posts', 30, 60_000, clock)];
            const decisions = await Promise.all(Array.from({ length: 80 }, (_, i) => limiters[i % 2].take('conversation-1')));
            assert.strictEqual(decisions.filter((d) => d.allowed).length, 30);
            const refused = decisions.filter((d) => !d.allowed);
            assert.ok(refused.every((d) => d.retryAfterSeconds === 60), `Retry-After: ${refused.map((d) => d.retryAfterSeconds).join(',')}`);
        });

        it('count each key and each scope on its own, and start a new window when the old one has passed', async () => {
            const clock = new ManualClock();
            const posts = new DatabaseRateLimiter(a, 'posts', 2, 60_000, clock);
            const tokens = new DatabaseRateLimiter(b, 'tokens', 2, 60_000, clock);
            assert.deepStrictEqual((await Promise.all([posts.take('k'), posts.take('k'), posts.take('k')])).map((d) => d.allowed).sort(), [false, true, true]);
            assert.strictEqual((await posts.take('other')).allowed, true);
            assert.strictEqual((await tokens.take('k')).allowed, true);
            clock.advance(45_000);
            assert.deepStrictEqual(await posts.take('k'), { allowed: false, retryAfterSeconds: 15 });
            clock.advance(15_000);
            assert.strictEqual((await new DatabaseRateLimiter(b, 'posts', 2, 60_000, clock).take('k')).allowed, true);
        });

        it('keep no key in clear, and the retention deletes windows past their time', async () => {
            const clock = new ManualClock();
            await new DatabaseRateLimiter(a, 'tokens', 5, 60_000, clock).take('203.0.113.7');
            const rows = await a.all<{ key_hash: string }>('SELECT key_hash FROM rate_windows');
            assert.strictEqual(rows.length, 1);
            assert.ok(!rows[0].key_hash.includes('203.0.113.7'));
            assert.strictEqual(await DatabaseRateLimiter.deleteBefore(b, clock.now().getTime()), 0);
            assert.strictEqual(await DatabaseRateLimiter.deleteBefore(b, clock.now().getTime() + 1), 1);
        });

        it('are what rateLimitsFor gives on PostgreSQL', () => {
            assert.ok(rateLimitsFor(a, new ManualClock())('posts', 1, 1000) instanceof DatabaseRateLimiter);
        });
    });

    describe('one instance on SQLite', () => {
        let place: TempDatabaseTarget;
        let db: Database;
        beforeEach(async () => {
            place = tempDatabaseTarget('sqlite');
            db = await Database.open(place.target);
        });
        afterEach(async () => {
            await db.close();
            await place.cleanup();
        });

        it('counts in memory, as before, with the same limit, and writes nothing', async () => {
            const limiter = rateLimitsFor(db, new ManualClock())('posts', 3, 60_000);
            assert.ok(!(limiter instanceof DatabaseRateLimiter));
            const decisions = await Promise.all(Array.from({ length: 5 }, () => limiter.take('k')));
            assert.strictEqual(decisions.filter((d) => d.allowed).length, 3);
            assert.deepStrictEqual(await db.all('SELECT * FROM rate_windows'), []);
        });
    });
});

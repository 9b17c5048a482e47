import * as assert from 'assert';
import { ManualClock } from '../../core/clock';
import { configureLogging } from '../../core/logger';
import { Database } from '../../data/database';
import { JobSchedule } from '../../data/repositories/jobSchedule';
import { RetentionKeeper, type RetentionRule } from '../../services/retention';
import { tempDatabaseTarget, type TempDatabaseTarget } from '../helpers/tempDatabase';

const HOUR = 3600_000;

/** Two instances of the bot: two connection pools on one database, one clock. */
function twoInstances(backend: 'sqlite' | 'postgres'): { a: () => Database; b: () => Database } {
    let place: TempDatabaseTarget | undefined;
    let a: Database | undefined;
    let b: Database | undefined;
    beforeEach(async () => {
        place = tempDatabaseTarget(backend);
        a = await Database.open(place.target);
        b = await Database.open(place.target);
    });
    afterEach(async () => {
        await a?.close();
        await b?.close();
        await place?.cleanup();
    });
    return { a: () => a!, b: () => b! };
}

/** A retention rule that counts its sweeps. */
function countingRule(): RetentionRule & { runs: number } {
    const rule = {
        name: 'counted',
        keepMs: HOUR,
        runs: 0,
        purge: async () => {
            rule.runs++;
            return 0;
        }
    };
    return rule;
}

describe('Timed jobs once per due time across instances (data/repositories/jobSchedule.ts)', () => {
    before(() => configureLogging('silent'));

    describe('two instances on one PostgreSQL database', () => {
        const instances = twoInstances('postgres');

        it('grants each due time to exactly one of many claims fired at once from both instances', async () => {
            const clock = new ManualClock(new Date('2026-06-01T00:00:00Z'));
            const schedules = [new JobSchedule(instances.a(), clock), new JobSchedule(instances.b(), clock)];
            for (let round = 0; round < 3; round++) {
                const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => schedules[i % 2].claim('queue-sweep', 15_000)));
                assert.strictEqual(claims.filter(Boolean).length, 1, `round ${round}: ${claims.filter(Boolean).length} claims granted`);
                // Before the next due time nobody runs it again; after it, one does.
                clock.advance(10_000);
                assert.deepStrictEqual(await Promise.all(schedules.map((s) => s.claim('queue-sweep', 15_000))), [false, false]);
                clock.advance(5_000);
            }
        });

        it('keeps jobs apart: one job claimed does not hold back another', async () => {
            const clock = new ManualClock();
            const schedule = new JobSchedule(instances.a(), clock);
            assert.strictEqual(await schedule.claim('retention', HOUR), true);
            assert.strictEqual(await schedule.claim('handoff-sweep', 15_000), true);
            assert.strictEqual(await new JobSchedule(instances.b(), clock).claim('retention', HOUR), false);
        });

        it('leaves the job to the other instance once the one that ran it stops', async () => {
            const clock = new ManualClock();
            assert.strictEqual(await new JobSchedule(instances.a(), clock).claim('retention', HOUR), true);
            await instances.a().close();
            const other = new JobSchedule(instances.b(), clock);
            assert.strictEqual(await other.claim('retention', HOUR), false);
            clock.advance(HOUR);
            assert.strictEqual(await other.claim('retention', HOUR), true);
        });

        it('two retention keepers started together sweep once, and once again at the next due time', async () => {
            const clock = new ManualClock();
            const ruleA = countingRule();
            const ruleB = countingRule();
            const keepers = [
                new RetentionKeeper([ruleA], clock, 200, new JobSchedule(instances.a(), clock)),
                new RetentionKeeper([ruleB], clock, 200, new JobSchedule(instances.b(), clock))
            ];
            keepers.forEach((k) => k.start());
            await waitFor(() => ruleA.runs + ruleB.runs === 1);
            // The timers fire every 200 ms; the manual clock stands still, so no due time comes.
            await new Promise((resolve) => setTimeout(resolve, 700));
            assert.strictEqual(ruleA.runs + ruleB.runs, 1);
            clock.advance(200);
            await waitFor(() => ruleA.runs + ruleB.runs === 2);
            await new Promise((resolve) => setTimeout(resolve, 500));
            await Promise.all(keepers.map((k) => k.stop()));
            assert.strictEqual(ruleA.runs + ruleB.runs, 2);
        });
    });

    describe('one instance on SQLite', () => {
        const instances = twoInstances('sqlite');

        it('runs every round, as before: every claim is granted', async () => {
            const schedule = new JobSchedule(instances.a(), new ManualClock());
            assert.deepStrictEqual(await Promise.all([schedule.claim('retention', HOUR), schedule.claim('retention', HOUR)]), [true, true]);
        });
    });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!condition()) {
        if (Date.now() > end) {
            throw new Error('waitFor(): condition not met in time');
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
}

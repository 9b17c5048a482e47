import * as assert from 'assert';
import { Client } from 'pg';
import { Database, type Transaction } from '../../data/database';
import { useHarness } from '../helpers/botHarness';
import { testDatabaseUrl, useTempDatabase } from '../helpers/tempDatabase';

/** Skips the suite, saying why, when the test PostgreSQL cannot be reached. */
function skipWithoutPostgres(): void {
    before(async function () {
        const client = new Client({ connectionString: testDatabaseUrl(), connectionTimeoutMillis: 3000 });
        try {
            await client.connect();
            await client.end();
        } catch (err) {
            process.stderr.write(`skipped: PostgreSQL at ${testDatabaseUrl()} cannot be reached (${(err as Error).message})\n`);
            this.skip();
        }
    });
}

/** Reads a counter, waits, and writes it back one higher: loses updates unless the transactions take turns. */
async function slowIncrement(tx: Transaction, name: string): Promise<void> {
    const row = await tx.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', [name]);
    await tx.get('SELECT pg_sleep(0.03)');
    await tx.run('UPDATE meta SET value = ? WHERE key = ?', [String(Number(row?.value ?? 0) + 1), name]);
}

describe('PostgreSQL transactions: named locks let unrelated ones overlap across instances (issue 15)', () => {
    skipWithoutPostgres();
    const dbOf = useTempDatabase('postgres');
    let other: Database | undefined;

    beforeEach(async () => {
        other = await Database.open(dbOf().file);
    });
    afterEach(async () => {
        await other?.close();
        other = undefined;
    });
    const instances = (): Database[] => [dbOf(), other as Database];

    it('ten transactions naming different locks on two instances, each holding 150 ms, overlap', async () => {
        const started = Date.now();
        await Promise.all(
            Array.from({ length: 10 }, (_, i) => instances()[i % 2].transaction((tx) => tx.get('SELECT pg_sleep(0.15)'), { locks: [`conversation:${i}`] }))
        );
        const took = Date.now() - started;
        assert.ok(took < 10 * 150 * 0.5, `took ${took} ms; one after the other would take 1500 ms`);
    });

    it('transactions naming the same lock take turns across instances: no lost update', async () => {
        await dbOf().run("INSERT INTO meta (key, value) VALUES ('counter', '0')");
        await Promise.all(Array.from({ length: 8 }, (_, i) => instances()[i % 2].transaction((tx) => slowIncrement(tx, 'counter'), { locks: ['address:same'] })));
        assert.strictEqual((await dbOf().get<{ value: string }>("SELECT value FROM meta WHERE key = 'counter'"))?.value, '8');
    });

    it('a lock taken inside the transaction (tx.lock) orders the same way', async () => {
        await dbOf().run("INSERT INTO meta (key, value) VALUES ('late', '0')");
        await Promise.all(
            Array.from({ length: 6 }, (_, i) =>
                instances()[i % 2].transaction(
                    async (tx) => {
                        await tx.lock('address:learnt-late');
                        await slowIncrement(tx, 'late');
                    },
                    { locks: [`conversation:${i}`] }
                )
            )
        );
        assert.strictEqual((await dbOf().get<{ value: string }>("SELECT value FROM meta WHERE key = 'late'"))?.value, '6');
    });

    it('a transaction naming no lock runs alone: with every other, named or not', async () => {
        await dbOf().run("INSERT INTO meta (key, value) VALUES ('alone', '0')");
        await Promise.all([
            ...Array.from({ length: 4 }, (_, i) => instances()[i % 2].transaction((tx) => slowIncrement(tx, 'alone'))),
            ...Array.from({ length: 4 }, (_, i) => instances()[i % 2].transaction((tx) => slowIncrement(tx, 'alone'), { locks: [`conversation:${i}`] }))
        ]);
        // The named ones do not wait for each other, but each waits for the unnamed ones and they for it.
        const value = Number((await dbOf().get<{ value: string }>("SELECT value FROM meta WHERE key = 'alone'"))?.value);
        assert.ok(value >= 5 && value <= 8, `the four unnamed increments are never lost (got ${value})`);
    });
});

describe('PostgreSQL: code requests in parallel keep the limits and no longer queue (issue 15)', () => {
    skipWithoutPostgres();
    const harnessOf = useHarness({ backend: 'postgres' });

    it('20 conversations asking at once for one address get exactly the hourly limit of codes', async () => {
        const verification = harnessOf().runtime.services.verification;
        const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => verification.sendCode(`test:same-${i}`, 'jonas.weber@mueller-design.example', 'en')));
        assert.strictEqual(outcomes.filter((o) => o === 'sent').length, verification.policy.maxCodesPerHour);
        assert.strictEqual(outcomes.filter((o) => o === 'rate-limited').length, 20 - verification.policy.maxCodesPerHour);
        assert.strictEqual((await harnessOf().mails('jonas.weber@mueller-design.example')).length, verification.policy.maxCodesPerHour, 'as many mails as codes');
    });

    it('20 conversations asking at once for 20 addresses all get their code', async () => {
        const verification = harnessOf().runtime.services.verification;
        const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => verification.sendCode(`test:own-${i}`, `someone-${i}@nowhere.example`, 'en')));
        assert.deepStrictEqual(outcomes, Array.from({ length: 20 }, () => 'sent'));
    });
});

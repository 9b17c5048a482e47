import * as assert from 'assert';
import * as crypto from 'crypto';
import * as path from 'path';
import { MessagesDriver } from '../../bench/lib/messagesDriver';
import { OutboxCodeReader } from '../../bench/lib/outboxCodes';
import { writeDirectory } from '../../bench/lib/people';
import { createBenchDatabase, InstanceGroup, runPostgresLoad, type BenchDatabase } from '../../bench/lib/postgresBench';
import { billingConversation, BillingScenario } from '../../bench/lib/scenario';
import type { ServerSpec } from '../../bench/lib/serverProcess';
import { PROJECT_ROOT } from '../../paths';
import { makeTempDir } from '../helpers/tempDir';
import { testDatabaseUrl } from '../helpers/tempDatabase';

describe('bench: ours on PostgreSQL, three instances on one database', function () {
    this.timeout(120_000);
    let database: BenchDatabase | undefined;
    let askers: ReturnType<typeof writeDirectory>;
    let spec: ServerSpec;
    let cleanup: () => void = () => undefined;
    const secretKey = crypto.randomBytes(32).toString('hex');

    before(async function () {
        const outcome = await createBenchDatabase(process.env.BENCH_DATABASE_URL ?? testDatabaseUrl());
        if ('skipped' in outcome) {
            process.stdout.write(`      skipped: ${outcome.skipped}\n`);
            this.skip();
        }
        database = outcome.database;
        const temp = makeTempDir('bca-bench-pg-');
        cleanup = temp.cleanup;
        const directory = path.join(temp.dir, 'directory.json');
        // Enough people that four seconds of load never reach one address's hourly limit of codes (5 each: the bench's own directory has 1,500 accounts).
        askers = writeDirectory(directory, 300);
        spec = {
            name: 'ours',
            script: path.join(PROJECT_ROOT, 'dist', 'index.js'),
            logFile: path.join(temp.dir, 'servers.log'),
            env: { DEMO_DATA_PATH: directory, LOG_LEVEL: 'warn', MicrosoftAppId: '', SMTP_URL: '' }
        };
    });

    after(async () => {
        await database?.drop();
        cleanup();
    });

    it('plays a whole conversation with each turn on the next instance: every turn gets its own replies', async () => {
        const db = database as BenchDatabase;
        const group = await InstanceGroup.start({ ...spec, databaseUrl: db.url, secretKey }, 3);
        const driver = new MessagesDriver({ baseUrl: group.nextUrl, sockets: 2 });
        const codes = await OutboxCodeReader.open(db.url, Buffer.from(secretKey, 'hex'));
        try {
            assert.strictEqual(new Set(group.urls).size, 3, 'three instances on three ports');
            const plan = billingConversation('de', 'de-DE', askers[2].email);
            const convo = driver.open(plan.locale);
            for (const [i, step] of plan.steps.entries()) {
                const input = step.input === 'code' ? { kind: 'text' as const, text: await codes.codeFor(plan.email ?? '', convo.key) } : step.input;
                const result = await convo.send(input);
                assert.strictEqual(result.status, 200, `turn ${i + 1}: ${result.problem ?? ''}`);
                assert.match(result.replies.map((r) => r.text).join('\n'), step.expect ?? /./, `turn ${i + 1}`);
            }
            assert.deepStrictEqual(group.sent, [3, 2, 2], 'seven turns, round-robin over three instances');
        } finally {
            driver.close();
            await codes.close();
            await group.stop();
        }
    });

    it('runs the bench load on three instances: no errors, whole conversations finished, every instance used', async () => {
        const result = await runPostgresLoad({
            spec,
            database: database as BenchDatabase,
            secretKey,
            instances: 3,
            scenario: new BillingScenario(askers.slice(5)),
            concurrency: 3,
            durationMs: 4000,
            warmupMs: 0
        });
        assert.deepStrictEqual(result.load.errorSamples, []);
        assert.strictEqual(result.load.errors, 0);
        assert.ok(result.load.conversations >= 1, `whole conversations: ${result.load.conversations}`);
        assert.ok(result.load.turns >= 7, `turns: ${result.load.turns}`);
        assert.strictEqual(result.sentPerInstance.length, 3);
        assert.ok(Math.max(...result.sentPerInstance) - Math.min(...result.sentPerInstance) <= 1, `requests per instance: ${result.sentPerInstance.join(', ')}`);
        assert.ok(result.cpuMsPerTurn > 0 && Number.isFinite(result.cpuMsPerTurn), `CPU per turn: ${result.cpuMsPerTurn}`);
        assert.ok(result.peakRssBytes > 0);
    });
});

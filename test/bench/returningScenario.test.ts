import * as assert from 'assert';
import * as crypto from 'crypto';
import * as path from 'path';
import { runLoad } from '../../bench/lib/loadGenerator';
import { MessagesDriver } from '../../bench/lib/messagesDriver';
import { OutboxCodeReader } from '../../bench/lib/outboxCodes';
import { writeDirectory } from '../../bench/lib/people';
import { BillingScenario, ReturningScenario } from '../../bench/lib/scenario';
import { seedConversations } from '../../bench/lib/seed';
import { ServerProcess } from '../../bench/lib/serverProcess';
import { PROJECT_ROOT } from '../../paths';
import { makeTempDir } from '../helpers/tempDir';

describe('bench: returning customers in copies of finished conversations', function () {
    this.timeout(120_000);
    let server: ServerProcess;
    let driver: MessagesDriver;
    let codes: OutboxCodeReader;
    let cleanup: () => void;
    let dbPath: string;
    let directory: string;

    before(async () => {
        const temp = makeTempDir('bca-returning-');
        cleanup = temp.cleanup;
        dbPath = path.join(temp.dir, 'bot.sqlite');
        directory = path.join(temp.dir, 'directory.json');
        // One person per conversation: the run stays below the limit of codes per person.
        const askers = writeDirectory(directory, 400);
        server = await ServerProcess.start({
            name: 'ours',
            script: path.join(PROJECT_ROOT, 'dist', 'index.js'),
            logFile: path.join(temp.dir, 'server.log'),
            env: { DB_PATH: dbPath, DEMO_DATA_PATH: directory, LOG_LEVEL: 'warn', MicrosoftAppId: '', SMTP_URL: '', DIRECTLINE_SECRET: crypto.randomBytes(16).toString('hex') }
        });
        driver = new MessagesDriver({ baseUrl: server.url, sockets: 2 });
        codes = await OutboxCodeReader.open(dbPath);
        // Finished conversations to copy: the bench's own billing conversation (the bot emails the billing contact at its end).
        const first = await runLoad({ driver, scenario: new BillingScenario(askers), concurrency: 2, durationMs: 6_000, warmupMs: 0, codes });
        assert.strictEqual(first.errors, 0, first.errorSamples.join('\n'));
        assert.ok(first.conversations >= 2, 'at least two whole conversations to copy');
    });

    after(async () => {
        driver.close();
        await codes.close();
        await server.stop();
        cleanup();
    });

    it('hear, in their language, that the bot already emailed their billing contact, with no error in the run', async () => {
        const seeded = await seedConversations(dbPath, 'webchat', 0);
        assert.deepStrictEqual([...new Set(seeded.map((one) => one.lang))].sort(), ['de', 'en'], 'copies of German and English conversations');
        const result = await runLoad({ driver, scenario: new ReturningScenario(seeded), concurrency: 2, durationMs: 3_000, warmupMs: 0 });
        assert.ok(result.turns >= 4, `turns: ${result.turns}`);
        assert.strictEqual(result.errors, 0, result.errorSamples.join('\n'));
    });
});

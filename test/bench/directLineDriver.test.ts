import * as assert from 'assert';
import * as path from 'path';
import { DirectLineDriver } from '../../bench/lib/directLineDriver';
import { runLoad } from '../../bench/lib/loadGenerator';
import { OutboxCodeReader } from '../../bench/lib/outboxCodes';
import { writeDirectory } from '../../bench/lib/people';
import { billingConversation, BillingScenario } from '../../bench/lib/scenario';
import { makeTempDir } from '../helpers/tempDir';
import { startRunningApp, type RunningApp } from '../helpers/runningApp';

const SECRET = 'bench-secret-0123456789-abcdefghijklmnop';

describe('bench: the Direct Line driver', () => {
    let running: RunningApp;
    let codes: OutboxCodeReader;
    let askers: ReturnType<typeof writeDirectory>;
    let cleanup: () => void;

    before(async () => {
        const temp = makeTempDir('bca-dl-driver-');
        cleanup = temp.cleanup;
        const directory = path.join(temp.dir, 'directory.json');
        askers = writeDirectory(directory, 200);
        running = await startRunningApp({ env: { DEMO_DATA_PATH: directory, DIRECTLINE_SECRET: SECRET } });
        codes = await OutboxCodeReader.open(running.dbFile);
    });

    after(async () => {
        await codes.close();
        await running.close();
        cleanup();
    });

    for (const [lang, locale] of [['en', 'en-US'], ['de', 'de-DE'], ['de', undefined]] as const) {
        it(`plays the whole billing conversation (${lang}, locale ${locale ?? 'none'}): each turn returns that turn's replies, ending with its question`, async () => {
            const driver = new DirectLineDriver({ baseUrl: running.url, secret: SECRET, sockets: 2, replyTimeoutMs: 10_000 });
            const plan = billingConversation(lang, locale, askers[lang === 'en' ? 3 : 4].email);
            const convo = driver.open(plan.locale);
            try {
                const seen: string[][] = [];
                for (const step of plan.steps) {
                    const input = step.input === 'code' ? { kind: 'text' as const, text: await codes.codeFor(plan.email ?? '', convo.key) } : step.input;
                    const result = await convo.send(input);
                    assert.strictEqual(result.status, 200, result.problem);
                    const texts = result.replies.map((r) => r.text);
                    assert.match(texts.join('\n'), step.expect ?? /./);
                    seen.push(texts);
                }
                // Replies are filed under the turn they answer: the welcome comes in the first turn only.
                const welcome = plan.steps[0].expect ?? /^$/;
                assert.ok(seen.slice(1).every((texts) => !texts.some((t) => welcome.test(t))), 'the greeting belongs to the first turn only');
                assert.match(convo.key, /^directline:[A-Za-z0-9_-]+$/);
            } finally {
                convo.close?.();
                driver.close();
            }
        });
    }

    it('drives concurrent conversations through the load generator without errors', async () => {
        const driver = new DirectLineDriver({ baseUrl: running.url, secret: SECRET, sockets: 4, replyTimeoutMs: 10_000 });
        try {
            const result = await runLoad({ driver, scenario: new BillingScenario(askers), concurrency: 4, durationMs: 1500, warmupMs: 0, codes });
            assert.deepStrictEqual(result.errorSamples, []);
            assert.ok(result.turns > 7, `turns: ${result.turns}`);
        } finally {
            driver.close();
        }
    });

    it('refuses what Direct Line cannot express: continuing a stored conversation id, retrying with a chosen activity id', async () => {
        const driver = new DirectLineDriver({ baseUrl: running.url, secret: SECRET, sockets: 1 });
        try {
            assert.throws(() => driver.open('en-US', 'stored-conversation'), /starts its own conversations/);
            await assert.rejects(driver.open('en-US').send({ kind: 'join' }, 'same-id'), /new id/);
        } finally {
            driver.close();
        }
    });

    it('reports a wrong secret as a failed turn with the HTTP status', async () => {
        const driver = new DirectLineDriver({ baseUrl: running.url, secret: 'wrong-secret-0123456789-abcdefghijklmnop', sockets: 1 });
        try {
            const result = await driver.open('en-US').send({ kind: 'join' });
            assert.strictEqual(result.status, 401);
            assert.match(result.problem ?? '', /tokens\/generate/);
        } finally {
            driver.close();
        }
    });
});

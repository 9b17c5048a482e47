import * as assert from 'assert';
import * as path from 'path';
import { MessagesDriver } from '../../bench/lib/messagesDriver';
import { writeDirectory } from '../../bench/lib/people';
import { WaterfallScenario } from '../../bench/lib/scenario';
import { ServerProcess } from '../../bench/lib/serverProcess';
import { WATERFALL_TEXTS } from '../../bench/lib/waterfallTexts';
import { PROJECT_ROOT } from '../../paths';
import { makeTempDir } from '../helpers/tempDir';

describe('bench: the waterfall baseline walks the same seven inputs as our billing conversation', function () {
    this.timeout(60_000);
    let server: ServerProcess;
    let driver: MessagesDriver;
    let scenario: WaterfallScenario;
    let cleanup: () => void;

    before(async () => {
        const temp = makeTempDir('bca-waterfall-');
        cleanup = temp.cleanup;
        scenario = new WaterfallScenario(writeDirectory(path.join(temp.dir, 'directory.json'), 10));
        server = await ServerProcess.start({ name: 'waterfall bot', script: path.join(PROJECT_ROOT, 'dist', 'bench', 'waterfallBot.js'), logFile: path.join(temp.dir, 'server.log') });
        driver = new MessagesDriver({ baseUrl: server.url, sockets: 2 });
    });

    after(async () => {
        driver.close();
        await server.stop();
        cleanup();
    });

    // The scenario's mix: de-DE, en-US, German without a locale, en-GB, de-AT, English without a locale.
    for (const client of ['de-DE', 'en-US', 'none (German words)', 'en-GB', 'de-AT', 'none (English words)']) {
        it(`client ${client}: every turn is answered by the prompt the scenario expects, ending with the message sent`, async () => {
            const plan = scenario.next();
            assert.strictEqual(plan.locale, client.startsWith('none') ? undefined : client);
            const convo = driver.open(plan.locale);
            const answers: string[] = [];
            for (const step of plan.steps) {
                assert.notStrictEqual(step.input, 'code', 'the waterfall needs no code from the outbox');
                const result = await convo.send(step.input === 'code' ? { kind: 'text', text: '' } : step.input);
                assert.strictEqual(result.status, 200, result.problem);
                const text = result.replies.map((r) => r.text).join('\n');
                answers.push(text);
                assert.ok(step.expect, 'every step of the scenario checks its answer');
                assert.match(text, step.expect, `inputs: ${JSON.stringify(plan.steps.map((s) => s.input))}\nanswers so far:\n${answers.join('\n')}`);
            }
            assert.strictEqual(answers[answers.length - 1], WATERFALL_TEXTS.sent);
        });
    }

    it('a code that is not six digits is asked for again instead of moving on', async () => {
        const convo = driver.open('en-US');
        await convo.send({ kind: 'join' });
        assert.deepStrictEqual((await convo.send({ kind: 'text', text: 'Who is my billing contact?' })).replies.map((r) => r.text), [WATERFALL_TEXTS.askEmail]);
        await convo.send({ kind: 'text', text: 'olivia@company-1.example' });
        assert.deepStrictEqual((await convo.send({ kind: 'text', text: '12' })).replies.map((r) => r.text), [WATERFALL_TEXTS.retryCode]);
        assert.match((await convo.send({ kind: 'text', text: '654321' })).replies.map((r) => r.text).join('\n'), /Shall I email them/);
    });
});

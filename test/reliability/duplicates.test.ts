import * as assert from 'assert';
import { MessagesDriver } from '../../bench/lib/messagesDriver';
import { OutboxCodeReader } from '../../bench/lib/outboxCodes';
import { billingConversation } from '../../bench/lib/scenario';
import { BotUnderTest, figure } from './support';

describe('reliability 4: the same activity delivered twice has one effect', () => {
    it('sequential, parallel and after a restart: one reply, one code mail, one admin mail', async () => {
        const bot = new BotUnderTest(20);
        await bot.start();
        const driver = new MessagesDriver({ baseUrl: bot.url, sockets: 4 });
        const codes = await OutboxCodeReader.open(bot.dbPath);
        try {
            const asker = bot.askers[0];
            const plan = billingConversation('en', 'en-US', asker.email);
            const convo = driver.open(plan.locale);
            const texts: string[] = [];
            let secondAnswers = 0;
            for (const [index, step] of plan.steps.entries()) {
                const input = step.input === 'code' ? { kind: 'text' as const, text: await codes.codeFor(asker.email, convo.key) } : step.input;
                const id = `dup-${index}`;
                // Even turns: the retry comes after the answer; odd turns: both copies arrive at once.
                const [first, second] = index % 2 === 0 ? [await convo.send(input, id), await convo.send(input, id)] : await Promise.all([convo.send(input, id), convo.send(input, id)]);
                const answered = [first, second].filter((r) => r.replies.length > 0);
                secondAnswers += answered.length - 1;
                texts.push(answered.map((r) => r.replies.map((x) => x.text).join('\n')).join('\n'));
                assert.ok(step.expect?.test(texts[texts.length - 1]), `turn ${index + 1}: ${texts[texts.length - 1]}`);
            }
            await bot.server.kill();
            await bot.start();
            const afterRestart = await convo.send({ kind: 'text', text: 'yes' }, `dup-${plan.steps.length - 1}`);
            const mails = (await codes.allMails()).filter((m) => m.conversationKey === convo.key);
            const codeMails = mails.filter((m) => m.kind === 'verification-code').length;
            const adminMails = mails.filter((m) => m.kind === 'admin-contact').length;
            figure('duplicates answered a second time', secondAnswers, '0');
            figure('replies to the last activity again after kill -9 and restart', afterRestart.replies.length, '0');
            figure('code mails / admin mails', `${codeMails} / ${adminMails}`, '1 / 1');
            assert.strictEqual(secondAnswers, 0);
            assert.strictEqual(afterRestart.status, 200);
            assert.strictEqual(afterRestart.replies.length, 0);
            assert.strictEqual(codeMails, 1);
            assert.strictEqual(adminMails, 1);
        } finally {
            driver.close();
            await codes.close();
            await bot.stop();
        }
    });
});

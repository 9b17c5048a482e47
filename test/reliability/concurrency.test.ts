import * as assert from 'assert';
import { MessagesDriver } from '../../bench/lib/messagesDriver';
import { OutboxCodeReader } from '../../bench/lib/outboxCodes';
import { BillingScenario } from '../../bench/lib/scenario';
import { APOLOGY, BotUnderTest, figure, parallelTurnsOnOneConversation, playWithRetries } from './support';

describe('reliability 2: concurrency', () => {
    let bot: BotUnderTest;
    before(async () => {
        bot = new BotUnderTest(100);
        await bot.start();
    });
    after(async () => bot.stop());

    it('20 parallel turns on one conversation run one after another: no lost update, no error', async () => {
        const { results, texts, started, reprompted } = await parallelTurnsOnOneConversation(bot.url());
        figure('HTTP 200', `${results.filter((r) => r.status === 200).length}/20`, '20/20');
        figure('turns that started the identification / answered the open prompt', `${started} / ${reprompted}`, '1 / 19');
        figure('apologies (SQLITE_BUSY or any other error surfaced)', texts.filter((t) => APOLOGY.test(t)).length, '0');
        assert.ok(results.every((r) => r.status === 200));
        assert.strictEqual(started, 1);
        assert.strictEqual(reprompted, 19);
        assert.ok(!texts.some((t) => APOLOGY.test(t)));
        assert.doesNotMatch(bot.log(), /SQLITE_BUSY/);
    });

    it('50 parallel whole conversations all finish, while the operator reads the outbox', async () => {
        const driver = new MessagesDriver({ baseUrl: bot.url, sockets: 50 });
        const codes = await OutboxCodeReader.open(bot.dbPath);
        const scenario = new BillingScenario(bot.askers);
        let operatorReads = 0;
        let done = false;
        const operator = (async () => {
            while (!done) {
                operatorReads += (await codes.allMails()).length > 0 ? 1 : 0;
                await new Promise((resolve) => setTimeout(resolve, 20));
            }
        })();
        const started = Date.now();
        const outcomes = await Promise.allSettled(
            Array.from({ length: 50 }, () => {
                const plan = scenario.next();
                return playWithRetries(driver.open(plan.locale), plan, codes);
            })
        );
        done = true;
        await operator;
        await codes.close();
        driver.close();
        const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => String((o.reason as Error).message));
        figure('conversations finished with every turn as scripted', `${50 - failed.length}/50`, '50/50');
        figure('time for 350 turns, 50 at a time', `${Date.now() - started} ms`);
        figure('outbox reads by a second connection meanwhile', operatorReads);
        assert.deepStrictEqual(failed, []);
        assert.doesNotMatch(bot.log(), /SQLITE_BUSY|turn failed/);
    });
});

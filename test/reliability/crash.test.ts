import * as assert from 'assert';
import { Database } from '../../data/database';
import { MessagesDriver } from '../../bench/lib/messagesDriver';
import { OutboxCodeReader } from '../../bench/lib/outboxCodes';
import { BillingScenario } from '../../bench/lib/scenario';
import { BotUnderTest, figure, playWithRetries, type PlayOutcome } from './support';

const CONVERSATIONS = 50;
const PARALLEL = 10;

describe('reliability 1: kill -9 at random points during 50 conversations, restart on the same database', () => {
    it('every conversation resumes where it was, the database is intact, no mail is lost or sent twice', async () => {
        const bot = new BotUnderTest(100);
        await bot.start();
        const codes = await OutboxCodeReader.open(bot.dbPath);
        const driver = new MessagesDriver({ baseUrl: bot.url, sockets: PARALLEL });
        let kills = 0;
        let finished = false;
        // The killer: kill -9 at random moments while turns are in flight, restart at once on the same file.
        const killer = (async () => {
            while (!finished) {
                await new Promise((resolve) => setTimeout(resolve, 150 + Math.random() * 600));
                if (finished) {
                    break;
                }
                await bot.server.kill();
                kills++;
                await bot.start();
            }
        })();
        const scenario = new BillingScenario(bot.askers);
        const outcomes: Array<PlayOutcome & { key: string; email: string }> = [];
        const failures: string[] = [];
        try {
            let next = 0;
            await Promise.all(
                Array.from({ length: PARALLEL }, async () => {
                    while (next < CONVERSATIONS) {
                        next++;
                        const plan = scenario.next();
                        const convo = driver.open(plan.locale);
                        try {
                            outcomes.push({ ...(await playWithRetries(convo, plan, codes, 60_000, 300)), key: convo.key, email: plan.email ?? '' });
                        } catch (err) {
                            failures.push((err as Error).message);
                        }
                    }
                })
            );
        } finally {
            finished = true;
            await killer;
            driver.close();
        }
        const mails = await codes.allMails();
        await codes.close();
        await bot.server.stop();

        const db = await Database.open(bot.dbPath);
        const integrity = await db.get<{ integrity_check: string }>('PRAGMA integrity_check');
        await db.close();
        await bot.stop();

        const perConversation = (kind: string): Map<string, number> => {
            const counts = new Map<string, number>();
            for (const mail of mails.filter((m) => m.kind === kind)) {
                counts.set(mail.conversationKey ?? '', (counts.get(mail.conversationKey ?? '') ?? 0) + 1);
            }
            return counts;
        };
        const codeMails = perConversation('verification-code');
        const adminMails = perConversation('admin-contact');
        const wrongCodeMails = outcomes.filter((o) => codeMails.get(o.key) !== 1).map((o) => `${o.key}: ${codeMails.get(o.key) ?? 0} code mails`);
        const wrongAdminMails = outcomes.filter((o) => adminMails.get(o.key) !== 1).map((o) => `${o.key}: ${adminMails.get(o.key) ?? 0} admin mails`);

        figure('kill -9 during the run', kills, '≥ 5');
        figure('conversations finished at the right step', `${outcomes.length}/${CONVERSATIONS}`, `${CONVERSATIONS}/${CONVERSATIONS}`);
        figure('turns sent again after a crash', outcomes.reduce((n, o) => n + o.retries, 0));
        figure('of those, already done before the crash', outcomes.reduce((n, o) => n + o.alreadyDone, 0));
        figure('PRAGMA integrity_check', integrity?.integrity_check ?? 'no answer', 'ok');
        figure('conversations with not exactly one code mail / one admin mail', `${wrongCodeMails.length} / ${wrongAdminMails.length}`, '0 / 0');

        assert.deepStrictEqual(failures, []);
        assert.ok(kills >= 5, `only ${kills} kills happened`);
        assert.strictEqual(outcomes.length, CONVERSATIONS);
        assert.strictEqual(integrity?.integrity_check, 'ok');
        assert.deepStrictEqual(wrongCodeMails, []);
        assert.deepStrictEqual(wrongAdminMails, []);
    });
});

import * as assert from 'assert';
import { ManualClock } from '../../core/clock';
import { configureLogging } from '../../core/logger';
import { HandoffRepository } from '../../data/repositories/handoffRepository';
import { OutboxRepository } from '../../data/repositories/outboxRepository';
import { ProactiveDeliveryRepository } from '../../data/repositories/proactiveDeliveryRepository';
import { TranscriptRepository } from '../../data/repositories/transcriptRepository';
import { RetentionKeeper, retentionRules, type RetentionRule } from '../../services/retention';
import { AppHarness } from '../helpers/appHarness';
import { JONAS } from '../helpers/demoPeople';
import { PHRASES } from '../helpers/phrases';
import { useTempDatabase } from '../helpers/tempDatabase';

const DAY = 24 * 3600_000;
const SETTINGS = { outboxSentMs: 30 * DAY, transcriptMs: 14 * DAY, deliveredMs: 7 * DAY };

describe('Retention of the tables that only grow (services/retention.ts)', () => {
    describe('the rules, over a database', () => {
        const db = useTempDatabase();

        it('deletes sent mails, transcript lines and delivered messages past their keeping time, and nothing else', async () => {
            const clock = new ManualClock(new Date('2026-06-01T00:00:00Z'));
            const start = clock.now().getTime();
            const outbox = new OutboxRepository(db());
            const transcripts = new TranscriptRepository(db());
            const deliveries = new ProactiveDeliveryRepository(db());
            const mail = (to: string) => ({ kind: 'verification-code', to, locale: 'en', subject: 'Code', body: 'code' });
            const oldSent = (await outbox.insert(mail('old-sent@example.com'), start))!;
            await outbox.markSent(oldSent, start);
            const oldFailed = (await outbox.insert(mail('old-failed@example.com'), start))!;
            await outbox.markAttemptFailed(oldFailed, 'refused', null);
            await outbox.insert(mail('old-pending@example.com'), start);
            await transcripts.append('webchat:finished', [{ at: start, from: 'customer', text: 'hello' }]);
            await transcripts.append('webchat:with-agent', [{ at: start, from: 'customer', text: 'I need a person' }]);
            await new HandoffRepository(db()).create(
                { conversationKey: 'webchat:with-agent', lang: 'en', channelId: 'webchat', context: { lang: 'en', channelId: 'webchat', reason: 'asked', actions: [] }, history: [] },
                start
            );
            const oldDelivered = await deliveries.add({ conversationKey: 'webchat:finished', instruction: { kind: 'text' } }, start);
            await deliveries.delivered(oldDelivered, start);
            const stillPending = await deliveries.add({ conversationKey: 'webchat:finished', instruction: { kind: 'text' } }, start);

            clock.advance(10 * DAY);
            const recentSent = (await outbox.insert(mail('recent@example.com'), clock.now().getTime()))!;
            await outbox.markSent(recentSent, clock.now().getTime());
            await transcripts.append('webchat:recent', [{ at: clock.now().getTime(), from: 'bot', text: 'Hi' }]);
            const recentDelivered = await deliveries.add({ conversationKey: 'webchat:recent', instruction: { kind: 'text' } }, clock.now().getTime());
            await deliveries.delivered(recentDelivered, clock.now().getTime());

            clock.advance(21 * DAY); // 31 days after the first rows, 21 after the recent ones
            const keeper = new RetentionKeeper(retentionRules(db(), SETTINGS), clock);
            assert.deepStrictEqual(await keeper.sweep(), { 'sent mails': 1, 'transcript lines': 2, 'delivered proactive messages': 2 });

            const left = (await outbox.recent(10)).map((m) => `${m.to} ${m.status}`).sort();
            assert.deepStrictEqual(left, ['old-failed@example.com failed', 'old-pending@example.com pending', 'recent@example.com sent']);
            assert.deepStrictEqual(await transcripts.recent('webchat:finished'), []);
            assert.deepStrictEqual(await transcripts.recent('webchat:recent'), [], 'a line 21 days old is past the 14 days');
            assert.deepStrictEqual((await transcripts.recent('webchat:with-agent')).map((l) => l.text), ['I need a person'], 'an open handoff keeps its transcript');
            assert.strictEqual(await deliveries.get(oldDelivered), undefined);
            assert.strictEqual(await deliveries.get(recentDelivered), undefined);
            assert.strictEqual((await deliveries.get(stillPending))?.status, 'pending', 'an undelivered message is never deleted');

            assert.deepStrictEqual(await keeper.sweep(), { 'sent mails': 0, 'transcript lines': 0, 'delivered proactive messages': 0 }, 'a second sweep finds nothing more');
        });

        /** A code mail sent a month and a day before the clock's time, past the 30 days sent mails are kept. */
        async function sentMonthAgo(to: string): Promise<{ clock: ManualClock; outbox: OutboxRepository }> {
            const clock = new ManualClock(new Date('2026-06-01T00:00:00Z'));
            const outbox = new OutboxRepository(db());
            const id = (await outbox.insert({ kind: 'verification-code', to, locale: 'en', subject: 'Code', body: 'code' }, clock.now().getTime()))!;
            await outbox.markSent(id, clock.now().getTime());
            clock.advance(31 * DAY);
            return { clock, outbox };
        }

        it('start() sweeps at once; stop() waits for that sweep', async () => {
            const { clock, outbox } = await sentMonthAgo('a@example.com');
            const keeper = new RetentionKeeper(retentionRules(db(), SETTINGS), clock);
            keeper.start();
            await keeper.stop();
            assert.deepStrictEqual(await outbox.recent(10), []);
        });

        it('stop() also waits for a round still claiming its due time (several instances share the schedule)', async () => {
            const { clock, outbox } = await sentMonthAgo('b@example.com');
            const slowClaim = { claim: () => new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 30)) };
            const keeper = new RetentionKeeper(retentionRules(db(), SETTINGS), clock, undefined, slowClaim);
            keeper.start();
            await keeper.stop();
            assert.deepStrictEqual(await outbox.recent(10), [], 'the sweep ran before stop() resolved');
        });
    });

    describe('a rule that fails', () => {
        let logged: string[];
        beforeEach(() => {
            logged = [];
            configureLogging('warn', (line) => logged.push(line));
        });
        afterEach(() => configureLogging((process.env.TEST_LOG_LEVEL as 'silent' | undefined) ?? 'silent', (line) => process.stderr.write(line + '\n')));

        it('is logged and the other rules still run; the sweep resolves (never rejects), and sweeps at the same time share one run', async () => {
            let runs = 0;
            const rules: RetentionRule[] = [
                { name: 'broken', keepMs: DAY, purge: () => Promise.reject(new Error('SQLITE_BUSY: database is locked')) },
                { name: 'working', keepMs: DAY, purge: async () => (runs++, 3) }
            ];
            const keeper = new RetentionKeeper(rules, new ManualClock());
            const [first, second] = await Promise.all([keeper.sweep(), keeper.sweep()]);
            assert.deepStrictEqual(first, { broken: -1, working: 3 });
            assert.strictEqual(second, first);
            assert.strictEqual(runs, 1);
            assert.strictEqual(logged.length, 1, logged.join('\n'));
            assert.match(logged[0], /could not apply the retention/);
            assert.match(logged[0], /broken/);
            assert.match(logged[0], /SQLITE_BUSY/);
        });
    });

    describe('in the running bot', function () {
        this.timeout(60_000);
        const clock = new ManualClock(new Date());
        const mailed: string[] = [];
        let harness: AppHarness;
        before(async () => {
            harness = await AppHarness.start({}, { clock, mailTransport: { sendMail: async (message) => void mailed.push(message.text) } });
        });
        after(async () => harness.close());

        it('a month after a conversation, its sent code mail and its transcript are gone, and the person can start again', async () => {
            const en = PHRASES.en;
            const customer = harness.customer('en-US');
            await customer.say(en.whoIs);
            await customer.say(JONAS);
            await harness.app.mailer.flush();
            const code = /\b(\d{6})\b/.exec(mailed[mailed.length - 1] ?? '')?.[1];
            assert.ok(code, `no code was mailed: ${mailed.join('\n')}`);
            assert.match((await customer.say(code)).join('\n'), en.offerEmail);
            const outbox = new OutboxRepository(harness.app.db);
            const transcripts = new TranscriptRepository(harness.app.db);
            const key = `emulator:${customer.conversationId}`;
            assert.deepStrictEqual((await outbox.recent(10, JONAS)).map((m) => m.status), ['sent']);
            const lines = await transcripts.recent(key);
            assert.ok(lines.length >= 4, `the transcript holds the conversation (key ${key}): ${JSON.stringify(lines)}`);

            const now = await harness.app.retention.sweep();
            assert.deepStrictEqual(now, { 'sent mails': 0, 'transcript lines': 0, 'delivered proactive messages': 0 }, 'nothing is deleted the same day');

            clock.advance(31 * DAY);
            const later = await harness.app.retention.sweep();
            assert.strictEqual(later['sent mails'], 1);
            assert.strictEqual(later['transcript lines'], lines.length);
            assert.deepStrictEqual(await outbox.recent(10, JONAS), []);
            assert.deepStrictEqual(await transcripts.recent(key), []);
            assert.match((await customer.say(en.whoIs)).join('\n'), en.askEmail, 'the conversation goes on: the verification has expired, the bot asks again');
        });
    });
});

import * as assert from 'assert';
import { ManualClock } from '../../core/clock';
import { readDemoData } from '../../data/demoData';
import type { InsightReport } from '../../services/insights/insightFigures';
import { AppHarness } from '../helpers/appHarness';
import { JONAS } from '../helpers/demoPeople';
import { nodeDirectLine, ReceivedActivities } from '../helpers/directLineNode';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import { PHRASES } from '../helpers/phrases';
import { TASK_PHRASES } from '../helpers/taskPhrases';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** What the person writes in the rating's comment: a name of the directory, an email and a phone number. */
const COMMENT = 'Anna Müller was quick, write to jonas.weber@mueller-design.example or call 0171 2345678';

/**
 * A scripted day through the real doors (Web Chat's Direct Line client and
 * /api/messages with a local channel), counted by hand, against what
 * `GET /agent/api/insights` returns to a supervisor.
 */
describe('Insights: a scripted day through the doors gives the figures the supervisor sees', function () {
    this.timeout(120_000);
    let harness: AppHarness;
    let clock: ManualClock;
    const chats: ReceivedActivities[] = [];

    before(async () => {
        // The scripted day takes about 35 minutes of the bot's clock and counts on one date: started late in the
        // evening (UTC) it would run past midnight, so the bot's clock then starts just after midnight instead.
        const now = Date.now();
        const toMidnight = DAY - (now % DAY);
        clock = new ManualClock(new Date(toMidnight < 2 * HOUR ? now + toMidnight + MINUTE : now));
        harness = await AppHarness.start({}, { clock });
        await playTheDay();
    });
    after(async () => {
        chats.forEach((chat) => chat.end());
        await harness.close();
    });

    async function webChat(locale: string): Promise<ReceivedActivities> {
        const directLine = nodeDirectLine({ domain: `${harness.url}/v3/directline`, token: await harness.webChatToken(), webSocket: false, conversationStartProperties: { locale } });
        const chat = new ReceivedActivities(directLine);
        chats.push(chat);
        return chat;
    }

    /** Says `text` in Web Chat and waits for the answer matching `pattern`, and for the turn to end. */
    async function turn(chat: ReceivedActivities, text: string, pattern: RegExp): Promise<void> {
        const before = chat.all.length;
        await chat.say(text);
        await chat.waitFor((a) => chat.all.indexOf(a) >= before && a.type === 'message' && a.from.role === 'bot' && pattern.test(a.text ?? ''), `answering "${text}" with ${pattern}`);
        await harness.app.runtime.bot.idle();
    }

    async function playTheDay(): Promise<void> {
        const en = PHRASES.en;
        const de = PHRASES.de;
        // A: Web Chat, English. Jonas asks who his billing contact is (case b, answered 20 s after his first message),
        // declines the email, says goodbye and rates 👍 with a comment full of personal data.
        const a = await webChat('en-US');
        await a.botSays(en.menu);
        await turn(a, en.whoIs, en.askEmail);
        clock.advance(10 * SECOND);
        await turn(a, JONAS, en.codeSent);
        clock.advance(10 * SECOND);
        await turn(a, await harness.latestCode(JONAS), en.offerEmail);
        await turn(a, en.noThanks, en.anythingElse);
        await turn(a, 'bye', /did this conversation help you\?/);
        await turn(a, '👍 Yes, it helped', /tell me in one sentence/);
        await turn(a, COMMENT, /your comment goes to our support team/);

        // B: /api/messages, German. Off topic first, then a person: queued, taken after 1 minute, handed back after 2.
        const h = HANDOFF_PHRASES.de;
        const erika = await harness.signedIn('erika');
        const b = harness.customer('de-DE');
        assert.match((await b.say('Wie wird das Wetter morgen?')).join('\n'), /Dabei kann ich Ihnen leider nicht helfen/);
        assert.match((await b.say(h.human)).join('\n'), h.askDescription);
        assert.match((await b.say(h.skip)).join('\n'), h.waitPrompt);
        const waiting = (await erika.get<{ waiting: Array<{ id: string }> }>('/agent/api/queue')).body.waiting;
        clock.advance(MINUTE);
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${waiting[0].id}/accept`)).status, 200);
        await b.waitFor(h.agentJoined);
        clock.advance(2 * MINUTE);
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${waiting[0].id}/close`)).status, 200);
        await b.waitFor(h.rateChat);
        await harness.app.runtime.bot.idle();

        // C: /api/messages, English. Something the bot cannot place, then a portal reset left at the user-ID question.
        const c = harness.customer('en-US');
        await c.say('blorp fizzle wump');
        assert.match((await c.say(TASK_PHRASES.en.resetQuestion)).join('\n'), TASK_PHRASES.en.askUserId);

        // D: Web Chat, German. A topic answered at once, goodbye, 👎 without a comment.
        const d = await webChat('de-DE');
        await d.botSays(de.menu);
        await turn(d, 'Wie kann ich auf Zahlung per Überweisung umstellen?', /ändert die Zahlungsmethode in „Mein Konto“/);
        await turn(d, 'danke, tschüss', /Hat Ihnen dieses Gespräch geholfen\?/);
        await turn(d, '👎 Nein, leider nicht', /Was hat Ihnen gefehlt\?/);
        await turn(d, 'Kein Kommentar', /In Ordnung\. Auf Wiedersehen!/);

        // C has been silent in the middle of its task for longer than INSIGHTS_ABANDON_MINUTES (15).
        clock.advance(20 * MINUTE);
    }

    async function supervisor(): Promise<Awaited<ReturnType<AppHarness['signedIn']>>> {
        assert.ok(await harness.app.runtime.handoff.agents.setSupervisor('john', true));
        return harness.signedIn('john');
    }

    it('counts conversations, containment, escalation, abandonment, tasks, cases, ratings and times as scripted', async () => {
        const john = await supervisor();
        const res = await john.get<InsightReport>('/agent/api/insights');
        assert.strictEqual(res.status, 200);
        const t = res.body.totals;
        assert.strictEqual(t.conversations, 4);
        assert.strictEqual(t.contained, 2, 'A (case b told) and D (topic answered)');
        assert.strictEqual(t.containmentRate, 0.5);
        assert.strictEqual(t.escalated, 1);
        assert.strictEqual(t.escalationRate, 0.25);
        assert.strictEqual(t.abandoned, 1, 'C, silent at the user-ID question');
        assert.strictEqual(t.abandonmentRate, 0.25);
        assert.strictEqual(t.verified, 1);
        assert.strictEqual(t.closings, 2);
        assert.deepStrictEqual(t.tasksStarted, { 'billing-role': 1, 'admin-mail': 0, 'change-request': 0, 'portal-reset': 1, topic: 1 });
        assert.deepStrictEqual(t.tasksCompleted, { 'billing-role': 1, 'admin-mail': 0, 'change-request': 0, 'portal-reset': 0, topic: 1 });
        assert.deepStrictEqual(t.cases, { a: 0, b: 1, c: 0, d: 0 });
        assert.strictEqual(t.ratingsUp, 1);
        assert.strictEqual(t.ratingsDown, 1);
        assert.strictEqual(t.satisfaction, 0.5);
        assert.strictEqual(t.satisfactionBotAlone, 0.5, 'A and D rated at their goodbye');
        assert.strictEqual(t.satisfactionAfterPerson, null, 'B left the question after the hand-back unanswered');
        assert.strictEqual(t.notUnderstood, 2, 'the weather and the gibberish');
        assert.strictEqual(t.medianFirstAnswerMs, 10 * SECOND, 'median of 20 s (A) and 0 s (D)');
        assert.strictEqual(t.medianCompletedTaskMs, 10 * SECOND);
        assert.strictEqual(t.handoffs, 1);
        assert.strictEqual(t.medianQueueWaitMs, MINUTE);
        assert.strictEqual(t.medianHandlingMs, 2 * MINUTE);
        const today = res.body.days.find((day) => day.day === clock.now().toISOString().slice(0, 10));
        assert.strictEqual(res.body.days.length, 7);
        assert.strictEqual(today?.conversations, 4, 'the day series has them on today');
        assert.strictEqual(res.body.days.reduce((sum, day) => sum + day.conversations, 0), 4);
    });

    it('filters by door and language', async () => {
        const john = await supervisor();
        const web = (await john.get<InsightReport>('/agent/api/insights?door=webchat')).body.totals;
        assert.strictEqual(web.conversations, 2);
        assert.strictEqual(web.contained, 2);
        assert.strictEqual(web.handoffs, 0);
        const other = (await john.get<InsightReport>('/agent/api/insights?door=other')).body.totals;
        assert.strictEqual(other.conversations, 2);
        assert.strictEqual(other.handoffs, 1);
        const german = (await john.get<InsightReport>('/agent/api/insights?language=de')).body.totals;
        assert.strictEqual(german.conversations, 2, 'B and D');
        assert.strictEqual(german.escalated, 1);
        assert.strictEqual(german.ratingsDown, 1);
        const teams = (await john.get<InsightReport>('/agent/api/insights?door=teams')).body.totals;
        assert.strictEqual(teams.conversations, 0);
        assert.strictEqual(teams.containmentRate, 0);
    });

    it('lists what the bot did not understand, masked, with the guessed intent, and the comment masked', async () => {
        const john = await supervisor();
        const report = (await john.get<InsightReport>('/agent/api/insights')).body;
        const texts = report.notUnderstood.map((entry) => entry.text);
        assert.ok(texts.includes('Wie wird das Wetter morgen?'), JSON.stringify(report.notUnderstood));
        assert.ok(texts.includes('blorp fizzle wump'), JSON.stringify(report.notUnderstood));
        const weather = report.notUnderstood.find((entry) => entry.text === 'Wie wird das Wetter morgen?');
        assert.strictEqual(weather?.reason, 'out-of-scope');
        assert.strictEqual(weather?.intent, 'out-of-scope');
        assert.strictEqual(weather?.count, 1);
        assert.deepStrictEqual(
            report.comments.map((comment) => [comment.rating, comment.text]),
            [['up', '[name] was quick, write to [email] or call #']]
        );
    });

    it('exports every figure as CSV', async () => {
        const john = await supervisor();
        const res = await fetch(`${harness.url}/agent/api/insights?format=csv`, { headers: { Cookie: john.cookie ?? '' } });
        assert.strictEqual(res.status, 200);
        assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
        const lines = (await res.text()).split('\r\n');
        const header = lines[0].split(',');
        const total = lines.find((line) => line.startsWith('total,'))?.split(',') ?? [];
        const column = (name: string): string => total[header.indexOf(name)];
        assert.strictEqual(column('conversations'), '4');
        assert.strictEqual(column('containment_rate'), '0.5');
        assert.strictEqual(column('abandoned'), '1');
        assert.strictEqual(column('case_b'), '1');
        assert.strictEqual(column('median_queue_wait_ms'), String(MINUTE));
        assert.ok(lines.some((line) => line.startsWith('Wie wird das Wetter morgen?,1,out-of-scope,out-of-scope,')));
    });

    it('answers other agents 403, no session 401, and a bad query 400, all as JSON', async () => {
        const erika = await harness.signedIn('erika');
        const refused = await erika.get<{ error: { code: string } }>('/agent/api/insights');
        assert.strictEqual(refused.status, 403);
        assert.strictEqual(refused.body.error.code, 'NotSupervisor');
        assert.strictEqual((await harness.agent().get('/agent/api/insights')).status, 401);
        const john = await supervisor();
        for (const query of ['from=yesterday', 'door=fax', 'language=fr', 'format=xml', 'from=2026-01-10&to=2026-01-01', 'from=2020-01-01&to=2026-01-01', 'door=webchat&door=teams']) {
            const res = await john.get<{ error: { code: string } }>(`/agent/api/insights?${query}`);
            assert.strictEqual(res.status, 400, query);
            assert.strictEqual(res.body.error.code, 'InvalidQuery', query);
        }
    });

    it('keeps no email, name or code of the demo people in any event, and none in the masked texts', async () => {
        const demo = readDemoData(harness.app.config.demoDataPath);
        const secrets = demo.users.flatMap((user) => [user.email, user.name, ...user.name.split(' ')]).filter((s) => s.length >= 3);
        const events = await harness.app.db.all<Record<string, unknown>>('SELECT * FROM insight_events');
        assert.ok(events.length > 20, `events were written (${events.length})`);
        const texts = [
            ...(await harness.app.db.all<Record<string, unknown>>('SELECT * FROM insight_unplaced')),
            ...(await harness.app.db.all<Record<string, unknown>>('SELECT * FROM insight_comments'))
        ];
        const conversationIds = chats.map((chat) => String((chat.all[0] as { conversation?: { id: string } }).conversation?.id));
        // A text keeps its conversation's key (channel and conversation id) for export and erasure. A Direct Line id is
        // random and may hold "tom" or "lea" by chance, so keys are checked to be the day's conversations, not scanned.
        const dayKey = (key: string): boolean => conversationIds.some((id) => key === `directline:${id}`) || /^emulator:loopback-[0-9a-f-]{36}$/.test(key);
        for (const row of texts) {
            assert.ok(dayKey(String(row.conversation_key)), `the key of "${String(row.text)}" is a conversation of the day`);
        }
        const stored = [...events, ...texts.map(({ conversation_key: _key, ...rest }) => rest)].map((row) => JSON.stringify(row).toLowerCase());
        for (const secret of secrets) {
            assert.ok(!stored.some((row) => row.includes(secret.toLowerCase())), `"${secret}" is stored`);
        }
        for (const id of conversationIds) {
            assert.ok(!events.some((row) => JSON.stringify(row).includes(id)), 'conversation ids are kept only as keyed hashes');
        }
        assert.ok(events.every((row) => row.detail === null || /^[a-z-]{1,20}$/.test(String(row.detail))), 'details are short codes');
    });
});

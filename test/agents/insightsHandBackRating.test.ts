import * as assert from 'assert';
import type { Activity, Message } from 'botframework-directlinejs';
import type { InsightReport } from '../../services/insights/insightFigures';
import type { AgentClient } from '../helpers/agentClient';
import { AppHarness } from '../helpers/appHarness';
import { nodeDirectLine, ReceivedActivities } from '../helpers/directLineNode';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import { PHRASES } from '../helpers/phrases';

const h = HANDOFF_PHRASES.en;
const p = PHRASES.en;
const RATE_GOODBYE = /did this conversation help you\?/;

/**
 * The rating at the end of a live chat, through the real doors: a customer
 * over Direct Line, an agent over the console's HTTP API (session cookie and
 * CSRF), and the supervisor's `GET /agent/api/insights`.
 */
describe('Insights: the rating after an agent hands back', function () {
    this.timeout(90_000);
    let harness: AppHarness;
    const chats: ReceivedActivities[] = [];

    beforeEach(async () => {
        harness = await AppHarness.start();
    });
    afterEach(async () => {
        chats.splice(0).forEach((chat) => chat.end());
        await harness.close();
    });

    async function webChat(): Promise<ReceivedActivities> {
        const directLine = nodeDirectLine({ domain: `${harness.url}/v3/directline`, token: await harness.webChatToken(), webSocket: false, conversationStartProperties: { locale: 'en-US' } });
        const chat = new ReceivedActivities(directLine);
        chats.push(chat);
        await chat.botSays(p.menu);
        return chat;
    }

    function botMessages(chat: ReceivedActivities, from = 0): Message[] {
        return chat.all.slice(from).filter((a: Activity): a is Message => a.type === 'message' && a.from.role === 'bot');
    }

    /** Waits for a bot message matching `pattern` received after the first `from` activities. */
    async function botSaysAfter(chat: ReceivedActivities, from: number, pattern: RegExp): Promise<Message> {
        return (await chat.waitFor((a) => chat.all.indexOf(a) >= from && a.type === 'message' && a.from.role === 'bot' && pattern.test(a.text ?? ''), `saying ${pattern}`)) as Message;
    }

    /** Says `text` and waits for the answer matching `pattern` and for the turn to end. */
    async function turn(chat: ReceivedActivities, text: string, pattern: RegExp): Promise<Message> {
        const from = chat.all.length;
        await chat.say(text);
        const answer = await botSaysAfter(chat, from, pattern);
        await harness.app.runtime.bot.idle();
        return answer;
    }

    /** The customer asks for a person and Erika takes the chat. */
    async function liveChat(chat: ReceivedActivities): Promise<{ erika: AgentClient; id: string }> {
        const erika = await harness.signedIn('erika');
        await turn(chat, h.human, h.askDescription);
        await turn(chat, h.skip, h.waitPrompt);
        const id = (await erika.get<{ waiting: Array<{ id: string }> }>('/agent/api/queue')).body.waiting[0].id;
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/accept`)).status, 200);
        await chat.botSays(h.agentJoined);
        return { erika, id };
    }

    /** A live chat that Erika ends with "End and hand back to the bot"; returns how many activities came before. */
    async function liveChatHandedBack(chat: ReceivedActivities): Promise<number> {
        const { erika, id } = await liveChat(chat);
        const from = chat.all.length;
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/close`, { note: 'explained the invoice' })).status, 200);
        await botSaysAfter(chat, from, h.handedBack);
        return from;
    }

    async function totals(): Promise<InsightReport['totals']> {
        assert.ok(await harness.app.runtime.handoff.agents.setSupervisor('john', true));
        const john = await harness.signedIn('john');
        const res = await john.get<InsightReport>('/agent/api/insights');
        assert.strictEqual(res.status, 200);
        return res.body.totals;
    }

    it('asks once, after the hand-back line, with the two buttons; the answer and comment count as a rating after a person', async () => {
        const chat = await webChat();
        const from = await liveChatHandedBack(chat);
        const question = await botSaysAfter(chat, from, h.rateChat);
        assert.deepStrictEqual(question.suggestedActions?.actions.map((a) => a.title), ['👍 Yes, it helped', "👎 No, it didn't"]);
        await harness.app.runtime.bot.idle();
        const said = botMessages(chat, from).map((m) => m.text ?? '');
        assert.strictEqual(said.length, 2, `the hand-back line, then the question, and nothing else: ${JSON.stringify(said)}`);
        assert.match(said[0], h.handedBack);
        assert.match(said[1], h.rateChat);

        await turn(chat, '👍 Yes, it helped', /tell me in one sentence what we could do even better/);
        const thanks = await turn(chat, 'Erika was quick and friendly', /your comment goes to our support team/);
        assert.doesNotMatch(thanks.text ?? '', /Goodbye/, 'the conversation may go on');
        await turn(chat, p.whoIs, p.askEmail);

        const t = await totals();
        assert.strictEqual(t.ratingsUp, 1);
        assert.strictEqual(t.ratingsDown, 0);
        assert.strictEqual(t.ratingsAfterPersonUp, 1);
        assert.strictEqual(t.satisfaction, 1);
        assert.strictEqual(t.satisfactionAfterPerson, 1);
        assert.strictEqual(t.satisfactionBotAlone, null, 'no rating without a person');
        assert.strictEqual(t.escalated, 1);
    });

    it('a new question instead of an answer goes on as usual, and the goodbye later asks nothing again', async () => {
        const chat = await webChat();
        const from = await liveChatHandedBack(chat);
        await botSaysAfter(chat, from, h.rateChat);
        await turn(chat, p.whoIs, p.askEmail);
        await turn(chat, p.cancel, p.cancelled);
        const before = chat.all.length;
        await turn(chat, 'bye', /Goodbye/);
        await new Promise((resolve) => setTimeout(resolve, 300));
        const texts = botMessages(chat).map((m) => m.text ?? '');
        assert.strictEqual(texts.filter((text) => h.rateChat.test(text) || RATE_GOODBYE.test(text)).length, 1, `asked once in all: ${JSON.stringify(texts)}`);
        assert.ok(!botMessages(chat, before).some((m) => RATE_GOODBYE.test(m.text ?? '')), 'not asked again at the goodbye');

        const t = await totals();
        assert.strictEqual(t.ratingsUp + t.ratingsDown, 0);
        assert.strictEqual(t.satisfaction, null);
        assert.strictEqual(t.closings, 1);
    });

    it('answered after the hand-back, not asked again at a later goodbye; thumbs down counts after a person', async () => {
        const chat = await webChat();
        const from = await liveChatHandedBack(chat);
        await botSaysAfter(chat, from, h.rateChat);
        await turn(chat, "👎 No, it didn't", /What was missing\?/);
        await turn(chat, 'No comment', /^All right\. If there is anything else, just write to me\.$/);
        const before = chat.all.length;
        await turn(chat, 'bye', /Goodbye/);
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert.ok(!botMessages(chat, before).some((m) => RATE_GOODBYE.test(m.text ?? '') || h.rateChat.test(m.text ?? '')), 'never asked twice');

        const t = await totals();
        assert.strictEqual(t.ratingsDown, 1);
        assert.strictEqual(t.ratingsAfterPersonDown, 1);
        assert.strictEqual(t.satisfactionAfterPerson, 0);
        const csv = await fetch(`${harness.url}/agent/api/insights?format=csv`, { headers: { Cookie: (await harness.signedIn('john')).cookie ?? '' } });
        const lines = (await csv.text()).split('\r\n');
        const header = lines[0].split(',');
        const total = lines.find((line) => line.startsWith('total,'))?.split(',') ?? [];
        assert.strictEqual(total[header.indexOf('ratings_after_person_down')], '1');
        assert.strictEqual(total[header.indexOf('satisfaction_after_person')], '0');
        assert.strictEqual(total[header.indexOf('satisfaction_bot_alone')], '');
    });

    it('a conversation rated at its goodbye is not asked again when a later live chat ends; the bot offers its menu instead', async () => {
        const chat = await webChat();
        await turn(chat, 'bye', RATE_GOODBYE);
        await turn(chat, '👍 Yes, it helped', /tell me in one sentence/);
        await turn(chat, 'No comment', /Goodbye/);
        const from = await liveChatHandedBack(chat);
        await botSaysAfter(chat, from, h.anythingElse);
        await harness.app.runtime.bot.idle();
        assert.ok(!botMessages(chat, from).some((m) => h.rateChat.test(m.text ?? '')), 'never asked twice');

        const t = await totals();
        assert.strictEqual(t.ratingsUp, 1);
        assert.strictEqual(t.ratingsAfterPersonUp, 0, 'rated before the live chat');
        assert.strictEqual(t.satisfactionBotAlone, 1);
    });

    it('the customer who ends the live chat is asked too', async () => {
        const chat = await webChat();
        await liveChat(chat);
        const question = await turn(chat, 'End chat', h.rateChat);
        assert.deepStrictEqual(question.suggestedActions?.actions.map((a) => a.title), ['👍 Yes, it helped', "👎 No, it didn't"]);
        await turn(chat, '👍 Yes, it helped', /tell me in one sentence/);
        await turn(chat, 'bye', /^All right\. Goodbye!$/);
        assert.strictEqual((await totals()).ratingsAfterPersonUp, 1);
    });
});

import * as assert from 'assert';
import { ManualClock } from '../../core/clock';
import type { Lang } from '../../core/language';
import { AppHarness } from '../helpers/appHarness';
import type { AgentClient } from '../helpers/agentClient';
import { nodeDirectLine, ReceivedActivities } from '../helpers/directLineNode';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import { PHRASES } from '../helpers/phrases';
import { localeOf } from '../helpers/script';

interface QueueBody {
    waiting: Array<{ id: number }>;
}

interface DetailBody {
    status: string;
    messages: Array<{ sender: string; text?: string; event?: string }>;
}

/**
 * What the bot and an agent send on their own (agent joined, agent messages,
 * queue updates, callback offer, transfer, hand-back) as a customer of the
 * help page receives it: botframework-directlinejs against the started
 * server, over WebSocket and over polling. No conversation reference is
 * built by hand; the agent works through the console's HTTP API.
 */
describe('Handoff messages through the built-in Direct Line (botframework-directlinejs)', function () {
    this.timeout(60_000);
    let harness: AppHarness;
    let clock: ManualClock;
    const clients: ReceivedActivities[] = [];

    beforeEach(async () => {
        clock = new ManualClock(new Date());
        harness = await AppHarness.start({}, { clock });
    });
    afterEach(async () => {
        clients.splice(0).forEach((c) => c.end());
        await harness.close();
    });

    async function customer(lang: Lang, webSocket: boolean): Promise<ReceivedActivities> {
        const directLine = nodeDirectLine({
            domain: `${harness.url}/v3/directline`,
            token: await harness.webChatToken(),
            webSocket,
            conversationStartProperties: { locale: localeOf(lang) }
        });
        const chat = new ReceivedActivities(directLine);
        clients.push(chat);
        await chat.botSays(PHRASES[lang].menu);
        return chat;
    }

    /** The customer asks for a person, skips the description and waits in the queue; returns the handoff id. */
    async function queueUp(chat: ReceivedActivities, lang: Lang, agent: AgentClient, expectedWaiting: number): Promise<number> {
        const h = HANDOFF_PHRASES[lang];
        await chat.say(h.human);
        await chat.botSays(h.askDescription);
        await chat.say(h.skip);
        await chat.botSays(h.waitPrompt);
        const waiting = (await agent.get<QueueBody>('/agent/api/queue')).body.waiting;
        assert.strictEqual(waiting.length, expectedWaiting);
        return waiting[waiting.length - 1].id;
    }

    /** Bot messages received after the first one matching `after`. */
    function botTextsAfter(chat: ReceivedActivities, after: RegExp): string[] {
        // A message without text shows no bubble: it only brings Web Chat's "end chat" button back after the person wrote.
        const bot = chat.all.flatMap((a) => (a.type === 'message' && a.from.role === 'bot' && a.text ? [a.text] : []));
        const start = bot.findIndex((text) => after.test(text));
        return start < 0 ? [] : bot.slice(start + 1);
    }

    for (const webSocket of [true, false]) {
        const transport = webSocket ? 'WebSocket' : 'polling';
        const lang: Lang = webSocket ? 'en' : 'de';
        const h = HANDOFF_PHRASES[lang];
        const p = PHRASES[lang];
        const words = {
            en: { agent1: 'Hello, I am looking at your invoice.', agent2: 'It is fixed now.', customer1: 'Thank you!', customer2: 'One more thing', followUp: p.whoIs },
            de: { agent1: 'Guten Tag, ich sehe mir Ihre Rechnung an.', agent2: 'Jetzt ist es korrigiert.', customer1: 'Danke!', customer2: 'Noch etwas', followUp: p.whoIs }
        }[lang];

        it(`[${lang}] over ${transport}: agent joined, two agent messages, two customer messages to the agent, hand-back, then the bot answers a follow-up`, async () => {
            const erika = await harness.signedIn('erika');
            const chat = await customer(lang, webSocket);
            const id = await queueUp(chat, lang, erika, 1);

            assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/accept`)).status, 200);
            await chat.botSays(h.agentJoined);
            assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/messages`, { text: words.agent1 })).status, 201);
            assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/messages`, { text: words.agent2 })).status, 201);
            await chat.botSays(new RegExp(`^Erika Mustermann: ${words.agent2.replace('.', '\\.')}$`));
            assert.deepStrictEqual(
                botTextsAfter(chat, h.agentJoined),
                [`Erika Mustermann: ${words.agent1}`, `Erika Mustermann: ${words.agent2}`],
                'both agent messages, in order, once each'
            );

            await chat.say(words.customer1);
            await chat.say(words.customer2);
            await waitUntil(async () => {
                const detail = (await erika.get<DetailBody>(`/agent/api/handoffs/${id}`)).body;
                return detail.messages.filter((m) => m.sender === 'customer').map((m) => m.text).join('|') === `${words.customer1}|${words.customer2}`;
            }, 'the agent sees both customer messages');
            assert.deepStrictEqual(botTextsAfter(chat, new RegExp(words.agent2.replace('.', '\\.'))), [], 'the bot stays out of the live chat');
            const endChat = lang === 'de' ? 'Chat beenden' : 'End chat';
            await waitUntil(
                async () => chat.all.filter((a) => a.type === 'message' && a.from.role === 'bot' && !a.text && a.suggestedActions?.actions.some((b) => b.title === endChat)).length === 2,
                'after each line the person wrote, the "end chat" button is offered again'
            );

            assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/close`)).status, 200);
            await chat.botSays(h.handedBack);
            await chat.botSays(h.rateChat);

            await chat.say(words.followUp);
            await chat.botSays(p.askEmail);
            const ids = chat.all.map((a) => a.id ?? '');
            assert.strictEqual(new Set(ids).size, ids.length, 'each activity once');
            // Web Chat holds a reply to an activity it has not seen for about five seconds before showing it.
            const replyTo = (a: object): string | undefined => (a as { replyToId?: string }).replyToId;
            const unknownReplies = chat.all.filter((a) => replyTo(a) !== undefined && !ids.includes(replyTo(a) ?? '')).map((a) => (a.type === 'message' ? a.text : a.type));
            assert.deepStrictEqual(unknownReplies, [], 'no message answers an activity the client never saw');
        });
    }

    it('[de→en] the page switches the language during the live chat: the customer is told who has the chat, with "End chat", not the queue prompt', async () => {
        const erika = await harness.signedIn('erika');
        const chat = await customer('de', true);
        const id = await queueUp(chat, 'de', erika, 1);
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/accept`)).status, 200);
        await chat.botSays(HANDOFF_PHRASES.de.agentJoined);
        await chat.event('setLanguage', 'en');
        const told = await chat.botSays(/^You're chatting with Erika Mustermann from customer service\./);
        const actions = ((told as { suggestedActions?: { actions: Array<{ title: string }> } }).suggestedActions?.actions ?? []).map((a) => a.title);
        assert.deepStrictEqual(actions, ['End chat']);
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert.deepStrictEqual(
            botTextsAfter(chat, /Erika Mustermann vom Kundendienst ist jetzt im Chat/).filter((text) => HANDOFF_PHRASES.en.waitPrompt.test(text)),
            [],
            'no queue prompt while an agent has the chat'
        );
        await chat.say('End chat');
        await chat.botSays(/You've ended the chat with Erika Mustermann\./);
    });

    it('[en] over WebSocket: queue position update, transfer to another agent, and the callback offer after the wait timeout', async () => {
        const h = HANDOFF_PHRASES.en;
        const erika = await harness.signedIn('erika');
        const john = await harness.signedIn('john');
        const first = await customer('en', true);
        const second = await customer('en', true);
        const third = await customer('en', false);
        const firstId = await queueUp(first, 'en', erika, 1);
        await queueUp(second, 'en', erika, 2);
        await queueUp(third, 'en', erika, 3);

        assert.strictEqual((await erika.post(`/agent/api/handoffs/${firstId}/accept`)).status, 200);
        await first.botSays(h.agentJoined);
        await second.botSays(h.positionNext);
        await third.botSays(/The queue is moving: you're now number 2/);

        assert.strictEqual((await erika.post(`/agent/api/handoffs/${firstId}/transfer`, { to: 'john' })).status, 200);
        await first.botSays(h.transferred);
        assert.strictEqual((await john.post(`/agent/api/handoffs/${firstId}/messages`, { text: 'John here.' })).status, 201);
        await first.botSays(/^John Smith: John here\.$/);

        clock.advance(6 * 60_000);
        await harness.app.runtime.handoff.queue.sweep();
        await second.botSays(h.timedOut);
        await second.botSays(h.offerCallback);
        await third.botSays(h.timedOut);
        // Declining the callback: told the wait is over, not left to think they are still in the queue.
        await second.say('no thanks');
        await second.botSays(/All right\. You're no longer in the queue\. Whenever you want to try again, just ask for a person/);
    });
    it('[de] over polling: hand to a bot flow; the bot starts it for the customer', async () => {
        const h = HANDOFF_PHRASES.de;
        const erika = await harness.signedIn('erika');
        const chat = await customer('de', false);
        const id = await queueUp(chat, 'de', erika, 1);
        await erika.post(`/agent/api/handoffs/${id}/accept`);
        await chat.botSays(h.agentJoined);
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/flow`, { flow: 'am-i-billing-contact' })).status, 200);
        await chat.botSays(h.flowIdentify);
        await chat.botSays(h.askEmailIdentify);
    });
});

async function waitUntil(check: () => Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!(await check())) {
        if (Date.now() > deadline) {
            throw new Error(`timed out waiting until ${what}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}

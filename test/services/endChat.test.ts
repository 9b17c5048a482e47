import * as assert from 'assert';
import { AppHarness } from '../helpers/appHarness';
import { nodeDirectLine, ReceivedActivities } from '../helpers/directLineNode';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import { PHRASES } from '../helpers/phrases';

interface DetailBody {
    status: string;
    messages: Array<{ sender: string; text?: string; event?: string }>;
}

/** The customer ends the live chat themselves, by the button or in words; the agent sees it. */
describe('The customer ends the live chat', function () {
    this.timeout(60_000);
    let harness: AppHarness;
    const clients: ReceivedActivities[] = [];
    beforeEach(async () => {
        harness = await AppHarness.start();
    });
    afterEach(async () => {
        clients.splice(0).forEach((c) => c.end());
        await harness.close();
    });

    it('[en] over Direct Line (WebSocket): the "End chat" button under the agent\'s messages ends it; the agent sees a line and a live event; the bot answers again', async () => {
        const h = HANDOFF_PHRASES.en;
        const erika = await harness.signedIn('erika');
        const live = await fetch(`${harness.url}/agent/api/events`, { headers: { Cookie: erika.cookie ?? '' } });
        const liveText = readAll(live);
        const chat = new ReceivedActivities(
            nodeDirectLine({ domain: `${harness.url}/v3/directline`, token: await harness.webChatToken(), webSocket: true, conversationStartProperties: { locale: 'en-US' } })
        );
        clients.push(chat);
        await chat.botSays(PHRASES.en.menu);
        await chat.say(h.human);
        await chat.botSays(h.askDescription);
        await chat.say(h.skip);
        await chat.botSays(h.waitPrompt);
        const id = (await erika.get<{ waiting: Array<{ id: number }> }>('/agent/api/queue')).body.waiting[0].id;
        await erika.post(`/agent/api/handoffs/${id}/accept`);
        const joined = await chat.botSays(h.agentJoined);
        assert.deepStrictEqual(joined.suggestedActions?.actions.map((a) => [a.title, a.value]), [['End chat', 'End chat']]);
        await erika.post(`/agent/api/handoffs/${id}/messages`, { text: 'How can I help?' });
        const fromAgent = await chat.botSays(/^Erika Mustermann: How can I help\?$/);
        assert.deepStrictEqual(fromAgent.suggestedActions?.actions.map((a) => a.title), ['End chat']);

        await chat.say('End chat');
        await chat.botSays(/^You've ended the chat with Erika Mustermann\.$/);
        await chat.botSays(h.rateChat);
        const detail = (await erika.get<DetailBody>(`/agent/api/handoffs/${id}`)).body;
        assert.strictEqual(detail.status, 'closed');
        assert.deepStrictEqual(detail.messages.at(-1), { ...detail.messages.at(-1), sender: 'system', event: 'customerEnded' });
        assert.ok(!detail.messages.some((m) => m.sender === 'customer' && m.text === 'End chat'), 'the words that end the chat are not passed on');
        const refused = await erika.post(`/agent/api/handoffs/${id}/messages`, { text: 'Still there?' });
        assert.strictEqual(refused.status, 409, 'the agent can no longer write');
        await waitFor(() => liveText().includes('"reason":"customer-ended"'), 'the live channel tells the agent');
        assert.match(liveText(), /event: handoff\ndata: \{"handoffId":"[\w-]{16,}","status":"closed","reason":"customer-ended"\}/);

        await chat.say(PHRASES.en.whoIs);
        await chat.botSays(PHRASES.en.askEmail);
    });

    it('[de] over /api/messages: "Chat beenden" typed ends it; other text still goes to the agent', async () => {
        const h = HANDOFF_PHRASES.de;
        const erika = await harness.signedIn('erika');
        const customer = harness.customer('de-DE');
        assert.match((await customer.say(h.human)).join('\n'), h.askDescription);
        assert.match((await customer.say(h.skip)).join('\n'), h.waitPrompt);
        const id = (await erika.get<{ waiting: Array<{ id: number }> }>('/agent/api/queue')).body.waiting[0].id;
        await erika.post(`/agent/api/handoffs/${id}/accept`);
        await customer.waitFor(h.agentJoined);
        assert.deepStrictEqual(await customer.say('Ich will den Chat nicht beenden, nur fragen'), [], 'a sentence that mentions it goes to the agent');
        const replies = await customer.say('Chat beenden!');
        assert.match(replies.join('\n'), /^Sie haben den Chat mit Erika Mustermann beendet\.\n/);
        assert.match(replies.join('\n'), h.rateChat);
        const detail = (await erika.get<DetailBody>(`/agent/api/handoffs/${id}`)).body;
        assert.deepStrictEqual(
            detail.messages.map((m) => m.event ?? m.text),
            ['accepted', 'Ich will den Chat nicht beenden, nur fragen', 'customerEnded']
        );
        assert.strictEqual(detail.status, 'closed');
    });
});

function readAll(res: Response): () => string {
    let text = '';
    const reader = res.body?.getReader();
    void (async () => {
        for (;;) {
            const chunk = await reader?.read().catch(() => undefined);
            if (!chunk || chunk.done) {
                return;
            }
            text += Buffer.from(chunk.value).toString('utf8');
        }
    })();
    return () => text;
}

async function waitFor(check: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!check()) {
        if (Date.now() > deadline) {
            throw new Error(`timed out waiting until ${what}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

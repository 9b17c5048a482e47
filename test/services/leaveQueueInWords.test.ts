import * as assert from 'assert';
import { AppHarness } from '../helpers/appHarness';
import type { AgentClient } from '../helpers/agentClient';
import { nodeDirectLine, ReceivedActivities } from '../helpers/directLineNode';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import { PHRASES } from '../helpers/phrases';

interface QueueBody {
    waiting: Array<{ id: number }>;
}

interface DetailBody {
    status: string;
    messages: Array<{ sender: string; text?: string; event?: string }>;
}

/**
 * A customer on the help page says goodbye while waiting for a person: the
 * queue the agents see is left (no agent picks up an empty conversation);
 * once an agent has the chat, the goodbye is the agent's to answer.
 */
describe('Leaving the queue in words, over Direct Line', function () {
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

    /** A Web Chat customer in `locale` who asked for a person and waits in the queue. */
    async function waitingCustomer(locale: string, lang: 'de' | 'en'): Promise<ReceivedActivities> {
        const h = HANDOFF_PHRASES[lang];
        const chat = new ReceivedActivities(
            nodeDirectLine({ domain: `${harness.url}/v3/directline`, token: await harness.webChatToken(), webSocket: true, conversationStartProperties: { locale } })
        );
        clients.push(chat);
        await chat.botSays(PHRASES[lang].menu);
        await chat.say(h.human);
        await chat.botSays(h.askDescription);
        await chat.say(h.skip);
        await chat.botSays(h.waitPrompt);
        return chat;
    }

    async function waitingIds(agent: AgentClient): Promise<number[]> {
        return (await agent.get<QueueBody>('/agent/api/queue')).body.waiting.map((w) => w.id);
    }

    it('[de] "tschüss" asks whether to leave; "ja" leaves: the console no longer shows it waiting and no agent can pick it up', async () => {
        const erika = await harness.signedIn('erika');
        const chat = await waitingCustomer('de-DE', 'de');
        const [id] = await waitingIds(erika);
        assert.ok(id !== undefined, 'waiting in the queue');

        await chat.say('tschüss');
        await chat.botSays(/^Möchten Sie die Warteschlange verlassen\?$/);
        assert.deepStrictEqual(await waitingIds(erika), [id], 'still waiting until the person says so');
        await chat.say('ja');
        await chat.botSays(/^In Ordnung, ich habe Sie aus der Warteschlange genommen\. Einen schönen Tag noch!( Eine letzte Frage: Hat Ihnen dieses Gespräch geholfen\?)?$/);

        assert.deepStrictEqual(await waitingIds(erika), []);
        // Closed before any agent took part: the console no longer lists or opens it.
        assert.strictEqual((await erika.get(`/agent/api/handoffs/${id}`)).status, 404);
        const accepted = await erika.post(`/agent/api/handoffs/${id}/accept`);
        assert.notStrictEqual(accepted.status, 200, 'no agent can pick it up');
    });

    it('[en] "never mind, I figured it out" leaves at once with one friendly line', async () => {
        const erika = await harness.signedIn('erika');
        const chat = await waitingCustomer('en-US', 'en');
        const [id] = await waitingIds(erika);
        await chat.say('never mind, I figured it out');
        await chat.botSays(/^All right, I've taken you out of the queue\. Have a nice day!( One last question: did this conversation help you\?)?$/);
        assert.deepStrictEqual(await waitingIds(erika), []);
        assert.strictEqual((await erika.get(`/agent/api/handoffs/${id}`)).status, 404);
        assert.ok(!chat.texts().some((text) => /Would you like to leave the queue\?/.test(text)), 'not asked: the message is unambiguous');
    });

    it('[de] while an agent has the chat, "hat sich erledigt, danke" goes to the agent; the bot does not answer it', async () => {
        const h = HANDOFF_PHRASES.de;
        const erika = await harness.signedIn('erika');
        const chat = await waitingCustomer('de-DE', 'de');
        const [id] = await waitingIds(erika);
        await erika.post(`/agent/api/handoffs/${id}/accept`);
        await chat.botSays(h.agentJoined);
        const before = chat.all.length;
        await chat.say('hat sich erledigt, danke');
        await erika.post(`/agent/api/handoffs/${id}/messages`, { text: 'Gern, schönen Tag!' });
        await chat.botSays(/^Erika Mustermann: Gern, schönen Tag!$/);
        // A message without text shows no bubble (it only brings the "end chat" button back).
        const botLines = chat.all.slice(before).flatMap((a) => (a.type === 'message' && a.from.role === 'bot' && a.text ? [a.text] : []));
        assert.deepStrictEqual(botLines, ['Erika Mustermann: Gern, schönen Tag!'], 'the bot itself says nothing');
        const detail = (await erika.get<DetailBody>(`/agent/api/handoffs/${id}`)).body;
        assert.strictEqual(detail.status, 'active');
        assert.ok(detail.messages.some((m) => m.sender === 'customer' && m.text === 'hat sich erledigt, danke'));
    });
});

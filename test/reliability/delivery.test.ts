import * as assert from 'assert';
import * as path from 'path';
import { PROJECT_ROOT } from '../../paths';
import { Database } from '../../data/database';
import { AgentClient } from '../helpers/agentClient';
import { DEMO_PASSWORD } from '../helpers/appHarness';
import { nodeDirectLine, ReceivedActivities } from '../helpers/directLineNode';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import { BotUnderTest, figure } from './support';

const ROUNDS = 20;

interface DetailBody {
    messages: Array<{ id: number; sender: string; text?: string; delivery?: string }>;
}

/** The same signed-in agent against the bot's current address (its session is in the database). */
function agentAt(url: string, signedIn: AgentClient): AgentClient {
    const agent = new AgentClient(url);
    agent.cookie = signedIn.cookie;
    agent.csrfToken = signedIn.csrfToken;
    return agent;
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check().catch(() => false))) {
        if (Date.now() > deadline) {
            throw new Error(`timed out waiting until ${what}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}

describe('reliability: kill -9 between an agent sending a message and its delivery to a Web Chat customer', () => {
    it(`over ${ROUNDS} kills, every agent message reaches the customer exactly once, in order, and the console shows it delivered`, async () => {
        const bot = new BotUnderTest(10, { DEMO_DATA_PATH: path.join(PROJECT_ROOT, 'data', 'accounts.json'), AGENT_DEMO_PASSWORD: DEMO_PASSWORD });
        await bot.start();
        const h = HANDOFF_PHRASES.en;
        try {
            const token = ((await (await fetch(`${bot.url()}/api/webchat/token`, { method: 'POST' })).json()) as { token: string }).token;
            const first = new ReceivedActivities(nodeDirectLine({ domain: `${bot.url()}/v3/directline`, token, webSocket: false, conversationStartProperties: { locale: 'en-US' } }));
            const signedIn = new AgentClient(bot.url());
            assert.strictEqual((await signedIn.login('erika', DEMO_PASSWORD)).status, 200);
            await first.botSays(/What can I do for you/);
            await first.say(h.human);
            await first.botSays(h.askDescription);
            await first.say(h.skip);
            await first.botSays(h.waitPrompt);
            const conversationId = String(first.all[0].conversation?.id);
            const id = ((await signedIn.get<{ waiting: Array<{ id: number }> }>('/agent/api/queue')).body.waiting[0]).id;
            assert.strictEqual((await signedIn.post(`/agent/api/handoffs/${id}/accept`)).status, 200);
            await first.botSays(h.agentJoined);
            first.end();

            let pendingAtKill = 0;
            for (let round = 1; round <= ROUNDS; round++) {
                const agent = agentAt(bot.url(), signedIn);
                const sent = await agent.post(`/agent/api/handoffs/${id}/messages`, { text: `message ${round}` });
                assert.strictEqual(sent.status, 201);
                // Anywhere from "written, not yet sent" to "sent, not yet marked delivered".
                await new Promise((resolve) => setTimeout(resolve, Math.random() * 12));
                await bot.server.kill();
                const db = await Database.open(bot.dbPath);
                pendingAtKill += (await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM proactive_deliveries WHERE status = 'pending'"))?.n ?? 0;
                await db.close();
                await bot.start();
            }

            const agent = agentAt(bot.url(), signedIn);
            await waitUntil(async () => {
                const detail = (await agent.get<DetailBody>(`/agent/api/handoffs/${id}`)).body;
                return detail.messages.filter((m) => m.sender === 'agent').every((m) => m.delivery === 'delivered');
            }, 'every agent message is marked delivered');
            assert.strictEqual((await agent.post(`/agent/api/handoffs/${id}/close`)).status, 200);

            // A fresh client reads the whole conversation, as Web Chat does after a reload.
            const reader = new ReceivedActivities(nodeDirectLine({ domain: `${bot.url()}/v3/directline`, token, conversationId, webSocket: false }));
            await reader.botSays(h.rateChat);
            const fromAgent = reader.texts().filter((text) => /^Erika Mustermann: message \d+$/.test(text));
            reader.end();
            const expected = Array.from({ length: ROUNDS }, (_, i) => `Erika Mustermann: message ${i + 1}`);
            const log = bot.log();
            figure('kills', ROUNDS);
            figure('agent messages still undelivered at the kill', pendingAtKill);
            figure('repeated turns recognised by the retry guard', (log.match(/duplicate activity ignored/g) ?? []).length);
            figure('activities of repeated turns not stored again', (log.match(/was stored before; not stored again/g) ?? []).length);
            assert.deepStrictEqual(fromAgent, expected, 'every message once, in order');
            assert.strictEqual(reader.texts().filter((text) => h.handedBack.test(text)).length, 1, 'the hand-back once');
            assert.ok(pendingAtKill > 0, 'some kills came before the delivery (otherwise this test proves nothing)');
        } finally {
            await bot.stop();
        }
    });
});

import * as assert from 'assert';
import { AppHarness } from '../helpers/appHarness';
import type { AgentClient } from '../helpers/agentClient';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';

interface QueueBody {
    waiting: Array<{ id: number }>;
}

interface MessageBody {
    id: number;
    sender: string;
    text?: string;
    delivery?: string;
    attempts?: number;
}

interface DeliveryEvent {
    handoffId: number;
    messageId: number;
    delivery: string;
    attempts: number;
}

/** The `delivery` events of the console's live channel, as the page receives them. */
async function deliveryEvents(url: string, agent: AgentClient): Promise<{ events: DeliveryEvent[]; stop: () => void }> {
    const abort = new AbortController();
    const res = await fetch(`${url}/agent/api/events`, { headers: { Cookie: agent.cookie ?? '' }, signal: abort.signal });
    const events: DeliveryEvent[] = [];
    const reader = res.body?.getReader();
    void (async () => {
        let buffer = '';
        for (;;) {
            const chunk = await reader?.read().catch(() => undefined);
            if (!chunk || chunk.done) {
                return;
            }
            buffer += Buffer.from(chunk.value).toString('utf8');
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
                const block = buffer.slice(0, end);
                buffer = buffer.slice(end + 2);
                if (block.startsWith('event: delivery\n')) {
                    events.push(JSON.parse(block.split('\ndata: ')[1]) as DeliveryEvent);
                }
            }
        }
    })();
    return { events, stop: () => abort.abort() };
}

async function waitUntil<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
    const deadline = Date.now() + 30_000;
    for (;;) {
        const value = await read();
        if (ok(value)) {
            return value;
        }
        if (Date.now() > deadline) {
            throw new Error(`timed out waiting until ${what}; last: ${JSON.stringify(value)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

/**
 * An agent's message while the customer's channel refuses what the bot
 * sends: retried with backoff, marked failed, shown so in the console API and
 * its live channel, and sent again on the agent's request once the channel
 * is back.
 */
describe('Delivery of agent messages: retries, failed, send again', function () {
    this.timeout(60_000);
    let harness: AppHarness;
    beforeEach(async () => {
        harness = await AppHarness.start({}, { deliveryPolicy: { firstRetryMs: 50, maxRetryMs: 200, maxAttempts: 3, pollMs: 50 } });
    });
    afterEach(async () => harness.close());

    it('[en] a refused message is tried 3 times, shown failed, sent again once the channel is back, and delivered once', async () => {
        const h = HANDOFF_PHRASES.en;
        const erika = await harness.signedIn('erika');
        const live = await deliveryEvents(harness.url, erika);
        const customer = harness.customer('en-US');
        assert.match((await customer.say(h.human)).join('\n'), h.askDescription);
        assert.match((await customer.say(h.skip)).join('\n'), h.waitPrompt);
        const id = (await erika.get<QueueBody>('/agent/api/queue')).body.waiting[0].id;
        await erika.post(`/agent/api/handoffs/${id}/accept`);
        await customer.waitFor(h.agentJoined);

        harness.channel.refusing = true;
        const sent = await erika.post<MessageBody>(`/agent/api/handoffs/${id}/messages`, { text: 'Are you still there?' });
        assert.deepStrictEqual([sent.status, sent.body.delivery, sent.body.attempts], [201, 'pending', 0]);
        const messageId = sent.body.id;
        const agentLine = async (): Promise<MessageBody | undefined> =>
            (await erika.get<{ messages: MessageBody[] }>(`/agent/api/handoffs/${id}`)).body.messages.find((m) => m.id === messageId);
        const failed = await waitUntil(agentLine, (m) => m?.delivery === 'failed', 'the message is marked failed');
        assert.strictEqual(failed?.attempts, 3);
        assert.strictEqual(harness.channel.refused, 3, `the channel was asked ${harness.channel.refused} times`);
        assert.ok(!customer.inbox().some((line) => /Are you still there/.test(line)));
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/messages/${messageId}/retry`, {}, 'wrong-token')).status, 403, 'CSRF as everywhere');

        harness.channel.refusing = false;
        const retry = await erika.post(`/agent/api/handoffs/${id}/messages/${messageId}/retry`);
        assert.deepStrictEqual([retry.status, retry.body], [202, { handoffId: id, messageId, delivery: 'pending', attempts: 0 }]);
        await customer.waitFor(/^Erika Mustermann: Are you still there\?$/);
        await waitUntil(agentLine, (m) => m?.delivery === 'delivered', 'the message is marked delivered');
        assert.strictEqual(customer.inbox().filter((line) => /Are you still there/.test(line)).length, 1, 'delivered once');
        const again = await erika.post(`/agent/api/handoffs/${id}/messages/${messageId}/retry`);
        assert.deepStrictEqual([again.status, (again.body as { error: { code: string } }).error.code], [409, 'NotFailed']);
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/messages/99999/retry`)).status, 404);

        await waitUntil(async () => live.events.map((e) => e.delivery), (seen) => seen.includes('delivered'), 'the live channel reports the delivery');
        live.stop();
        const mine = live.events.filter((e) => e.messageId === messageId);
        assert.deepStrictEqual(Object.keys(mine[0]).sort(), ['attempts', 'delivery', 'handoffId', 'messageId']);
        assert.deepStrictEqual(
            mine.map((e) => `${e.delivery}:${e.attempts}`),
            ['pending:1', 'pending:2', 'failed:3', 'pending:0', 'delivered:1'],
            'each change, live'
        );
    });
});

import * as assert from 'assert';
import { ManualClock } from '../../core/clock';
import { AppHarness } from '../helpers/appHarness';
import type { AgentClient } from '../helpers/agentClient';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import type { LoopbackCustomer } from '../helpers/loopbackChannel';
import { PHRASES } from '../helpers/phrases';

interface QueueBody {
    waiting: Array<{ id: number }>;
}

interface DetailBody {
    messages: Array<{ sender: string; text?: string }>;
}

/**
 * The same handoff messages for a customer of an `/api/messages` channel
 * (Teams, Bot Service): a local channel receives what the bot sends on its
 * own at its `serviceUrl`.
 */
describe('Handoff messages through /api/messages (a local channel receives the replies)', function () {
    this.timeout(60_000);
    let harness: AppHarness;
    let clock: ManualClock;

    beforeEach(async () => {
        clock = new ManualClock(new Date());
        harness = await AppHarness.start({}, { clock });
    });
    afterEach(async () => harness.close());

    async function queueUp(customer: LoopbackCustomer, agent: AgentClient, expectedWaiting: number): Promise<number> {
        const h = HANDOFF_PHRASES.en;
        assert.match((await customer.say(h.human)).join('\n'), h.askDescription);
        assert.match((await customer.say(h.skip)).join('\n'), h.waitPrompt);
        const waiting = (await agent.get<QueueBody>('/agent/api/queue')).body.waiting;
        assert.strictEqual(waiting.length, expectedWaiting);
        return waiting[waiting.length - 1].id;
    }

    it('[en] agent joined, two messages each way, hand-back, then the bot answers a follow-up', async () => {
        const h = HANDOFF_PHRASES.en;
        const erika = await harness.signedIn('erika');
        const customer = harness.customer('en-US');
        const id = await queueUp(customer, erika, 1);

        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/accept`)).status, 200);
        await customer.waitFor(h.agentJoined);
        await erika.post(`/agent/api/handoffs/${id}/messages`, { text: 'Hello, I am looking at it.' });
        await erika.post(`/agent/api/handoffs/${id}/messages`, { text: 'Done.' });
        await customer.waitFor(/^Erika Mustermann: Done\.$/);
        assert.deepStrictEqual(customer.inbox().slice(-2), ['Erika Mustermann: Hello, I am looking at it.', 'Erika Mustermann: Done.']);

        assert.deepStrictEqual(await customer.say('Thank you!'), []);
        assert.deepStrictEqual(await customer.say('One more thing'), []);
        const detail = (await erika.get<DetailBody>(`/agent/api/handoffs/${id}`)).body;
        assert.deepStrictEqual(detail.messages.filter((m) => m.sender === 'customer').map((m) => m.text), ['Thank you!', 'One more thing']);

        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/close`)).status, 200);
        await customer.waitFor(h.handedBack);
        await customer.waitFor(h.rateChat);
        assert.match((await customer.say(PHRASES.en.whoIs)).join('\n'), PHRASES.en.askEmail);
        assert.strictEqual(customer.inbox().filter((line) => h.handedBack.test(line)).length, 1, 'the hand-back once');
    });

    it('[en] queue position update, transfer, and the callback offer after the wait timeout', async () => {
        const h = HANDOFF_PHRASES.en;
        const erika = await harness.signedIn('erika');
        const john = await harness.signedIn('john');
        const first = harness.customer('en-US');
        const second = harness.customer('en-US');
        const firstId = await queueUp(first, erika, 1);
        await queueUp(second, erika, 2);

        await erika.post(`/agent/api/handoffs/${firstId}/accept`);
        await first.waitFor(h.agentJoined);
        await second.waitFor(h.positionNext);
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${firstId}/transfer`, { to: 'john' })).status, 200);
        await first.waitFor(h.transferred);
        await john.post(`/agent/api/handoffs/${firstId}/messages`, { text: 'John here.' });
        await first.waitFor(/^John Smith: John here\.$/);

        clock.advance(6 * 60_000);
        await harness.app.runtime.handoff.queue.sweep();
        await second.waitFor(h.timedOut);
        await second.waitFor(h.offerCallback);
    });
});

import * as assert from 'assert';
import { AppHarness } from '../helpers/appHarness';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import type { LoopbackCustomer } from '../helpers/loopbackChannel';

interface QueueItem {
    id: string;
    description: string | null;
}

interface QueueBody {
    waiting: QueueItem[];
    mine: QueueItem[];
    callbacks: Array<{ id: number; note: string | null }>;
}

interface DetailBody {
    id: string;
    status: string;
    description: string | null;
    messages: Array<{ id: number; sender: string; text?: string; event?: string; args?: Record<string, string> }>;
}

/** The customer asks for a person with this description and lands in the queue. */
async function escalate(customer: LoopbackCustomer, lang: 'de' | 'en', description: string): Promise<void> {
    const h = HANDOFF_PHRASES[lang];
    assert.match((await customer.say(h.human)).join('\n'), h.askDescription);
    assert.match((await customer.say(description)).join('\n'), h.waitPrompt);
}

describe('Agent desk API: masking, notes, availability, ids', function () {
    this.timeout(60_000);
    let harness: AppHarness;
    beforeEach(async () => {
        harness = await AppHarness.start();
    });
    afterEach(async () => harness.close());

    it('masks the description like the transcript: other people’s emails and typed codes never reach agents', async () => {
        const customer = harness.customer('en-US');
        const erika = await harness.signedIn('erika');
        await escalate(customer, 'en', 'my code 123 456 did not work, please write to bob.other@example.com');
        const queue = (await erika.get<QueueBody>('/agent/api/queue')).body;
        assert.strictEqual(queue.waiting[0].description, 'my code •••••• did not work, please write to b***@example.com');
        const detail = (await erika.get<DetailBody>(`/agent/api/handoffs/${queue.waiting[0].id}`)).body;
        assert.strictEqual(detail.description, 'my code •••••• did not work, please write to b***@example.com');
    });

    it('masks the note of a callback request the same way, keeping the address the person gave for it', async () => {
        const h = HANDOFF_PHRASES.en;
        const customer = harness.customer('en-US');
        assert.match((await customer.say(h.human)).join('\n'), h.askDescription);
        assert.match((await customer.say('code 654321 failed; cc carol.other@example.com')).join('\n'), h.offerCallback);
        assert.match((await customer.say('yes')).join('\n'), h.askEmail);
        assert.match((await customer.say('kim@example.com')).join('\n'), h.askLanguage);
        assert.match((await customer.say('English')).join('\n'), h.callbackCreated);
        const erika = await harness.signedIn('erika');
        const queue = (await erika.get<QueueBody>('/agent/api/queue')).body;
        assert.strictEqual(queue.callbacks[0].note, 'code •••••• failed; cc c***@example.com');
    });
});

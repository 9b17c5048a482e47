import * as assert from 'assert';
import { ChangeRequestRepository } from '../../data/repositories/changeRequestRepository';
import { AppHarness } from '../helpers/appHarness';
import { KLAUS } from '../helpers/demoPeople';
import { PHRASES } from '../helpers/phrases';
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

    it('masks what the person writes while waiting and in the live chat like the description: own email readable, references readable, codes and other emails hidden', async () => {
        const p = PHRASES.en;
        const h = HANDOFF_PHRASES.en;
        const klaus = harness.customer('en-US');
        assert.match((await klaus.say(p.amI)).join('\n'), p.askEmail);
        assert.match((await klaus.say(KLAUS)).join('\n'), p.askCode);
        const code = await harness.latestCode(KLAUS);
        assert.match((await klaus.say(code)).join('\n'), p.caseC);
        const erika = await harness.signedIn('erika');
        await escalate(klaus, 'en', 'About BC-2026-000001, code 123 456 failed');
        assert.match((await klaus.say(`anna.mueller@mueller-design.example code 654321, write to ${KLAUS}`)).join('\n'), h.stillWaiting);
        const id = (await erika.get<QueueBody>('/agent/api/queue')).body.waiting[0].id;
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/accept`)).status, 200);
        await klaus.waitFor(h.agentJoined);
        await klaus.say('still BC-2026-000001; new code 321-987 for lea.fischer@mueller-design.example');

        const detail = (await erika.get<DetailBody & { history: Array<{ from: string; text: string }> }>(`/agent/api/handoffs/${id}`)).body;
        assert.strictEqual(detail.description, 'About BC-2026-000001, code •••••• failed');
        assert.deepStrictEqual(detail.messages.filter((m) => m.sender === 'customer').map((m) => m.text), [
            `a***@mueller-design.example code ••••••, write to ${KLAUS}`,
            'still BC-2026-000001; new code •••••• for l***@mueller-design.example'
        ]);
        const said = detail.history.filter((line) => line.from === 'customer').map((line) => line.text);
        assert.ok(said.includes('About BC-2026-000001, code •••••• failed'), said.join('\n'));
        assert.ok(said.includes(KLAUS), 'the person’s own email stays readable');
        assert.ok(!said.includes(code), 'the verification code is hidden');
    });

    it('removes bidi overrides, isolates and other invisible characters from what reaches agents, keeping letters and emoji', async () => {
        const h = HANDOFF_PHRASES.en;
        const customer = harness.customer('en-US');
        const erika = await harness.signedIn('erika');
        await escalate(customer, 'en', 'refund \u202Eexe.txt\u202C please\u200B');
        assert.match((await customer.say('pay \u2067\u2066now\u2069\u2069 to\u00AD me\uFEFF \u{1F469}\u200D\u{1F4BB} \u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}')).join('\n'), h.stillWaiting);
        const id = (await erika.get<QueueBody>('/agent/api/queue')).body.waiting[0].id;
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/accept`)).status, 200);
        await customer.waitFor(h.agentJoined);
        await customer.say('\u202Dlive\u202A line\u202B\u200E\u200F\u061C\u2060\u{E0041}');

        const detail = (await erika.get<DetailBody & { history: Array<{ from: string; text: string }> }>(`/agent/api/handoffs/${id}`)).body;
        assert.strictEqual(detail.description, 'refund exe.txt please');
        assert.deepStrictEqual(detail.messages.filter((m) => m.sender === 'customer').map((m) => m.text), ['pay now to me \u{1F469}\u200D\u{1F4BB} \u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}', 'live line']);
        assert.ok(detail.history.some((line) => line.text === 'refund exe.txt please'), JSON.stringify(detail.history));
        assert.doesNotMatch(JSON.stringify(detail), /[\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/);
    });

    it('masks the note of a callback request the same way, keeping the address the person gave for it', async () => {
        const h = HANDOFF_PHRASES.en;
        const customer = harness.customer('en-US');
        assert.match((await customer.say(h.human)).join('\n'), h.askDescription);
        assert.match((await customer.say('code 654321 failed; cc carol.other@example.com')).join('\n'), h.offerCallback);
        assert.match((await customer.say('yes')).join('\n'), h.askEmail);
        assert.match((await customer.say('kim@example.com')).join('\n'), h.callbackCreated);
        const erika = await harness.signedIn('erika');
        const queue = (await erika.get<QueueBody>('/agent/api/queue')).body;
        assert.strictEqual(queue.callbacks[0].note, 'code •••••• failed; cc c***@example.com');
    });
});

describe('Agent desk API: notes, availability, ids, typing', function () {
    this.timeout(60_000);
    let harness: AppHarness;
    beforeEach(async () => {
        harness = await AppHarness.start();
    });
    afterEach(async () => harness.close());

    /** Queues a customer and lets Erika accept; returns the public id. */
    async function accepted(customer: LoopbackCustomer, erika: Awaited<ReturnType<AppHarness['signedIn']>>, description: string): Promise<string> {
        await escalate(customer, 'en', description);
        const id = (await erika.get<QueueBody>('/agent/api/queue')).body.waiting[0].id;
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/accept`)).status, 200);
        await customer.waitFor(HANDOFF_PHRASES.en.agentJoined);
        return id;
    }

    it('an internal note is kept for agents, the next agent sees it, and it never reaches the customer', async () => {
        const customer = harness.customer('en-US');
        const erika = await harness.signedIn('erika');
        const john = await harness.signedIn('john');
        const id = await accepted(customer, erika, 'invoice address');
        const note = await erika.post<{ sender: string; text: string; agent: string }>(`/agent/api/handoffs/${id}/notes`, { text: 'Customer sounds upset; check invoice 4711 first.' });
        assert.strictEqual(note.status, 201);
        assert.deepStrictEqual([note.body.sender, note.body.text, note.body.agent], ['note', 'Customer sounds upset; check invoice 4711 first.', 'Erika Mustermann']);
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/messages`, { text: 'One moment please.' })).status, 201);
        // The message sent after the note has arrived, so the note would have too.
        await customer.waitFor(/^Erika Mustermann: One moment please\.$/);
        assert.ok(!customer.inbox().some((line) => /upset|4711/.test(line)), customer.inbox().join('\n'));

        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/notes`, { text: '  ' })).status, 400);
        assert.strictEqual((await john.post(`/agent/api/handoffs/${id}/notes`, { text: 'not mine' })).status, 409, 'only the agent who has the chat writes notes');
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/transfer`, { to: 'john' })).status, 200);
        const seen = (await john.get<DetailBody>(`/agent/api/handoffs/${id}`)).body;
        assert.ok(seen.messages.some((m) => m.sender === 'note' && m.text === 'Customer sounds upset; check invoice 4711 first.'), 'the next agent reads the note');
        assert.ok(!customer.inbox().some((line) => /upset|4711/.test(line)));
    });

    it('an agent who is away is passed by: no chat starts with only away agents, and no transfer goes to them', async () => {
        const h = HANDOFF_PHRASES.en;
        const erika = await harness.signedIn('erika');
        assert.deepStrictEqual((await erika.post('/agent/api/availability', { availability: 'away' })).body, { availability: 'away' });
        assert.strictEqual((await erika.get<{ agent: { availability: string } }>('/agent/api/session')).body.agent.availability, 'away');
        assert.strictEqual((await erika.post('/agent/api/availability', { availability: 'asleep' })).status, 400);

        const first = harness.customer('en-US');
        assert.match((await first.say(h.human)).join('\n'), h.askDescription);
        assert.match((await first.say('wrong invoice')).join('\n'), h.offerCallback, 'Erika is signed in but away: nobody can chat');

        assert.strictEqual((await erika.post('/agent/api/availability', { availability: 'available' })).status, 200);
        const second = harness.customer('en-US');
        const id = await accepted(second, erika, 'wrong invoice');

        const john = await harness.signedIn('john');
        assert.strictEqual((await john.post('/agent/api/availability', { availability: 'away' })).status, 200);
        const queue = (await erika.get<{ agents: Array<{ login: string; availability: string; online: boolean }> }>('/agent/api/queue')).body;
        assert.deepStrictEqual(queue.agents.find((a) => a.login === 'john'), { login: 'john', name: 'John Smith', languages: ['en'], online: true, availability: 'away' });
        const transfer = await erika.post(`/agent/api/handoffs/${id}/transfer`, { to: 'john' });
        assert.deepStrictEqual([transfer.status, transfer.body], [409, { error: { code: 'AgentAway', message: 'John Smith is away.' } }]);
    });

    it('handoff ids cannot be guessed, and a closed handoff opens only for agents who took part', async () => {
        const customer = harness.customer('en-US');
        const erika = await harness.signedIn('erika');
        const john = await harness.signedIn('john');
        const id = await accepted(customer, erika, 'first question');
        assert.match(id, /^[A-Za-z0-9_-]{22,}$/, 'a random public id, not a counter');
        for (const guess of ['1', '2', '0001']) {
            assert.strictEqual((await erika.get(`/agent/api/handoffs/${guess}`)).status, 404, `id ${guess}`);
        }
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/close`)).status, 200);
        assert.strictEqual((await erika.get<DetailBody>(`/agent/api/handoffs/${id}`)).body.status, 'closed', 'Erika took part');
        const stranger = await john.get(`/agent/api/handoffs/${id}`);
        assert.deepStrictEqual([stranger.status, stranger.body], [404, { error: { code: 'NotFound', message: 'not found' } }], 'John never had it');

        // A handoff transferred to John: both took part.
        const other = harness.customer('en-US');
        const second = await accepted(other, erika, 'second question');
        assert.notStrictEqual(second, id);
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${second}/transfer`, { to: 'john' })).status, 200);
        assert.strictEqual((await john.post(`/agent/api/handoffs/${second}/close`)).status, 200);
        assert.strictEqual((await john.get(`/agent/api/handoffs/${second}`)).status, 200);
        assert.strictEqual((await erika.get(`/agent/api/handoffs/${second}`)).status, 200);
    });

    it('the agent who has the chat sees the customer typing (live channel, by public id); nobody else does', async () => {
        const customer = harness.customer('en-US');
        const erika = await harness.signedIn('erika');
        const john = await harness.signedIn('john');
        const id = await accepted(customer, erika, 'typing test');
        const streams = await Promise.all([erika, john].map(async (client) => {
            const controller = new AbortController();
            const res = await fetch(`${harness.url}/agent/api/events`, { headers: { Cookie: client.cookie ?? '' }, signal: controller.signal });
            const reader = res.body?.getReader();
            assert.ok(reader);
            let seen = '';
            void (async () => {
                for (;;) {
                    const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
                    if (chunk.done) {
                        return;
                    }
                    seen += Buffer.from(chunk.value).toString('utf8');
                }
            })();
            return { controller, seen: () => seen };
        }));
        await customer.typing();
        const deadline = Date.now() + 10_000;
        while (!/event: typing/.test(streams[0].seen()) && Date.now() < deadline) {
            await new Promise((resolve) => setTimeout(resolve, 50));
        }
        assert.match(streams[0].seen(), new RegExp(`event: typing\\ndata: \\{"handoffId":"${id}"\\}`));
        // John's stream got the queue events of the same moments but no typing.
        await erika.post(`/agent/api/handoffs/${id}/close`);
        while (!/event: queue/.test(streams[1].seen()) && Date.now() < deadline + 10_000) {
            await new Promise((resolve) => setTimeout(resolve, 50));
        }
        assert.doesNotMatch(streams[1].seen(), /event: typing/);
        assert.doesNotMatch(streams[0].seen() + streams[1].seen(), /"handoffId":\d/, 'no internal id goes out');
        streams.forEach((s) => s.controller.abort());
    });

    it('the detail speaks in words and brings the person’s earlier conversations and change requests, without internal ids', async () => {
        const p = PHRASES.en;
        const klaus = harness.customer('en-US');
        assert.match((await klaus.say(p.amI)).join('\n'), p.askEmail);
        assert.match((await klaus.say(KLAUS)).join('\n'), p.askCode);
        const code = await harness.latestCode(KLAUS);
        assert.match((await klaus.say(code)).join('\n'), p.caseC);
        const erika = await harness.signedIn('erika');
        const first = await accepted(klaus, erika, 'Portal sign-in fails');
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${first}/close`, { note: 'Explained the user ID' })).status, 200);
        await klaus.waitFor(HANDOFF_PHRASES.en.handedBack);
        await new ChangeRequestRepository(harness.app.db).insert(
            {
                accountId: 'ACC-3003',
                accountName: 'Bergmann & Söhne',
                requesterId: 'U-301',
                requesterName: 'Klaus Bergmann',
                requesterLang: 'en',
                oldContacts: [{ id: 'U-302', name: 'Maria Bergmann' }],
                newContact: { userId: 'U-303', name: 'Eva Schulz' },
                reason: 'Maria retires',
                channel: 'emulator',
                conversationKey: 'emulator:other',
                dedupeKey: 'test-1'
            },
            Date.now()
        );

        await escalate(klaus, 'en', 'Still cannot sign in');
        const second = (await erika.get<QueueBody>('/agent/api/queue')).body.waiting[0].id;
        const res = await erika.get<Record<string, unknown>>(`/agent/api/handoffs/${second}`);
        const body = res.body as {
            context: { channel: string; identity: { name: string; email: string; method: string }; account: Record<string, unknown>; billingRole: { case: string }; actions: Array<Record<string, unknown>> };
            earlier: Array<{ description: string; agent: string; closeReason: string; note: string }>;
            changeRequests: Array<{ reference: string; status: string; account: string; newContact: string }>;
        };
        assert.strictEqual(body.context.channel, 'emulator');
        assert.deepStrictEqual(body.context.identity, { name: 'Klaus Bergmann', email: KLAUS, method: 'email-code' });
        assert.deepStrictEqual(Object.keys(body.context.account).sort(), ['name', 'type'], 'no account id');
        assert.strictEqual(body.context.account.type, 'corporate');
        assert.strictEqual(body.context.billingRole.case, 'c');
        assert.ok(body.context.actions.some((a) => a.kind === 'verified'));
        assert.doesNotMatch(JSON.stringify(body.context.actions), /U-\d|ACC-|case [a-d]|handoff \d/, 'actions carry no internal ids');
        assert.deepStrictEqual(
            body.earlier.map((e) => [e.description, e.agent, e.closeReason, e.note]),
            [['Portal sign-in fails', 'Erika Mustermann', 'handed-back', 'Explained the user ID']]
        );
        assert.deepStrictEqual(
            body.changeRequests.map((r) => [r.status, r.account, r.newContact]),
            [['open', 'Bergmann & Söhne', 'Eva Schulz']]
        );
        assert.match(body.changeRequests[0].reference, /^BC-\d{4}-\d{6}$/);
    });
});

import * as assert from 'assert';
import * as http from 'http';
import { AppHarness, DEMO_PASSWORD } from '../helpers/appHarness';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import type { LoopbackCustomer } from '../helpers/loopbackChannel';

interface QueueBody {
    waiting: Array<{ id: number; lang: string; description: string | null; position: number; verified: boolean }>;
    mine: Array<{ id: number }>;
    callbacks: Array<{ id: number; reference: string }>;
}

interface DetailBody {
    status: string;
    description: string | null;
    messages: Array<{ sender: string; text?: string; event?: string }>;
    canned: Array<{ key: string; text: string }>;
    history: Array<{ from: string; text: string }>;
}

/** A sign-in with these Origin and Host headers (fetch cannot set Host); the status it gets. */
function signInWith(url: string, origin: string, host: string): Promise<number> {
    const body = JSON.stringify({ login: 'erika', password: DEMO_PASSWORD });
    return new Promise((resolve, reject) => {
        const req = http.request(`${url}/agent/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Origin: origin, Host: host } }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end(body);
    });
}

/** Opens `GET /agent/api/events` with the cookie; the status, the JSON body of a refusal, and how to close it. */
async function openStream(url: string, cookie: string | undefined): Promise<{ status: number; body?: unknown; close: () => void; response: Response }> {
    const controller = new AbortController();
    const res = await fetch(`${url}/agent/api/events`, { headers: { Cookie: cookie ?? '' }, signal: controller.signal });
    if (res.status !== 200) {
        return { status: res.status, body: await res.json(), close: () => controller.abort(), response: res };
    }
    // The response stays referenced while the stream is meant to be open: undici cancels the body of a response
    // that is garbage-collected, which closes the stream on the server (under load this made the cap look unenforced).
    return { status: res.status, close: () => controller.abort(), response: res };
}

/** The customer asks for a person with this description and lands in the queue. */
async function escalate(customer: LoopbackCustomer, lang: 'de' | 'en', description: string): Promise<void> {
    const h = HANDOFF_PHRASES[lang];
    assert.match((await customer.say(h.human)).join('\n'), h.askDescription);
    assert.match((await customer.say(description)).join('\n'), h.waitPrompt);
}

describe('Agent console API', function () {
    this.timeout(60_000);
    let harness: AppHarness;
    beforeEach(async () => {
        harness = await AppHarness.start();
    });
    afterEach(async () => harness.close());

    it('refuses every route but login without a session (401 JSON)', async () => {
        const anonymous = harness.agent();
        const routes: Array<[string, string]> = [
            ['GET', '/agent/api/session'],
            ['GET', '/agent/api/queue'],
            ['GET', '/agent/api/events'],
            ['GET', '/agent/api/handoffs/1'],
            ['POST', '/agent/api/logout'],
            ['POST', '/agent/api/handoffs/1/accept'],
            ['POST', '/agent/api/handoffs/1/messages'],
            ['POST', '/agent/api/handoffs/1/close'],
            ['POST', '/agent/api/handoffs/1/flow'],
            ['POST', '/agent/api/handoffs/1/transfer'],
            ['POST', '/agent/api/callbacks/1/close']
        ];
        for (const [method, path] of routes) {
            const res = await anonymous.request(method, path, method === 'POST' ? {} : undefined);
            assert.strictEqual(res.status, 401, `${method} ${path}`);
            assert.deepStrictEqual(res.body, { error: { code: 'Unauthorized', message: 'Sign in first.' } });
        }
        const forged = harness.agent();
        forged.cookie = 'agent_session=not-a-real-session';
        assert.strictEqual((await forged.get('/agent/api/queue')).status, 401);
    });

    it('signs in with the right password only; the cookie is HttpOnly and SameSite=Strict', async () => {
        const client = harness.agent();
        const wrong = await client.login('erika', 'not-her-password');
        assert.strictEqual(wrong.status, 401);
        assert.deepStrictEqual(wrong.body, { error: { code: 'WrongCredentials', message: 'Login or password is wrong.' } });
        const unknown = await client.login('mallory', DEMO_PASSWORD);
        assert.deepStrictEqual([unknown.status, unknown.body], [401, wrong.body], 'an unknown login looks the same');

        const ok = await client.login('erika', DEMO_PASSWORD);
        assert.strictEqual(ok.status, 200);
        assert.deepStrictEqual(ok.body.agent, { login: 'erika', name: 'Erika Mustermann', languages: ['de', 'en'], availability: 'available', supervisor: false });
        const cookie = ok.headers.get('set-cookie') ?? '';
        assert.match(cookie, /HttpOnly/);
        assert.match(cookie, /SameSite=Strict/);
        assert.match(cookie, /Path=\/agent/);
        assert.doesNotMatch(cookie, /Secure/, 'plain http in tests');
        assert.strictEqual((await client.get('/agent/api/session')).status, 200);

        assert.strictEqual((await client.post('/agent/api/logout')).status, 200);
        assert.strictEqual((await client.get('/agent/api/queue')).status, 401, 'the session ends with the sign-out');
    });

    it('rate-limits sign-in attempts per login, even with the right password afterwards', async () => {
        const client = harness.agent();
        for (let i = 0; i < 5; i++) {
            assert.strictEqual((await client.login('john', `wrong-${i}-password`)).status, 401);
        }
        const limited = await client.login('john', DEMO_PASSWORD);
        assert.strictEqual(limited.status, 429);
        assert.strictEqual((limited.body as { error: { code: string } }).error.code, 'TooManyAttempts');
        assert.ok(Number(limited.headers.get('retry-after')) > 0);
        assert.strictEqual((await client.login('erika', DEMO_PASSWORD)).status, 200, 'other logins are not affected');
    });

    it('rate-limits sign-in attempts per address', async function () {
        // 20 password checks one after another at the OWASP scrypt cost (N=2^17): up to a second each on a busy machine.
        this.timeout(180_000);
        const client = harness.agent();
        for (let i = 0; i < 20; i++) {
            assert.strictEqual((await client.login(`nobody-${i}`, 'wrong-password-x')).status, 401);
        }
        assert.strictEqual((await client.login('erika', DEMO_PASSWORD)).status, 429);
    });

    it('refuses a sign-in posted from another site', async () => {
        const res = await fetch(`${harness.url}/agent/api/login`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
            body: JSON.stringify({ login: 'erika', password: DEMO_PASSWORD })
        });
        assert.strictEqual(res.status, 403);
    });

    it('refuses a sign-in from a rebound DNS name (Origin and Host both evil.example); accepts PUBLIC_URL and the server’s own loopback origins', async () => {
        const port = new URL(harness.url).port;
        assert.strictEqual(await signInWith(harness.url, 'http://evil.example', 'evil.example'), 403);
        assert.strictEqual(await signInWith(harness.url, `http://evil.example:${port}`, `evil.example:${port}`), 403);
        assert.strictEqual(await signInWith(harness.url, 'http://127.0.0.1:1', '127.0.0.1:1'), 403, 'another port on this machine is another site');
        assert.strictEqual(await signInWith(harness.url, `http://127.0.0.1:${port}`, `127.0.0.1:${port}`), 200);
        assert.strictEqual(await signInWith(harness.url, `http://localhost:${port}`, 'evil.example'), 200);
        const behindProxy = await AppHarness.start({ PUBLIC_URL: 'https://bot.example.com' });
        try {
            assert.strictEqual(await signInWith(behindProxy.url, 'https://bot.example.com', 'bot.example.com'), 200);
            assert.strictEqual(await signInWith(behindProxy.url, 'http://evil.example', 'evil.example'), 403);
        } finally {
            await behindProxy.close();
        }
    });

    it('requires the CSRF token on state-changing requests (403 JSON when missing or wrong)', async () => {
        const customer = harness.customer('de-DE');
        const erika = await harness.signedIn('erika');
        await escalate(customer, 'de', 'Rechnung falsch');
        const { body } = await erika.get<QueueBody>('/agent/api/queue');
        const id = body.waiting[0].id;
        for (const token of [undefined, 'wrong-token', `${erika.csrfToken}x`]) {
            const res = await erika.request('POST', `/agent/api/handoffs/${id}/accept`, {}, token);
            assert.strictEqual(res.status, 403);
            assert.strictEqual((res.body as { error: { code: string } }).error.code, 'CsrfTokenInvalid');
        }
        assert.strictEqual((await erika.get<QueueBody>('/agent/api/queue')).body.waiting.length, 1, 'nothing happened');
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/accept`)).status, 200);
    });

    it('a double click on Accept: both answered as taken, the other agent refused, the customer told once', async () => {
        const h = HANDOFF_PHRASES.en;
        const customer = harness.customer('en-US');
        const erika = await harness.signedIn('erika');
        const john = await harness.signedIn('john');
        await escalate(customer, 'en', 'Wrong invoice address');
        const id = (await erika.get<QueueBody>('/agent/api/queue')).body.waiting[0].id;

        const clicks = await Promise.all([erika.post(`/agent/api/handoffs/${id}/accept`), erika.post(`/agent/api/handoffs/${id}/accept`)]);
        assert.deepStrictEqual(clicks.map((click) => click.status), [200, 200]);
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/accept`)).status, 200, 'a click from a second tab');
        const other = await john.post(`/agent/api/handoffs/${id}/accept`);
        assert.deepStrictEqual([other.status, (other.body as { error: { code: string } }).error.code], [409, 'NotWaiting']);
        await customer.waitFor(h.agentJoined);
        await erika.post(`/agent/api/handoffs/${id}/messages`, { text: 'Hello!' });
        await customer.waitFor(/^Erika Mustermann: Hello!$/);
        assert.strictEqual(customer.inbox().filter((line) => h.agentJoined.test(line)).length, 1, 'the customer hears of Erika once');
        const detail = (await erika.get<DetailBody>(`/agent/api/handoffs/${id}`)).body;
        assert.strictEqual(detail.messages.filter((m) => m.sender === 'system').length, 1, 'one "accepted" line in the transcript');
    });

    it('accept, messages both ways, transfer and hand back; the customer hears each in German', async () => {
        const h = HANDOFF_PHRASES.de;
        const customer = harness.customer('de-DE');
        const erika = await harness.signedIn('erika');
        const john = await harness.signedIn('john');
        await escalate(customer, 'de', 'Falsche Rechnungsadresse');
        const queue = (await erika.get<QueueBody>('/agent/api/queue')).body;
        assert.deepStrictEqual(queue.waiting.map((w) => [w.lang, w.description, w.position, w.verified]), [['de', 'Falsche Rechnungsadresse', 1, false]]);
        const id = queue.waiting[0].id;

        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/accept`)).status, 200);
        assert.strictEqual((await john.post(`/agent/api/handoffs/${id}/accept`)).status, 409, 'only one agent gets it');
        await customer.waitFor(h.agentJoined);

        const sent = await erika.post(`/agent/api/handoffs/${id}/messages`, { text: 'Guten Tag, ich sehe mir Ihre Rechnung an.' });
        assert.strictEqual(sent.status, 201);
        await customer.waitFor(/^Erika Mustermann: Guten Tag, ich sehe mir Ihre Rechnung an\.$/);
        assert.deepStrictEqual(await customer.say('Danke!'), [], 'the bot stays out of it');
        const detail = (await erika.get<DetailBody>(`/agent/api/handoffs/${id}`)).body;
        assert.ok(detail.messages.some((m) => m.sender === 'customer' && m.text === 'Danke!'));
        assert.deepStrictEqual(
            detail.canned.find((c) => c.key === 'greeting'),
            { key: 'greeting', text: 'Guten Tag, hier ist der Kundendienst. Wie kann ich Ihnen helfen?' },
            'canned replies come in the customer’s language'
        );
        assert.strictEqual((await john.get(`/agent/api/handoffs/${id}`)).status, 409, 'another agent cannot read an active conversation');

        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/transfer`, { to: 'nobody' })).status, 400);
        const toSelf = await erika.post(`/agent/api/handoffs/${id}/transfer`, { to: 'erika' });
        assert.deepStrictEqual([toSelf.status, toSelf.body], [422, { error: { code: 'SameAgent', message: 'You cannot transfer a conversation to yourself.' } }]);
        const toJohn = await erika.post(`/agent/api/handoffs/${id}/transfer`, { to: 'john' });
        assert.deepStrictEqual(
            [toJohn.status, toJohn.body],
            [422, { error: { code: 'AgentLanguage', message: "John Smith does not speak the customer's language (de)." } }],
            'John, though online, speaks only English'
        );
        assert.deepStrictEqual((await erika.get<QueueBody>('/agent/api/queue')).body.mine.map((m) => m.id), [id], 'Erika keeps the chat');

        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/close`, { note: 'Adresse korrigiert' })).status, 200);
        await customer.waitFor(/Sie sind wieder beim Assistenten für Abrechnungskontakte: Erika Mustermann hat das Gespräch an mich zurückgegeben/);
        await customer.waitFor(h.rateChat);
        assert.ok(!customer.inbox().some((line) => /Sie chatten jetzt mit John Smith/.test(line)), 'the customer never heard of John');
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/close`)).status, 409, 'closing twice is refused');
        const closed = (await erika.get<DetailBody>(`/agent/api/handoffs/${id}`)).body;
        assert.strictEqual(closed.status, 'closed');
    });

    it('transfer in English: refused while John is offline, done once he is signed in; he then has the chat', async () => {
        const customer = harness.customer('en-US');
        const erika = await harness.signedIn('erika');
        await escalate(customer, 'en', 'Wrong invoice address');
        const id = (await erika.get<QueueBody>('/agent/api/queue')).body.waiting[0].id;
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/accept`)).status, 200);
        await customer.waitFor(HANDOFF_PHRASES.en.agentJoined);

        const offline = await erika.post(`/agent/api/handoffs/${id}/transfer`, { to: 'john' });
        assert.deepStrictEqual([offline.status, offline.body], [409, { error: { code: 'AgentOffline', message: 'John Smith is not online.' } }]);

        const john = await harness.signedIn('john');
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/transfer`, { to: 'john' })).status, 200);
        await customer.waitFor(/You're now chatting with John Smith from customer service/);
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/messages`, { text: 'still there?' })).status, 409);
        assert.deepStrictEqual((await john.get<QueueBody>('/agent/api/queue')).body.mine.map((m) => m.id), [id]);
        assert.strictEqual((await john.post(`/agent/api/handoffs/${id}/close`)).status, 200);
        await customer.waitFor(/John Smith has handed the conversation back to me/);
    });

    it('hand to a bot flow: the bot starts it for the customer in English', async () => {
        const customer = harness.customer('en-US');
        const erika = await harness.signedIn('erika');
        await escalate(customer, 'en', 'Am I the billing contact?');
        const id = (await erika.get<QueueBody>('/agent/api/queue')).body.waiting[0].id;
        await erika.post(`/agent/api/handoffs/${id}/accept`);
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/flow`, { flow: 'rm -rf' })).status, 400);
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/flow`, { flow: 'am-i-billing-contact' })).status, 200);
        await customer.waitFor(/Let's find out whether you are the billing contact/);
        await customer.waitFor(/Which email address do you use/);
    });

    it('the second customer hears their place move when the first is accepted', async () => {
        const first = harness.customer('en-US');
        const second = harness.customer('de-DE');
        const erika = await harness.signedIn('erika');
        await escalate(first, 'en', 'first');
        assert.match((await second.say(HANDOFF_PHRASES.de.human)).join('\n'), HANDOFF_PHRASES.de.askDescription);
        assert.match((await second.say('zweite')).join('\n'), /Sie sind Nummer 2 in der Warteschlange/);
        const id = (await erika.get<QueueBody>('/agent/api/queue')).body.waiting[0].id;
        await erika.post(`/agent/api/handoffs/${id}/accept`);
        await second.waitFor(HANDOFF_PHRASES.de.positionNext);
    });

    it('hostile text stays text: markup from customers and agents is passed on as is, never as HTML', async () => {
        const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
        const customer = harness.customer('en-US');
        const erika = await harness.signedIn('erika');
        await escalate(customer, 'en', hostile);
        const id = (await erika.get<QueueBody>('/agent/api/queue')).body.waiting[0].id;
        assert.strictEqual((await erika.get<DetailBody>(`/agent/api/handoffs/${id}`)).body.description, hostile);
        await erika.post(`/agent/api/handoffs/${id}/accept`);
        await erika.post(`/agent/api/handoffs/${id}/messages`, { text: hostile });
        const text = await customer.waitFor(/^Erika Mustermann: /);
        assert.strictEqual(text, `Erika Mustermann: ${hostile}`);
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/messages`, { text: '   ' })).status, 400);
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/messages`, { text: 'x'.repeat(2001) })).status, 400);
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/messages`, { text: 42 })).status, 400);
        assert.strictEqual((await erika.post(`/agent/api/handoffs/abc/accept`)).status, 404);
        const page = await fetch(`${harness.url}/agent`);
        assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    });

    it('no agent online: the customer gets a callback reference; an agent sees and closes it', async () => {
        const h = HANDOFF_PHRASES.en;
        const customer = harness.customer('en-US');
        assert.match((await customer.say(h.human)).join('\n'), h.askDescription);
        assert.match((await customer.say('Please call me about my invoice')).join('\n'), h.offerCallback);
        assert.match((await customer.say('yes')).join('\n'), h.askEmail);
        const done = (await customer.say('kim@example.com')).join('\n');
        const reference = h.callbackCreated.exec(done)?.[1];
        assert.ok(reference, done);

        const erika = await harness.signedIn('erika');
        const queue = (await erika.get<QueueBody>('/agent/api/queue')).body;
        assert.deepStrictEqual(queue.callbacks.map((c) => c.reference), [reference]);
        assert.strictEqual((await erika.post(`/agent/api/callbacks/${queue.callbacks[0].id}/close`, { note: 'emailed' })).status, 200);
        assert.strictEqual((await erika.get<QueueBody>('/agent/api/queue')).body.callbacks.length, 0);
        assert.strictEqual((await erika.post(`/agent/api/callbacks/${queue.callbacks[0].id}/close`)).status, 409);
    });

    it('the live channel tells a signed-in console when the queue changes', async () => {
        const erika = await harness.signedIn('erika');
        const controller = new AbortController();
        const res = await fetch(`${harness.url}/agent/api/events`, { headers: { Cookie: erika.cookie ?? '' }, signal: controller.signal });
        assert.strictEqual(res.status, 200);
        assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
        const reader = res.body?.getReader();
        assert.ok(reader);
        const customer = harness.customer('en-US');
        const escalation = escalate(customer, 'en', 'live please');
        let seen = '';
        while (!/event: queue/.test(seen)) {
            const chunk = await reader.read();
            assert.ok(!chunk.done, 'the stream stays open');
            seen += Buffer.from(chunk.value).toString('utf8');
        }
        await escalation;
        controller.abort();
    });

    it('caps live streams: five per session (the sixth gets 429 JSON, another session still gets one); closing one makes room', async () => {
        const erika = await harness.signedIn('erika');
        const streams = [];
        try {
            for (let i = 0; i < 5; i++) {
                streams.push(await openStream(harness.url, erika.cookie));
                assert.strictEqual(streams[i].status, 200, `stream ${i + 1}`);
            }
            const sixth = await openStream(harness.url, erika.cookie);
            assert.deepStrictEqual([sixth.status, (sixth.body as { error: { code: string } }).error.code], [429, 'TooManyStreams']);
            const john = await openStream(harness.url, (await harness.signedIn('john')).cookie);
            streams.push(john);
            assert.strictEqual(john.status, 200, 'the limit is per session');
            streams.shift()?.close();
            // The server notices the closed stream a moment later.
            const deadline = Date.now() + 20_000;
            let again = await openStream(harness.url, erika.cookie);
            while (again.status === 429 && Date.now() < deadline) {
                await new Promise((resolve) => setTimeout(resolve, 100));
                again = await openStream(harness.url, erika.cookie);
            }
            streams.push(again);
            assert.strictEqual(again.status, 200);
        } finally {
            streams.forEach((s) => s.close());
        }
    });

    it('caps live streams on the whole server too (429 JSON with Retry-After)', async () => {
        const small = await AppHarness.start({}, { agentLiveStreams: { perSession: 5, total: 3 } });
        const streams: Array<{ status: number; close: () => void; response: Response }> = [];
        try {
            for (const login of ['erika', 'john', 'erika']) {
                streams.push(await openStream(small.url, (await small.signedIn(login)).cookie));
            }
            assert.deepStrictEqual(streams.map((s) => s.status), [200, 200, 200]);
            const res = await fetch(`${small.url}/agent/api/events`, { headers: { Cookie: (await small.signedIn('john')).cookie ?? '' } });
            assert.strictEqual(res.status, 429);
            assert.ok(Number(res.headers.get('retry-after')) > 0);
            assert.strictEqual(((await res.json()) as { error: { code: string } }).error.code, 'TooManyStreams');
        } finally {
            streams.forEach((s) => s.close());
            await small.close();
        }
    });
});

import * as assert from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { Client } from 'pg';
import type { Activity } from 'botframework-directlinejs';
import { systemClock } from '../../core/clock';
import type { Lang } from '../../core/language';
import { SecretBox } from '../../core/secrets';
import { Database } from '../../data/database';
import { OutboxRepository } from '../../data/repositories/outboxRepository';
import { Mailer } from '../../mail/mailer';
import { PROJECT_ROOT } from '../../paths';
import { DIRECT_LINE_CHANNEL_ID } from '../../channels/directline/directLineAdapter';
import { writeDirectory } from '../../bench/lib/people';
import type { TurnInput } from '../../bench/lib/driver';
import { billingConversation } from '../../bench/lib/scenario';
import { ServerProcess } from '../../bench/lib/serverProcess';
import { AgentClient } from '../helpers/agentClient';
import { nodeDirectLine, ReceivedActivities } from '../helpers/directLineNode';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import { LoopbackChannel } from '../helpers/loopbackChannel';
import { PHRASES } from '../helpers/phrases';
import { RoundRobinProxy } from '../helpers/roundRobinProxy';
import { localeOf } from '../helpers/script';
import { tempDatabaseTarget, testDatabaseUrl, type TempDatabaseTarget } from '../helpers/tempDatabase';
import { makeTempDir } from '../helpers/tempDir';
import { APOLOGY, figure, parallelTurnsOnOneConversation } from './support';

const INSTANCES = 3;
/** Customers through the proxy: half over WebSocket, half polling, German and English. */
const CUSTOMERS = 6;
/** Customers of the Teams / Bot Service door (`/api/messages`), the bot's replies posted to a loopback channel. */
const CHANNEL_CUSTOMERS = 2;
const AGENT_PASSWORD = 'demo-agent-1';
/** The channel id of the `/api/messages` customers. */
const CHANNEL_ID = 'emulator';

/** Whether PostgreSQL answers at the tests' URL; the reason when not. */
async function postgresUnreachable(): Promise<string | undefined> {
    const client = new Client({ connectionString: testDatabaseUrl(), connectionTimeoutMillis: 3000 });
    try {
        await client.connect();
        await client.query('SELECT 1');
        return undefined;
    } catch (err) {
        return (err as Error).message;
    } finally {
        await client.end().catch(() => undefined);
    }
}

/** A customer on the help page: botframework-directlinejs, and what it received. */
class Customer {
    public readonly chat: ReceivedActivities;
    public conversationId = '';
    public resent = 0;
    /** The client's connection states and failed sends, for the message of a failure. */
    private readonly trail: string[] = [];

    public constructor(baseUrl: string, token: string, public readonly lang: Lang, public readonly webSocket: boolean, public readonly email: string) {
        const directLine = nodeDirectLine({ domain: `${baseUrl}/v3/directline`, token, webSocket, conversationStartProperties: { locale: localeOf(lang) } }, (what) =>
            this.trail.push(what)
        );
        directLine.connectionStatus$.subscribe((status) => this.trail.push(`status ${status}`));
        this.chat = new ReceivedActivities(directLine);
    }

    /** Bot messages received, in order. */
    public botTexts(): string[] {
        return this.chat.all.flatMap((a: Activity) => (a.type === 'message' && a.from.role === 'bot' ? [a.text ?? ''] : []));
    }

    /**
     * Says `text` and waits for a bot message matching `expect` after it. As a
     * person would, says it again when the send failed or nothing came back
     * for a while (the instance it went to was killed).
     */
    public async sayAndHear(text: string, expect: RegExp): Promise<void> {
        const before = this.botTexts().length;
        for (let attempt = 0; ; attempt++) {
            try {
                await this.chat.say(text);
            } catch (err) {
                // Not sent: the instance went away under the request; said again below.
                this.trail.push(`send failed: ${(err as Error).message}`);
            }
            const deadline = Date.now() + 15_000;
            while (Date.now() < deadline) {
                const answer = this.botTexts().slice(before).join('\n');
                if (APOLOGY.test(answer)) {
                    throw new Error(`${this.conversationId}: the bot apologised after "${text}": ${answer}`);
                }
                if (expect.test(answer)) {
                    return;
                }
                await new Promise((resolve) => setTimeout(resolve, 50));
            }
            if (attempt >= 2) {
                throw new Error(`${this.conversationId} (${this.webSocket ? 'WebSocket' : 'polling'}): no ${expect} after "${text}"; bot said: ${JSON.stringify(this.botTexts())}; client: ${this.trail.join(', ')}`);
            }
            this.resent++;
        }
    }
}

/**
 * A customer behind a Bot Framework channel: each turn is one activity
 * posted to `/api/messages`, and the bot posts its replies back to the
 * channel's `serviceUrl`. Like Bot Service, it delivers the same activity
 * (same id) again while the bot does not answer 200.
 */
class ChannelCustomer {
    public readonly conversationId = `channel-${crypto.randomUUID()}`;
    private readonly userId = `user-${crypto.randomUUID()}`;
    /** Deliveries repeated because an instance failed under them. */
    public redelivered = 0;

    public constructor(private readonly channel: LoopbackChannel, private readonly proxyUrl: string, public readonly lang: Lang, public readonly email: string) {}

    /** The bot's messages that arrived at the channel, in order. */
    public replies(): string[] {
        return this.channel.messagesTo(this.conversationId);
    }

    /**
     * Sends `input` (first to `firstTo`, by default through the proxy) and
     * waits until the bot's replies of the turn match `expect`.
     */
    public async sayAndHear(input: TurnInput, expect: RegExp, firstTo = this.proxyUrl): Promise<void> {
        const before = this.replies().length;
        const id = crypto.randomUUID();
        for (let attempt = 0; ; attempt++) {
            const status = await this.post(attempt === 0 ? firstTo : this.proxyUrl, input, id);
            if (status === 200) {
                break;
            }
            if (attempt >= 4) {
                throw new Error(`${this.conversationId}: /api/messages answered ${status} ${attempt + 1} times`);
            }
            this.redelivered++;
            await new Promise((resolve) => setTimeout(resolve, 300));
        }
        const deadline = Date.now() + 10_000;
        for (;;) {
            const answer = this.replies().slice(before).join('\n');
            if (APOLOGY.test(answer)) {
                throw new Error(`${this.conversationId}: the bot apologised: ${answer}`);
            }
            if (expect.test(answer)) {
                return;
            }
            if (Date.now() > deadline) {
                throw new Error(`${this.conversationId}: no ${expect}; the channel got: ${JSON.stringify(this.replies())}`);
            }
            await new Promise((resolve) => setTimeout(resolve, 50));
        }
    }

    /** One delivery; the HTTP status, 0 when the connection failed. */
    private async post(url: string, input: TurnInput, id: string): Promise<number> {
        const base = {
            id,
            channelId: CHANNEL_ID,
            serviceUrl: this.channel.serviceUrl,
            locale: localeOf(this.lang),
            from: { id: this.userId, name: 'Customer' },
            recipient: { id: 'bot', name: 'Billing Contact Assistant' },
            conversation: { id: this.conversationId }
        };
        const activity =
            input.kind === 'join'
                ? { ...base, type: 'conversationUpdate', membersAdded: [{ id: this.userId, name: 'Customer' }] }
                : { ...base, type: 'message', text: input.text, timestamp: new Date().toISOString() };
        try {
            const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity) });
            await res.arrayBuffer();
            return res.status;
        } catch {
            return 0;
        }
    }
}

/** Server-Sent Events of the agent console, read as the page reads them. */
class ConsoleEvents {
    public readonly events: Array<{ type: string; data: Record<string, unknown> }> = [];
    private readonly abort = new AbortController();

    public constructor(url: string, cookie: string) {
        void (async () => {
            const res = await fetch(`${url}/agent/api/events`, { headers: { Cookie: cookie }, signal: this.abort.signal });
            const decoder = new TextDecoder();
            let buffered = '';
            for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
                buffered += decoder.decode(chunk, { stream: true });
                let end: number;
                while ((end = buffered.indexOf('\n\n')) >= 0) {
                    const block = buffered.slice(0, end);
                    buffered = buffered.slice(end + 2);
                    const type = /^event: (.+)$/m.exec(block)?.[1];
                    const data = /^data: (.+)$/m.exec(block)?.[1];
                    if (type && data) {
                        this.events.push({ type, data: JSON.parse(data) as Record<string, unknown> });
                    }
                }
            }
        })().catch(() => undefined);
    }

    public async waitFor(predicate: (event: { type: string; data: Record<string, unknown> }) => boolean, what: string): Promise<void> {
        const deadline = Date.now() + 15_000;
        while (!this.events.some(predicate)) {
            if (Date.now() > deadline) {
                throw new Error(`the console heard no ${what}; heard: ${JSON.stringify(this.events)}`);
            }
            await new Promise((resolve) => setTimeout(resolve, 50));
        }
    }

    public close(): void {
        this.abort.abort();
    }
}

async function until(check: () => Promise<boolean>, what: string, ms = 15_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!(await check())) {
        if (Date.now() > deadline) {
            throw new Error(`timed out waiting until ${what}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}

describe('reliability 10: three instances on one PostgreSQL behind a round-robin proxy, one killed with kill -9 mid-way', function () {
    this.timeout(240_000);
    let place: TempDatabaseTarget | undefined;
    let dir: ReturnType<typeof makeTempDir> | undefined;
    const servers: ServerProcess[] = [];
    let proxy: RoundRobinProxy | undefined;
    const customers: Customer[] = [];
    const consoles: ConsoleEvents[] = [];
    let channel: LoopbackChannel | undefined;

    let key: Buffer;
    let askers: ReturnType<typeof writeDirectory>;

    before(async function () {
        const reason = await postgresUnreachable();
        if (reason) {
            process.stdout.write(`      ↳ skipped: PostgreSQL is not reachable at ${testDatabaseUrl()} (${reason})\n`);
            this.skip();
        }
        dir = makeTempDir('bca-instances-');
        place = tempDatabaseTarget('postgres');
        key = crypto.randomBytes(32);
        const directory = path.join(dir.dir, 'directory.json');
        askers = writeDirectory(directory, 20);
        const data = JSON.parse(fs.readFileSync(directory, 'utf8')) as { agents: object[] };
        data.agents.push({ login: 'erika', name: 'Erika Mustermann', languages: ['de', 'en'] });
        fs.writeFileSync(directory, JSON.stringify(data));
        const env = {
            DATABASE_URL: place.target,
            SECRET_KEY: key.toString('hex'),
            DEMO_DATA_PATH: directory,
            AGENT_DEMO_PASSWORD: AGENT_PASSWORD,
            LOG_LEVEL: 'info',
            MicrosoftAppId: '',
            SMTP_URL: ''
        };
        const start = (n: number): Promise<ServerProcess> =>
            ServerProcess.start({ name: `instance ${n}`, script: path.join(PROJECT_ROOT, 'dist', 'index.js'), logFile: path.join(dir?.dir ?? '', `instance-${n}.log`), env }, 90_000);
        // The first one loads the demo data; the others start together on the migrated database.
        servers.push(await start(0));
        servers.push(...(await Promise.all([start(1), start(2)])));
        proxy = await RoundRobinProxy.start(servers.map((s) => Number(new URL(s.url).port)));
    });

    it('turns of one conversation sent at once to all three instances run one after another: no lost update', async () => {
        // Each later question, on whichever instance, must see the state the earlier one saved.
        const { results, texts, switched, already } = await parallelTurnsOnOneConversation(proxy?.url ?? '');
        figure('requests per instance so far', proxy?.served.join(' / ') ?? '');
        figure('turns that switched to German / found it German already', `${switched} / ${already}`, '1 / 19');
        assert.ok(results.every((r) => r.status === 200));
        assert.ok(!texts.some((t) => APOLOGY.test(t)));
        assert.deepStrictEqual([switched, already], [1, 19]);
    });

    after(async () => {
        customers.forEach((c) => c.chat.end());
        consoles.forEach((c) => c.close());
        await proxy?.close();
        await channel?.close();
        await Promise.all(servers.map((s) => s.stop()));
        await place?.cleanup();
        if (process.env.KEEP_INSTANCE_LOGS) {
            process.stdout.write(`      ↳ instance logs kept in ${dir?.dir}\n`);
        } else {
            dir?.cleanup();
        }
    });

    it('every conversation completes through any instance, an agent on another instance reaches the customer, nothing is lost or mailed twice', async () => {
        const front = proxy;
        if (!front) {
            throw new Error('the proxy did not start');
        }
        const db = await Database.open(place?.target ?? '');
        const mailer = new Mailer(new OutboxRepository(db), new SecretBox(key), systemClock, 'operator@localhost');
        const outbox = new OutboxRepository(db);
        try {
            const codeFor = async (email: string, conversationKey: string): Promise<string> => {
                for (let attempt = 0; attempt < 100; attempt++) {
                    const mail = (await outbox.recent(10, email)).find((m) => m.kind === 'verification-code' && m.conversationKey === conversationKey);
                    const code = mail ? /\b(\d{6})\b/.exec(mailer.reveal(mail))?.[1] : undefined;
                    if (code) {
                        return code;
                    }
                    await new Promise((resolve) => setTimeout(resolve, 50));
                }
                throw new Error(`no code mailed to ${email}`);
            };

            // Customers through the proxy, each token and stream from whichever instance is next.
            const plans = Array.from({ length: CUSTOMERS }, (_, i) => {
                const lang: Lang = i % 2 === 0 ? 'de' : 'en';
                return { lang, webSocket: i % 3 !== 2, plan: billingConversation(lang, localeOf(lang), askers[i].email) };
            });
            const token = async (baseUrl: string): Promise<string> => ((await (await fetch(`${baseUrl}/api/webchat/token`, { method: 'POST' })).json()) as { token: string }).token;
            for (const p of plans) {
                customers.push(new Customer(front.url, await token(front.url), p.lang, p.webSocket, p.plan.email ?? ''));
            }
            const play = async (customer: Customer, steps: ReturnType<typeof billingConversation>['steps']): Promise<void> => {
                for (const step of steps) {
                    const text = step.input === 'code' ? await codeFor(customer.email, `${DIRECT_LINE_CHANNEL_ID}:${customer.conversationId}`) : step.input.kind === 'text' ? step.input.text : '';
                    await customer.sayAndHear(text, step.expect ?? /./);
                }
            };
            await Promise.all(
                customers.map(async (c) => {
                    const menu = await c.chat.botSays(PHRASES[c.lang].menu);
                    c.conversationId = menu.conversation?.id ?? '';
                })
            );
            // The instance to kill later: the one holding most of the customers' open streams.
            const held = servers.map((_, i) => front.heldBy(i).length);
            const victim = held.indexOf(Math.max(...held));
            const agentAt = (victim + 1) % INSTANCES;
            const handoffAt = (victim + 2) % INSTANCES;

            // The agent signs in on another instance and watches the console's live channel there.
            const agent = new AgentClient(servers[agentAt].url);
            assert.strictEqual((await agent.login('erika', AGENT_PASSWORD)).status, 200);
            const live = new ConsoleEvents(servers[agentAt].url, agent.cookie ?? '');
            consoles.push(live);

            // Customers of the Teams / Bot Service door, each turn through the proxy to whichever instance is next.
            const loopback = await LoopbackChannel.start();
            channel = loopback;
            const channelPlans = Array.from({ length: CHANNEL_CUSTOMERS }, (_, i) => {
                const lang: Lang = i % 2 === 0 ? 'en' : 'de';
                return billingConversation(lang, localeOf(lang), askers[CUSTOMERS + 1 + i].email);
            });
            const channelCustomers = channelPlans.map((p, i) => new ChannelCustomer(loopback, front.url, i % 2 === 0 ? 'en' : 'de', p.email ?? ''));
            const playOnChannel = async (customer: ChannelCustomer, steps: ReturnType<typeof billingConversation>['steps']): Promise<void> => {
                for (const step of steps) {
                    const input: TurnInput = step.input === 'code' ? { kind: 'text', text: await codeFor(customer.email, `${CHANNEL_ID}:${customer.conversationId}`) } : step.input;
                    await customer.sayAndHear(input, step.expect ?? /./);
                }
            };
            const [midTurn, acrossKill] = channelCustomers;
            const finalStep = channelPlans[0].steps.length - 1;

            // First half, spread over all three instances: the Web Chat customers and one channel customer to the
            // code and the answer of case b; the other channel customer up to the question whether to send the mail.
            await Promise.all([
                ...customers.map((c, i) => play(c, plans[i].plan.steps.slice(1, 4))),
                playOnChannel(midTurn, channelPlans[0].steps.slice(0, finalStep)),
                playOnChannel(acrossKill, channelPlans[1].steps.slice(0, 4))
            ]);

            // The handoff customer talks to one instance over WebSocket; the agent is on another.
            const h = HANDOFF_PHRASES.de;
            const handoffToken = await token(servers[handoffAt].url);
            const handoffCustomer = new Customer(servers[handoffAt].url, handoffToken, 'de', true, askers[CUSTOMERS].email);
            customers.push(handoffCustomer);
            const menu = await handoffCustomer.chat.botSays(PHRASES.de.menu);
            handoffCustomer.conversationId = menu.conversation?.id ?? '';
            await handoffCustomer.sayAndHear(h.human, h.askDescription);
            await handoffCustomer.sayAndHear(h.skip, h.waitPrompt);
            await live.waitFor((e) => e.type === 'queue', 'queue change from the handoff customer\'s instance');
            const waiting = (await agent.get<{ waiting: Array<{ id: string }> }>('/agent/api/queue')).body.waiting;
            assert.strictEqual(waiting.length, 1, 'the queue read on the agent\'s instance holds the handoff made on another');
            const handoffId = waiting[0].id;

            // kill -9 of the instance holding most streams, between the Web Chat customers' turns and in the middle
            // of a channel customer's last turn: the mail to the billing admin is queued and the bot is sending
            // "it is on its way" to the channel, which has not answered yet.
            const onHold = loopback.holdNext(midTurn.conversationId);
            const midTurnDone = midTurn.sayAndHear(channelPlans[0].steps[finalStep].input as TurnInput, channelPlans[0].steps[finalStep].expect ?? /./, servers[victim].url);
            await onHold.arrived;
            const streamsOnVictim = front.heldBy(victim);
            const adminMailBeforeKill = (await outbox.recent(1000)).filter((m) => m.kind === 'admin-contact' && m.conversationKey === `${CHANNEL_ID}:${midTurn.conversationId}`).length;
            await servers[victim].kill();
            await onHold.cut;
            assert.ok(streamsOnVictim.length >= 1, `the killed instance held customers' streams (open streams per instance: ${held.join(' / ')})`);

            assert.strictEqual((await agent.post(`/agent/api/handoffs/${handoffId}/accept`)).status, 200);
            await handoffCustomer.chat.botSays(h.agentJoined);
            assert.strictEqual((await agent.post(`/agent/api/handoffs/${handoffId}/messages`, { text: 'Guten Tag, ich sehe mir das an.' })).status, 201);
            // Second half, while the agent and the customer talk across two instances; the interrupted turn is delivered again.
            await Promise.all([
                ...customers.slice(0, CUSTOMERS).map((c, i) => play(c, plans[i].plan.steps.slice(4))),
                midTurnDone,
                playOnChannel(acrossKill, channelPlans[1].steps.slice(4)),
                (async () => {
                    await handoffCustomer.chat.botSays(/^Erika Mustermann: Guten Tag, ich sehe mir das an\.$/);
                    // This line reaches the agent's instance (a balancer may send any post anywhere); it learnt of open handoffs before this one existed.
                    const posted = await fetch(`${servers[agentAt].url}/v3/directline/conversations/${encodeURIComponent(handoffCustomer.conversationId)}/activities`, {
                        method: 'POST',
                        headers: { Authorization: `Bearer ${handoffToken}`, 'Content-Type': 'application/json' },
                        body: JSON.stringify({ type: 'message', from: { id: 'web-user' }, text: 'Danke, ich warte.' })
                    });
                    assert.strictEqual(posted.status, 200, await posted.text());
                    await live.waitFor((e) => e.type === 'message' && e.data.handoffId === handoffId, 'new line from the customer on another instance');
                    await until(async () => {
                        const detail = (await agent.get<{ messages: Array<{ sender: string; text?: string }> }>(`/agent/api/handoffs/${handoffId}`)).body;
                        return detail.messages.some((m) => m.sender === 'customer' && m.text === 'Danke, ich warte.');
                    }, 'the agent reads the customer line');
                    assert.strictEqual((await agent.post(`/agent/api/handoffs/${handoffId}/close`)).status, 200);
                    await handoffCustomer.chat.botSays(h.handedBack);
                })()
            ]);

            // Every customer saw each activity once, in order, and every step's answer.
            for (const customer of customers) {
                const ids = customer.chat.all.map((a) => a.id ?? '');
                assert.strictEqual(new Set(ids).size, ids.length, `${customer.conversationId}: each activity once`);
                const seqs = ids.map((id) => Number(id.split('|')[1]));
                const received = customer.chat.all.map((a) => `${a.id ?? ''} ${a.type} ${a.from.role ?? ''} ${(a.type === 'message' ? (a.text ?? '') : '').slice(0, 40)}`);
                const transport = `${customer.webSocket ? 'WebSocket' : 'polling'}${streamsOnVictim.includes(customer.conversationId) ? ', stream on the killed instance' : ''}`;
                assert.deepStrictEqual(seqs, [...seqs].sort((a, b) => a - b), `${customer.conversationId} (${transport}): in watermark order; received:\n${received.join('\n')}`);
                // Nothing missed: every message stored for the conversation reached the client, also those sent while it reconnected.
                const stored = await db.all<{ activity_id: string }>(
                    "SELECT activity_id FROM directline_activities WHERE conversation_id = ? AND json_extract(activity, '$.type') = 'message' ORDER BY seq",
                    [customer.conversationId]
                );
                const seen = customer.chat.all.filter((a) => a.type === 'message').map((a) => a.id ?? '');
                assert.deepStrictEqual(seen, stored.map((r) => r.activity_id), `${customer.conversationId}: every stored message reached the client`);
            }
            // The streams the kill cut reconnected through the proxy to an instance still running.
            for (const conversation of streamsOnVictim) {
                const customer = customers.find((c) => c.conversationId === conversation);
                assert.ok(customer, `${conversation}: a customer of this test`);
                assert.notStrictEqual(front.streams.get(conversation), victim, `${conversation}: its stream went to another instance after the kill`);
            }
            // Each message the customers sent is stored once; the code and the admin mail went out once per conversation.
            const mails = await outbox.recent(1000);
            for (const customer of customers.slice(0, CUSTOMERS)) {
                const key = `${DIRECT_LINE_CHANNEL_ID}:${customer.conversationId}`;
                const codes = mails.filter((m) => m.kind === 'verification-code' && m.conversationKey === key).length;
                const admin = mails.filter((m) => m.kind === 'admin-contact' && m.conversationKey === key).length;
                assert.deepStrictEqual([codes, admin], [1, 1], `${customer.conversationId} (${customer.webSocket ? 'WebSocket' : 'polling'}): one code mail and one admin mail`);
                const said = await db.all<{ n: number }>(
                    "SELECT COUNT(*) AS n FROM directline_activities WHERE conversation_id = ? AND json_extract(activity, '$.type') = 'message' AND json_extract(activity, '$.from.role') = 'user'",
                    [customer.conversationId]
                );
                assert.strictEqual(Number(said[0].n), 6 + customer.resent, `${customer.conversationId}: every message the customer sent is stored once`);
            }
            // The channel customers: one code and one admin mail each, every reply arrived at the channel once.
            for (const customer of channelCustomers) {
                const key = `${CHANNEL_ID}:${customer.conversationId}`;
                const codes = mails.filter((m) => m.kind === 'verification-code' && m.conversationKey === key).length;
                const admin = mails.filter((m) => m.kind === 'admin-contact' && m.conversationKey === key).length;
                assert.deepStrictEqual([codes, admin], [1, 1], `${customer.conversationId} (/api/messages): one code mail and one admin mail`);
                const replies = customer.replies();
                assert.strictEqual(new Set(replies).size, replies.length, `${customer.conversationId}: each reply once at the channel: ${JSON.stringify(replies)}`);
            }
            assert.strictEqual(loopback.cutOff, 1, 'the kill cut off the reply the channel held: the turn was interrupted');
            assert.ok(midTurn.redelivered >= 1, 'the interrupted turn was delivered again');
            figure('instances', INSTANCES);
            figure('requests and streams per instance through the proxy', front.served.join(' / '));
            figure('open streams per instance before the kill / held by the killed one', `${held.join(' / ')} / ${streamsOnVictim.length}`, '≥ 1');
            figure('admin mail queued before the mid-turn kill / deliveries of that turn repeated', `${adminMailBeforeKill} / ${midTurn.redelivered}`);
            figure('channel deliveries repeated after the kill', channelCustomers.reduce((n, c) => n + c.redelivered, 0));
            figure('messages said again by customers after the kill', customers.reduce((n, c) => n + c.resent, 0), '0 expected, a few allowed');
        } finally {
            await db.close();
        }
    });
});

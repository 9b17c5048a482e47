import * as assert from 'assert';
import * as crypto from 'crypto';
import { OutboxRepository } from '../../../data/repositories/outboxRepository';
import { LANGUAGES, PHRASES } from '../../helpers/phrases';
import { TASK_PHRASES } from '../../helpers/taskPhrases';
import { startRunningApp, type RunningApp } from '../../helpers/runningApp';
import { localeOf } from '../../helpers/script';
import { LocalChannelCredentials, TeamsStub, type SentActivity, type TeamsMember } from '../../helpers/teamsStub';
import { AgentClient } from '../../helpers/agentClient';
import { DEMO_PASSWORD } from '../../helpers/appHarness';
import { HANDOFF_PHRASES } from '../../helpers/handoffPhrases';

const APP_ID = '5f2a0c64-1f7e-4c1e-9a55-0b7d2f6c9e11';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const OTHER_TENANT = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
const JONAS: TeamsMember = { id: '29:1jonas-teams-id', aadObjectId: '6b0c6e28-9c1a-4d6e-8f65-3f0f8a3e9a01', name: 'Jonas Weber', email: 'jonas.weber@mueller-design.example', tenantId: TENANT };
const STRANGER: TeamsMember = { id: '29:1stranger', aadObjectId: '1d1c2b3a-0000-4000-8000-000000000002', name: 'Kim Doe', email: 'kim.doe@elsewhere.example', tenantId: TENANT };

/** What a person sees of a reply in Teams: its text (or its card's) and the card's buttons. */
function seen(sent: readonly SentActivity[]): { text: string; buttons: string[] } {
    const texts: string[] = [];
    const buttons: string[] = [];
    for (const { activity } of sent) {
        texts.push(activity.text ?? '');
        for (const attachment of activity.attachments ?? []) {
            texts.push(attachment.content.text ?? '');
            buttons.push(...(attachment.content.buttons ?? []).map((b) => b.title));
        }
    }
    return { text: texts.join('\n'), buttons };
}

describe('Microsoft Teams through /api/messages with channel authentication on', () => {
    let stub: TeamsStub;
    let running: RunningApp;

    before(async () => {
        stub = await TeamsStub.start(APP_ID);
        running = await startRunningApp({
            env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-used-in-tests', BOT_OPENID_METADATA_URL: stub.metadataUrl, TEAMS_ALLOWED_TENANTS: TENANT },
            options: { channelCredentials: new LocalChannelCredentials(APP_ID, stub.outboundToken) }
        });
        stub.members.set(JONAS.id, JONAS);
        stub.members.set(STRANGER.id, STRANGER);
    });
    after(async () => {
        await running.close();
        await stub.close();
    });

    /** A message as Teams delivers it in a personal chat. */
    function teamsActivity(conversationId: string, member: TeamsMember, locale: string, fields: Record<string, unknown>, tenant = member.tenantId): Record<string, unknown> {
        return {
            type: 'message',
            id: `${Date.now()}${crypto.randomInt(1000, 9999)}`,
            timestamp: new Date().toISOString(),
            localTimestamp: new Date().toISOString(),
            serviceUrl: stub.serviceUrl,
            channelId: 'msteams',
            from: { id: member.id, name: member.name, aadObjectId: member.aadObjectId },
            conversation: { conversationType: 'personal', tenantId: tenant, id: conversationId },
            recipient: { id: `28:${APP_ID}`, name: 'Billing Contact Assistant' },
            textFormat: 'plain',
            locale,
            entities: [{ locale, country: locale.slice(3), platform: 'Web', timezone: 'Europe/Berlin', type: 'clientInfo' }],
            channelData: { tenant: { id: tenant } },
            ...fields
        };
    }

    async function post(activity: Record<string, unknown>, authorization?: string): Promise<{ status: number; body: unknown }> {
        const res = await fetch(`${running.url}/api/messages`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', ...(authorization ? { Authorization: authorization } : {}) },
            body: JSON.stringify(activity)
        });
        const text = await res.text();
        return { status: res.status, body: text ? JSON.parse(text) : undefined };
    }

    /** Posts with a valid channel token; returns what the bot sent back in that turn. */
    async function say(activity: Record<string, unknown>): Promise<{ text: string; buttons: string[] }> {
        const before = stub.sent.length;
        const res = await post(activity, `Bearer ${stub.token()}`);
        assert.strictEqual(res.status, 200, JSON.stringify(res.body));
        return seen(stub.sent.slice(before));
    }

    async function codeMails(email: string): Promise<number> {
        return (await new OutboxRepository(running.app.db).recent(100, email)).filter((m) => m.kind === 'verification-code').length;
    }

    it('without a token, or with one signed by another key, for another bot, expired, or for another serviceUrl: 401 JSON and no turn', async () => {
        const conversationId = `a:1${crypto.randomUUID()}`;
        const activity = teamsActivity(conversationId, JONAS, 'en-US', { text: PHRASES.en.whoIs });
        const otherKey = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
        const wrong = [
            undefined,
            'Bearer not-a-jwt',
            `Bearer ${stub.token({ key: otherKey })}`,
            `Bearer ${stub.token({ audience: crypto.randomUUID() })}`,
            `Bearer ${stub.token({ expiresIn: -600 })}`,
            `Bearer ${stub.token({ serviceUrl: 'https://smba.trafficmanager.net/emea/' })}`
        ];
        // botframework-connector prints every refused token with console.error; keep the test output readable.
        const printError = console.error;
        console.error = () => undefined;
        try {
            for (const authorization of wrong) {
                const res = await post(activity, authorization);
                assert.strictEqual(res.status, 401, `${authorization?.slice(0, 30)}: ${JSON.stringify(res.body)}`);
                assert.deepStrictEqual(res.body, { error: { code: 'Unauthorized', message: 'A valid Bot Framework token is required.' } });
            }
        } finally {
            console.error = printError;
        }
        assert.strictEqual(stub.repliesTo(conversationId).length, 0, 'the bot said nothing');
        assert.strictEqual(stub.memberLookups.filter((l) => l.conversationId === conversationId).length, 0, 'and looked nobody up');
        const accepted = await say(activity);
        assert.match(accepted.text, PHRASES.en.caseB, 'the same activity with a valid token runs: the refused ones left no trace');
    });

    for (const lang of LANGUAGES) {
        const p = PHRASES[lang];

        it(`[${lang}] a signed-in member of an allowed tenant whose email is on file is recognised without a code, and card buttons work`, async () => {
            const conversationId = `a:1${crypto.randomUUID()}`;
            const locale = localeOf(lang);
            const greeting = await say(teamsActivity(conversationId, JONAS, locale, { type: 'conversationUpdate', membersAdded: [{ id: `28:${APP_ID}` }] }));
            assert.match(greeting.text, p.welcome);
            assert.ok(greeting.buttons.length >= 2, 'the menu as hero-card buttons');

            const answer = await say(teamsActivity(conversationId, JONAS, locale, { text: p.whoIs }));
            assert.match(answer.text, lang === 'de' ? /Sie sind als Jonas Weber \(jonas\.weber@mueller-design\.example\) angemeldet/ : /You're signed in as Jonas Weber \(jonas\.weber@mueller-design\.example\)/);
            assert.match(answer.text, p.caseB);
            assert.doesNotMatch(answer.text, p.askEmail);
            assert.deepStrictEqual(answer.buttons.slice(-3), [p.emailButton, TASK_PHRASES[lang].requestChangeButton, p.noThanks], 'choices as card buttons, since Teams has no suggested actions');
            assert.strictEqual(await codeMails(JONAS.email), 0, 'no one-time code');
            const lookup = stub.memberLookups.find((l) => l.conversationId === conversationId);
            assert.deepStrictEqual([lookup?.userId, lookup?.authorization], [JONAS.id, `Bearer ${stub.outboundToken}`]);

            const submitted = await say(teamsActivity(conversationId, JONAS, locale, { text: undefined, value: { choice: p.emailButton } }));
            assert.match(submitted.text, p.askMessage, 'a card submit (activity.value) answers the prompt');
        });

        it(`[${lang}] a member of another tenant, or one not on file, is asked for the email and gets a code`, async () => {
            for (const [member, tenant] of [[JONAS, OTHER_TENANT], [STRANGER, TENANT]] as const) {
                const conversationId = `a:1${crypto.randomUUID()}`;
                const replies = await say(teamsActivity(conversationId, member, localeOf(lang), { text: p.amI }, tenant));
                assert.match(replies.text, p.askEmail, `${member.name} in ${tenant}`);
                assert.doesNotMatch(replies.text, /angemeldet als|signed in as/);
            }
        });
    }

    it("Teams' retried delivery of the same activity runs once: one set of replies, one code mail", async () => {
        const conversationId = `a:1${crypto.randomUUID()}`;
        const lea = { ...STRANGER, id: '29:1lea', email: 'lea.fischer@mueller-design.example', tenantId: OTHER_TENANT };
        await say(teamsActivity(conversationId, lea, 'de-DE', { text: PHRASES.de.whoIs }, OTHER_TENANT));
        const email = teamsActivity(conversationId, lea, 'de-DE', { text: lea.email }, OTHER_TENANT);
        const first = await say(email);
        assert.match(first.text, PHRASES.de.codeSent);
        const [retry, concurrentRetry] = await Promise.all([say(email), say(email)]);
        assert.deepStrictEqual([retry.text, concurrentRetry.text], ['', ''], 'nothing is said again');
        assert.strictEqual(await codeMails(lea.email), 1);
    });

    it('[de] a live chat with an agent: joined, two messages each way, hand-back, and a follow-up the bot answers, all in the Teams chat', async () => {
        const h = HANDOFF_PHRASES.de;
        const conversationId = `a:1${crypto.randomUUID()}`;
        await running.app.runtime.handoff.agents.setMissingPasswords(DEMO_PASSWORD);
        const erika = new AgentClient(running.url);
        assert.strictEqual((await erika.login('erika', DEMO_PASSWORD)).status, 200);
        assert.match((await say(teamsActivity(conversationId, JONAS, 'de-DE', { text: h.human }))).text, h.askDescription);
        assert.match((await say(teamsActivity(conversationId, JONAS, 'de-DE', { text: h.skip }))).text, h.waitPrompt);
        const id = (await erika.get<{ waiting: Array<{ id: number }> }>('/agent/api/queue')).body.waiting[0].id;
        const before = stub.repliesTo(conversationId).length;
        const inChat = async (pattern: RegExp): Promise<void> => {
            const deadline = Date.now() + 10_000;
            // A question with buttons comes as a card in Teams: its text is the card's.
            while (!stub.repliesTo(conversationId).slice(before).some((s) => pattern.test(seen([s]).text))) {
                assert.ok(Date.now() < deadline, `Teams got no message matching ${pattern}: ${seen(stub.repliesTo(conversationId).slice(before)).text}`);
                await new Promise((resolve) => setTimeout(resolve, 50));
            }
        };

        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/accept`)).status, 200);
        await inChat(h.agentJoined);
        await erika.post(`/agent/api/handoffs/${id}/messages`, { text: 'Guten Tag, Herr Weber.' });
        await erika.post(`/agent/api/handoffs/${id}/messages`, { text: 'Ich sehe mir das an.' });
        await inChat(/^Erika Mustermann: Ich sehe mir das an\.$/);
        assert.deepStrictEqual((await say(teamsActivity(conversationId, JONAS, 'de-DE', { text: 'Danke' }))).text, '', 'the bot stays out of it');
        assert.deepStrictEqual((await say(teamsActivity(conversationId, JONAS, 'de-DE', { text: 'Ich warte' }))).text, '');
        const detail = (await erika.get<{ messages: Array<{ sender: string; text?: string }> }>(`/agent/api/handoffs/${id}`)).body;
        assert.deepStrictEqual(detail.messages.filter((m) => m.sender === 'customer').map((m) => m.text), ['Danke', 'Ich warte']);

        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/close`)).status, 200);
        await inChat(h.handedBack);
        await inChat(h.rateChat);
        const texts = stub.repliesTo(conversationId).slice(before).map((s) => s.activity.text ?? '');
        assert.deepStrictEqual(texts.filter((t) => t.startsWith('Erika Mustermann:')), ['Erika Mustermann: Guten Tag, Herr Weber.', 'Erika Mustermann: Ich sehe mir das an.'], 'each once, in order');
        assert.ok(stub.repliesTo(conversationId).every((s) => s.authorization?.startsWith('Bearer ')), 'the bot authenticates to the channel');
        assert.match((await say(teamsActivity(conversationId, JONAS, 'de-DE', { text: PHRASES.de.whoIs }))).text, PHRASES.de.caseB);
    });
});

import * as assert from 'assert';
import { ManualClock } from '../../../core/clock';
import { botTexts, dl, tokenClaims, type DlActivitySet, type DlConversation } from '../../helpers/directLineHttp';
import { startRunningApp, type RunningApp } from '../../helpers/runningApp';
import { PHRASES } from '../../helpers/phrases';
import { JONAS } from '../../helpers/demoPeople';

const SECRET = 'test-directline-secret-0123456789abcdefghij';

describe('Direct Line 3.0 REST API (/v3/directline)', () => {
    let running: RunningApp;
    let clock: ManualClock;
    let base: string;

    /** A token for a new conversation, from tokens/generate with the secret. */
    async function generate(user?: string): Promise<{ conversationId: string; token: string }> {
        const res = await dl<{ conversationId: string; token: string; expires_in: number }>(base, 'POST', '/tokens/generate', SECRET, user ? { user: { id: user } } : undefined);
        assert.strictEqual(res.status, 200, JSON.stringify(res.body));
        return res.body;
    }

    /** Generates a token and starts its conversation in `locale`. */
    async function start(locale = 'en-US'): Promise<DlConversation> {
        const { token } = await generate();
        const res = await dl<DlConversation>(base, 'POST', '/conversations', token, { locale });
        assert.strictEqual(res.status, 201, JSON.stringify(res.body));
        return res.body;
    }

    async function activities(convo: { conversationId: string; token: string }, watermark = ''): Promise<DlActivitySet> {
        const res = await dl<DlActivitySet>(base, 'GET', `/conversations/${convo.conversationId}/activities?watermark=${watermark}`, convo.token);
        assert.strictEqual(res.status, 200, JSON.stringify(res.body));
        return res.body;
    }

    async function say(convo: { conversationId: string; token: string }, text: string, extra: Record<string, unknown> = {}): Promise<string> {
        const res = await dl<{ id: string }>(base, 'POST', `/conversations/${convo.conversationId}/activities`, convo.token, { type: 'message', text, from: { id: 'someone' }, ...extra });
        assert.strictEqual(res.status, 200, JSON.stringify(res.body));
        return res.body.id;
    }

    beforeEach(async () => {
        clock = new ManualClock(new Date());
        running = await startRunningApp({ env: { DIRECTLINE_SECRET: SECRET }, options: { clock } });
        base = running.url;
    });
    afterEach(async () => running.close());

    it('tokens/generate needs the secret: none is 401, a token is 403, the secret gives a token for a new conversation', async () => {
        const none = await dl(base, 'POST', '/tokens/generate');
        assert.strictEqual(none.status, 401);
        assert.strictEqual((none.body.error as { code: string }).code, 'Unauthorized');
        const first = await generate();
        const withToken = await dl(base, 'POST', '/tokens/generate', first.token);
        assert.strictEqual(withToken.status, 403);
        const second = await generate();
        assert.notStrictEqual(second.conversationId, first.conversationId);
        assert.match(second.token, /^[\w-]+\.[\w-]+\.[\w-]+$/, 'a JWT, where Web Chat reads the user id');
    });

    it('tokens/generate binds the user id given, and refuses a malformed one', async () => {
        const { token } = await generate('dl_customer-42');
        assert.strictEqual(tokenClaims(token).user, 'dl_customer-42');
        const bad = await dl(base, 'POST', '/tokens/generate', SECRET, { user: { id: '<script>' } });
        assert.strictEqual(bad.status, 400);
    });

    for (const [locale, lang] of [['de-DE', 'de'], ['en-US', 'en']] as const) {
        it(`[${lang}] POST conversations starts the token's conversation once (201, then 200) and the bot greets first in its locale`, async () => {
            const { token, conversationId } = await generate();
            const created = await dl<DlConversation>(base, 'POST', '/conversations', token, { locale });
            assert.strictEqual(created.status, 201);
            assert.strictEqual(created.body.conversationId, conversationId);
            assert.ok(created.body.streamUrl.startsWith(`ws://127.0.0.1:`) && created.body.streamUrl.includes(`/conversations/${conversationId}/stream?`), created.body.streamUrl);
            const again = await dl<DlConversation>(base, 'POST', '/conversations', token, { locale });
            assert.strictEqual(again.status, 200);
            const set = await activities({ conversationId, token });
            const texts = botTexts(set.activities);
            assert.strictEqual(texts.length, 2, 'welcome and menu, once');
            assert.match(texts[0], PHRASES[lang].welcome);
            assert.match(texts[1], PHRASES[lang].menu);
            assert.strictEqual(set.watermark, '2');
            assert.deepStrictEqual(set.activities.map((a) => a.id), [`${conversationId}|0000001`, `${conversationId}|0000002`]);
            assert.ok((set.activities[1].suggestedActions?.actions.length ?? 0) >= 2, 'the menu comes as suggested actions');
        });
    }

    it('POST conversations with the secret starts a new conversation with its own token', async () => {
        const res = await dl<DlConversation>(base, 'POST', '/conversations', SECRET, { locale: 'en-US', user: { id: 'dl_operator-test' } });
        assert.strictEqual(res.status, 201);
        const set = await activities(res.body);
        assert.match(botTexts(set.activities)[0], PHRASES.en.welcome);
        const claims = tokenClaims(res.body.token);
        assert.deepStrictEqual([claims.user, claims.conv], ['dl_operator-test', res.body.conversationId]);
    });

    it("posted activities are echoed with the token's user id and their channelData, then the bot's replies follow in order", async () => {
        const convo = await start('en-US');
        const id = await say(convo, PHRASES.en.whoIs, { from: { id: 'admin', name: 'Mallory' }, channelData: { clientActivityID: 'abc-1' } });
        assert.strictEqual(id, `${convo.conversationId}|0000003`);
        const set = await activities(convo, '2');
        const [echo, ...replies] = set.activities;
        const userId = tokenClaims(convo.token).user;
        assert.deepStrictEqual([echo.id, echo.text, echo.from.id, echo.from.role, echo.channelData?.clientActivityID], [id, PHRASES.en.whoIs, userId, 'user', 'abc-1']);
        assert.match(botTexts(replies).join('\n'), PHRASES.en.askEmail);
        const seqs = set.activities.map((a) => Number(a.id.split('|')[1]));
        assert.deepStrictEqual(seqs, seqs.map((_, i) => 3 + i), 'consecutive watermarks');
        assert.strictEqual(set.watermark, String(seqs[seqs.length - 1]));
        const nothingNew = await activities(convo, set.watermark);
        assert.deepStrictEqual([nothingNew.activities.length, nothingNew.watermark], [0, set.watermark]);
    });

    it('the same message posted again with its client id (the first post was cut off) is stored and answered once, also when both arrive at once', async () => {
        const convo = await start('en-US');
        await say(convo, PHRASES.en.whoIs);
        const again = { channelData: { clientActivityID: 'web-chat-7' } };
        const ids = await Promise.all([say(convo, JONAS, again), say(convo, JONAS, again)]);
        const later = await say(convo, JONAS, again);
        assert.deepStrictEqual([ids[1], later], [ids[0], ids[0]], 'every post answers with the id of the one stored message');
        const all = (await activities(convo)).activities;
        assert.strictEqual(all.filter((a) => a.from.role === 'user' && a.text === JONAS).length, 1, 'the message is in the history once');
        assert.strictEqual(botTexts(all).filter((t) => PHRASES.en.codeSent.test(t)).length, 1, 'one code mailed and announced');
        // Another message with another client id is a new message.
        await say(convo, 'cancel', { channelData: { clientActivityID: 'web-chat-8' } });
        assert.strictEqual((await activities(convo)).activities.filter((a) => a.from.role === 'user').length, 3);
    });

    it('typing is answered but not stored: the history and the watermark stay as they were', async () => {
        const convo = await start('en-US');
        const before = await activities(convo);
        for (let i = 0; i < 5; i++) {
            const res = await dl<{ id: string }>(base, 'POST', `/conversations/${convo.conversationId}/activities`, convo.token, { type: 'typing', from: { id: 'someone' } });
            assert.strictEqual(res.status, 200);
            assert.ok(res.body.id.startsWith(`${convo.conversationId}|typing-`), res.body.id);
        }
        const after = await activities(convo);
        assert.deepStrictEqual([after.activities.filter((a) => a.type === 'typing').length, after.watermark], [0, before.watermark]);
    });

    it('GET conversations/{id} reconnects: a fresh token and a streamUrl that carries the watermark', async () => {
        const convo = await start();
        const res = await dl<DlConversation>(base, 'GET', `/conversations/${convo.conversationId}?watermark=2`, convo.token);
        assert.strictEqual(res.status, 200);
        assert.strictEqual(res.body.conversationId, convo.conversationId);
        const url = new URL(res.body.streamUrl);
        assert.strictEqual(url.searchParams.get('watermark'), '2');
        assert.ok(url.searchParams.get('t'), 'the stream token');
        const bad = await dl(base, 'GET', `/conversations/${convo.conversationId}?watermark=abc`, convo.token);
        assert.strictEqual(bad.status, 400);
    });

    it('a token for one conversation can neither read nor post to another (403 JSON), and nothing is stored', async () => {
        const mine = await start();
        const theirs = await start();
        const read = await dl(base, 'GET', `/conversations/${theirs.conversationId}/activities`, mine.token);
        const post = await dl(base, 'POST', `/conversations/${theirs.conversationId}/activities`, mine.token, { type: 'message', text: 'hello' });
        const reconnect = await dl(base, 'GET', `/conversations/${theirs.conversationId}`, mine.token);
        for (const res of [read, post, reconnect]) {
            assert.strictEqual(res.status, 403);
            assert.deepStrictEqual(res.body, { error: { code: 'WrongConversation', message: 'The token is not valid for this conversation.' } });
        }
        assert.strictEqual((await activities(theirs)).activities.length, 2, 'only the greeting');
        const unknown = await dl(base, 'GET', `/conversations/${mine.conversationId}x/activities`, mine.token);
        assert.strictEqual(unknown.status, 403, 'another id is another conversation, known or not');
    });

    it('an unknown conversation is 404 with the secret; a forged or garbled token is 401', async () => {
        const unknown = await dl(base, 'GET', '/conversations/AAAAAAAAAAAAAAAAAAAAAA/activities', SECRET);
        assert.strictEqual(unknown.status, 404);
        const convo = await start();
        const [header, payload] = convo.token.split('.');
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
        const forgedPayload = Buffer.from(JSON.stringify({ ...claims, user: 'dl_someone-else' })).toString('base64url');
        const forged = await dl(base, 'GET', `/conversations/${convo.conversationId}/activities`, `${header}.${forgedPayload}.${convo.token.split('.')[2]}`);
        assert.strictEqual(forged.status, 401);
        const garbled = await dl(base, 'GET', `/conversations/${convo.conversationId}/activities`, 'not-a-token');
        assert.strictEqual(garbled.status, 401);
    });

    it('tokens/refresh renews a token for the same conversation; the secret cannot refresh; an expired token is 403 everywhere', async () => {
        const convo = await start();
        clock.advance(30 * 60_000);
        const refreshed = await dl<{ conversationId: string; token: string; expires_in: number }>(base, 'POST', '/tokens/refresh', convo.token);
        assert.strictEqual(refreshed.status, 200);
        assert.strictEqual(refreshed.body.conversationId, convo.conversationId);
        assert.strictEqual(refreshed.body.expires_in, 3600);
        assert.strictEqual((await dl(base, 'POST', '/tokens/refresh', SECRET)).status, 403);

        clock.advance(40 * 60_000);
        for (const [method, path] of [['GET', `/conversations/${convo.conversationId}/activities`], ['POST', '/tokens/refresh'], ['GET', `/conversations/${convo.conversationId}`]]) {
            const expired = await dl(base, method, path, convo.token);
            assert.strictEqual(expired.status, 403, `${method} ${path} with the old token`);
            assert.strictEqual((expired.body.error as { code: string }).code, 'TokenExpired');
        }
        const renewed = await activities({ conversationId: convo.conversationId, token: refreshed.body.token });
        assert.strictEqual(renewed.activities.length, 2, 'the refreshed token still works');
    });

    it('bad requests get a JSON 4xx: wrong activity type, broken JSON, wrong content type, file upload', async () => {
        const convo = await start();
        const path = `/conversations/${convo.conversationId}/activities`;
        const cases: Array<[unknown, Record<string, string>, number]> = [
            [{ type: 'conversationUpdate', membersAdded: [{ id: 'x' }] }, {}, 400],
            // Longer than the 8,000 characters a person's message may have (issue 11, item 6).
            [{ type: 'message', text: 'x'.repeat(20_001) }, {}, 413],
            ['{"type": "message", ', {}, 400],
            ['type=message', { 'Content-Type': 'application/x-www-form-urlencoded' }, 415]
        ];
        for (const [body, headers, status] of cases) {
            const res = await dl(base, 'POST', path, convo.token, body, headers);
            assert.strictEqual(res.status, status, JSON.stringify(res.body));
            assert.ok(typeof (res.body.error as { message?: unknown }).message === 'string');
        }
        const upload = await dl(base, 'POST', `/conversations/${convo.conversationId}/upload?userId=x`, convo.token, {});
        assert.strictEqual(upload.status, 415);
        assert.strictEqual((await activities(convo)).activities.length, 2, 'nothing was stored');
    });

    it('a runaway client is slowed down: past 60 posts a minute it gets 429 with Retry-After, then may go on', async () => {
        const convo = await start();
        const path = `/conversations/${convo.conversationId}/activities`;
        for (let i = 0; i < 60; i++) {
            assert.strictEqual((await dl(base, 'POST', path, convo.token, { type: 'event', name: 'ping' })).status, 200);
        }
        const refused = await dl(base, 'POST', path, convo.token, { type: 'message', text: 'one more' });
        assert.strictEqual(refused.status, 429);
        assert.ok(Number(refused.headers.get('retry-after')) > 0);
        const big = await dl(base, 'POST', `/conversations/${(await start()).conversationId}/activities`, SECRET, { type: 'message', text: 'x', channelData: { padding: 'y'.repeat(300_000) } });
        assert.strictEqual(big.status, 413, 'an activity over 256 KB');
        clock.advance(61_000);
        assert.strictEqual((await dl(base, 'POST', path, convo.token, { type: 'message', text: 'hello again' })).status, 200);
    });

    it('the conversation survives a restart: the same token reads the history and the bot goes on at the same step', async () => {
        const convo = await start('en-US');
        await say(convo, PHRASES.en.whoIs);
        await running.stop();
        running = await startRunningApp({ dir: running.dir, env: { DIRECTLINE_SECRET: SECRET }, options: { clock } });
        base = running.url;
        const history = await activities(convo);
        assert.match(botTexts(history.activities).join('\n'), PHRASES.en.askEmail);
        await say(convo, 'jonas(at)mueller-design');
        const after = await activities(convo, history.watermark);
        assert.match(botTexts(after.activities).join('\n'), PHRASES.en.invalidEmail);
    });

    it('X-Forwarded-Proto picks wss:// for the stream URL only from a trusted proxy (TRUST_PROXY), not from anyone', async () => {
        const forwarded = { 'X-Forwarded-Proto': 'https' };
        const untrusted = await dl<DlConversation>(base, 'POST', '/conversations', (await generate()).token, { locale: 'en-US' }, forwarded);
        assert.match(untrusted.body.streamUrl, /^ws:\/\//, 'no TRUST_PROXY: the header is ignored');
        for (const [trustProxy, scheme] of [['loopback', 'wss'], ['1', 'wss'], ['10.0.0.0/8', 'ws']] as const) {
            const behind = await startRunningApp({ env: { DIRECTLINE_SECRET: SECRET, TRUST_PROXY: trustProxy } });
            try {
                const { token } = (await dl<{ token: string }>(behind.url, 'POST', '/tokens/generate', SECRET)).body;
                const res = await dl<DlConversation>(behind.url, 'POST', '/conversations', token, { locale: 'en-US' }, forwarded);
                assert.strictEqual(res.body.streamUrl.split('://')[0], scheme, `TRUST_PROXY=${trustProxy}`);
            } finally {
                await behind.close();
            }
        }
    });
});

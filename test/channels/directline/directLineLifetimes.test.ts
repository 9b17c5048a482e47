import * as assert from 'assert';
import { WebSocket } from 'ws';
import { ManualClock } from '../../../core/clock';
import { botTexts, dl, type DlActivitySet, type DlConversation } from '../../helpers/directLineHttp';
import { JONAS } from '../../helpers/demoPeople';
import { PHRASES } from '../../helpers/phrases';
import { startRunningApp, type RunningApp } from '../../helpers/runningApp';

const SECRET = 'test-directline-secret-0123456789abcdefghij';
const VERIFY_AGAIN = {
    en: /for your security I need to check it once more/,
    de: /Zu Ihrer Sicherheit muss ich daher noch einmal prüfen/
};

/** Opens a stream; resolves with the socket once open, or with the HTTP status it was refused with. */
function openStream(url: string): Promise<WebSocket | number> {
    return new Promise((resolve) => {
        const socket = new WebSocket(url);
        socket.once('open', () => resolve(socket));
        socket.once('unexpected-response', (_req, res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
        });
        socket.once('error', () => resolve(0));
    });
}

describe('Direct Line lifetimes and caps (issue 11, item 14)', () => {
    let running: RunningApp;
    let clock: ManualClock;

    beforeEach(async () => {
        clock = new ManualClock(new Date());
        running = await startRunningApp({ env: { DIRECTLINE_SECRET: SECRET }, options: { clock } });
    });
    afterEach(async () => running.close());

    async function start(locale: string): Promise<DlConversation> {
        const generated = await dl<{ token: string }>(running.url, 'POST', '/tokens/generate', SECRET);
        const res = await dl<DlConversation>(running.url, 'POST', '/conversations', generated.body.token, { locale });
        assert.strictEqual(res.status, 201);
        return res.body;
    }

    /** Says `text` and returns the bot's answers to it; refreshes the token first, as Web Chat does. */
    async function say(chat: DlConversation, text: string): Promise<string> {
        const refreshed = await dl<{ token: string }>(running.url, 'POST', '/tokens/refresh', chat.token);
        assert.strictEqual(refreshed.status, 200);
        const convo = { ...chat, token: refreshed.body.token };
        (chat as { token: string }).token = refreshed.body.token;
        const before = await dl<DlActivitySet>(running.url, 'GET', `/conversations/${convo.conversationId}/activities`, convo.token);
        const posted = await dl(running.url, 'POST', `/conversations/${convo.conversationId}/activities`, convo.token, { type: 'message', text, from: { id: 'x' } });
        assert.strictEqual(posted.status, 200, JSON.stringify(posted.body));
        const after = await dl<DlActivitySet>(running.url, 'GET', `/conversations/${convo.conversationId}/activities?watermark=${before.body.watermark}`, convo.token);
        return botTexts(after.body.activities).join('\n');
    }

    it('refreshing cannot keep a token alive past its lifetime (24 h by default)', async () => {
        const convo = await start('en-US');
        let token = convo.token;
        let refreshed = 0;
        for (let hour = 0; hour < 40; hour++) {
            clock.advance(45 * 60_000);
            const res = await dl<{ token: string; expires_in: number }>(running.url, 'POST', '/tokens/refresh', token);
            if (res.status !== 200) {
                assert.strictEqual(res.status, 403);
                assert.strictEqual((res.body as unknown as { error: { code: string } }).error.code, 'TokenExpired');
                break;
            }
            assert.ok(res.body.expires_in <= 3600 && res.body.expires_in > 0);
            token = res.body.token;
            refreshed++;
        }
        // 24 h at one refresh every 45 minutes: 31 refreshes, then the chain has run out.
        assert.ok(refreshed >= 30 && refreshed <= 32, `refreshed ${refreshed} times`);
        const read = await dl(running.url, 'GET', `/conversations/${convo.conversationId}/activities`, token);
        assert.strictEqual(read.status, 403, 'the last token of the chain runs out with it');
    });

    it('one conversation can have at most 4 streams open, whatever its tokens; closing one makes room', async () => {
        const convo = await start('en-US');
        const opened: WebSocket[] = [];
        const refused: number[] = [];
        for (let n = 0; n < 8; n++) {
            const result = await openStream(convo.streamUrl);
            if (typeof result === 'number') {
                refused.push(result);
            } else {
                opened.push(result);
            }
        }
        assert.strictEqual(opened.length, 4);
        assert.deepStrictEqual([...new Set(refused)], [429]);
        const closed = new Promise((resolve) => opened[0].once('close', resolve));
        opened[0].close();
        await closed;
        let again: WebSocket | number = 0;
        for (let attempt = 0; attempt < 50 && typeof again === 'number'; attempt++) {
            again = await openStream(convo.streamUrl);
            if (typeof again === 'number') {
                await new Promise((resolve) => setTimeout(resolve, 100));
            }
        }
        assert.ok(again instanceof WebSocket, 'a stream opens again once one is closed');
        for (const socket of [...opened, again]) {
            socket.terminate();
        }
    });

    for (const lang of ['en', 'de'] as const) {
        it(`[${lang}] a verification expires: after 30 minutes without a message, or 8 hours in all, the person verifies again`, async () => {
            const convo = await start(lang === 'en' ? 'en-US' : 'de-DE');
            assert.match(await say(convo, PHRASES[lang].whoIs), PHRASES[lang].askEmail);
            assert.match(await say(convo, JONAS), PHRASES[lang].codeSent);
            assert.match(await say(convo, await running.latestCode(JONAS)), PHRASES[lang].verified);

            // Active every 20 minutes: still verified.
            clock.advance(20 * 60_000);
            const stillKnown = await say(convo, PHRASES[lang].whoIs);
            assert.doesNotMatch(stillKnown, PHRASES[lang].askEmail);
            assert.doesNotMatch(stillKnown, VERIFY_AGAIN[lang]);

            clock.advance(31 * 60_000);
            const idle = await say(convo, PHRASES[lang].whoIs);
            assert.match(idle, VERIFY_AGAIN[lang]);
            assert.match(idle, PHRASES[lang].askEmail);
            assert.doesNotMatch(idle, /Anna Müller/);

            assert.match(await say(convo, JONAS), PHRASES[lang].codeSent);
            assert.match(await say(convo, await running.latestCode(JONAS)), PHRASES[lang].verified);
            for (let step = 0; step < 17; step++) {
                clock.advance(29 * 60_000);
                await say(convo, lang === 'en' ? 'thanks' : 'danke');
            }
            const tooLong = await say(convo, PHRASES[lang].whoIs);
            assert.match(tooLong, VERIFY_AGAIN[lang], 'past 8 hours the verification ends however active');
        });
    }
});

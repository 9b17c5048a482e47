import * as assert from 'assert';
import { ManualClock } from '../../../core/clock';
import { dl, type DlConversation } from '../../helpers/directLineHttp';
import { startRunningApp, type RunningApp } from '../../helpers/runningApp';

const SECRET = 'test-directline-secret-0123456789abcdefghij';
const DAY = 24 * 3600_000;

/** What Web Chat posts for a typed message (channelData and the capabilities entity included). */
function webChatMessage(text: string): Record<string, unknown> {
    return {
        type: 'message',
        text,
        textFormat: 'plain',
        locale: 'en-US',
        from: { id: 'dl_x', name: '', role: 'user' },
        channelData: { clientActivityID: `${Date.now()}abc`, clientTimestamp: new Date().toISOString() },
        entities: [{ type: 'ClientCapabilities', requiresBotState: true, supportsListening: true, supportsTts: true }]
    };
}

describe('Direct Line storage caps, budgets and retention (issue 11, item 6)', () => {
    let running: RunningApp | undefined;
    let clock: ManualClock;

    afterEach(async () => {
        await running?.close();
        running = undefined;
    });

    async function start(env: Record<string, string> = {}, dir?: string): Promise<RunningApp> {
        running = await startRunningApp({ env: { DIRECTLINE_SECRET: SECRET, ...env }, options: { clock }, dir });
        return running;
    }

    async function conversation(app: RunningApp): Promise<DlConversation> {
        const res = await dl<DlConversation>(app.url, 'POST', '/conversations', SECRET, { locale: 'en-US' });
        assert.strictEqual(res.status, 201);
        return res.body;
    }

    function post(app: RunningApp, convo: DlConversation, activity: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
        return dl(app.url, 'POST', `/conversations/${convo.conversationId}/activities`, convo.token, activity);
    }

    async function storedBytes(app: RunningApp): Promise<number> {
        return (await app.app.db.get<{ total: number }>('SELECT COALESCE(SUM(LENGTH(CAST(activity AS BLOB))), 0) AS total FROM directline_activities'))?.total ?? 0;
    }

    beforeEach(() => {
        clock = new ManualClock(new Date());
    });

    it("takes what Web Chat sends and refuses oversized text, value and channelData with 413 before storing anything", async () => {
        const app = await start();
        const convo = await conversation(app);
        assert.strictEqual((await post(app, convo, webChatMessage('Who is my billing contact?'))).status, 200);
        assert.strictEqual((await post(app, convo, { type: 'message', value: { action: 'email-admin', note: 'x'.repeat(500) }, from: { id: 'x' } })).status, 200);
        const before = await storedBytes(app);
        const oversized: Array<Record<string, unknown>> = [
            { ...webChatMessage('x'.repeat(9_000)) },
            { type: 'message', text: 'hi', value: { blob: 'x'.repeat(200 * 1024) }, from: { id: 'x' } },
            { type: 'message', text: 'hi', value: { blob: 'x'.repeat(10 * 1024) }, from: { id: 'x' } },
            { type: 'message', text: 'hi', channelData: { blob: 'x'.repeat(6 * 1024) }, from: { id: 'x' } }
        ];
        for (const activity of oversized) {
            const res = await post(app, convo, activity);
            assert.strictEqual(res.status, 413, JSON.stringify(res.body).slice(0, 200));
        }
        assert.strictEqual(await storedBytes(app), before, 'nothing of the refused posts was stored');
    });

    it('a conversation stops taking posts at its storage budget (DIRECTLINE_CONVERSATION_BUDGET_KB)', async () => {
        const app = await start({ DIRECTLINE_CONVERSATION_BUDGET_KB: '64' });
        const convo = await conversation(app);
        let accepted = 0;
        let status = 200;
        for (let n = 0; n < 40 && status === 200; n++) {
            status = (await post(app, convo, { type: 'event', name: 'noise', value: { blob: 'x'.repeat(7 * 1024) }, from: { id: 'x' } })).status;
            accepted += status === 200 ? 1 : 0;
        }
        assert.strictEqual(status, 413);
        assert.ok(accepted <= 10, `${accepted} posts of 7 KB went into a 64 KB budget`);
        assert.ok((await storedBytes(app)) < 80 * 1024);
    });

    it('all conversations together stay within DIRECTLINE_STORAGE_BUDGET_MB: the least recently used go first', async () => {
        const app = await start({ DIRECTLINE_STORAGE_BUDGET_MB: '1', DIRECTLINE_CONVERSATION_BUDGET_KB: '128' });
        const first = await conversation(app);
        for (let c = 0; c < 12; c++) {
            const convo = c === 0 ? first : await conversation(app);
            clock.advance(1_000);
            for (let n = 0; n < 15; n++) {
                await post(app, convo, { type: 'event', name: 'noise', value: { blob: 'x'.repeat(7 * 1024) }, from: { id: 'x' } });
            }
        }
        const deadline = Date.now() + 10_000;
        while ((await storedBytes(app)) > 1024 * 1024 && Date.now() < deadline) {
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
        assert.ok((await storedBytes(app)) <= 1024 * 1024, `stored ${await storedBytes(app)} bytes`);
        assert.strictEqual((await dl(app.url, 'GET', `/conversations/${first.conversationId}/activities`, SECRET)).status, 404, 'the oldest conversation is gone');
    });

    it('conversations idle past DIRECTLINE_RETENTION_DAYS (7 by default) are deleted with their activities', async () => {
        const app = await start();
        const old = await conversation(app);
        await post(app, old, webChatMessage('hello'));
        const dir = app.dir;
        await app.stop();
        running = undefined;
        clock.advance(8 * DAY);
        const again = await start({}, dir);
        const deadline = Date.now() + 10_000;
        let status = 200;
        while (status !== 404 && Date.now() < deadline) {
            status = (await dl(again.url, 'GET', `/conversations/${old.conversationId}/activities`, SECRET)).status;
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
        assert.strictEqual(status, 404);
        assert.strictEqual(await storedBytes(again), 0);
    });
});

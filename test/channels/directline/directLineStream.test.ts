import * as assert from 'assert';
import { ActivityTypes, type ConversationReference } from 'botbuilder';
import { WebSocket } from 'ws';
import { botTexts, dl, tokenClaims, type DlActivity, type DlActivitySet, type DlConversation } from '../../helpers/directLineHttp';
import { PHRASES } from '../../helpers/phrases';
import { startRunningApp, type RunningApp } from '../../helpers/runningApp';

/** A raw WebSocket on a Direct Line streamUrl that collects the activity sets it receives. */
class StreamReader {
    public readonly activities: DlActivity[] = [];
    public readonly watermarks: string[] = [];
    private waiters: Array<() => void> = [];

    private constructor(public readonly socket: WebSocket) {
        socket.on('message', (data) => {
            const text = data.toString();
            if (text === '') {
                return;
            }
            const set = JSON.parse(text) as DlActivitySet;
            this.activities.push(...set.activities);
            this.watermarks.push(set.watermark);
            this.waiters.forEach((wake) => wake());
        });
    }

    public static open(url: string): Promise<StreamReader> {
        return new Promise((resolve, reject) => {
            const socket = new WebSocket(url);
            socket.once('open', () => resolve(new StreamReader(socket)));
            socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
            socket.once('error', reject);
        });
    }

    /** Waits until `count` activities arrived (or fails after 10 s). */
    public async waitFor(count: number): Promise<DlActivity[]> {
        const deadline = Date.now() + 10_000;
        while (this.activities.length < count) {
            if (Date.now() > deadline) {
                throw new Error(`waited for ${count} activities, got ${this.activities.length}: ${JSON.stringify(this.activities.map((a) => a.text))}`);
            }
            await new Promise<void>((resolve) => {
                const timer = setTimeout(resolve, 200);
                this.waiters.push(() => {
                    clearTimeout(timer);
                    resolve();
                });
            });
            this.waiters = [];
        }
        return this.activities;
    }

    public close(): void {
        this.socket.close();
    }
}

/** The HTTP status a refused upgrade answers with. */
function refusedWith(url: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
        const socket = new WebSocket(url);
        socket.once('unexpected-response', (_req, res) => {
            let body = '';
            res.on('data', (chunk: Buffer) => (body += chunk.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        socket.once('open', () => reject(new Error('the stream was opened')));
        socket.once('error', () => undefined);
    });
}

describe('Direct Line WebSocket stream (streamUrl)', () => {
    let running: RunningApp;

    async function start(locale: string): Promise<DlConversation> {
        const token = await fetch(`${running.url}/api/webchat/token`, { method: 'POST' }).then((r) => r.json() as Promise<{ token: string }>);
        const res = await dl<DlConversation>(running.url, 'POST', '/conversations', token.token, { locale });
        return res.body;
    }

    beforeEach(async () => {
        running = await startRunningApp();
    });
    afterEach(async () => running.close());

    it('sends the stored backlog after the watermark, then every new activity in order, with consecutive watermarks', async () => {
        const convo = await start('de-DE');
        const reader = await StreamReader.open(convo.streamUrl);
        const greeting = await reader.waitFor(2);
        assert.match(botTexts(greeting)[0], PHRASES.de.welcome);
        await dl(running.url, 'POST', `/conversations/${convo.conversationId}/activities`, convo.token, { type: 'message', text: PHRASES.de.whoIs });
        const all = await reader.waitFor(5);
        assert.strictEqual(all[2].text, PHRASES.de.whoIs, 'the echo comes before the replies');
        assert.match(botTexts(all.slice(3)).join('\n'), PHRASES.de.askEmail);
        assert.deepStrictEqual(all.map((a) => a.id.split('|')[1]), ['0000001', '0000002', '0000003', '0000004', '0000005']);
        assert.strictEqual(reader.watermarks[reader.watermarks.length - 1], '5');
        reader.close();

        const resumed = await dl<DlConversation>(running.url, 'GET', `/conversations/${convo.conversationId}?watermark=3`, convo.token);
        const later = await StreamReader.open(resumed.body.streamUrl);
        const replayed = await later.waitFor(2);
        await new Promise((resolve) => setTimeout(resolve, 200));
        assert.deepStrictEqual(later.activities.map((a) => a.id.split('|')[1]), ['0000004', '0000005'], 'only what came after watermark 3');
        assert.ok(replayed.every((a) => a.from.role === 'bot'));
        later.close();
    });

    it('refuses before upgrading: 403 for a token of another conversation, 401 without a token', async () => {
        const mine = await start('en-US');
        const theirs = await start('en-US');
        const otherUrl = new URL(theirs.streamUrl);
        otherUrl.searchParams.set('t', mine.token);
        const wrong = await refusedWith(otherUrl.toString());
        assert.strictEqual(wrong.status, 403);
        assert.strictEqual((JSON.parse(wrong.body) as { error: { code: string } }).error.code, 'WrongConversation');
        const noToken = new URL(mine.streamUrl);
        noToken.searchParams.delete('t');
        assert.strictEqual((await refusedWith(noToken.toString())).status, 401);
    });

    it('a proactive message (an agent writing) reaches the web chat user live, through the messenger', async () => {
        const convo = await start('en-US');
        const reader = await StreamReader.open(convo.streamUrl);
        await reader.waitFor(2);
        const reference: Partial<ConversationReference> = {
            channelId: 'directline',
            serviceUrl: 'https://directline.in-process.invalid/',
            conversation: { id: convo.conversationId, isGroup: false, conversationType: 'personal', name: '' },
            user: { id: tokenClaims(convo.token).user, name: '' },
            bot: { id: 'billing-contact-assistant', name: 'Billing Contact Assistant' }
        };
        await running.app.messenger.continueConversation(reference, async (context) => {
            assert.strictEqual(context.activity.type, ActivityTypes.Event);
            await context.sendActivity('Hello, this is Sam from customer service.');
        });
        const all = await reader.waitFor(3);
        assert.strictEqual(all[2].text, 'Hello, this is Sam from customer service.');
        assert.strictEqual(all[2].from.role, 'bot');
        reader.close();
    });
});

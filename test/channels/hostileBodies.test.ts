import * as assert from 'assert';
import { configureLogging } from '../../core/logger';
import { dl, type DlConversation } from '../helpers/directLineHttp';
import { startRunningApp, type RunningApp } from '../helpers/runningApp';

const SECRET = 'test-directline-secret-0123456789abcdefghij';
/** JSON nested 5,000 levels deep, about 10 KB: small enough for every size limit. */
const DEEP = '['.repeat(5_000) + ']'.repeat(5_000);
const STACK = /\bat [\w.<>[\]]+ \(|\.js:\d+|RangeError|URIError|Maximum call stack/;

describe('hostile bodies and cookies (issue 11, item 11)', () => {
    let running: RunningApp;
    let lines: string[];

    beforeEach(async () => {
        running = await startRunningApp({ env: { DIRECTLINE_SECRET: SECRET } });
        lines = [];
        configureLogging('info', (line) => lines.push(line));
    });
    afterEach(async () => {
        configureLogging('silent', (line) => process.stderr.write(line + '\n'));
        await running.close();
    });

    async function conversation(): Promise<DlConversation> {
        const res = await dl<DlConversation>(running.url, 'POST', '/conversations', SECRET, { locale: 'en-US' });
        assert.strictEqual(res.status, 201);
        return res.body;
    }

    it('Direct Line: an activity with deeply nested JSON is 400 with one log line and no stack trace, and the conversation goes on', async () => {
        const convo = await conversation();
        lines = [];
        const body = `{"type":"message","text":"hello","from":{"id":"x"},"value":${DEEP}}`;
        const res = await dl(running.url, 'POST', `/conversations/${convo.conversationId}/activities`, convo.token, body);
        assert.strictEqual(res.status, 400, JSON.stringify(res.body));
        assert.strictEqual((res.body as { error: { code: string } }).error.code, 'InvalidJson');
        assert.ok(lines.length <= 1, lines.join('\n'));
        assert.doesNotMatch(lines.join('\n'), STACK);
        const next = await dl(running.url, 'POST', `/conversations/${convo.conversationId}/activities`, convo.token, { type: 'message', text: 'hello', from: { id: 'x' } });
        assert.strictEqual(next.status, 200);
    });

    it('/api/messages: deeply nested channelData is 400 with no stack trace', async () => {
        const body = `{"type":"message","id":"1","text":"hi","channelId":"test","serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"c"},"from":{"id":"u"},"recipient":{"id":"b"},"channelData":{"x":${DEEP}}}`;
        const res = await fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
        assert.strictEqual(res.status, 400, await res.text());
        assert.doesNotMatch(lines.join('\n'), STACK);
    });

    it('/api/messages: an invoke with value null, or one the bot does not handle, is answered in the project’s JSON error shape', async () => {
        const base = { type: 'invoke', channelId: 'test', serviceUrl: 'http://127.0.0.1:9/', conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } };
        for (const [activity, status, code] of [
            [{ ...base, id: 'i1', name: 'adaptiveCard/action', value: null }, 400, 'BadRequest'],
            [{ ...base, id: 'i2', name: 'application/search', value: null }, 400, 'BadRequest'],
            [{ ...base, id: 'i3', name: 'no/such/invoke', value: null }, 501, 'NotImplemented']
        ] as const) {
            const res = await fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity) });
            const body = (await res.json().catch(() => undefined)) as { error?: { code?: unknown; message?: unknown } } | undefined;
            assert.strictEqual(res.status, status, activity.name);
            assert.deepStrictEqual(Object.keys(body ?? {}), ['error'], `${activity.name}: ${JSON.stringify(body)}`);
            assert.strictEqual(body?.error?.code, code);
            assert.strictEqual(typeof body?.error?.message, 'string');
        }
        assert.doesNotMatch(lines.join('\n'), STACK);
    });

    it('agent console: a malformed agent_session cookie is 401 (sign in), with no stack trace', async () => {
        for (const cookie of ['agent_session=%E0%A4%A', 'agent_session=%', 'agent_session=%zz; other=1']) {
            const res = await fetch(`${running.url}/agent/api/session`, { headers: { Cookie: cookie } });
            assert.strictEqual(res.status, 401, `${cookie}: ${await res.text()}`);
        }
        assert.ok(lines.length <= 3, lines.join('\n'));
        assert.doesNotMatch(lines.join('\n'), STACK);
    });
});

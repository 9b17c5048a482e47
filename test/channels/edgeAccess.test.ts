import * as assert from 'assert';
import * as os from 'os';
import { loadConfig } from '../../config';
import { configureLogging } from '../../core/logger';
import { dl, type DlConversation } from '../helpers/directLineHttp';
import { startRunningApp, type RunningApp } from '../helpers/runningApp';
import { messageActivity, replyTexts } from '../helpers/testApp';

/** An address of this machine that is not loopback (the container's own interface), if it has one. */
function outsideAddress(): string | undefined {
    return Object.values(os.networkInterfaces())
        .flat()
        .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal)?.address;
}

async function postMessage(url: string, conversationId: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
    const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(messageActivity(conversationId, 'Who is my billing contact?', 'en-US'))
    });
    return { status: res.status, text: await res.text() };
}

async function tokenStatuses(url: string, forwardedFor: (n: number) => string | undefined, count: number): Promise<number[]> {
    const statuses: number[] = [];
    for (let n = 0; n < count; n++) {
        const ip = forwardedFor(n);
        const res = await fetch(`${url}/api/webchat/token`, { method: 'POST', headers: ip ? { 'X-Forwarded-For': ip } : {} });
        await res.text();
        statuses.push(res.status);
    }
    return statuses;
}

describe('who may reach the bot (issue 11, items 5 and 13)', () => {
    let running: RunningApp | undefined;
    afterEach(async () => {
        configureLogging('silent', (line) => process.stderr.write(line + '\n'));
        await running?.close();
        running = undefined;
    });

    it('local mode listens on 127.0.0.1 unless HOST says otherwise; with app credentials on every interface', () => {
        assert.strictEqual(loadConfig({}).host, '127.0.0.1');
        assert.strictEqual(loadConfig({ HOST: '0.0.0.0' }).host, '0.0.0.0');
        assert.strictEqual(loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'p' }).host, '0.0.0.0');
        assert.throws(() => loadConfig({ TRUST_PROXY: 'everyone' }), /TRUST_PROXY/);
        assert.throws(() => loadConfig({ LOCAL_MODE_ALLOW_REMOTE: 'maybe' }), /LOCAL_MODE_ALLOW_REMOTE/);
    });

    it('local mode: /api/messages answers a caller on this machine, and 403 to one from another address', async function () {
        const outside = outsideAddress();
        if (!outside) {
            this.skip();
        }
        running = await startRunningApp({ env: { HOST: '0.0.0.0' } });
        const port = new URL(running.url).port;
        const local = await postMessage(`http://127.0.0.1:${port}`, 'edge-local');
        assert.strictEqual(local.status, 200, local.text);
        assert.match(replyTexts(JSON.parse(local.text)), /email/i);
        const remote = await postMessage(`http://${outside}:${port}`, 'edge-local');
        assert.strictEqual(remote.status, 403, remote.text);
        assert.strictEqual((JSON.parse(remote.text) as { error: { code: string } }).error.code, 'LocalModeLoopbackOnly');
        assert.doesNotMatch(remote.text, /email|billing contact/i);
    });

    it('local mode behind a trusted proxy: the forwarded client counts; LOCAL_MODE_ALLOW_REMOTE=true lets others in', async () => {
        running = await startRunningApp({ env: { TRUST_PROXY: 'loopback' } });
        assert.strictEqual((await postMessage(running.url, 'edge-proxy', { 'X-Forwarded-For': '203.0.113.9' })).status, 403);
        assert.strictEqual((await postMessage(running.url, 'edge-proxy', { 'X-Forwarded-For': '127.0.0.1' })).status, 200);
        await running.close();
        running = await startRunningApp({ env: { TRUST_PROXY: 'loopback', LOCAL_MODE_ALLOW_REMOTE: 'true' } });
        assert.strictEqual((await postMessage(running.url, 'edge-proxy', { 'X-Forwarded-For': '203.0.113.9' })).status, 200);
    });

    it('behind a trusted proxy (TRUST_PROXY=1) every visitor has their own new-chat limit; one visitor is still limited', async () => {
        running = await startRunningApp({ env: { TRUST_PROXY: '1' } });
        const visitors = await tokenStatuses(running.url, (n) => `198.51.100.${n + 1}`, 40);
        assert.deepStrictEqual([...new Set(visitors)], [200], `40 visitors behind the proxy: ${visitors.join(' ')}`);
        const one = await tokenStatuses(running.url, () => '203.0.113.50', 31);
        assert.strictEqual(one.filter((s) => s === 200).length, 30);
        assert.strictEqual(one[30], 429);
    });

    it('without TRUST_PROXY a made-up X-Forwarded-For does not escape the limit', async () => {
        running = await startRunningApp();
        const statuses = await tokenStatuses(running.url, (n) => `198.51.100.${n + 1}`, 31);
        assert.strictEqual(statuses[30], 429);
    });

    it('logs carry no conversation id in clear, only a pseudonym', async () => {
        running = await startRunningApp({ env: { DIRECTLINE_SECRET: 'test-directline-secret-0123456789abcdefghij' } });
        const lines: string[] = [];
        configureLogging('debug', (line) => lines.push(line));
        const convo = (await dl<DlConversation>(running.url, 'POST', '/conversations', 'test-directline-secret-0123456789abcdefghij', { locale: 'en-US' })).body;
        await dl(running.url, 'POST', `/conversations/${convo.conversationId}/activities`, convo.token, { type: 'message', text: 'hello', from: { id: 'x' } });
        await postMessage(running.url, 'edge-log-conversation-0001');
        const log = lines.join('\n');
        assert.match(log, /conversation started/);
        assert.ok(!log.includes(convo.conversationId), 'the Direct Line conversation id is in the log');
        assert.ok(!log.includes('edge-log-conversation-0001'), 'the /api/messages conversation id is in the log');
    });
});

import * as assert from 'assert';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';
import { spawn, type ChildProcess } from 'child_process';
import { WebSocket } from 'ws';
import { PROJECT_ROOT } from '../paths';
import { makeTempDir } from './helpers/tempDir';

type TempDir = ReturnType<typeof makeTempDir>;

const INDEX = path.join(PROJECT_ROOT, 'dist', 'index.js');

/** The bot started as `npm start` starts it, in a process of its own. */
interface Started {
    readonly child: ChildProcess;
    readonly url: string;
    readonly exited: Promise<number | null>;
    /** What it logged so far. */
    log(): string;
}

function freePort(): Promise<number> {
    return new Promise((resolve) => {
        const probe = net.createServer().listen(0, '127.0.0.1', () => {
            const { port } = probe.address() as net.AddressInfo;
            probe.close(() => resolve(port));
        });
    });
}

async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!(await condition())) {
        if (Date.now() > end) {
            throw new Error(`timed out waiting for ${what}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

async function startBot(dir: string, env: Record<string, string>): Promise<Started> {
    const port = await freePort();
    const child = spawn(process.execPath, ['--disable-warning=DEP0111', INDEX], {
        env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DB_PATH: path.join(dir, 'bot.sqlite'), LOG_LEVEL: 'info', ...env },
        stdio: ['ignore', 'pipe', 'pipe']
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.resume();
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const url = `http://127.0.0.1:${port}`;
    await until('the bot to listen', async () => (await fetch(`${url}/healthz`).catch(() => undefined))?.ok === true, 30_000);
    return { child, url, exited, log: () => stderr };
}

/** A Web Chat conversation over the bot's Direct Line: its id, token and stream address. */
async function startConversation(url: string): Promise<{ conversationId: string; token: string; streamUrl: string }> {
    const { token } = (await (await fetch(`${url}/api/webchat/token`, { method: 'POST' })).json()) as { token: string };
    const res = await fetch(`${url}/v3/directline/conversations`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ locale: 'en-US' }) });
    assert.strictEqual(res.status, 201);
    return (await res.json()) as { conversationId: string; token: string; streamUrl: string };
}

/**
 * A message post whose body is sent in two parts: the request is under way
 * (the server reads its body) until `finish` sends the rest.
 */
function slowPost(url: string, conversationId: string, token: string, text: string): { finish(): void; answer: Promise<{ status: number; body: string }> } {
    const body = JSON.stringify({ type: 'message', from: { id: 'dl_user' }, text });
    const split = Math.floor(body.length / 2);
    const req = http.request(`${url}/v3/directline/conversations/${conversationId}/activities`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }
    });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
        req.on('response', (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        });
        req.on('error', reject);
    });
    req.write(body.slice(0, split));
    return { finish: () => req.end(body.slice(split)), answer };
}

describe('graceful stop on SIGTERM for rolling deploys (index.ts, app.ts; issue 15)', () => {
    let temp: TempDir;
    let bot: Started | undefined;
    beforeEach(() => (temp = makeTempDir()));
    afterEach(() => {
        if (bot && bot.child.exitCode === null) {
            bot.child.kill('SIGKILL');
        }
        bot = undefined;
        temp.cleanup();
    });

    it('refuses new connections, finishes the request under way, tells Web Chat to reconnect, and exits 0 in time', async function () {
        this.timeout(90_000);
        bot = await startBot(temp.dir, { SHUTDOWN_TIMEOUT_MS: '8000' });
        const conversation = await startConversation(bot.url);
        const socket = new WebSocket(conversation.streamUrl);
        await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
        const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
        const post = slowPost(bot.url, conversation.conversationId, conversation.token, 'Who is my billing contact?');
        // The server has the request's headers and waits for its body.
        await new Promise((resolve) => setTimeout(resolve, 300));

        const signalled = Date.now();
        bot.child.kill('SIGTERM');
        const { code, reason } = await closed;
        assert.strictEqual(code, 1001, `close code ${code} (${reason}): Web Chat reconnects after 1001 "going away"`);
        await until('the stop to begin', () => bot!.log().includes('stopping: no new connections'), 5000);
        await assert.rejects(fetch(`${bot.url}/healthz`), 'a new connection during the stop is refused');
        assert.strictEqual(bot.child.exitCode, null, 'the bot waits for the request under way');

        post.finish();
        const answer = await post.answer;
        assert.strictEqual(answer.status, 200, answer.body);
        assert.match(answer.body, /"id"/);
        const exitCode = await bot.exited;
        const took = Date.now() - signalled;
        assert.strictEqual(exitCode, 0, bot.log());
        // Well within the timeout, and not held by idle keep-alive connections (Node keeps them 5 s).
        assert.ok(took < 3000, `stopped after ${took} ms`);
        for (const step of ['shutting down', 'stopping: requests answered', 'stopping: turns finished', 'stopping: closing the database', 'bot stopped']) {
            assert.ok(bot.log().includes(step), `the log names the step "${step}"`);
        }
    });

    it('exits anyway (code 1) when a request is still not done after SHUTDOWN_TIMEOUT_MS', async function () {
        this.timeout(90_000);
        bot = await startBot(temp.dir, { SHUTDOWN_TIMEOUT_MS: '1500' });
        const conversation = await startConversation(bot.url);
        const stuck = slowPost(bot.url, conversation.conversationId, conversation.token, 'hello');
        stuck.answer.catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 300));
        const signalled = Date.now();
        bot.child.kill('SIGTERM');
        const exitCode = await bot.exited;
        const took = Date.now() - signalled;
        assert.strictEqual(exitCode, 1);
        assert.ok(took >= 1400 && took < 5000, `exited after ${took} ms`);
        assert.match(bot.log(), /shutdown took longer than SHUTDOWN_TIMEOUT_MS/);
    });
});

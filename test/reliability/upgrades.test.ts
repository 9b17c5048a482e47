import * as assert from 'assert';
import * as fs from 'fs';
import * as net from 'net';
import { BotUnderTest, figure } from './support';

/** What a raw upgrade request got: the status line's code (0 = no answer) and whether the server closed the socket. */
interface RawAnswer {
    readonly status: number;
    readonly closedByServer: boolean;
}

const WEBSOCKET_HEADERS = 'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n';

/**
 * Sends `GET <target>` with WebSocket upgrade headers on a fresh TCP
 * connection to 127.0.0.1 and waits up to `waitMs` for the answer.
 * `leave` = the client sends and closes its side at once, without reading.
 */
function rawUpgrade(baseUrl: string, target: string, options: { waitMs?: number; leave?: boolean } = {}): Promise<RawAnswer> {
    const { port } = new URL(baseUrl);
    return new Promise((resolve) => {
        const socket = net.connect(Number(port), '127.0.0.1');
        let data = '';
        let done = false;
        const finish = (closedByServer: boolean): void => {
            if (done) {
                return;
            }
            done = true;
            clearTimeout(timer);
            socket.destroy();
            resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0), closedByServer });
        };
        const timer = setTimeout(() => finish(false), options.waitMs ?? 3_000);
        socket.on('connect', () => {
            socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${WEBSOCKET_HEADERS}\r\n`);
            if (options.leave) {
                socket.end();
                finish(false);
            }
        });
        socket.on('data', (chunk: Buffer) => (data += chunk.toString('latin1')));
        socket.on('end', () => finish(true));
        socket.on('close', () => finish(true));
        socket.on('error', () => finish(false));
    });
}

function openFds(pid: number): number {
    return fs.readdirSync(`/proc/${pid}/fd`).length;
}

async function healthLatencyMs(baseUrl: string): Promise<{ status: number; ms: number }> {
    const started = process.hrtime.bigint();
    const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(10_000) });
    await res.text();
    return { status: res.status, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

/** Polls `check` every 200 ms until it holds or `timeoutMs` passes; returns whether it held. */
async function eventually(check: () => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
        if (Date.now() > deadline) {
            return false;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return true;
}

const MALFORMED_TARGETS = ['/v3/directline/conversations/%E0%A4%A/stream', '//[', '/v3/directline/conversations/%/stream?t=%', '*', 'http://[/x'];

describe('reliability: upgrade requests (issue 11, items 1 and 2)', () => {
    for (const mode of ['local mode', 'with MicrosoftAppId'] as const) {
        it(`${mode}: malformed upgrade targets are answered 400 and the server lives on`, async () => {
            const env: Record<string, string> = mode === 'local mode' ? {} : { MicrosoftAppId: '00000000-0000-4000-8000-000000000001', MicrosoftAppPassword: 'not-used-in-this-test' };
            const bot = new BotUnderTest(5, { LOG_LEVEL: 'warn', ...env });
            await bot.start();
            try {
                const answers: string[] = [];
                for (const target of MALFORMED_TARGETS) {
                    const answer = await rawUpgrade(bot.url(), target);
                    answers.push(`${target} → ${answer.status}`);
                }
                figure('answers', answers.join(', '));
                assert.ok(bot.server.running, 'the server process is still running');
                assert.deepStrictEqual(answers, MALFORMED_TARGETS.map((target) => `${target} → 400`));
                assert.strictEqual((await healthLatencyMs(bot.url())).status, 200);
                assert.doesNotMatch(bot.log(), /uncaught|unhandled|URIError|TypeError/i);
            } finally {
                await bot.stop();
            }
        });
    }

    it('1,100 upgrade requests to paths nobody serves: each answered 404 and closed; file descriptors return to the baseline', async () => {
        const bot = new BotUnderTest(5, { LOG_LEVEL: 'warn' });
        await bot.start();
        try {
            const pid = bot.server.pid;
            await healthLatencyMs(bot.url());
            const baseline = openFds(pid);
            const statuses = new Map<number, number>();
            let closedByServer = 0;
            let next = 0;
            const total = 1_100;
            await Promise.all(
                Array.from({ length: 50 }, async () => {
                    while (next < total) {
                        const n = next++;
                        // Every third client sends and walks away without reading, as in the report.
                        const answer = await rawUpgrade(bot.url(), n % 2 === 0 ? `/socket.io/?n=${n}` : `/v3/directline/elsewhere/${n}`, { leave: n % 3 === 0 });
                        if (n % 3 !== 0) {
                            statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
                            closedByServer += answer.closedByServer ? 1 : 0;
                        }
                    }
                })
            );
            const settled = await eventually(() => openFds(pid) <= baseline + 10, 20_000);
            const after = openFds(pid);
            const health = await healthLatencyMs(bot.url());
            figure('answers of the clients that waited', [...statuses].map(([s, c]) => `${s}×${c}`).join(' '), 'all 404');
            figure('closed by the server', closedByServer);
            figure('open file descriptors: baseline → after', `${baseline} → ${after}`, `≤ baseline + 10`);
            figure('/healthz afterwards', `${health.status} in ${health.ms.toFixed(1)} ms`);
            const waited = [...statuses.values()].reduce((a, b) => a + b, 0);
            assert.deepStrictEqual([...statuses.keys()], [404]);
            assert.strictEqual(closedByServer, waited);
            assert.ok(settled, `file descriptors stayed at ${after} (baseline ${baseline})`);
            assert.strictEqual(health.status, 200);
            assert.ok(health.ms < 2_000, `/healthz took ${health.ms} ms`);
        } finally {
            await bot.stop();
        }
    });

    it('a connection that sends nothing is closed by the server within 45 s', async () => {
        const bot = new BotUnderTest(5, { LOG_LEVEL: 'warn' });
        await bot.start();
        try {
            const { port } = new URL(bot.url());
            const sockets = Array.from({ length: 20 }, () => net.connect(Number(port), '127.0.0.1'));
            const closed = new Set<net.Socket>();
            for (const socket of sockets) {
                socket.on('error', () => undefined);
                socket.on('close', () => closed.add(socket));
            }
            const allClosed = await eventually(() => closed.size === sockets.length, 45_000);
            sockets.forEach((s) => s.destroy());
            figure('idle connections closed by the server', `${closed.size} of ${sockets.length}`);
            assert.ok(allClosed, `${sockets.length - closed.size} idle connections were still open after 45 s`);
        } finally {
            await bot.stop();
        }
    });
});

import * as http from 'http';

/** A response as the load generator sees it. */
export interface HttpResult {
    readonly status: number;
    readonly text: string;
}

/** What to send; `body` is sent as is (a string or bytes), with the given headers. */
export interface HttpRequest {
    readonly method: string;
    readonly url: string;
    readonly headers?: Readonly<Record<string, string>>;
    readonly body?: string | Buffer;
    /** Give up after this many milliseconds (default 30 s). */
    readonly timeoutMs?: number;
}

/**
 * One HTTP request over a keep-alive agent, answered with its status and body
 * text. Network errors reject; every HTTP status resolves.
 */
export function httpRequest(agent: http.Agent, request: HttpRequest): Promise<HttpResult> {
    return new Promise((resolve, reject) => {
        const url = new URL(request.url);
        const body = request.body === undefined ? undefined : Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body, 'utf8');
        const req = http.request(
            {
                agent,
                method: request.method,
                hostname: url.hostname,
                port: url.port,
                path: url.pathname + url.search,
                headers: { ...(body ? { 'content-length': String(body.length) } : {}), ...request.headers },
                timeout: request.timeoutMs ?? 30_000
            },
            (res) => {
                const chunks: Buffer[] = [];
                res.on('data', (chunk: Buffer) => chunks.push(chunk));
                res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
                res.on('error', reject);
            }
        );
        req.on('timeout', () => req.destroy(new Error(`${request.method} ${url.pathname}: no answer within ${request.timeoutMs ?? 30_000} ms`)));
        req.on('error', reject);
        req.end(body);
    });
}

/** A keep-alive agent for `sockets` parallel requests. */
export function keepAliveAgent(sockets: number): http.Agent {
    return new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
}

/** Polls `GET url` until it answers 200; resolves with the milliseconds it took. */
export async function waitForOk(url: string, timeoutMs: number, stillAlive: () => boolean = () => true): Promise<number> {
    const started = process.hrtime.bigint();
    const agent = new http.Agent({ keepAlive: false });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        try {
            const res = await httpRequest(agent, { method: 'GET', url, timeoutMs: 1000 });
            if (res.status === 200) {
                return Number(process.hrtime.bigint() - started) / 1e6;
            }
        } catch {
            // not listening yet
        }
        if (!stillAlive()) {
            throw new Error(`waitForOk(): the process serving ${url} exited`);
        }
        if (Date.now() > deadline) {
            throw new Error(`waitForOk(): ${url} did not answer 200 within ${timeoutMs} ms`);
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
    }
}

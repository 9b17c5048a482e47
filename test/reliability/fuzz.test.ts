import * as assert from 'assert';
import { startApp } from '../../app';
import { loadConfig } from '../../config';
import { httpRequest, keepAliveAgent } from '../../bench/lib/http';
import { makeTempDir } from '../helpers/tempDir';
import { hostilePayload, Random } from './payloads';
import { BotUnderTest, figure, rssMiB } from './support';

const PAYLOADS = 5200;
const LEAK = /\bat [\w.<>[\]]+ \(|node_modules|\/work\/|\/tmp\/|\.[jt]s:\d+|SQLITE|TypeError|ReferenceError|RangeError|SyntaxError|Cannot read prop|is not a function|undefined is not|stack/i;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
/** POST routes that read no body (the help page's token route): any body is ignored, so 200 is right. */
const NO_BODY_ROUTES = new Set(['POST /api/webchat/token']);
/** Static files (scripts, styles) hold words like "stack" or "TypeError" by nature; they are not checked for leaks. */
const STATIC_ROUTE = /^GET \/(webchat\/|help\/|agent\/(console|desk\w+)\.|favicon)/;

interface RouteInfo {
    readonly method: string;
    readonly path: string;
}

/** Every route the server has, read from its restify router (routes other features add are included). */
async function routesOfTheServer(): Promise<RouteInfo[]> {
    const temp = makeTempDir();
    const config = loadConfig({ DB_PATH: `${temp.dir}/routes.sqlite`, LOG_LEVEL: 'silent', HOST: '127.0.0.1' });
    const app = await startApp({ ...config, port: 0 });
    try {
        const routes = (app.server.router as unknown as { getRoutes(): Record<string, RouteInfo> }).getRoutes();
        return Object.values(routes).map((r) => ({ method: r.method.toUpperCase(), path: String(r.path) }));
    } finally {
        await app.close();
        temp.cleanup();
    }
}

/** A concrete URL path for a route pattern: parameters get hostile values. */
function concretePath(pattern: string, rng: Random): string {
    return pattern.replace(/:[A-Za-z0-9_]+/g, () => encodeURIComponent(rng.pick(['x', '0', '-1', '..%2F..', 'a'.repeat(2000), '%00', "' OR 1=1 --", '{}'])));
}

describe('reliability 3: fuzzing every HTTP route', () => {
    it(`${PAYLOADS} malformed, truncated, wrongly typed or huge payloads: all 4xx, nothing internal, still healthy, memory bounded`, async () => {
        const routes = await routesOfTheServer();
        const bot = new BotUnderTest(10, { LOG_LEVEL: 'warn' });
        await bot.start();
        const agent = keepAliveAgent(16);
        const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
        const rng = new Random(seed);
        const problems: string[] = [];
        const statuses = new Map<number, number>();
        let sent = 0;
        let rssStart = 0;
        try {
            const send = async (n: number): Promise<void> => {
                const route = routes[n % routes.length];
                const name = `${route.method} ${route.path}`;
                const takesBody = BODY_METHODS.has(route.method) && !NO_BODY_ROUTES.has(name);
                const payload = hostilePayload(rng, Math.floor(n / routes.length), 1024 * 1024);
                const query = n % 7 === 0 ? `?${encodeURIComponent(rng.pick(['watermark', 'a', '__proto__']))}=${encodeURIComponent(rng.pick(['-1', 'x'.repeat(3000), '%zz', '[]']))}` : '';
                const res = await httpRequest(agent, { method: route.method, url: `${bot.url()}${concretePath(route.path, rng)}${query}`, headers: payload.headers, body: payload.body }).catch((err: Error) => ({ status: 0, text: err.message }));
                sent++;
                statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
                const where = `${route.method} ${route.path} [${payload.kind}] → ${res.status}`;
                if (res.status === 0 || res.status >= 500 || (takesBody && (res.status < 400 || res.status >= 500))) {
                    problems.push(`${where}: ${res.text.slice(0, 200)}`);
                } else if (!STATIC_ROUTE.test(name) && LEAK.test(res.text)) {
                    problems.push(`${where} leaks: ${res.text.slice(0, 200)}`);
                }
            };
            for (let n = 0; n < 200; n++) {
                await send(n);
            }
            rssStart = rssMiB(bot.server);
            let next = 200;
            await Promise.all(Array.from({ length: 16 }, async () => {
                while (next < PAYLOADS) {
                    await send(next++);
                }
            }));
            const health = await httpRequest(agent, { method: 'GET', url: `${bot.url()}/healthz` });
            const rssEnd = rssMiB(bot.server);
            figure('routes found on the router', routes.map((r) => `${r.method} ${r.path}`).join(', '));
            figure('payloads sent (seed)', `${sent} (FUZZ_SEED=${seed})`, `≥ 5000`);
            figure('answers by status', [...statuses].sort((a, b) => a[0] - b[0]).map(([s, c]) => `${s}×${c}`).join(' '));
            figure('5xx, non-4xx to a body route, or internals in a response', problems.length, '0');
            if (problems.length > 0) {
                const kinds = new Map<string, number>();
                for (const p of problems) {
                    const kind = /^[^:]*/.exec(p)?.[0] ?? p;
                    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
                }
                figure('problems by payload kind', [...kinds].map(([k, c]) => `${k} ×${c}`).join('; '));
            }
            figure('/healthz afterwards', health.status, '200');
            figure('RSS after the first 200 → after all', `${rssStart} → ${rssEnd} MiB`, 'growth ≤ 64 MiB');
            assert.deepStrictEqual(problems.slice(0, 10), []);
            assert.strictEqual(health.status, 200);
            assert.ok(rssEnd - rssStart <= 64, `RSS grew by ${rssEnd - rssStart} MiB`);
            assert.ok(sent >= 5000);
            assert.doesNotMatch(bot.log(), /uncaught|unhandled/i);
        } finally {
            agent.destroy();
            await bot.stop();
        }
    });
});

/**
 * `npm run bench:first-answer`: how long a customer on the help page waits
 * from the click on the chat launcher to the assistant's welcome, in headless
 * Chromium against the real server (its own process, fresh database), each run
 * in a new browser context (empty cache: a first visit). Also reports the
 * main thread's long tasks (over 50 ms) between the click and the welcome,
 * and those before the click (while the page loads and idles).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser, type BrowserContext, type CDPSession } from 'playwright-core';
import { numberOption, parseArgs } from '../cli/args';
import { PROJECT_ROOT } from '../paths';
import { ServerProcess } from './lib/serverProcess';

const USAGE = 'usage: npm run bench:first-answer -- [--runs 5] [--profile desktop|phone|slow-phone] [--read-ms 0] [--lang de|en] [--chromium /usr/bin/chromium]';

/** Viewport, CPU slow-down and network of one kind of customer. */
interface Profile {
    readonly viewport: { readonly width: number; readonly height: number };
    readonly mobile: boolean;
    /** Chromium's CPU throttling rate (1 = this machine). */
    readonly cpuSlowdown: number;
    /** Round trip, download and upload (bytes/s); undefined = loopback as it is. */
    readonly network?: { readonly latencyMs: number; readonly downBytesPerS: number; readonly upBytesPerS: number };
}

const PROFILES: Readonly<Record<string, Profile>> = {
    desktop: { viewport: { width: 1366, height: 768 }, mobile: false, cpuSlowdown: 1 },
    phone: { viewport: { width: 390, height: 844 }, mobile: true, cpuSlowdown: 4 },
    // Chromium DevTools' "Slow 4G" figures.
    'slow-phone': { viewport: { width: 390, height: 844 }, mobile: true, cpuSlowdown: 4, network: { latencyMs: 150, downBytesPerS: 1.6e6 / 8, upBytesPerS: 0.75e6 / 8 } }
};

/** One cold run. */
interface Run {
    /** Click → first welcome text in the transcript. */
    readonly welcomeMs: number;
    /** Click → the send box can take text. */
    readonly sendBoxMs: number;
    /** Longest main-thread task between the click and the welcome. */
    readonly longestTaskAtOpenMs: number;
    /** Longest main-thread task before the click. */
    readonly longestTaskBeforeMs: number;
    /** Bytes of the Web Chat bundle as they came over the wire. */
    readonly bundleBytes: number;
}

/** Installed before the page's own scripts: records long tasks and the moment the welcome shows. */
const PROBE = (welcomeStart: string): string => `
window.__bench = { longTasks: [], welcomeAt: null, sendBoxAt: null };
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (e) { window.__bench.longTasks.push({ start: e.startTime, duration: e.duration }); });
}).observe({ type: 'longtask', buffered: true });
new MutationObserver(function () {
  var b = window.__bench;
  var host = document.getElementById('webchat');
  if (b.welcomeAt === null && host && host.textContent.indexOf(${JSON.stringify(welcomeStart)}) >= 0) { b.welcomeAt = performance.now(); }
  if (b.sendBoxAt === null && document.querySelector('#webchat input[type=text], #webchat textarea')) { b.sendBoxAt = performance.now(); }
}).observe(document, { childList: true, subtree: true, characterData: true });
`;

function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function throttle(context: BrowserContext, session: CDPSession, profile: Profile): Promise<void> {
    void context;
    if (profile.cpuSlowdown > 1) {
        await session.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
    }
    if (profile.network) {
        await session.send('Network.enable');
        await session.send('Network.emulateNetworkConditions', {
            offline: false,
            latency: profile.network.latencyMs,
            downloadThroughput: profile.network.downBytesPerS,
            uploadThroughput: profile.network.upBytesPerS
        });
    }
}

async function oneRun(browser: Browser, url: string, profile: Profile, readMs: number, welcomeStart: string, lang: string): Promise<Run> {
    const context = await browser.newContext({ viewport: profile.viewport, isMobile: profile.mobile, hasTouch: profile.mobile, locale: lang === 'de' ? 'de-DE' : 'en-US' });
    try {
        const page = await context.newPage();
        await page.addInitScript(PROBE(welcomeStart));
        const session = await context.newCDPSession(page);
        await throttle(context, session, profile);
        let bundleBytes = 0;
        page.on('response', (response) => {
            if (/\/webchat\//.test(response.url())) {
                void response.request().sizes().then((sizes) => (bundleBytes += sizes.responseBodySize));
            }
        });
        await page.goto(`${url}/?lang=${lang}`, { waitUntil: 'load' });
        if (readMs > 0) {
            await page.waitForTimeout(readMs);
        }
        const launcher = page.locator('#chat-launcher');
        await launcher.hover();
        const clickedAt = await page.evaluate<number>(
            "new Promise(function (resolve) { var l = document.getElementById('chat-launcher'); l.addEventListener('click', function () { resolve(performance.now()); }, { once: true }); l.click(); })"
        );
        // Polled from here: the page's CSP forbids the eval that waitForFunction needs.
        const deadline = Date.now() + 60_000;
        while (!(await page.evaluate<boolean>('window.__bench.welcomeAt !== null && window.__bench.sendBoxAt !== null'))) {
            if (Date.now() > deadline) {
                throw new Error('no welcome within 60 s of the click');
            }
            await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const bench = await page.evaluate<{ longTasks: { start: number; duration: number }[]; welcomeAt: number; sendBoxAt: number }>('window.__bench');
        const during = bench.longTasks.filter((task) => task.start + task.duration >= clickedAt && task.start <= bench.welcomeAt);
        const before = bench.longTasks.filter((task) => task.start + task.duration < clickedAt);
        return {
            welcomeMs: bench.welcomeAt - clickedAt,
            sendBoxMs: Math.max(0, bench.sendBoxAt - clickedAt),
            longestTaskAtOpenMs: Math.max(0, ...during.map((task) => task.duration)),
            longestTaskBeforeMs: Math.max(0, ...before.map((task) => task.duration)),
            bundleBytes
        };
    } finally {
        await context.close();
    }
}

async function main(): Promise<void> {
    const { options } = parseArgs(process.argv.slice(2), ['help']);
    const fail = (message: string): never => {
        process.stderr.write(`${message}\n${USAGE}\n`);
        process.exit(2);
    };
    if (options.help) {
        process.stdout.write(USAGE + '\n');
        return;
    }
    const runs = numberOption(options, 'runs', 5, 1, 100, fail);
    const readMs = numberOption(options, 'read-ms', 0, 0, 60_000, fail);
    const profileName = String(options.profile ?? 'desktop');
    const profile = PROFILES[profileName] ?? fail(`--profile must be one of ${Object.keys(PROFILES).join(', ')}`);
    const lang = String(options.lang ?? 'de');
    if (lang !== 'de' && lang !== 'en') {
        fail('--lang must be de or en');
    }
    const executablePath = String(options.chromium ?? '/usr/bin/chromium');
    const welcome = (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'locales', lang, 'main.json'), 'utf8')) as { welcome: string }).welcome;

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bca-first-answer-'));
    const server = await ServerProcess.start({
        name: 'ours',
        script: path.join(PROJECT_ROOT, 'dist', 'index.js'),
        env: { DB_PATH: path.join(dir, 'bot.sqlite'), LOG_LEVEL: 'warn' },
        logFile: path.join(dir, 'server.log')
    });
    const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    try {
        // One warm-up visit so the server has read its assets: customers do not meet a server that just started.
        await oneRun(browser, server.url, PROFILES.desktop, 0, welcome.slice(0, 30), lang);
        const results: Run[] = [];
        for (let i = 0; i < runs; i++) {
            const run = await oneRun(browser, server.url, profile, readMs, welcome.slice(0, 30), lang);
            results.push(run);
            process.stdout.write(
                `run ${i + 1}: welcome ${run.welcomeMs.toFixed(0)} ms, send box ${run.sendBoxMs.toFixed(0)} ms, longest task at open ${run.longestTaskAtOpenMs.toFixed(0)} ms, before the click ${run.longestTaskBeforeMs.toFixed(0)} ms, Web Chat ${(run.bundleBytes / 1024).toFixed(0)} KiB on the wire\n`
            );
        }
        process.stdout.write(
            `${profileName} ${profile.viewport.width}x${profile.viewport.height}, CPU ÷${profile.cpuSlowdown}${profile.network ? `, ${profile.network.latencyMs} ms RTT, ${((profile.network.downBytesPerS * 8) / 1e6).toFixed(1)} Mbit/s` : ', loopback'}, click ${readMs} ms after load, ${runs} cold runs: ` +
                `median click → welcome ${median(results.map((r) => r.welcomeMs)).toFixed(0)} ms (min ${Math.min(...results.map((r) => r.welcomeMs)).toFixed(0)}, max ${Math.max(...results.map((r) => r.welcomeMs)).toFixed(0)}), ` +
                `longest main-thread task at open: median ${median(results.map((r) => r.longestTaskAtOpenMs)).toFixed(0)} ms, max ${Math.max(...results.map((r) => r.longestTaskAtOpenMs)).toFixed(0)} ms\n`
        );
    } finally {
        await browser.close();
        await server.stop();
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
});

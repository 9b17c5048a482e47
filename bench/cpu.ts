/**
 * `npm run bench:cpu`: CPU milliseconds per turn of one server under the
 * benchmark's load, read from /proc for the measured seconds only (warm-up
 * excluded), so a change to the bot can be judged by its cost rather than by
 * turns/s, which the load generator on the same cores also moves.
 */
import { execFileSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { numberOption, parseArgs } from '../cli/args';
import { PROJECT_ROOT } from '../paths';
import { BlockSampler } from './lib/blockSampler';
import { DirectLineDriver } from './lib/directLineDriver';
import type { Driver } from './lib/driver';
import { runLoad } from './lib/loadGenerator';
import { MessagesDriver } from './lib/messagesDriver';
import { OutboxCodeReader } from './lib/outboxCodes';
import { writeDirectory } from './lib/people';
import { BillingScenario, EchoScenario, WaterfallScenario } from './lib/scenario';
import { heapSummary, readHeapRecord } from './lib/heapSampler';
import { ServerProcess } from './lib/serverProcess';
import { round, summarize } from './lib/stats';

const USAGE = `usage: npm run bench:cpu -- [--target ours|echo|waterfall] [--door messages|directline] [--duration 15] [--warmup 3] [--concurrency 16] [--runs 1] [--pin] [--heap] [--cpu-prof DIR] [--blocks [--perf-script FILE] [--without-perf]]`;

const DIST = path.join(PROJECT_ROOT, 'dist');

interface Settings {
    readonly target: 'ours' | 'echo' | 'waterfall';
    readonly door: 'messages' | 'directline';
    readonly durationS: number;
    readonly warmupS: number;
    readonly concurrency: number;
    readonly runs: number;
    /** Load generator on CPU 0, server on CPU 1 (taskset), so they do not take turns on the same core. */
    readonly pin: boolean;
    readonly cpuProfDir?: string;
    /** Record the server's heap (live after major GCs, old/new space, large objects) and print it: see bench/lib/heapSampler.ts. */
    readonly heap: boolean;
    /** Sample the server on all threads (perf) over the measured seconds and print the CPU per turn by block. */
    readonly blocks: boolean;
    /** Where to keep the `perf script` text of the last run (for a new test sample or a closer look). */
    readonly perfScript?: string;
    /** The blocks from the fallback (per thread, main thread by CPU profile) even where perf works. */
    readonly withoutPerf: boolean;
}

function settingsFrom(argv: string[]): Settings {
    const { options } = parseArgs(argv, ['help', 'pin', 'heap', 'blocks', 'without-perf']);
    const fail = (message: string): never => {
        process.stderr.write(`${message}\n${USAGE}\n`);
        process.exit(2);
    };
    if (options.help) {
        process.stdout.write(USAGE + '\n');
        process.exit(0);
    }
    const num = (name: string, fallback: number, min: number, max: number): number => numberOption(options, name, fallback, min, max, fail);
    const target = options.target ?? 'ours';
    const door = options.door ?? 'messages';
    if (target !== 'ours' && target !== 'echo' && target !== 'waterfall') {
        return fail('--target must be ours, echo or waterfall');
    }
    if (door !== 'messages' && door !== 'directline') {
        return fail('--door must be messages or directline');
    }
    if (target !== 'ours' && door === 'directline') {
        return fail(`the ${target} bot has no Direct Line endpoint`);
    }
    const cpuProf = options['cpu-prof'];
    const perfScript = options['perf-script'];
    if ((perfScript !== undefined || options['without-perf'] !== undefined) && options.blocks !== true) {
        return fail('--perf-script and --without-perf need --blocks');
    }
    return {
        target,
        door,
        durationS: num('duration', 15, 1, 3600),
        warmupS: num('warmup', 3, 0, 600),
        concurrency: num('concurrency', 16, 1, 1000),
        runs: num('runs', 1, 1, 20),
        pin: options.pin === true,
        heap: options.heap === true,
        cpuProfDir: typeof cpuProf === 'string' ? path.resolve(cpuProf) : undefined,
        blocks: options.blocks === true,
        perfScript: typeof perfScript === 'string' ? path.resolve(perfScript) : undefined,
        withoutPerf: options['without-perf'] === true
    };
}

async function main(): Promise<void> {
    const settings = settingsFrom(process.argv.slice(2));
    const results: number[] = [];
    for (let run = 1; run <= settings.runs; run++) {
        const cpuMsPerTurn = await measure(settings);
        results.push(cpuMsPerTurn);
    }
    if (settings.runs > 1) {
        const sorted = [...results].sort((a, b) => a - b);
        process.stdout.write(`median of ${settings.runs} runs: ${sorted[Math.floor(sorted.length / 2)]} ms CPU per turn\n`);
    }
}

/** One run on a fresh server and database; prints and returns the CPU milliseconds per turn. */
async function measure(settings: Settings): Promise<number> {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cpu-'));
    const directory = path.join(work, 'directory.json');
    const askers = writeDirectory(directory, 1500);
    const dbPath = path.join(work, 'bot.sqlite');
    const secret = crypto.randomBytes(32).toString('base64url');
    const heapFile = path.join(work, 'heap.json');
    const sampler = settings.blocks
        ? new BlockSampler({
              workDir: work,
              own: { distDir: fs.realpathSync(DIST) },
              perfCpus: settings.pin ? '0' : undefined,
              perfScriptFile: settings.perfScript,
              cpuProfDir: settings.cpuProfDir,
              withoutPerf: settings.withoutPerf
          })
        : undefined;
    const server = await ServerProcess.start({
        name: settings.target,
        script: path.join(DIST, { ours: 'index.js', echo: 'bench/echoBot.js', waterfall: 'bench/waterfallBot.js' }[settings.target]),
        logFile: path.join(work, 'server.log'),
        env: { DB_PATH: dbPath, DEMO_DATA_PATH: directory, LOG_LEVEL: 'info', MicrosoftAppId: '', SMTP_URL: '', DIRECTLINE_SECRET: secret, ...(settings.heap ? { BENCH_HEAP_FILE: heapFile } : {}) },
        nodeArgs: [
            ...(settings.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${settings.cpuProfDir}`] : []),
            ...(sampler?.nodeArgs ?? []),
            ...(settings.heap ? ['--require', path.join(DIST, 'bench/lib/heapSampler.js')] : [])
        ]
    });
    if (settings.pin) {
        execFileSync('taskset', ['-a', '-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
        execFileSync('taskset', ['-a', '-p', '-c', '1', String(server.pid)], { stdio: 'ignore' });
    }
    const driver: Driver =
        settings.door === 'directline'
            ? new DirectLineDriver({ baseUrl: server.url, secret, sockets: settings.concurrency })
            : new MessagesDriver({ baseUrl: server.url, sockets: settings.concurrency });
    const codes = settings.target === 'ours' ? await OutboxCodeReader.open(dbPath) : undefined;
    let cpuPerTurn: number | undefined;
    const scenario = { ours: () => new BillingScenario(askers), echo: () => new EchoScenario(askers), waterfall: () => new WaterfallScenario(askers) }[settings.target]();
    try {
        const common = { driver, scenario, concurrency: settings.concurrency, warmupMs: 0, codes };
        await runLoad({ ...common, durationMs: settings.warmupS * 1000 });
        await sampler?.start(server.pid);
        const cpuBefore = server.cpuMs();
        const result = await runLoad({ ...common, durationMs: settings.durationS * 1000 });
        const cpuMs = server.cpuMs() - cpuBefore;
        const latency = summarize(result.latencies);
        const cpuMsPerTurn = Math.round((cpuMs / Math.max(result.turns, 1)) * 1000) / 1000;
        process.stdout.write(
            `${settings.target} via ${settings.door}: ${cpuMsPerTurn} ms CPU per turn, ${round(result.turns / (result.durationMs / 1000))} turns/s, ` +
                `p50 ${round(latency.p50)} ms, p99 ${round(latency.p99)} ms, peak RSS ${round(server.rss().peak / 2 ** 20)} MiB, ${result.turns} turns, ${result.errors} errors` +
                `${result.errorSamples.length ? ` (${result.errorSamples[0]})` : ''}\n` +
                `  by turn of the conversation, p50/p99 ms: ${result.latenciesByStep.map((ms, i) => `${i + 1}: ${round(summarize(ms).p50)}/${round(summarize(ms).p99)}`).join(', ')}\n`
        );
        await sampler?.stop();
        cpuPerTurn = cpuMsPerTurn;
        return cpuMsPerTurn;
    } finally {
        driver.close();
        await codes?.close();
        await server.stop();
        if (sampler && cpuPerTurn !== undefined) {
            process.stdout.write(sampler.report(cpuPerTurn));
        }
        sampler?.dispose();
        const heap = settings.heap ? readHeapRecord(heapFile) : undefined;
        if (heap) {
            process.stdout.write(heapSummary(heap));
        }
        fs.rmSync(work, { recursive: true, force: true });
    }
}

main().catch((err: unknown) => {
    process.stderr.write(`bench:cpu: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
});

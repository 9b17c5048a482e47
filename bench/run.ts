/**
 * `npm run bench`: our bot next to the plain Bot Framework echo bot, a
 * core-bot-style waterfall bot (the fair baseline) and the bare HTTP floor, on
 * this machine, in one run. See the README's "Benchmark".
 */
// Before the SDK loads, as in the server (index.ts).
import '../nativeAsyncAtEntry';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { numberOption, parseArgs } from '../cli/args';
import { loadConfig } from '../config';
import { startApp } from '../app';
import { PROJECT_ROOT } from '../paths';
import * as crypto from 'crypto';
import { DirectLineDriver } from './lib/directLineDriver';
import type { Driver } from './lib/driver';
import { MessagesDriver } from './lib/messagesDriver';
import { runLoad, type LoadResult } from './lib/loadGenerator';
import { OutboxCodeReader } from './lib/outboxCodes';
import { writeDirectory } from './lib/people';
import { BillingScenario, EchoScenario, MixedScenario, ReturningScenario, WaterfallScenario, type Scenario } from './lib/scenario';
import { seedConversations } from './lib/seed';
import { ServerProcess, type ServerSpec } from './lib/serverProcess';
import { StorageProbe } from './lib/storageProbe';
import { CpuWindow } from './lib/cpuWindow';
import { round } from './lib/stats';
import { endProgress, formatReport, machineInfo, mib, postgresFigures, postgresTargets, progressPrinter, targetFigures, type BenchResult, type PostgresFigures, type TargetFigures } from './lib/report';
import { benchDatabaseUrl, createBenchDatabase, runPostgresLoad, withoutPassword } from './lib/postgresBench';

const USAGE = `usage: npm run bench -- [--duration 20] [--warmup 3] [--concurrency 16] [--stored 10000] [--out file.json]`;

interface Settings {
    readonly durationS: number;
    readonly warmupS: number;
    readonly concurrency: number;
    readonly stored: number;
    readonly out?: string;
}

const DIST = path.join(PROJECT_ROOT, 'dist');

type Target = 'floor' | 'echo' | 'waterfall' | 'ours';
const RESULTS = path.join(PROJECT_ROOT, 'bench', 'results');
/** The Direct Line row is measured for at most this long, to keep the whole run within two minutes. */
const DIRECT_LINE_MAX_S = 12;
/** Each PostgreSQL row (one instance, three instances) is measured for at most this long. */
const POSTGRES_MAX_S = 15;

function settingsFrom(argv: string[]): Settings {
    const { options } = parseArgs(argv, ['help']);
    if (options.help) {
        process.stdout.write(USAGE + '\n');
        process.exit(0);
    }
    const fail = (message: string): never => {
        process.stderr.write(`${message}\n${USAGE}\n`);
        process.exit(2);
    };
    const num = (name: string, fallback: number, min: number, max: number): number => numberOption(options, name, fallback, min, max, fail);
    return {
        durationS: num('duration', 20, 1, 3600),
        warmupS: num('warmup', 3, 0, 600),
        concurrency: num('concurrency', 16, 1, 1000),
        stored: num('stored', 10_000, 0, 1_000_000),
        out: typeof options.out === 'string' ? options.out : undefined
    };
}

async function main(): Promise<void> {
    const settings = settingsFrom(process.argv.slice(2));
    fs.mkdirSync(RESULTS, { recursive: true });
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const logFile = path.join(RESULTS, `servers-${stamp}.log`);
    const say = (text: string): void => void process.stderr.write(text + '\n');
    try {
        const directory = path.join(work, 'directory.json');
        const askers = writeDirectory(directory, 1500);
        const dbPath = path.join(work, 'bot.sqlite');
        const directLineSecret = crypto.randomBytes(32).toString('base64url');
        const specs: Record<Target, ServerSpec> = {
            floor: { name: 'http floor', script: path.join(DIST, 'bench', 'httpFloor.js'), logFile },
            echo: { name: 'echo bot', script: path.join(DIST, 'bench', 'echoBot.js'), logFile },
            waterfall: { name: 'waterfall bot', script: path.join(DIST, 'bench', 'waterfallBot.js'), logFile },
            ours: { name: 'ours', script: path.join(DIST, 'index.js'), logFile, env: { DB_PATH: dbPath, DEMO_DATA_PATH: directory, LOG_LEVEL: 'info', MicrosoftAppId: '', SMTP_URL: '', DIRECTLINE_SECRET: directLineSecret } }
        };

        say('cold starts …');
        const oursFirstStart = await coldStart(specs.ours, 1);
        const coldEcho = await coldStart(specs.echo, 3);
        const coldOurs = await coldStart(specs.ours, 3);

        const load = async (key: Target, scenario: Scenario, durationS: number, door: 'messages' | 'directline' = 'messages'): Promise<TargetFigures> => {
            const server = await ServerProcess.start(specs[key]);
            const driver: Driver =
                door === 'directline'
                    ? new DirectLineDriver({ baseUrl: server.url, secret: directLineSecret, sockets: settings.concurrency })
                    : new MessagesDriver({ baseUrl: server.url, sockets: settings.concurrency });
            const codes = key === 'ours' ? await OutboxCodeReader.open(dbPath) : undefined;
            const name = door === 'directline' ? `${specs[key].name}, Direct Line` : specs[key].name;
            const cpu = new CpuWindow(server, settings.warmupS * 1000);
            try {
                const result = await runLoad({
                    driver,
                    scenario,
                    concurrency: settings.concurrency,
                    durationMs: durationS * 1000,
                    warmupMs: settings.warmupS * 1000,
                    codes,
                    onProgress: progressPrinter(name, durationS)
                });
                endProgress();
                return report(name, result, server, cpu.msPerTurn(result.turns));
            } finally {
                driver.close();
                await codes?.close();
                await server.stop();
            }
        };

        say('load …');
        const floor = await load('floor', new EchoScenario(askers), Math.min(settings.durationS, 8));
        const echo = await load('echo', new EchoScenario(askers), settings.durationS);
        const waterfall = await load('waterfall', new WaterfallScenario(askers), settings.durationS);
        const ours = await load('ours', new BillingScenario(askers), settings.durationS);
        const oursDirectLine = await load('ours', new BillingScenario(askers.slice().reverse()), Math.min(settings.durationS, DIRECT_LINE_MAX_S), 'directline');

        say('PostgreSQL …');
        const postgres = await postgresPhase(specs.ours, askers, settings, ours, echo, say);

        say(`storing ${settings.stored} conversations …`);
        const seeded = await seedConversations(dbPath, 'webchat', settings.stored);
        const stored = await storedPhase(specs.ours, dbPath, new MixedScenario([new ReturningScenario(seeded), new BillingScenario(askers.slice().reverse())]), settings);

        say('state per turn (in-process) …');
        const storage = await measureStorage(dbPath, directory, askers.slice(askers.length / 2), settings.concurrency);

        const ratios = {
            turnsPerSecond: round(ours.turnsPerSecond / echo.turnsPerSecond),
            p99: round(ours.latencyMs.p99 / echo.latencyMs.p99),
            cpuPerTurn: round(ours.cpuMsPerTurn / echo.cpuMsPerTurn),
            waterfallTurnsPerSecond: round(ours.turnsPerSecond / waterfall.turnsPerSecond),
            waterfallP99: round(ours.latencyMs.p99 / waterfall.latencyMs.p99),
            waterfallCpuPerTurn: round(ours.cpuMsPerTurn / waterfall.cpuMsPerTurn),
            directLineTurnsPerSecond: round(oursDirectLine.turnsPerSecond / echo.turnsPerSecond),
            directLineP99: round(oursDirectLine.latencyMs.p99 / echo.latencyMs.p99)
        };
        const result: BenchResult = {
            date: new Date().toISOString(),
            machine: machineInfo(),
            settings: { concurrency: settings.concurrency, durationS: settings.durationS, warmupS: settings.warmupS, driver: 'POST /api/messages' },
            targets: { floor, echo, waterfall, ours, oursDirectLine },
            ratios,
            coldStartMs: { echo: coldEcho, oursFirstStart, ours: coldOurs, oursWith10k: stored.coldStartMs },
            stored: { conversations: stored.count, rssIdleMiB: stored.rssIdleMiB, rssAfterLoadMiB: stored.rssAfterLoadMiB, peakRssMiB: stored.peakRssMiB, load: stored.load },
            storage,
            postgres,
            verdicts: [
                { what: 'turns/s ours/echo (DESIGN.md)', value: `${ratios.turnsPerSecond}×`, bar: '≥ 0.8×', met: ratios.turnsPerSecond >= 0.8 },
                { what: 'turns/s ours/echo (issue 16)', value: `${ratios.turnsPerSecond}×`, bar: '≥ 0.4×', met: ratios.turnsPerSecond >= 0.4 },
                { what: `p99 ours/echo at ${settings.concurrency} connections (issue 16: at 50)`, value: `${ratios.p99}×`, bar: '≤ 2×', met: ratios.p99 <= 2 },
                { what: 'turns/s ours/waterfall', value: `${ratios.waterfallTurnsPerSecond}×`, bar: '≥ 0.75×', met: ratios.waterfallTurnsPerSecond >= 0.75 },
                { what: 'CPU per turn, ours', value: `${ours.cpuMsPerTurn} ms`, bar: '≤ 1.0 ms', met: ours.cpuMsPerTurn <= 1.0 },
                { what: 'peak RSS of ours under load', value: `${ours.peakRssMiB} MiB`, bar: '≤ 250 MB', met: ours.peakRssMiB * 2 ** 20 <= 250e6 },
                { what: `peak RSS with ${stored.count} stored conversations`, value: `${stored.peakRssMiB} MiB`, bar: '≤ 200 MB', met: stored.peakRssMiB * 2 ** 20 <= 200e6 },
                { what: 'errors in all load runs', value: String(errorsIn(echo, waterfall, ours, oursDirectLine, stored.load, ...postgresTargets(postgres))), bar: '0', met: errorsIn(echo, waterfall, ours, oursDirectLine, stored.load, ...postgresTargets(postgres)) === 0 }
            ]
        };
        const out = settings.out ?? path.join(RESULTS, `bench-${stamp}.json`);
        fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
        fs.writeFileSync(path.join(RESULTS, 'latest.json'), JSON.stringify(result, null, 2) + '\n');
        process.stdout.write('\n' + formatReport(result) + `\nresult: ${path.relative(process.cwd(), out)}\n`);
    } finally {
        fs.rmSync(work, { recursive: true, force: true });
    }
}

function errorsIn(...targets: TargetFigures[]): number {
    return targets.reduce((sum, t) => sum + t.errors, 0);
}

function report(name: string, result: LoadResult, server: ServerProcess, cpuMsPerTurn: number): TargetFigures {
    return targetFigures(name, result, server.rss().peak, cpuMsPerTurn);
}

/**
 * Ours on PostgreSQL: a new database on the server `BENCH_DATABASE_URL`
 * names, one instance, then three instances on it (each request to the next
 * instance in turn), the database dropped afterwards. Skipped, with the
 * reason printed, when PostgreSQL cannot be reached.
 */
async function postgresPhase(ours: ServerSpec, askers: ReturnType<typeof writeDirectory>, settings: Settings, sqlite: TargetFigures, echo: TargetFigures, say: (text: string) => void): Promise<PostgresFigures> {
    const outcome = await createBenchDatabase(benchDatabaseUrl());
    if ('skipped' in outcome) {
        say(`  PostgreSQL rows skipped: ${outcome.skipped}`);
        return { skipped: outcome.skipped };
    }
    const { database } = outcome;
    const { DB_PATH: _sqliteFile, ...env } = ours.env ?? {};
    const spec: ServerSpec = { ...ours, env };
    const secretKey = crypto.randomBytes(32).toString('hex');
    const durationS = Math.min(settings.durationS, POSTGRES_MAX_S);
    const row = async (instances: number, scenario: Scenario): Promise<TargetFigures> => {
        const name = `ours, PostgreSQL, ${instances} inst.`;
        const result = await runPostgresLoad({
            spec: { ...spec, name },
            database,
            secretKey,
            instances,
            scenario,
            concurrency: settings.concurrency,
            durationMs: durationS * 1000,
            warmupMs: settings.warmupS * 1000,
            onProgress: progressPrinter(name, durationS)
        });
        endProgress();
        return targetFigures(name, result.load, result.peakRssBytes, result.cpuMsPerTurn);
    };
    try {
        const one = await row(1, new BillingScenario(askers));
        const three = await row(3, new BillingScenario(askers.slice().reverse()));
        return postgresFigures(withoutPassword(database.url), one, three, sqlite, echo);
    } finally {
        await database.drop();
    }
}

/** Median of `runs` cold starts: spawn → /healthz 200, then a graceful stop. */
async function coldStart(spec: ServerSpec, runs: number): Promise<number> {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
        const server = await ServerProcess.start(spec);
        times.push(server.coldStartMs);
        await server.stop();
    }
    times.sort((a, b) => a - b);
    return Math.round(times[Math.floor(times.length / 2)]);
}

/** Starts our bot over the stored conversations, drives returning and new customers, reads its memory. */
async function storedPhase(spec: ServerSpec, dbPath: string, scenario: Scenario, settings: Settings) {
    const server = await ServerProcess.start(spec);
    const idle = server.rss();
    const driver = new MessagesDriver({ baseUrl: server.url, sockets: settings.concurrency });
    const codes = await OutboxCodeReader.open(dbPath);
    try {
        const durationS = Math.min(settings.durationS, 10);
        const cpu = new CpuWindow(server, 0);
        const result = await runLoad({ driver, scenario, concurrency: settings.concurrency, durationMs: durationS * 1000, warmupMs: 0, codes, onProgress: progressPrinter(`ours, stored conv.`, durationS) });
        endProgress();
        const after = server.rss();
        const count = await countStored(dbPath);
        return {
            coldStartMs: Math.round(server.coldStartMs),
            count,
            rssIdleMiB: mib(idle.current),
            rssAfterLoadMiB: mib(after.current),
            peakRssMiB: mib(after.peak),
            load: targetFigures('ours, 10k stored', result, after.peak, cpu.msPerTurn(result.turns))
        };
    } finally {
        driver.close();
        await codes.close();
        await server.stop();
    }
}

async function countStored(dbPath: string): Promise<number> {
    const { Database } = await import('../data/database');
    const { SqliteStorage } = await import('../data/sqliteStorage');
    const { systemClock } = await import('../core/clock');
    const db = await Database.open(dbPath);
    try {
        return await new SqliteStorage(db, systemClock).count();
    } finally {
        await db.close();
    }
}

/** Runs the bot in this process with a probe on its Storage and database, and drives a few conversations. */
async function measureStorage(dbPath: string, directory: string, askers: ReturnType<typeof writeDirectory>, concurrency: number) {
    const config = loadConfig({ DB_PATH: dbPath, DEMO_DATA_PATH: directory, LOG_LEVEL: 'warn', HOST: '127.0.0.1' });
    const app = await startApp({ ...config, port: 0 });
    const probe = new StorageProbe(app.runtime.storage, app.db);
    const driver = new MessagesDriver({ baseUrl: app.url, sockets: concurrency });
    const codes = await OutboxCodeReader.open(dbPath);
    try {
        const result = await runLoad({ driver, scenario: new BillingScenario(askers), concurrency: Math.min(concurrency, 4), durationMs: 4000, warmupMs: 0, codes });
        return probe.perTurn(result.turns);
    } finally {
        driver.close();
        await codes.close();
        await app.close();
    }
}

main().catch((err: unknown) => {
    process.stderr.write(`bench: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
});

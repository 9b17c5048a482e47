import * as os from 'os';
import { round, summarize, type LatencySummary } from './stats';
import type { LoadProgress, LoadResult } from './loadGenerator';
import type { StorageFigures } from './storageProbe';

/** The machine a run happened on. */
export interface MachineInfo {
    readonly cpu: string;
    readonly cores: number;
    readonly memoryGiB: number;
    readonly node: string;
    readonly os: string;
}

/** One target's figures. */
export interface TargetFigures {
    readonly name: string;
    /** Seconds measured. */
    readonly measuredS: number;
    readonly turnsPerSecond: number;
    readonly conversations: number;
    readonly turns: number;
    readonly errors: number;
    readonly errorSamples: readonly string[];
    readonly latencyMs: LatencySummary;
    readonly peakRssMiB: number;
    /** The server's CPU milliseconds (user + system, all threads) per measured turn. */
    readonly cpuMsPerTurn: number;
}

/**
 * Ours on PostgreSQL through `POST /api/messages`: one instance, and three
 * instances on the same database with the requests spread round-robin; or
 * why those rows were skipped.
 */
export type PostgresFigures =
    | { readonly skipped: string }
    | {
          /** The database's URL, password hidden (created and dropped by the run). */
          readonly database: string;
          readonly one: TargetFigures;
          readonly three: TargetFigures;
          readonly ratios: {
              /** One instance on PostgreSQL against ours on SQLite. */
              readonly oneToSqliteTurnsPerSecond: number;
              readonly oneToSqliteP99: number;
              /** Three instances against one, both on PostgreSQL. */
              readonly threeToOneTurnsPerSecond: number;
              readonly threeToOneP99: number;
              readonly oneToEchoTurnsPerSecond: number;
              readonly oneToEchoP99: number;
              readonly threeToEchoTurnsPerSecond: number;
              readonly threeToEchoP99: number;
          };
      };

/** The figures of the PostgreSQL rows against ours on SQLite and the echo bot. */
export function postgresFigures(database: string, one: TargetFigures, three: TargetFigures, sqlite: TargetFigures, echo: TargetFigures): PostgresFigures {
    const ratio = (a: number, b: number): number => round(a / b);
    return {
        database,
        one,
        three,
        ratios: {
            oneToSqliteTurnsPerSecond: ratio(one.turnsPerSecond, sqlite.turnsPerSecond),
            oneToSqliteP99: ratio(one.latencyMs.p99, sqlite.latencyMs.p99),
            threeToOneTurnsPerSecond: ratio(three.turnsPerSecond, one.turnsPerSecond),
            threeToOneP99: ratio(three.latencyMs.p99, one.latencyMs.p99),
            oneToEchoTurnsPerSecond: ratio(one.turnsPerSecond, echo.turnsPerSecond),
            oneToEchoP99: ratio(one.latencyMs.p99, echo.latencyMs.p99),
            threeToEchoTurnsPerSecond: ratio(three.turnsPerSecond, echo.turnsPerSecond),
            threeToEchoP99: ratio(three.latencyMs.p99, echo.latencyMs.p99)
        }
    };
}

/** The PostgreSQL rows' figures, none when they were skipped. */
export function postgresTargets(p: PostgresFigures): TargetFigures[] {
    return 'skipped' in p ? [] : [p.one, p.three];
}

/** Everything `npm run bench` measured. */
export interface BenchResult {
    readonly date: string;
    readonly machine: MachineInfo;
    readonly settings: { readonly concurrency: number; readonly durationS: number; readonly warmupS: number; readonly driver: string };
    /** `ours` through `POST /api/messages`, `oursDirectLine` the same bot through its Direct Line endpoint. */
    readonly targets: Readonly<Record<'floor' | 'echo' | 'waterfall' | 'ours' | 'oursDirectLine', TargetFigures>>;
    readonly ratios: {
        readonly turnsPerSecond: number;
        readonly p99: number;
        readonly cpuPerTurn: number;
        readonly waterfallTurnsPerSecond: number;
        readonly waterfallP99: number;
        readonly waterfallCpuPerTurn: number;
        readonly directLineTurnsPerSecond: number;
        readonly directLineP99: number;
    };
    readonly coldStartMs: { readonly echo: number; readonly oursFirstStart: number; readonly ours: number; readonly oursWith10k: number };
    readonly stored: { readonly conversations: number; readonly rssIdleMiB: number; readonly rssAfterLoadMiB: number; readonly peakRssMiB: number; readonly load: TargetFigures };
    readonly storage: StorageFigures;
    readonly postgres: PostgresFigures;
    readonly verdicts: ReadonlyArray<{ readonly what: string; readonly value: string; readonly bar: string; readonly met: boolean }>;
}

/** The machine this process runs on. */
export function machineInfo(): MachineInfo {
    const cpus = os.cpus();
    return {
        cpu: cpus[0]?.model.trim() ?? 'unknown',
        cores: cpus.length,
        memoryGiB: round(os.totalmem() / 2 ** 30),
        node: process.version,
        os: `${os.type()} ${os.release()} ${os.arch()}`
    };
}

/** Turns a load result into a target's figures. */
export function targetFigures(name: string, load: LoadResult, peakRssBytes: number, cpuMsPerTurn: number): TargetFigures {
    return {
        name,
        measuredS: round(load.durationMs / 1000),
        turnsPerSecond: round(load.turns / (load.durationMs / 1000)),
        conversations: load.conversations,
        turns: load.turns,
        errors: load.errors,
        errorSamples: load.errorSamples,
        latencyMs: roundSummary(summarize(load.latencies)),
        peakRssMiB: mib(peakRssBytes),
        cpuMsPerTurn
    };
}

export function mib(bytes: number): number {
    return round(bytes / 2 ** 20);
}

function roundSummary(s: LatencySummary): LatencySummary {
    return { count: s.count, mean: round(s.mean), p50: round(s.p50), p95: round(s.p95), p99: round(s.p99), max: round(s.max) };
}

/** A one-line progress display: rewritten in place on a terminal, a line every 5 s otherwise. */
export function progressPrinter(label: string, totalS: number): (p: LoadProgress) => void {
    let lastLine = 0;
    return (p) => {
        const secs = p.elapsedMs / 1000;
        const line = `  ${label.padEnd(22)} ${p.phase.padEnd(9)} ${secs.toFixed(1).padStart(5)} s${p.phase === 'measuring' ? ` / ${totalS} s` : ''}  turns ${String(p.turns).padStart(7)}  ${(p.turns / Math.max(secs, 0.001)).toFixed(0).padStart(6)}/s  errors ${p.errors}`;
        if (process.stderr.isTTY) {
            process.stderr.write(`\r${line}\x1b[K`);
        } else if (Date.now() - lastLine >= 5000) {
            lastLine = Date.now();
            process.stderr.write(line + '\n');
        }
    };
}

/** Ends a progress line on a terminal. */
export function endProgress(): void {
    if (process.stderr.isTTY) {
        process.stderr.write('\r\x1b[K');
    }
}

/** The human-readable report of a run. */
export function formatReport(r: BenchResult): string {
    const lines: string[] = [];
    const row = (cells: Array<string | number>): string => cells.map((c, i) => (i === 0 ? String(c).padEnd(26) : String(c).padStart(10))).join(' ');
    lines.push(`Benchmark ${r.date} on ${r.machine.cores} × ${r.machine.cpu}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, ${r.machine.os}`);
    lines.push(
        `${r.settings.concurrency} concurrent conversations through ${r.settings.driver} (expectReplies), and through our Direct Line endpoint (REST + WebSocket stream) for the Direct Line row; ${r.settings.warmupS} s warm-up (none for stored conversations) + the seconds measured`
    );
    lines.push('');
    lines.push(row(['target', 'turns/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'CPU/turn', 'errors', 'conv.', 'peak RSS', 'measured']));
    for (const t of [r.targets.floor, r.targets.echo, r.targets.waterfall, r.targets.ours, r.targets.oursDirectLine, r.stored.load, ...postgresTargets(r.postgres)]) {
        lines.push(row([t.name, t.turnsPerSecond, t.latencyMs.p50, t.latencyMs.p95, t.latencyMs.p99, t.latencyMs.max, `${t.cpuMsPerTurn} ms`, t.errors, t.conversations, `${t.peakRssMiB} MiB`, `${t.measuredS} s`]));
    }
    if ('skipped' in r.postgres) {
        lines.push(`PostgreSQL rows skipped: ${r.postgres.skipped}`);
    }
    lines.push('');
    lines.push(`ours/echo: turns/s ${r.ratios.turnsPerSecond}×, p99 ${r.ratios.p99}×, CPU per turn ${r.ratios.cpuPerTurn}×; through Direct Line: turns/s ${r.ratios.directLineTurnsPerSecond}×, p99 ${r.ratios.directLineP99}×`);
    lines.push(`ours/waterfall: turns/s ${r.ratios.waterfallTurnsPerSecond}×, p99 ${r.ratios.waterfallP99}×, CPU per turn ${r.ratios.waterfallCpuPerTurn}×`);
    if (!('skipped' in r.postgres)) {
        const p = r.postgres.ratios;
        lines.push(`PostgreSQL (${r.postgres.database}, created and dropped by this run): one instance/ours on SQLite: turns/s ${p.oneToSqliteTurnsPerSecond}×, p99 ${p.oneToSqliteP99}×; three instances/one: turns/s ${p.threeToOneTurnsPerSecond}×, p99 ${p.threeToOneP99}×`);
        lines.push(`ours on PostgreSQL/echo: one instance turns/s ${p.oneToEchoTurnsPerSecond}×, p99 ${p.oneToEchoP99}×; three instances turns/s ${p.threeToEchoTurnsPerSecond}×, p99 ${p.threeToEchoP99}×`);
        lines.push(`  (3 instances: each request to the next instance in turn; CPU/turn summed over the instances, the PostgreSQL server's own not counted; peak RSS of the largest instance)`);
    }
    lines.push(`cold start (spawn → /healthz 200): echo ${r.coldStartMs.echo} ms, ours ${r.coldStartMs.ours} ms (first start with migrations and directory: ${r.coldStartMs.oursFirstStart} ms; with ${r.stored.conversations} stored conversations: ${r.coldStartMs.oursWith10k} ms)`);
    lines.push(`with ${r.stored.conversations} stored conversations: RSS ${r.stored.rssIdleMiB} MiB idle, ${r.stored.rssAfterLoadMiB} MiB after load, peak ${r.stored.peakRssMiB} MiB`);
    const s = r.storage;
    lines.push(
        `state per turn (${s.turns} turns, in-process): ${round(s.readsPerTurn)} Storage.read (${round(s.readMsPerTurn)} ms), ${round(s.writesPerTurn)} Storage.write (${round(s.writeMsPerTurn)} ms, ${round(s.bytesPerWrite)} bytes each); all SQL: ${round(s.sqlStatementsPerTurn)} statements per turn (BEGIN/COMMIT and background jobs included), ${round(s.transactionsPerTurn)} transactions`
    );
    lines.push('');
    for (const v of r.verdicts) {
        lines.push(`${v.met ? 'MET   ' : 'MISSED'} ${v.what}: ${v.value} (bar ${v.bar})`);
    }
    const samples = [r.targets.echo, r.targets.waterfall, r.targets.ours, r.targets.oursDirectLine, r.stored.load, ...postgresTargets(r.postgres)].flatMap((t) => t.errorSamples.map((e) => `${t.name}: ${e}`));
    if (samples.length > 0) {
        lines.push('', 'error samples:', ...samples.slice(0, 10).map((e) => `  ${e}`));
    }
    return lines.join('\n') + '\n';
}

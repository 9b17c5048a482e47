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
    for (const t of [r.targets.floor, r.targets.echo, r.targets.waterfall, r.targets.ours, r.targets.oursDirectLine, r.stored.load]) {
        lines.push(row([t.name, t.turnsPerSecond, t.latencyMs.p50, t.latencyMs.p95, t.latencyMs.p99, t.latencyMs.max, `${t.cpuMsPerTurn} ms`, t.errors, t.conversations, `${t.peakRssMiB} MiB`, `${t.measuredS} s`]));
    }
    lines.push('');
    lines.push(`ours/echo: turns/s ${r.ratios.turnsPerSecond}×, p99 ${r.ratios.p99}×, CPU per turn ${r.ratios.cpuPerTurn}×; through Direct Line: turns/s ${r.ratios.directLineTurnsPerSecond}×, p99 ${r.ratios.directLineP99}×`);
    lines.push(`ours/waterfall: turns/s ${r.ratios.waterfallTurnsPerSecond}×, p99 ${r.ratios.waterfallP99}×, CPU per turn ${r.ratios.waterfallCpuPerTurn}×`);
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
    const samples = [r.targets.echo, r.targets.waterfall, r.targets.ours, r.targets.oursDirectLine, r.stored.load].flatMap((t) => t.errorSamples.map((e) => `${t.name}: ${e}`));
    if (samples.length > 0) {
        lines.push('', 'error samples:', ...samples.slice(0, 10).map((e) => `  ${e}`));
    }
    return lines.join('\n') + '\n';
}

import * as fs from 'fs';
import * as path from 'path';
import { BLOCK_LABELS, blockRows, countBlocks, formatBlockRows, JitMap, parsePerfScript, renameJitFrames, type BlockRow, type OwnCode } from './cpuBlocks';
import { profileBlocks, type CpuProfile } from './cpuProfileBlocks';
import { PERF_NODE_ARGS, PerfRecorder, perfUnavailable } from './perfRecorder';
import { readThreadCpu, threadCpuByKind, type ThreadCpu } from './threadCpu';

/** What `bench:cpu --blocks` needs to know before the server starts. */
export interface BlockSamplerSpec {
    readonly workDir: string;
    readonly own: OwnCode;
    /** CPUs perf itself runs on (the load generator's when pinned), so it does not take the server's core. */
    readonly perfCpus?: string;
    /** Where to keep the `perf script` text (and the JIT map beside it), if anywhere. */
    readonly perfScriptFile?: string;
    /** Where the server writes its `--cpu-prof` profile when the caller asked for one; the fallback reads it. */
    readonly cpuProfDir?: string;
    /** Use the fallback even where perf works (to check it). */
    readonly withoutPerf?: boolean;
}

/**
 * The CPU of one server over the measured seconds, split by block: with perf
 * on all threads when perf works here; else by thread from /proc, with the
 * main thread split by its `--cpu-prof` profile (and the output says so).
 * Call `start` when the warm-up ends, `stop` when the measured seconds end,
 * `report` once the server has stopped (node writes its profile at exit).
 */
export class BlockSampler {
    /** Why perf is not used, when it is not. */
    public readonly perfMissing?: string;
    private recorder?: PerfRecorder;
    private perfText?: { script: string; jitMap: string };
    private threadsBefore?: ThreadCpu[];
    private byThread?: Map<string, number>;
    private pid = -1;
    private fromUs = 0;
    private toUs = 0;

    public constructor(private readonly spec: BlockSamplerSpec) {
        this.perfMissing = spec.withoutPerf ? 'left out with --without-perf' : perfUnavailable(spec.workDir);
    }

    /** `node` options the server must start with. */
    public get nodeArgs(): readonly string[] {
        if (!this.perfMissing) {
            return PERF_NODE_ARGS;
        }
        return this.spec.cpuProfDir ? [] : ['--cpu-prof', `--cpu-prof-dir=${this.profileDir}`];
    }

    public async start(pid: number): Promise<void> {
        this.pid = pid;
        this.threadsBefore = readThreadCpu(pid);
        this.fromUs = monotonicUs();
        if (!this.perfMissing) {
            this.recorder = new PerfRecorder(pid, this.spec.workDir, this.spec.perfCpus);
            await this.recorder.start();
        }
    }

    public async stop(): Promise<void> {
        if (!this.threadsBefore) {
            throw new Error('BlockSampler.stop(): not started');
        }
        this.toUs = monotonicUs();
        this.byThread = threadCpuByKind(this.pid, this.threadsBefore, readThreadCpu(this.pid));
        if (this.recorder) {
            try {
                this.perfText = await this.recorder.stop();
            } finally {
                this.recorder.cleanup();
            }
        }
    }

    /** Ends sampling after a failed run: perf stopped, its files and the JIT map removed. */
    public dispose(): void {
        this.recorder?.cleanup();
    }

    /** The table as text, scaled to `cpuMsPerTurn` (the /proc total over the same seconds). */
    public report(cpuMsPerTurn: number): string {
        if (!this.byThread) {
            throw new Error('BlockSampler.report(): not stopped');
        }
        const byThread = this.byThread;
        const totalMs = [...byThread.values()].reduce((sum, ms) => sum + ms, 0) || 1;
        const threadLines = [...byThread].sort((a, b) => b[1] - a[1]).map(([kind, ms]) => `  ${kind}: ${((ms / totalMs) * 100).toFixed(1)} %\n`);
        if (this.perfText) {
            const { script, jitMap } = this.perfText;
            if (this.spec.perfScriptFile) {
                fs.writeFileSync(this.spec.perfScriptFile, script);
                fs.writeFileSync(`${this.spec.perfScriptFile}.map`, jitMap);
            }
            const samples = renameJitFrames(parsePerfScript(script), new JitMap(jitMap));
            if (samples.length === 0) {
                return `perf recorded no samples of the server (attached too late?): no split by block this run.\nCPU by thread (/proc):\n${threadLines.join('')}`;
            }
            const rows = blockRows(countBlocks(samples, this.spec.own), cpuMsPerTurn);
            return (
                `CPU per turn by block (perf on all threads, ${samples.length} samples, scaled to the /proc total of ${cpuMsPerTurn} ms):\n` +
                formatBlockRows(rows) +
                `CPU by thread (/proc):\n${threadLines.join('')}`
            );
        }
        return this.fallbackReport(cpuMsPerTurn, byThread, totalMs);
    }

    /** Per thread from /proc; the main thread's share split by its CPU profile, by script. */
    private fallbackReport(cpuMsPerTurn: number, byThread: ReadonlyMap<string, number>, totalMs: number): string {
        const heading =
            `perf not used (${this.perfMissing}): FALLBACK, CPU per turn by thread from /proc/PID/task/*/stat, ` +
            `the main thread split by its --cpu-prof profile by script URL; SQLite's native work, the JIT and the thread pool are not split by library.\n`;
        const rows: BlockRow[] = [];
        const profile = this.readProfile();
        for (const [kind, ms] of [...byThread].sort((a, b) => b[1] - a[1])) {
            const msPerTurn = (ms / totalMs) * cpuMsPerTurn;
            rows.push({ label: kind, msPerTurn, share: ms / totalMs, part: false });
            if (kind === 'main thread' && profile) {
                const counts = profileBlocks(profile, this.spec.own, this.fromUs, this.toUs);
                const samples = [...counts.values()].reduce((sum, n) => sum + n, 0) || 1;
                for (const [block, n] of [...counts].sort((a, b) => b[1] - a[1])) {
                    rows.push({ label: BLOCK_LABELS[block], msPerTurn: (n / samples) * msPerTurn, share: (n / samples) * (ms / totalMs), part: true });
                }
            }
        }
        return heading + formatBlockRows(rows) + (profile ? '' : `(no CPU profile of the server found in ${this.profileDir}: the main thread is not split)\n`);
    }

    private get profileDir(): string {
        return this.spec.cpuProfDir ?? path.join(this.spec.workDir, 'cpu-prof');
    }

    private readProfile(): CpuProfile | undefined {
        if (!fs.existsSync(this.profileDir)) {
            return undefined;
        }
        const file = fs.readdirSync(this.profileDir).filter((name) => name.includes(`.${this.pid}.`) && name.endsWith('.cpuprofile')).sort().pop();
        return file ? (JSON.parse(fs.readFileSync(path.join(this.profileDir, file), 'utf8')) as CpuProfile) : undefined;
    }
}

/** Microseconds on the monotonic clock, the one V8's CPU profiles stamp samples with. */
function monotonicUs(): number {
    return Number(process.hrtime.bigint() / 1000n);
}

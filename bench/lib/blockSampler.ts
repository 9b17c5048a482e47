import * as fs from 'fs';
import { blockRows, countBlocks, formatBlockRows, JitMap, parsePerfScript, renameJitFrames, type OwnCode } from './cpuBlocks';
import { PERF_NODE_ARGS, PerfRecorder, perfUnavailable } from './perfRecorder';
import { readThreadCpu, threadCpuByKind, type ThreadCpu } from './threadCpu';

/** What `bench:cpu --blocks` needs to know before the server starts. */
export interface BlockSamplerSpec {
    readonly workDir: string;
    readonly own: OwnCode;
    /** CPUs perf itself runs on (the load generator's when pinned), so it does not take the server's core. */
    readonly perfCpus?: string;
    /** Where to keep the `perf script` text, if anywhere. */
    readonly perfScriptFile?: string;
}

/**
 * The CPU of one server over the measured seconds, split by block: with perf
 * on all threads when perf works here, else by thread from /proc (and the
 * output says so).
 */
export class BlockSampler {
    /** Why perf is not used, when it is not. */
    public readonly perfMissing?: string;
    private recorder?: PerfRecorder;
    private threadsBefore?: ThreadCpu[];
    private pid = -1;

    public constructor(private readonly spec: BlockSamplerSpec) {
        this.perfMissing = perfUnavailable(spec.workDir);
    }

    /** `node` options the server must start with. */
    public get nodeArgs(): readonly string[] {
        return this.perfMissing ? [] : PERF_NODE_ARGS;
    }

    /** Starts sampling the server (call when the warm-up ends). */
    public async start(pid: number): Promise<void> {
        this.pid = pid;
        this.threadsBefore = readThreadCpu(pid);
        if (!this.perfMissing) {
            this.recorder = new PerfRecorder(pid, this.spec.workDir, this.spec.perfCpus);
            await this.recorder.start();
        }
    }

    /** Stops sampling (call when the measured seconds end, before the server stops) and returns the table as text. */
    public async stop(cpuMsPerTurn: number): Promise<string> {
        if (!this.threadsBefore) {
            throw new Error('BlockSampler.stop(): not started');
        }
        const byThread = threadCpuByKind(this.pid, this.threadsBefore, readThreadCpu(this.pid));
        const totalMs = [...byThread.values()].reduce((sum, ms) => sum + ms, 0);
        const threadLines = [...byThread].sort((a, b) => b[1] - a[1]).map(([kind, ms]) => `  ${kind}: ${((ms / totalMs) * 100).toFixed(1)} %`);
        if (!this.recorder) {
            return (
                `CPU by thread from /proc (perf is unusable here: ${this.perfMissing}); no split by library without it, ` +
                `run with --cpu-prof DIR for the main thread's split by script:\n${threadLines.join('\n')}\n`
            );
        }
        try {
            const { script, jitMap } = await this.recorder.stop();
            if (this.spec.perfScriptFile) {
                fs.writeFileSync(this.spec.perfScriptFile, script);
                fs.writeFileSync(`${this.spec.perfScriptFile}.map`, jitMap);
            }
            const samples = renameJitFrames(parsePerfScript(script), new JitMap(jitMap));
            const rows = blockRows(countBlocks(samples, this.spec.own), cpuMsPerTurn);
            return `CPU per turn by block (perf, all threads, ${samples.length} samples, scaled to the /proc total of ${cpuMsPerTurn} ms):\n${formatBlockRows(rows)}CPU by thread (/proc):\n${threadLines.join('\n')}\n`;
        } finally {
            this.recorder.cleanup();
        }
    }
}

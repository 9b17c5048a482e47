import { execFileSync, spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/**
 * `node` options that let perf name JavaScript frames: a /tmp/perf-PID.map
 * with each function's script path, interpreted frames included. The map has
 * no times, so an address whose code was freed and reused would be named
 * after both; V8 already keeps code in place under perf, and keeping
 * bytecode (no flushing) keeps the interpreter's per-function copies too.
 */
export const PERF_NODE_ARGS: readonly string[] = ['--perf-basic-prof-only-functions', '--interpreted-frames-native-stack', '--no-flush-bytecode'];

/** Samples per second and thread (`perf record -F`): each sample stands for about 1 ms of CPU. */
const FREQUENCY = 999;

/**
 * Why `perf record` cannot sample a process here, or undefined when it can:
 * tried on a short-lived `sleep` child, since a VM or container may refuse
 * perf events even to root.
 */
export function perfUnavailable(workDir: string): string | undefined {
    const out = path.join(workDir, 'probe.data');
    const probe = spawnSync('perf', ['record', '-e', 'cpu-clock', '-F', String(FREQUENCY), '-g', '-o', out, '--', 'sleep', '0.05'], { encoding: 'utf8' });
    if (probe.error) {
        return `perf not found (${probe.error.message})`;
    }
    if (probe.status !== 0) {
        return `perf record failed: ${(probe.stderr || '').trim().split('\n').pop() ?? `exit ${probe.status}`}`;
    }
    return undefined;
}

/**
 * `perf record` on every thread of one process, from `start()` until
 * `stop()`, with call stacks; `stop()` returns the samples as `perf script`
 * text (comm, pid/tid, then one `ip symbol (dso)` line per frame, leaf first).
 */
export class PerfRecorder {
    private child?: ChildProcess;
    private exit?: Promise<number | null>;
    private readonly dataFile: string;

    public constructor(private readonly pid: number, workDir: string, private readonly cpuList?: string) {
        this.dataFile = path.join(workDir, 'perf.data');
    }

    /** Starts sampling and resolves once perf has attached (its first output or half a second). */
    public async start(): Promise<void> {
        const args = ['record', '-e', 'cpu-clock', '-F', String(FREQUENCY), '-g', '-p', String(this.pid), '-o', this.dataFile];
        const child = this.cpuList ? spawn('taskset', ['-c', this.cpuList, 'perf', ...args], { stdio: ['ignore', 'ignore', 'pipe'] }) : spawn('perf', args, { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        this.child = child;
        this.exit = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
        // perf needs a moment to open its events on every thread; samples before that are lost, not wrong.
        await new Promise((resolve) => setTimeout(resolve, 300));
        if (child.exitCode !== null) {
            throw new Error(`PerfRecorder.start(): perf record exited at once: ${stderr.trim()}`);
        }
    }

    /** Stops sampling (SIGINT, as perf expects) and returns the `perf script` text and node's JIT map. */
    public async stop(): Promise<{ script: string; jitMap: string }> {
        if (!this.child || !this.exit) {
            throw new Error('PerfRecorder.stop(): not started');
        }
        this.child.kill('SIGINT');
        await this.exit;
        const script = execFileSync('perf', ['script', '-i', this.dataFile, '-F', 'comm,pid,tid,ip,sym,dso'], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });
        const jitMap = fs.existsSync(this.jitMapFile) ? fs.readFileSync(this.jitMapFile, 'utf8') : '';
        return { script, jitMap };
    }

    /** Stops perf if it still runs; removes its data file and the process's JIT map (/tmp/perf-PID.map), which node never deletes. */
    public cleanup(): void {
        if (this.child && this.child.exitCode === null && this.child.signalCode === null) {
            this.child.kill('SIGINT');
        }
        fs.rmSync(this.dataFile, { force: true });
        fs.rmSync(this.jitMapFile, { force: true });
    }

    private get jitMapFile(): string {
        return `/tmp/perf-${this.pid}.map`;
    }
}

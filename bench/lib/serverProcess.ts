import { execFileSync, spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { PROJECT_ROOT } from '../../paths';
import { waitForOk } from './http';

/** The bot's entry, started by `npm start`. */
const BOT_ENTRY = path.join(PROJECT_ROOT, 'dist', 'index.js');

/**
 * The `node` options `npm start` gives the bot (package.json's `start`
 * script, e.g. `--max-semi-space-size=16`), so the benchmark runs the bot as it
 * is started in production; `--disable-warning` left out (always given).
 */
export function startScriptNodeFlags(manifest: string = path.join(PROJECT_ROOT, 'package.json')): string[] {
    const start = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { scripts?: Record<string, string> }).scripts?.start ?? '';
    const words = start.split(/\s+/);
    const entry = words.findIndex((word) => word.endsWith('dist/index.js'));
    return words.slice(words.indexOf('node') + 1, entry < 0 ? 0 : entry).filter((word) => word.startsWith('--') && !word.startsWith('--disable-warning'));
}

/** How to start a server process. */
export interface ServerSpec {
    /** Name for reports and the log file. */
    readonly name: string;
    /** Script run with the current `node`. */
    readonly script: string;
    readonly env?: Readonly<Record<string, string>>;
    /** Where stdout and stderr go (appended). */
    readonly logFile: string;
    /** Path answered with 200 once the server is ready (default `/healthz`). */
    readonly healthPath?: string;
    /** Extra `node` options, e.g. `--cpu-prof`. */
    readonly nodeArgs?: readonly string[];
}

/** Resident memory of a process in bytes: now, and the peak since it started. */
export interface Rss {
    readonly current: number;
    readonly peak: number;
}

/** A free TCP port on 127.0.0.1 (asked from the kernel, then released). */
export function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address() as net.AddressInfo;
            server.close(() => resolve(address.port));
        });
    });
}

/** Reads VmRSS and VmHWM (peak) of a process from /proc. */
export function readRss(pid: number): Rss {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { current: field('VmRSS'), peak: field('VmHWM') };
}

let ticksPerSecond: number | undefined;

/** CPU time (user + system, all threads) a process has used, in milliseconds, from /proc (10 ms steps); `PID/task/TID` reads one thread. */
export function readCpuMs(pid: number | string): number {
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    // The command name in parentheses may hold spaces: the fields after it are counted from its end.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/**
 * A bot (or baseline) running as its own process on a free loopback port, as
 * in production: `node <script>`, ready when its health path answers 200.
 */
export class ServerProcess {
    private exited = false;
    private readonly exit: Promise<number | null>;

    private constructor(public readonly spec: ServerSpec, public readonly url: string, private readonly child: ChildProcess, public readonly coldStartMs: number, exit: Promise<number | null>) {
        this.exit = exit;
        void exit.then(() => (this.exited = true));
    }

    /** Spawns the process and waits until it is ready; `coldStartMs` is spawn → first 200. */
    public static async start(spec: ServerSpec, timeoutMs = 60_000): Promise<ServerProcess> {
        const port = await freePort();
        const log = fs.openSync(spec.logFile, 'a');
        const started = process.hrtime.bigint();
        const botFlags = path.resolve(spec.script) === BOT_ENTRY ? startScriptNodeFlags() : [];
        const child = spawn(process.execPath, ['--disable-warning=DEP0111', ...botFlags, ...(spec.nodeArgs ?? []), spec.script], {
            env: { ...process.env, ...spec.env, PORT: String(port), HOST: '127.0.0.1' },
            stdio: ['ignore', log, log]
        });
        fs.closeSync(log);
        let alive = true;
        const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => ((alive = false), resolve(code))));
        const url = `http://127.0.0.1:${port}`;
        try {
            await waitForOk(`${url}${spec.healthPath ?? '/healthz'}`, timeoutMs, () => alive);
        } catch (err) {
            child.kill('SIGKILL');
            throw new Error(`${spec.name}: ${(err as Error).message} (see ${spec.logFile})`);
        }
        const coldStartMs = Number(process.hrtime.bigint() - started) / 1e6;
        return new ServerProcess(spec, url, child, coldStartMs, exit);
    }

    public get pid(): number {
        return this.child.pid ?? -1;
    }

    /** True while the process runs. */
    public get running(): boolean {
        return !this.exited;
    }

    public rss(): Rss {
        return readRss(this.pid);
    }

    /** CPU milliseconds the process has used so far. */
    public cpuMs(): number {
        return readCpuMs(this.pid);
    }

    /** SIGTERM (graceful) and wait; SIGKILL after `graceMs`. */
    public async stop(graceMs = 10_000): Promise<void> {
        if (this.exited) {
            return;
        }
        this.child.kill('SIGTERM');
        const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
        await this.exit;
        clearTimeout(timer);
    }

    /** `kill -9`: no shutdown code runs. */
    public async kill(): Promise<void> {
        if (this.exited) {
            return;
        }
        this.child.kill('SIGKILL');
        await this.exit;
    }
}

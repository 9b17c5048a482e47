/**
 * Which block of the stack a CPU sample belongs to (SQLite, GC, botbuilder,
 * our own code, …), from `perf script` text of a node process started with
 * `PERF_NODE_ARGS`, and the per-turn table of those blocks.
 *
 * A sample is read leaf first: the first frame that belongs to a known block
 * wins, so time in a library called from our code is the library's, and time
 * in our code called back by a library is ours. Frames of no block (libc, the
 * kernel, node's own JavaScript) are passed over; a sample with none is
 * "runtime and kernel". Threads matter too: a thread-pool thread that is not
 * inside SQLite is waking up, waiting or handing work back.
 */

/** One stack frame as `perf script` prints it. */
export interface PerfFrame {
    readonly ip: number;
    readonly symbol: string;
    /** The binary or map file the frame's address lies in (`/usr/bin/node`, `/tmp/perf-123.map`, `[kernel.kallsyms]`). */
    readonly dso: string;
}

/** One sample: the thread it was taken on and its stack, leaf first. */
export interface PerfSample {
    readonly comm: string;
    readonly pid: number;
    readonly tid: number;
    readonly frames: readonly PerfFrame[];
}

/** The blocks, in the order the table lists them. */
export const BLOCKS = [
    'sqlite-wakeups',
    'sqlite-engine',
    'sqlite-handoff',
    'gc',
    'botbuilder-dialogs',
    'own-code',
    'cloud-adapter',
    'restify',
    'jit',
    'json',
    'nlpjs',
    'i18next',
    'recognizers',
    'logging',
    'runtime'
] as const;

export type BlockId = (typeof BLOCKS)[number];

/** How each block reads in the table. */
export const BLOCK_LABELS: Readonly<Record<BlockId, string>> = {
    'sqlite-wakeups': 'thread-pool wake-ups',
    'sqlite-engine': 'the engine',
    'sqlite-handoff': 'main-thread hand-off',
    gc: 'GC',
    'botbuilder-dialogs': 'botbuilder-dialogs',
    'own-code': 'own code',
    'cloud-adapter': 'CloudAdapter (botbuilder, connector)',
    restify: 'restify',
    jit: 'JIT (parse, compile, deopt)',
    json: 'JSON',
    nlpjs: 'NLP.js',
    i18next: 'i18next',
    recognizers: 'recognizers-text',
    logging: 'logging (core/logger)',
    runtime: 'runtime and kernel'
};

const SQLITE_PARTS: readonly BlockId[] = ['sqlite-wakeups', 'sqlite-engine', 'sqlite-handoff'];

/** The packages whose JavaScript makes a block, by the path segment after `node_modules/`. */
const PACKAGE_BLOCKS: ReadonlyArray<readonly [RegExp, BlockId]> = [
    [/^sqlite3\//, 'sqlite-handoff'],
    [/^botbuilder-dialogs\//, 'botbuilder-dialogs'],
    [/^(botbuilder|botbuilder-core|botbuilder-stdlib|botframework-connector|botframework-schema|botframework-streaming)\//, 'cloud-adapter'],
    [/^restify\//, 'restify'],
    [/^@nlpjs\//, 'nlpjs'],
    [/^i18next\//, 'i18next'],
    [/^@microsoft\/recognizers-text/, 'recognizers']
];

/** V8's collector: scavenges, mark-compact, concurrent marking and sweeping, write barriers, allocation slow paths. */
const GC_SYMBOL =
    /v8::internal::(Heap::|Scaveng|MarkCompact|MinorMarkCompact|MinorMarkSweep|ConcurrentMarking|IncrementalMarking|Sweeper|\w*MarkingVisitor|Evacuat|GlobalHandles|GCTracer|MemoryAllocator|MarkingBarrier|MarkingWorklist|\w*Marking\w*Job|PointersUpdating|RecordMigratedSlot|ArrayBufferSweeper|PagedSpace|LargeObjectSpace|MemoryReducer|StressScavenge|heap::)|cppgc::|RecordWrite|WriteBarrier|Runtime_AllocateIn/;
/** V8's parser and compilers (Ignition's bytecode generator, Sparkplug, Maglev, TurboFan) and deoptimisation. */
const JIT_SYMBOL = /v8::internal::(compiler::|maglev::|baseline::|Compiler::|OptimizingCompileDispatcher|Parser|PreParser|Scanner|interpreter::Bytecode|CodeGenerator|Assembler|MacroAssembler|Deoptimizer|TurbofanCompilationJob|FeedbackVector::)|Builtins_CompileLazy|Runtime_Compile|Runtime_InstallBaselineCode|Runtime_NotifyDeoptimized/;
/** V8's JSON.parse and JSON.stringify. */
const JSON_SYMBOL = /Json(Parse|Stringif)|JsonParser|JsonStringifier/;
/** Native SQLite: node-sqlite3's addon (SQLite is linked into it) or a shared libsqlite. */
const SQLITE_DSO = /node_sqlite3\.node|libsqlite3/;
/** A libuv thread-pool thread: its stack starts in libuv's `worker`; newer libuv also names it. */
const POOL_THREAD_FRAME = /^(worker|uv__thread_start|uv_thread_start)$/;
/** Pool work that is not SQLite's (file system, crypto, zlib, DNS). */
const OTHER_POOL_WORK = /uv__fs_|node::crypto|libcrypto|node::fs|zlib|getaddrinfo/;

/** Where our own compiled code lies, to tell it from node_modules and node's own scripts. */
export interface OwnCode {
    /** The `dist` folder, e.g. `/work/main/dist`. */
    readonly distDir: string;
}

/** Parses `perf script -F comm,pid,tid,ip,sym,dso` text. */
export function parsePerfScript(text: string): PerfSample[] {
    const samples: PerfSample[] = [];
    let current: { comm: string; pid: number; tid: number; frames: PerfFrame[] } | undefined;
    for (const line of text.split('\n')) {
        if (line.trim() === '') {
            current = undefined;
            continue;
        }
        if (!/^\s/.test(line)) {
            const head = /^(.*?)\s+(\d+)\/(\d+)\s*$/.exec(line);
            if (!head) {
                throw new Error(`parsePerfScript(): a sample header without pid/tid: ${line}`);
            }
            current = { comm: head[1], pid: Number(head[2]), tid: Number(head[3]), frames: [] };
            samples.push(current);
            continue;
        }
        if (!current) {
            throw new Error(`parsePerfScript(): a frame before any sample header: ${line}`);
        }
        const frame = /^\s*([0-9a-f]+)\s+(.*)\s+\((.*)\)\s*$/.exec(line);
        if (frame) {
            current.frames.push({ ip: parseInt(frame[1], 16), symbol: frame[2], dso: frame[3] });
        }
    }
    return samples;
}

/**
 * Node's JIT map (/tmp/perf-PID.map: `start size name` per line, in the
 * order code was made). The map has no times: when code is freed and its
 * address reused, both entries stay, and perf names the address after
 * whichever it sorts first, which can be a module's top level that ran once
 * at start-up. Here the newest entry covering an address wins: the code that
 * sits there now, which after the warm-up is what the samples ran.
 */
export class JitMap {
    private readonly starts: Float64Array;
    private readonly ends: Float64Array;
    private readonly names: string[];
    private readonly cache = new Map<number, string | undefined>();

    public constructor(text: string) {
        const starts: number[] = [];
        const ends: number[] = [];
        this.names = [];
        for (const line of text.split('\n')) {
            const entry = /^([0-9a-f]+) ([0-9a-f]+) (.*)$/.exec(line);
            if (entry) {
                const start = parseInt(entry[1], 16);
                starts.push(start);
                ends.push(start + parseInt(entry[2], 16));
                this.names.push(entry[3]);
            }
        }
        this.starts = Float64Array.from(starts);
        this.ends = Float64Array.from(ends);
    }

    /** The name of the newest code covering `ip`, if any. */
    public nameAt(ip: number): string | undefined {
        if (this.cache.has(ip)) {
            return this.cache.get(ip);
        }
        let name: string | undefined;
        for (let i = this.names.length - 1; i >= 0; i--) {
            if (this.starts[i] <= ip && ip < this.ends[i]) {
                name = this.names[i];
                break;
            }
        }
        this.cache.set(ip, name);
        return name;
    }
}

/** The samples with every JIT frame named from `map` (newest code wins) instead of perf's pick. */
export function renameJitFrames(samples: readonly PerfSample[], map: JitMap): PerfSample[] {
    return samples.map((sample) => ({
        ...sample,
        frames: sample.frames.map((frame) => (isJitFrame(frame) ? { ...frame, symbol: map.nameAt(frame.ip) ?? '[unknown]' } : frame))
    }));
}

function isJitFrame(frame: PerfFrame): boolean {
    return /\/perf-\d+\.map$/.test(frame.dso);
}

/**
 * The block of a JavaScript function by where its script lies (a perf map
 * entry such as `JS:*run /app/dist/bot/x.js:3:1`, or a CPU profile's script
 * URL), if any.
 */
export function scriptBlock(symbol: string, own: OwnCode): BlockId | undefined {
    const modules = symbol.lastIndexOf('/node_modules/');
    if (modules >= 0) {
        const rest = symbol.slice(modules + '/node_modules/'.length);
        return PACKAGE_BLOCKS.find(([pattern]) => pattern.test(rest))?.[1];
    }
    const dist = own.distDir.endsWith('/') ? own.distDir : `${own.distDir}/`;
    const at = symbol.indexOf(dist);
    if (at < 0) {
        return undefined;
    }
    return symbol.startsWith('core/logger.js', at + dist.length) ? 'logging' : 'own-code';
}

/** The block one frame belongs to on the main thread (or a V8 helper thread), if any. */
function frameBlock(frame: PerfFrame, own: OwnCode): BlockId | undefined {
    if (SQLITE_DSO.test(frame.dso)) {
        return 'sqlite-handoff';
    }
    if (isJitFrame(frame)) {
        return scriptBlock(frame.symbol, own);
    }
    if (GC_SYMBOL.test(frame.symbol)) {
        return 'gc';
    }
    if (JIT_SYMBOL.test(frame.symbol)) {
        return 'jit';
    }
    if (JSON_SYMBOL.test(frame.symbol)) {
        return 'json';
    }
    return undefined;
}

/** The thread-pool threads among the samples' threads: those named so, or whose stack anywhere shows libuv's `worker` loop. */
export function poolThreads(samples: readonly PerfSample[]): Set<number> {
    const pool = new Set<number>();
    for (const sample of samples) {
        if (sample.comm === 'libuv-worker' || (sample.tid !== sample.pid && sample.frames.some((frame) => POOL_THREAD_FRAME.test(frame.symbol)))) {
            pool.add(sample.tid);
        }
    }
    return pool;
}

/**
 * The block a sample's CPU time is charged to; `onPool` tells whether its
 * thread is a thread-pool thread (a sample of one may lack the frames that
 * show it, when libc's or the kernel's stack could not be walked).
 */
export function blockOf(sample: PerfSample, own: OwnCode, onPool: boolean): BlockId {
    if (onPool) {
        if (sample.frames.some((frame) => SQLITE_DSO.test(frame.dso))) {
            return 'sqlite-engine';
        }
        // The pool here serves SQLite alone, bar the odd file or crypto job: the rest is waking, waiting and queueing.
        return sample.frames.some((frame) => OTHER_POOL_WORK.test(frame.symbol)) ? 'runtime' : 'sqlite-wakeups';
    }
    for (const frame of sample.frames) {
        const block = frameBlock(frame, own);
        if (block) {
            return block;
        }
    }
    return 'runtime';
}

/** Samples per block. */
export function countBlocks(samples: readonly PerfSample[], own: OwnCode): Map<BlockId, number> {
    const pool = poolThreads(samples);
    const counts = new Map<BlockId, number>(BLOCKS.map((block) => [block, 0]));
    for (const sample of samples) {
        const block = blockOf(sample, own, pool.has(sample.tid));
        counts.set(block, (counts.get(block) ?? 0) + 1);
    }
    return counts;
}

/** One line of the table: a block (or SQLite and its parts), its CPU per turn and share. */
export interface BlockRow {
    readonly label: string;
    readonly msPerTurn: number;
    /** Share of all samples, 0–1. */
    readonly share: number;
    /** A part of the row above it (SQLite's wake-ups, engine, hand-off). */
    readonly part: boolean;
}

/**
 * The table: each block's share of the samples, scaled so the blocks sum to
 * the CPU per turn measured from /proc. SQLite comes first as one row with
 * its three parts under it; the other blocks follow largest first.
 */
export function blockRows(counts: ReadonlyMap<BlockId, number>, cpuMsPerTurn: number): BlockRow[] {
    // Counts may be samples or milliseconds: only their proportions matter.
    const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
    if (total === 0) {
        throw new Error('blockRows(): no samples');
    }
    const row = (label: string, n: number, part: boolean): BlockRow => ({ label, msPerTurn: (n / total) * cpuMsPerTurn, share: n / total, part });
    const sqlite = SQLITE_PARTS.reduce((sum, block) => sum + (counts.get(block) ?? 0), 0);
    const rest = BLOCKS.filter((block) => !SQLITE_PARTS.includes(block)).sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
    return [
        row('SQLite through node-sqlite3', sqlite, false),
        ...SQLITE_PARTS.map((block) => row(BLOCK_LABELS[block], counts.get(block) ?? 0, true)),
        ...rest.map((block) => row(BLOCK_LABELS[block], counts.get(block) ?? 0, false))
    ];
}

/** The table as text: block, ms CPU per turn, share. */
export function formatBlockRows(rows: readonly BlockRow[]): string {
    const width = Math.max(...rows.map((row) => row.label.length + (row.part ? 2 : 0)), 'block'.length);
    const lines = [`${'block'.padEnd(width)}  ms/turn   share`];
    for (const row of rows) {
        const label = (row.part ? `  ${row.label}` : row.label).padEnd(width);
        lines.push(`${label}  ${row.msPerTurn.toFixed(3).padStart(7)}  ${(row.share * 100).toFixed(1).padStart(5)} %`);
    }
    return lines.join('\n') + '\n';
}

import { scriptBlock, type BlockId, type OwnCode } from './cpuBlocks';

/** The parts of a V8 CPU profile (`node --cpu-prof`) read here. */
export interface CpuProfile {
    readonly nodes: ReadonlyArray<{ readonly id: number; readonly callFrame: { readonly functionName: string; readonly url: string }; readonly children?: readonly number[] }>;
    /** Microseconds on the monotonic clock (the one `process.hrtime` reads). */
    readonly startTime: number;
    readonly samples: readonly number[];
    readonly timeDeltas: readonly number[];
}

/** The block of one profile node by itself, if it has one; `null` for idle time, which is no CPU. */
function nodeBlock(functionName: string, url: string, own: OwnCode): BlockId | null | undefined {
    if (functionName === '(idle)') {
        return null;
    }
    if (functionName === '(garbage collector)') {
        return 'gc';
    }
    if (url === '' && (functionName === 'stringify' || functionName === 'parse')) {
        return 'json';
    }
    return url ? scriptBlock(url.replace(/^file:\/\//, ''), own) : undefined;
}

/**
 * The main thread's samples per block within `[fromUs, toUs)` (monotonic
 * microseconds), charged leaf first as perf samples are: the first function
 * up the stack whose script belongs to a block wins. SQLite's native work and
 * the JIT do not show in such a profile (they are "(program)" or the caller).
 */
export function profileBlocks(profile: CpuProfile, own: OwnCode, fromUs: number, toUs: number): Map<BlockId, number> {
    const parent = new Map<number, number>();
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    for (const node of profile.nodes) {
        for (const child of node.children ?? []) {
            parent.set(child, node.id);
        }
    }
    const blockOfLeaf = new Map<number, BlockId | null>();
    const resolve = (leaf: number): BlockId | null => {
        for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
            const frame = byId.get(id)?.callFrame;
            const block = frame ? nodeBlock(frame.functionName, frame.url, own) : undefined;
            if (block !== undefined) {
                return block;
            }
        }
        return 'runtime';
    };
    const counts = new Map<BlockId, number>();
    let at = profile.startTime;
    profile.samples.forEach((leaf, i) => {
        at += profile.timeDeltas[i] ?? 0;
        if (at < fromUs || at >= toUs) {
            return;
        }
        if (!blockOfLeaf.has(leaf)) {
            blockOfLeaf.set(leaf, resolve(leaf));
        }
        const block = blockOfLeaf.get(leaf);
        if (block) {
            counts.set(block, (counts.get(block) ?? 0) + 1);
        }
    });
    return counts;
}

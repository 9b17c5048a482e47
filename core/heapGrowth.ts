import * as v8 from 'v8';

/**
 * How far V8 lets the old generation grow past what the last full GC left
 * alive, in percent, unless the operator says otherwise
 * (`HEAP_GROWTH_PERCENT`). V8's own rule grows it up to 4× when the process
 * allocates fast, as the bot does under load (~200 KB per turn, almost all of
 * it garbage within the turn): with 50 MiB alive the old space reached
 * ~190 MiB and the process 320 MiB. At 70 % (1.7×), under the bench load
 * (50 conversations, pinned), a full GC runs every 2.4 s instead of every
 * 3.7 s at 100 %, the old space peaks at 103–109 MiB instead of 123–133 and
 * the process at 215 MiB instead of 236, and paired runs tell no difference
 * in CPU a turn (README, "Memory under load"). It is not a cap: the heap
 * still grows as far as the live data needs.
 */
export const DEFAULT_HEAP_GROWTH_PERCENT = 70;

/** The V8 flag this sets (also honoured when given on the command line or in NODE_OPTIONS). */
const FLAG = '--heap-growing-percent';

/**
 * Sets the heap growing factor to `1 + percent/100` for every full GC from
 * now on; 0 leaves V8's own rule. A factor given to node itself
 * (`node --heap-growing-percent=…` or NODE_OPTIONS) wins. Returns the percent
 * in effect from this call, or undefined when V8 decides.
 */
export function limitHeapGrowth(percent: number, execArgv: readonly string[] = process.execArgv, nodeOptions: string = process.env.NODE_OPTIONS ?? ''): number | undefined {
    const given = [...execArgv, ...nodeOptions.split(/\s+/)].find((arg) => arg.startsWith(`${FLAG}=`) || arg.startsWith('--heap_growing_percent='));
    if (given !== undefined) {
        const value = Number(given.slice(given.indexOf('=') + 1));
        return value > 0 ? value : undefined;
    }
    if (percent <= 0) {
        return undefined;
    }
    v8.setFlagsFromString(`${FLAG}=${Math.round(percent)}`);
    return Math.round(percent);
}

/**
 * `bench:cpu --heap`: loaded into the server with `--require` (never by the
 * bot itself), it records where the server's memory goes under load, so a
 * memory change can be judged by figures that do not move with the moment V8
 * happens to collect: the heap still used after each major GC (the live
 * heap), how far the old space V8 commits grows between major GCs, the new
 * space and the large objects. Peak RSS alone varies by tens of MiB from run
 * to run with that moment.
 *
 * Writes {@link HeapRecord} as JSON to `BENCH_HEAP_FILE` every second and at
 * exit (a baseline bot that dies by SIGTERM runs no exit handlers).
 */
import * as fs from 'fs';
import { PerformanceObserver, constants } from 'perf_hooks';
import * as v8 from 'v8';

/** What one server run left: the samples' maxima and the heap used after each major GC, in bytes. */
export interface HeapRecord {
    /** Heap used right after each major (mark-compact) GC, in order. */
    readonly afterMajorGc: number[];
    readonly rssMax: number;
    readonly oldSpaceCommittedMax: number;
    readonly newSpaceCommittedMax: number;
    readonly largeObjectsMax: number;
    readonly externalMax: number;
}

const SAMPLE_MS = 100;

function start(file: string): void {
    const record = { afterMajorGc: [] as number[], rssMax: 0, oldSpaceCommittedMax: 0, newSpaceCommittedMax: 0, largeObjectsMax: 0, externalMax: 0 };
    const sample = (): void => {
        const usage = process.memoryUsage();
        record.rssMax = Math.max(record.rssMax, usage.rss);
        record.externalMax = Math.max(record.externalMax, usage.external);
        for (const space of v8.getHeapSpaceStatistics()) {
            if (space.space_name === 'old_space') {
                record.oldSpaceCommittedMax = Math.max(record.oldSpaceCommittedMax, space.space_size);
            } else if (space.space_name === 'new_space') {
                record.newSpaceCommittedMax = Math.max(record.newSpaceCommittedMax, space.space_size);
            } else if (space.space_name === 'large_object_space') {
                record.largeObjectsMax = Math.max(record.largeObjectsMax, space.space_used_size);
            }
        }
    };
    // The observer is told of a GC after it ended: the heap used then is what the GC left alive (and the little allocated since).
    new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
            if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
                record.afterMajorGc.push(process.memoryUsage().heapUsed);
            }
        }
    }).observe({ entryTypes: ['gc'] });
    const write = (): void => fs.writeFileSync(file, JSON.stringify(record));
    setInterval(sample, SAMPLE_MS).unref();
    setInterval(write, 1000).unref();
    process.on('exit', () => {
        sample();
        write();
    });
}

if (process.env.BENCH_HEAP_FILE) {
    start(process.env.BENCH_HEAP_FILE);
}

/** A run's record in MiB: the median live heap after major GCs, how many there were, and the maxima. */
export function heapSummary(record: HeapRecord): string {
    const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);
    const sorted = [...record.afterMajorGc].sort((a, b) => a - b);
    const live = sorted.length ? `${mib(sorted[Math.floor(sorted.length / 2)])} MiB (median of ${sorted.length} major GCs)` : 'no major GC';
    return (
        `heap: live after major GC ${live}, old space committed up to ${mib(record.oldSpaceCommittedMax)} MiB, ` +
        `new space ${mib(record.newSpaceCommittedMax)} MiB, large objects ${mib(record.largeObjectsMax)} MiB, external ${mib(record.externalMax)} MiB, RSS up to ${mib(record.rssMax)} MiB\n`
    );
}

/** Reads what the sampler wrote, or undefined when it wrote nothing. */
export function readHeapRecord(file: string): HeapRecord | undefined {
    try {
        return JSON.parse(fs.readFileSync(file, 'utf8')) as HeapRecord;
    } catch {
        return undefined;
    }
}

import * as fs from 'fs';
import { readCpuMs } from './serverProcess';

/** CPU milliseconds one thread has used, with its name. */
export interface ThreadCpu {
    readonly tid: number;
    readonly comm: string;
    readonly cpuMs: number;
}

/** Every thread of a process with its CPU time so far, from /proc/PID/task/TID/stat (10 ms steps). */
export function readThreadCpu(pid: number): ThreadCpu[] {
    const threads: ThreadCpu[] = [];
    for (const entry of fs.readdirSync(`/proc/${pid}/task`)) {
        const tid = Number(entry);
        try {
            const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
            const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            threads.push({ tid, comm, cpuMs: readCpuMs(`${pid}/task/${tid}`) });
        } catch {
            // The thread ended between the listing and the read: its time is gone from both readings.
        }
    }
    return threads;
}

/** What a thread is, by its id and name (Node 20 leaves most threads named `node`; newer ones name them). */
function threadKind(pid: number, thread: ThreadCpu): string {
    if (thread.tid === pid) {
        return 'main thread';
    }
    if (thread.comm === 'libuv-worker') {
        return 'libuv thread pool (SQLite)';
    }
    if (thread.comm.startsWith('V8 ')) {
        return 'V8 helper threads (GC, JIT)';
    }
    return `other threads (named '${thread.comm}')`;
}

/** CPU milliseconds per kind of thread between two readings. */
export function threadCpuByKind(pid: number, before: readonly ThreadCpu[], after: readonly ThreadCpu[]): Map<string, number> {
    const start = new Map(before.map((thread) => [thread.tid, thread.cpuMs]));
    const byKind = new Map<string, number>();
    for (const thread of after) {
        const kind = threadKind(pid, thread);
        byKind.set(kind, (byKind.get(kind) ?? 0) + thread.cpuMs - (start.get(thread.tid) ?? 0));
    }
    return byKind;
}

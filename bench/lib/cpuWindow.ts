/** Something whose CPU time can be read: one server process, or a group of instances. */
export interface CpuSource {
    /** CPU milliseconds used so far. */
    cpuMs(): number;
}

/**
 * The server's CPU time (user + system, all threads, from /proc) over the
 * measured seconds of a load run: read when the warm-up ends and when the
 * run is over.
 */
export class CpuWindow {
    private startMs?: number;
    private readonly timer: NodeJS.Timeout;

    public constructor(private readonly source: CpuSource, warmupMs: number) {
        this.timer = setTimeout(() => (this.startMs = source.cpuMs()), warmupMs);
    }

    /** CPU milliseconds per measured turn. */
    public msPerTurn(turns: number): number {
        clearTimeout(this.timer);
        const used = this.source.cpuMs() - (this.startMs ?? NaN);
        return Math.round((used / Math.max(turns, 1)) * 1000) / 1000;
    }
}

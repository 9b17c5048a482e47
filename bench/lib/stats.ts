/** Latency summary in milliseconds. */
export interface LatencySummary {
    readonly count: number;
    readonly mean: number;
    readonly p50: number;
    readonly p95: number;
    readonly p99: number;
    readonly max: number;
}

/** The q-quantile (0–1) of sorted values, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
    if (sorted.length === 0) {
        return NaN;
    }
    const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
    return sorted[rank];
}

/** p50/p95/p99/max/mean of latencies. */
export function summarize(values: readonly number[]): LatencySummary {
    const sorted = [...values].sort((a, b) => a - b);
    const sum = sorted.reduce((a, b) => a + b, 0);
    return {
        count: sorted.length,
        mean: sorted.length ? sum / sorted.length : NaN,
        p50: quantile(sorted, 0.5),
        p95: quantile(sorted, 0.95),
        p99: quantile(sorted, 0.99),
        max: sorted.length ? sorted[sorted.length - 1] : NaN
    };
}

/** Rounds for reports: 2 significant decimals below 10, 1 below 100, else whole. */
export function round(value: number): number {
    if (!Number.isFinite(value)) {
        return value;
    }
    const digits = Math.abs(value) < 10 ? 2 : Math.abs(value) < 100 ? 1 : 0;
    const f = 10 ** digits;
    return Math.round(value * f) / f;
}

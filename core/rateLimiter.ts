import type { Clock } from './clock';

/** Whether a request may go ahead, and if not, when to try again. */
export interface RateDecision {
    readonly allowed: boolean;
    readonly retryAfterSeconds: number;
}

/**
 * A fixed-window counter per key (an IP address, a login): at most `limit`
 * events per `windowMs`. Forgets idle keys, so a flood of distinct keys cannot
 * grow it without bound.
 */
export class RateLimiter {
    private readonly windows = new Map<string, { start: number; count: number }>();

    public constructor(private readonly limit: number, private readonly windowMs: number, private readonly clock: Clock, private readonly maxKeys = 10_000) {}

    /** Counts one event for `key`. */
    public take(key: string): RateDecision {
        const now = this.clock.now().getTime();
        if (this.windows.size >= this.maxKeys) {
            for (const [k, window] of this.windows) {
                if (now - window.start >= this.windowMs) {
                    this.windows.delete(k);
                }
            }
            if (this.windows.size >= this.maxKeys) {
                this.windows.clear();
            }
        }
        const window = this.windows.get(key);
        if (!window || now - window.start >= this.windowMs) {
            this.windows.set(key, { start: now, count: 1 });
            return { allowed: true, retryAfterSeconds: 0 };
        }
        window.count++;
        return window.count <= this.limit ? { allowed: true, retryAfterSeconds: 0 } : { allowed: false, retryAfterSeconds: Math.ceil((window.start + this.windowMs - now) / 1000) };
    }
}

/** A rate limit that may be counted elsewhere (the database): counts one event for `key`. */
export interface RateCounter {
    take(key: string): Promise<RateDecision>;
}

/**
 * Makes the rate limits of a process, each named by its `scope`: in memory
 * for one instance ({@link inMemoryRateLimits}), in the database when several
 * instances share it (`data/repositories/rateWindows.ts`).
 */
export type RateLimits = (scope: string, limit: number, windowMs: number) => RateCounter;

/** Rate limits of this process alone: a {@link RateLimiter} per scope. */
export function inMemoryRateLimits(clock: Clock): RateLimits {
    return (_scope, limit, windowMs) => {
        const limiter = new RateLimiter(limit, windowMs, clock);
        return { take: (key) => Promise.resolve(limiter.take(key)) };
    };
}

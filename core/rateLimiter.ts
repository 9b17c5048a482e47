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

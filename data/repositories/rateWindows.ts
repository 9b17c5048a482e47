import * as crypto from 'crypto';
import type { Clock } from '../../core/clock';
import { inMemoryRateLimits, type RateCounter, type RateDecision, type RateLimits } from '../../core/rateLimiter';
import type { Database } from '../database';

/**
 * Counts one event in the key's window, or starts a new window when the old
 * one has passed, and returns the window: one statement, so parallel events
 * from any number of instances are each counted once (the row is locked for
 * the update on PostgreSQL; SQLite has one writer).
 */
const TAKE = `INSERT INTO rate_windows (scope, key_hash, window_start, count) VALUES ($scope, $key, $now, 1)
ON CONFLICT (scope, key_hash) DO UPDATE SET
    count = CASE WHEN rate_windows.window_start <= $expired THEN 1 ELSE rate_windows.count + 1 END,
    window_start = CASE WHEN rate_windows.window_start <= $expired THEN $now ELSE rate_windows.window_start END
RETURNING window_start AS windowStart, count`;

/**
 * A fixed-window rate limit counted in the `rate_windows` table, shared by
 * every instance on the database: at most `limit` events per `windowMs` and
 * key, however the events are spread over the instances. The key is stored
 * as a hash (an address or conversation id does not stay in the table).
 */
export class DatabaseRateLimiter implements RateCounter {
    public constructor(
        private readonly db: Database,
        private readonly scope: string,
        private readonly limit: number,
        private readonly windowMs: number,
        private readonly clock: Clock
    ) {}

    public async take(key: string): Promise<RateDecision> {
        const now = this.clock.now().getTime();
        const window = await this.db.get<{ windowStart: number; count: number }>(TAKE, {
            $scope: this.scope,
            $key: crypto.createHash('sha256').update(key).digest('base64url'),
            $now: now,
            $expired: now - this.windowMs
        });
        if (!window) {
            throw new Error(`DatabaseRateLimiter.take(): no window returned for ${this.scope}`);
        }
        return window.count <= this.limit ? { allowed: true, retryAfterSeconds: 0 } : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.windowStart + this.windowMs - now) / 1000)) };
    }

    /** Deletes windows that started before `before` (the retention sweep); resolves with how many. */
    public static async deleteBefore(db: Database, before: number): Promise<number> {
        return (await db.run('DELETE FROM rate_windows WHERE window_start < ?', [before])).changes;
    }
}

/**
 * The rate limits for the database at hand: counted in it on PostgreSQL,
 * where several instances share the limits; in memory on SQLite, whose one
 * instance counts alone (no write per request).
 */
export function rateLimitsFor(db: Database, clock: Clock): RateLimits {
    if (db.dialect === 'sqlite') {
        return inMemoryRateLimits(clock);
    }
    return (scope, limit, windowMs) => new DatabaseRateLimiter(db, scope, limit, windowMs, clock);
}

import type { Queryable } from '../database';

/** How long an activity id is remembered: channels retry within minutes, not days. */
const KEEP_MS = 24 * 3600_000;

/**
 * Ids of activities whose turn has completed, so that a channel's retry of
 * the same activity (Teams, Direct Line clients) runs once.
 */
export class ProcessedActivityRepository {
    private writes = 0;

    public constructor(private readonly db: Queryable) {}

    public async seen(key: string): Promise<boolean> {
        return (await this.db.get<{ key: string }>('SELECT key FROM processed_activities WHERE key = ?', [key])) !== undefined;
    }

    /** Remembers a completed activity; now and then forgets those older than a day. */
    public async remember(key: string, now: number): Promise<void> {
        await this.db.run('INSERT OR IGNORE INTO processed_activities (key, at) VALUES (?, ?)', [key, now]);
        if (++this.writes % 500 === 0) {
            await this.db.run('DELETE FROM processed_activities WHERE at < ?', [now - KEEP_MS]);
        }
    }
}

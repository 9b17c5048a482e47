import type { Clock } from '../../core/clock';
import type { Database } from '../database';

/**
 * When background jobs are due, shared by every instance on one database.
 *
 * Each instance keeps its own timers; before a round of a job it asks
 * {@link claim}, which moves the job's due time forward in one statement
 * only when it has come. Of several instances whose timers fire in the same
 * period, exactly one gets `true` and runs the round; an instance that stops
 * leaves the job to the next that asks after the due time.
 *
 * On SQLite there is one instance: every claim is granted and nothing is
 * written, as before this class existed.
 */
export class JobSchedule {
    public constructor(private readonly db: Database, private readonly clock: Clock) {}

    /**
     * Whether this instance runs job `name` now; when it does, the job is next
     * due `everyMs` later for every instance. A due time less than a tenth of
     * the period (at most a second) ahead counts as come, so clocks a little
     * apart and timers that fire a little early still take their turn.
     */
    public async claim(name: string, everyMs: number): Promise<boolean> {
        if (this.db.dialect === 'sqlite') {
            return true;
        }
        const now = this.clock.now().getTime();
        const slack = Math.min(1000, Math.floor(everyMs / 10));
        await this.db.run('INSERT INTO jobs (name, next_due_at) VALUES (?, 0) ON CONFLICT (name) DO NOTHING', [name]);
        const claimed = await this.db.get<{ name: string }>('UPDATE jobs SET next_due_at = ?, last_run_at = ? WHERE name = ? AND next_due_at <= ? RETURNING name', [
            now + everyMs,
            now,
            name,
            now + slack
        ]);
        return claimed !== undefined;
    }
}

/** What a background job asks before a timed round: {@link JobSchedule}, or "always" without one. */
export type JobGate = Pick<JobSchedule, 'claim'>;

/** The gate of a single instance: every round runs. */
export const ALWAYS_DUE: JobGate = { claim: () => Promise.resolve(true) };

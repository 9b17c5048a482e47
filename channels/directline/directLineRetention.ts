import type { Clock } from '../../core/clock';
import { getLogger } from '../../core/logger';
import { TimedRounds } from '../../core/timedRounds';
import { ALWAYS_DUE, type JobGate } from '../../data/repositories/jobSchedule';
import type { DirectLineStore } from './directLineStore';

const log = getLogger('channels.directline.retention');

/** What the keeper enforces. */
export interface RetentionSettings {
    /** Conversations untouched this long are deleted with their activities. */
    readonly retentionMs: number;
    /** All conversations together; past it the least recently used go first. */
    readonly storageBudgetBytes: number;
}

/** How often the stored total is read again and the retention applied. */
const SWEEP_MS = 60 * 60_000;
/** Conversations deleted per statement when over the budget. */
const PURGE_BATCH = 50;

/**
 * Keeps the Direct Line transcript within its retention and its global
 * storage budget: at start and every hour it deletes conversations idle past
 * the retention; between sweeps it counts what is stored, and once the total
 * passes the budget it deletes the least recently used conversations until
 * the total is back under 90 % of it. One sweep runs at a time.
 */
export class DirectLineRetention {
    private readonly rounds = new TimedRounds(() => this.sweepWhenDue(), SWEEP_MS, (err) => log.warn('Direct Line retention round failed', { error: err instanceof Error ? err.message : String(err) }));
    private running?: Promise<void>;
    private total = 0;

    /** `jobs`: of several instances on one database, the one that claims the hourly due time sweeps. */
    public constructor(private readonly store: DirectLineStore, private readonly clock: Clock, private readonly settings: RetentionSettings, private readonly jobs: JobGate = ALWAYS_DUE) {}

    /** Sweeps now and every hour (when this instance claims the due time). */
    public start(): void {
        this.rounds.start();
    }

    private async sweepWhenDue(): Promise<void> {
        try {
            if (await this.jobs.claim('directline-retention', SWEEP_MS)) {
                await this.sweep();
            }
        } catch (err) {
            log.warn('could not claim the Direct Line retention', { error: err instanceof Error ? err.message : String(err) });
        }
    }

    /** Stops the timer; resolves when a round or a sweep under way has finished. */
    public async stop(): Promise<void> {
        await this.rounds.stop();
        await this.running;
    }

    /** Counts bytes just stored; past the budget a sweep starts. */
    public noteStored(bytes: number): void {
        this.total += bytes;
        if (this.total > this.settings.storageBudgetBytes) {
            void this.sweep();
        }
    }

    /** Applies retention and budget; resolves when done (a sweep already running is joined). Never rejects. */
    public sweep(): Promise<void> {
        this.running ??= this.enforce()
            .catch((err: unknown) => log.warn('could not apply the Direct Line retention', { error: err instanceof Error ? err.message : String(err) }))
            .finally(() => {
                this.running = undefined;
            });
        return this.running;
    }

    private async enforce(): Promise<void> {
        const expired = await this.store.purgeIdle(this.clock.now().getTime() - this.settings.retentionMs);
        if (expired > 0) {
            log.info('conversations past the retention deleted', { count: expired });
        }
        this.total = await this.store.totalBytes();
        let evicted = 0;
        while (this.total > this.settings.storageBudgetBytes * 0.9) {
            const deleted = await this.store.purgeLeastRecent(PURGE_BATCH);
            if (deleted === 0) {
                break;
            }
            evicted += deleted;
            this.total = await this.store.totalBytes();
        }
        if (evicted > 0) {
            log.warn('Direct Line storage budget reached: least recently used conversations deleted', { count: evicted, bytes: this.total });
        }
    }
}

import type { InsightSettings } from '../../config';
import type { Clock } from '../../core/clock';
import { getLogger } from '../../core/logger';
import { TimedRounds } from '../../core/timedRounds';
import { ALWAYS_DUE, type JobGate } from '../../data/repositories/jobSchedule';
import type { InsightRepository } from '../../data/repositories/insightRepository';

const log = getLogger('services.insights.retention');
const HOUR_MS = 3600_000;

/**
 * Deletes masked messages and rating comments past `INSIGHTS_TEXT_RETENTION_DAYS`
 * and events past `INSIGHTS_EVENT_RETENTION_DAYS`: at start and every hour.
 */
export class InsightRetention {
    private readonly rounds = new TimedRounds(() => this.purgeWhenDue(), HOUR_MS, (err) => log.error('insights retention round failed', { error: (err as Error).message }));

    /** `jobs`: of several instances on one database, the one that claims the due time purges. */
    public constructor(private readonly repository: InsightRepository, private readonly settings: InsightSettings, private readonly clock: Clock, private readonly jobs: JobGate = ALWAYS_DUE) {}

    public start(): void {
        this.rounds.start();
    }

    private async purgeWhenDue(): Promise<void> {
        try {
            if (await this.jobs.claim('insights-retention', HOUR_MS)) {
                await this.purge();
            }
        } catch (err) {
            log.error('could not claim the insights retention', { error: (err as Error).message });
        }
    }

    /** Stops the timer; resolves when a purge under way has finished. */
    public stop(): Promise<void> {
        return this.rounds.stop();
    }

    /** Deletes what is past its keeping time; never throws. */
    public async purge(): Promise<number> {
        const now = this.clock.now().getTime();
        try {
            const deleted = await this.repository.purge(now - this.settings.textRetentionMs, now - this.settings.eventRetentionMs);
            if (deleted > 0) {
                log.info('insights past their keeping time deleted', { rows: deleted });
            }
            return deleted;
        } catch (err) {
            log.error('insights retention failed', { error: (err as Error).message });
            return 0;
        }
    }
}

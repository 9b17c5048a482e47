import type { InsightSettings } from '../../config';
import type { Clock } from '../../core/clock';
import { getLogger } from '../../core/logger';
import type { InsightRepository } from '../../data/repositories/insightRepository';

const log = getLogger('services.insights.retention');
const HOUR_MS = 3600_000;

/**
 * Deletes masked messages and rating comments past `INSIGHTS_TEXT_RETENTION_DAYS`
 * and events past `INSIGHTS_EVENT_RETENTION_DAYS`: at start and every hour.
 */
export class InsightRetention {
    private timer?: NodeJS.Timeout;

    public constructor(private readonly repository: InsightRepository, private readonly settings: InsightSettings, private readonly clock: Clock) {}

    public start(): void {
        void this.purge();
        this.timer = setInterval(() => void this.purge(), HOUR_MS);
        this.timer.unref();
    }

    public stop(): void {
        clearInterval(this.timer);
        this.timer = undefined;
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

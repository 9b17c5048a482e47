import type { Clock } from '../core/clock';
import { getLogger } from '../core/logger';
import { TimedRounds } from '../core/timedRounds';
import type { Database } from '../data/database';
import { ALWAYS_DUE, type JobGate } from '../data/repositories/jobSchedule';
import { OutboxRepository } from '../data/repositories/outboxRepository';
import { DatabaseRateLimiter } from '../data/repositories/rateWindows';
import { ProactiveDeliveryRepository } from '../data/repositories/proactiveDeliveryRepository';
import { TranscriptRepository } from '../data/repositories/transcriptRepository';
import type { RetentionSettings } from '../config';

const log = getLogger('services.retention');

/** How often the keeper sweeps (it also sweeps once at start). */
export const RETENTION_SWEEP_MS = 60 * 60_000;

/** How long the rate-limit windows (`rate_windows`, PostgreSQL) are kept: longer than any limit's window. */
const RATE_WINDOWS_KEPT_MS = 60 * 60_000;

/** Rows of one table that only grows, and how to delete those past their keeping time. */
export interface RetentionRule {
    /** For the log, e.g. `sent mails`. */
    readonly name: string;
    /** Rows older than this are deleted. */
    readonly keepMs: number;
    /** Deletes the rows from before `before` (epoch ms); resolves with how many. */
    purge(before: number): Promise<number>;
}

/**
 * The rules for the tables that grow with every conversation: sent mails in
 * the outbox, transcript lines, proactive messages already delivered, and
 * the rate-limit windows (PostgreSQL; on SQLite the limits are counted in memory).
 * (Direct Line conversations have their own keeper, `DirectLineRetention`,
 * with a storage budget besides their age.)
 */
export function retentionRules(db: Database, settings: RetentionSettings): RetentionRule[] {
    const outbox = new OutboxRepository(db);
    const transcripts = new TranscriptRepository(db);
    const deliveries = new ProactiveDeliveryRepository(db);
    return [
        { name: 'sent mails', keepMs: settings.outboxSentMs, purge: (before) => outbox.deleteSentBefore(before) },
        { name: 'transcript lines', keepMs: settings.transcriptMs, purge: (before) => transcripts.deleteBefore(before) },
        { name: 'delivered proactive messages', keepMs: settings.deliveredMs, purge: (before) => deliveries.deleteDelivered(before) },
        // Rate-limit windows last a minute; an hour keeps any window still counting. SQLite counts them in memory.
        ...(db.dialect === 'postgres' ? [{ name: 'rate-limit windows', keepMs: RATE_WINDOWS_KEPT_MS, purge: (before: number) => DatabaseRateLimiter.deleteBefore(db, before) }] : [])
    ];
}

/**
 * Applies {@link RetentionRule}s at start and then every
 * {@link RETENTION_SWEEP_MS}: each rule deletes what is older than its
 * keeping time. A rule that fails is logged and the others still run; a
 * sweep never throws out of the keeper, and one sweep runs at a time.
 */
export class RetentionKeeper {
    private readonly rounds: TimedRounds;
    private running?: Promise<Record<string, number>>;

    /** `jobs`: of several instances on one database, the one that claims the due time sweeps. */
    public constructor(private readonly rules: readonly RetentionRule[], private readonly clock: Clock, private readonly sweepMs: number = RETENTION_SWEEP_MS, private readonly jobs: JobGate = ALWAYS_DUE) {
        this.rounds = new TimedRounds(() => this.sweepWhenDue(), sweepMs, (err) => log.warn('retention round failed', { error: err instanceof Error ? err.message : String(err) }));
    }

    /** Sweeps now and then every `sweepMs` when the sweep is due; the timer does not keep the process alive. */
    public start(): void {
        this.rounds.start();
    }

    /** A timed round: sweeps when this instance claims the due time (never rejects). */
    private async sweepWhenDue(): Promise<void> {
        try {
            if (await this.jobs.claim('retention', this.sweepMs)) {
                await this.sweep();
            }
        } catch (err) {
            log.warn('could not claim the retention sweep', { error: err instanceof Error ? err.message : String(err) });
        }
    }

    /** Stops the timer and waits for a round under way (its claim of the due time included) and any sweep. */
    public async stop(): Promise<void> {
        await this.rounds.stop();
        await this.running;
    }

    /**
     * Applies every rule once (a sweep already running is joined); resolves
     * with the rows deleted per rule, a failed rule counting -1. Never rejects.
     */
    public sweep(): Promise<Record<string, number>> {
        this.running ??= this.apply().finally(() => {
            this.running = undefined;
        });
        return this.running;
    }

    private async apply(): Promise<Record<string, number>> {
        const deleted: Record<string, number> = {};
        const now = this.clock.now().getTime();
        for (const rule of this.rules) {
            try {
                deleted[rule.name] = await rule.purge(now - rule.keepMs);
                if (deleted[rule.name] > 0) {
                    log.info('rows past their retention deleted', { what: rule.name, count: deleted[rule.name], keptDays: Math.round(rule.keepMs / 86_400_000) });
                }
            } catch (err) {
                deleted[rule.name] = -1;
                log.warn('could not apply the retention', { what: rule.name, error: err instanceof Error ? err.message : String(err) });
            }
        }
        return deleted;
    }
}

import type { Database, Queryable } from '../database';

/** What {@link PortalResetRequestRepository.recordWithinLimits} decided. */
export type ResetRecordOutcome = 'recorded' | 'duplicate' | 'rate-limited';

/**
 * The bot's record of every portal password reset asked for in chat, known
 * user ID or not: the basis of the rate limits (per conversation, per user ID
 * by its keyed hash) and of running a retried activity once.
 */
export class PortalResetRequestRepository {
    public constructor(private readonly db: Database) {}

    /**
     * Counts and records in one transaction: `duplicate` when the dedupe key
     * was recorded already (a retried activity), `rate-limited` when the
     * conversation or the user ID (by keyed hash) reached its limit since
     * `since`, else the request is recorded. Parallel conversations cannot all
     * pass the count before one of them records.
     */
    public recordWithinLimits(
        conversationKey: string,
        targetHash: string,
        dedupeKey: string,
        now: number,
        since: number,
        limits: { readonly perConversation: number; readonly perTarget: number }
    ): Promise<ResetRecordOutcome> {
        return this.db.transaction(async (tx) => {
            if (await seen(tx, dedupeKey)) {
                return 'duplicate';
            }
            const row = await tx.get<{ by_conversation: number; by_target: number }>(
                `SELECT (SELECT COUNT(*) FROM portal_reset_requests WHERE conversation_key = $key AND created_at >= $since) AS by_conversation,
                        (SELECT COUNT(*) FROM portal_reset_requests WHERE target_hash = $target AND created_at >= $since) AS by_target`,
                { $key: conversationKey, $target: targetHash, $since: since }
            );
            if ((row?.by_conversation ?? 0) >= limits.perConversation || (row?.by_target ?? 0) >= limits.perTarget) {
                return 'rate-limited';
            }
            await tx.run('INSERT INTO portal_reset_requests (conversation_key, target_hash, dedupe_key, created_at) VALUES (?, ?, ?, ?)', [conversationKey, targetHash, dedupeKey, now]);
            return 'recorded';
        }, { locks: [`portal-reset:conversation:${conversationKey}`, `portal-reset:address:${targetHash}`, `portal-reset:request:${dedupeKey}`] });
    }
}

async function seen(db: Queryable, dedupeKey: string): Promise<boolean> {
    return (await db.get<{ id: number }>('SELECT id FROM portal_reset_requests WHERE dedupe_key = ?', [dedupeKey])) !== undefined;
}

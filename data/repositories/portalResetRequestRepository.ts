import type { Queryable } from '../database';

/**
 * The bot's record of every portal password reset asked for in chat, known
 * user ID or not: the basis of the rate limits (per conversation, per user ID
 * by its keyed hash) and of running a retried activity once.
 */
export class PortalResetRequestRepository {
    public constructor(private readonly db: Queryable) {}

    public async countForConversationSince(conversationKey: string, since: number): Promise<number> {
        const row = await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM portal_reset_requests WHERE conversation_key = ? AND created_at >= ?', [conversationKey, since]);
        return row?.n ?? 0;
    }

    public async countForTargetSince(targetHash: string, since: number): Promise<number> {
        const row = await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM portal_reset_requests WHERE target_hash = ? AND created_at >= ?', [targetHash, since]);
        return row?.n ?? 0;
    }

    /** True when a request with this key was recorded (the activity is a retry). */
    public async seen(dedupeKey: string): Promise<boolean> {
        return (await this.db.get<{ id: number }>('SELECT id FROM portal_reset_requests WHERE dedupe_key = ?', [dedupeKey])) !== undefined;
    }

    public async record(conversationKey: string, targetHash: string, dedupeKey: string, now: number): Promise<void> {
        await this.db.run('INSERT INTO portal_reset_requests (conversation_key, target_hash, dedupe_key, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING', [
            conversationKey,
            targetHash,
            dedupeKey,
            now
        ]);
    }
}

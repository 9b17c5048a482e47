import type { Database } from '../database';

/** A one-time code as stored: only its hash. `userId` is null when the email was unknown. */
export interface StoredCode {
    readonly id: number;
    readonly userId: string | null;
    readonly codeHash: string;
    readonly expiresAt: number;
    readonly failedAttempts: number;
}

interface CodeRow {
    id: number;
    user_id: string | null;
    code_hash: string;
    expires_at: number;
    failed_attempts: number;
}

/** Stores hashed one-time codes; at most one code per conversation is live. */
export class VerificationCodeRepository {
    public constructor(private readonly db: Database) {}

    /** Stores a new code and retires every earlier live code of the conversation, atomically. */
    public async replace(conversationKey: string, userId: string | null, targetHash: string, codeHash: string, now: number, expiresAt: number): Promise<number> {
        return this.db.transaction(async (tx) => {
            await tx.run('UPDATE verification_codes SET superseded_at = ? WHERE conversation_key = ? AND used_at IS NULL AND superseded_at IS NULL', [now, conversationKey]);
            const result = await tx.run(
                'INSERT INTO verification_codes (conversation_key, user_id, target_hash, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
                [conversationKey, userId, targetHash, codeHash, now, expiresAt]
            );
            return result.lastId;
        });
    }

    /** The conversation's live code (not used, not replaced), expired or not. */
    public async live(conversationKey: string): Promise<StoredCode | undefined> {
        const row = await this.db.get<CodeRow>(
            `SELECT id, user_id, code_hash, expires_at, failed_attempts FROM verification_codes
              WHERE conversation_key = ? AND used_at IS NULL AND superseded_at IS NULL ORDER BY id DESC LIMIT 1`,
            [conversationKey]
        );
        return row && { id: row.id, userId: row.user_id, codeHash: row.code_hash, expiresAt: row.expires_at, failedAttempts: row.failed_attempts };
    }

    /** The conversation's most recently used code (a retried turn may bring it again). */
    public async lastUsed(conversationKey: string, activityId: string): Promise<StoredCode | undefined> {
        const row = await this.db.get<CodeRow>(
            `SELECT id, user_id, code_hash, expires_at, failed_attempts FROM verification_codes
              WHERE conversation_key = ? AND used_at IS NOT NULL AND used_by_activity = ? ORDER BY id DESC LIMIT 1`,
            [conversationKey, activityId]
        );
        return row && { id: row.id, userId: row.user_id, codeHash: row.code_hash, expiresAt: row.expires_at, failedAttempts: row.failed_attempts };
    }

    /** Marks a code used; false when it was already used or replaced (single use even under races). */
    public async consume(id: number, now: number, activityId: string | undefined): Promise<boolean> {
        const result = await this.db.run('UPDATE verification_codes SET used_at = ?, used_by_activity = ? WHERE id = ? AND used_at IS NULL AND superseded_at IS NULL', [
            now,
            activityId ?? null,
            id
        ]);
        return result.changes === 1;
    }

    public async recordFailure(id: number): Promise<void> {
        await this.db.run('UPDATE verification_codes SET failed_attempts = failed_attempts + 1 WHERE id = ?', [id]);
    }

    /** How many codes the conversation asked for since `since` (rate limit per conversation). */
    public async countForConversationSince(conversationKey: string, since: number): Promise<number> {
        const row = await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM verification_codes WHERE conversation_key = ? AND created_at >= ?', [conversationKey, since]);
        return row?.n ?? 0;
    }

    /** How many codes were asked for one email address (by its hash) since `since` (rate limit per target). */
    public async countForTargetSince(targetHash: string, since: number): Promise<number> {
        const row = await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM verification_codes WHERE target_hash = ? AND created_at >= ?', [targetHash, since]);
        return row?.n ?? 0;
    }

    /** Wrong codes typed in the conversation so far, over all its codes. */
    public async failuresInConversation(conversationKey: string): Promise<number> {
        const row = await this.db.get<{ n: number | null }>('SELECT SUM(failed_attempts) AS n FROM verification_codes WHERE conversation_key = ?', [conversationKey]);
        return row?.n ?? 0;
    }
}

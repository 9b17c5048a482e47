import type { Queryable } from '../database';
import type { NewOutboxMail } from './outboxRepository';
import { DIRECTORY_VERSION_COLUMN, DIRECTORY_VERSION_QUERY } from './userRepository';

/** A one-time code as stored: only its hash. `userId` is null when the email was unknown. */
export interface StoredCode {
    readonly id: number;
    readonly userId: string | null;
    readonly targetHash: string;
    readonly codeHash: string;
    readonly expiresAt: number;
    readonly failedAttempts: number;
}

interface CodeRow {
    id: number;
    user_id: string | null;
    target_hash: string;
    code_hash: string;
    expires_at: number;
    failed_attempts: number;
}

/** The counts {@link VerificationCodeRepository.sendingFigures} returns. */
export interface SendingFigures {
    /** The code mail of this request is in the outbox already (false when no dedupe key was given). */
    readonly mailQueued: boolean;
    readonly failures: number;
    readonly codesInConversation: number;
    readonly codesForTarget: number;
    readonly failuresForTarget: number;
}

const CODE_COLUMNS = 'id, user_id, target_hash, code_hash, expires_at, failed_attempts';

/**
 * Stores hashed one-time codes; at most one code per conversation is live.
 * Limits are checked and recorded in one step: run the figures and the write
 * on the handle of one {@link Database.transaction}.
 */
export class VerificationCodeRepository {
    public constructor(private readonly db: Queryable) {}

    /**
     * Stores a new code; the trigger of migration 006 retires every earlier
     * live code of the conversation in the same statement (atomically).
     */
    public async replace(conversationKey: string, userId: string | null, targetHash: string, codeHash: string, now: number, expiresAt: number): Promise<number> {
        const result = await this.db.run(
            'INSERT INTO verification_codes (conversation_key, user_id, target_hash, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
            [conversationKey, userId, targetHash, codeHash, now, expiresAt]
        );
        return result.lastId;
    }

    /** The conversation's most recently used code (a retried turn may bring it again). */
    public async lastUsed(conversationKey: string, activityId: string): Promise<StoredCode | undefined> {
        const row = await this.db.get<CodeRow>(
            `SELECT ${CODE_COLUMNS} FROM verification_codes
              WHERE conversation_key = ? AND used_at IS NOT NULL AND used_by_activity = ? ORDER BY id DESC LIMIT 1`,
            [conversationKey, activityId]
        );
        return row && toCode(row);
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

    /**
     * The right code's check in one statement: marks the conversation's live
     * code used when `codeHash` is its hash, it has not expired, it belongs
     * to a person on file, and neither the conversation nor the code's
     * address has reached its wrong codes (`limits`, the address's counted
     * since `limits.since`). Returns the code's id and person (and the
     * directory's version, for the directory cache); undefined, having
     * written nothing, when any of this does not hold, and the caller finds
     * out why as before. Only where statements run one at a time (SQLite):
     * its counts are then every wrong code committed before it.
     */
    public async consumeIfRight(
        conversationKey: string,
        codeHash: string,
        now: number,
        activityId: string | undefined,
        limits: { readonly maxWrong: number; readonly maxWrongForAddress: number; readonly since: number }
    ): Promise<{ readonly id: number; readonly userId: string } | undefined> {
        const row = await this.db.get<{ id: number; user_id: string }>(
            `UPDATE verification_codes SET used_at = $now, used_by_activity = $activity
              WHERE id = (SELECT id FROM verification_codes WHERE conversation_key = $key AND used_at IS NULL AND superseded_at IS NULL ORDER BY id DESC LIMIT 1)
                AND code_hash = $hash AND user_id IS NOT NULL AND expires_at > $now
                AND (SELECT COALESCE(SUM(failed_attempts), 0) FROM verification_codes WHERE conversation_key = $key) < $maxWrong
                AND (SELECT COALESCE(SUM(f.failed_attempts), 0) FROM verification_codes f WHERE f.target_hash = verification_codes.target_hash AND f.created_at >= $since) < $maxAddress
              RETURNING id, user_id, ${DIRECTORY_VERSION_QUERY} AS ${DIRECTORY_VERSION_COLUMN}`,
            { $now: now, $activity: activityId ?? null, $key: conversationKey, $hash: codeHash, $maxWrong: limits.maxWrong, $maxAddress: limits.maxWrongForAddress, $since: limits.since }
        );
        return row && { id: row.id, userId: row.user_id };
    }

    /**
     * Stores a new code and its mail (none for an address not on file) in
     * one statement, the limits checked in it (the `code_mail` view of
     * migration 024): 'sent' when both were stored; 'again' when the mail with
     * `mail.dedupeKey` is queued already (a retried turn), 'locked' or
     * 'rate-limited' when a limit holds, having written nothing. Only where
     * statements run one at a time (SQLite): its counts are then every code
     * and wrong try committed before it.
     */
    public async sendAtOnce(
        code: { readonly conversationKey: string; readonly userId: string | null; readonly targetHash: string; readonly codeHash: string; readonly now: number; readonly expiresAt: number },
        mail: NewOutboxMail | undefined,
        dedupeKey: string | undefined,
        limits: { readonly since: number; readonly maxWrong: number; readonly maxCodes: number; readonly maxWrongForAddress: number }
    ): Promise<'sent' | 'again' | 'locked' | 'rate-limited'> {
        try {
            await this.db.run(
                `INSERT INTO code_mail (conversation_key, user_id, target_hash, code_hash, created_at, expires_at, since, max_wrong, max_codes, max_wrong_for_address,
                                        kind, to_address, to_name, reply_to, locale, subject, body, secret_enc, dedupe_key)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
                [
                    code.conversationKey, code.userId, code.targetHash, code.codeHash, code.now, code.expiresAt,
                    limits.since, limits.maxWrong, limits.maxCodes, limits.maxWrongForAddress,
                    mail?.kind ?? null, mail?.to ?? null, mail?.toName ?? null, mail?.replyTo ?? null, mail?.locale ?? null, mail?.subject ?? null, mail?.body ?? null, mail?.secretEnc ?? null,
                    dedupeKey ?? null
                ]
            );
        } catch (err) {
            const refused = /code_mail:(again|locked|rate-limited)/.exec((err as Error).message);
            if (refused) {
                return refused[1] as 'again' | 'locked' | 'rate-limited';
            }
            throw err;
        }
        return 'sent';
    }

    public async recordFailure(id: number): Promise<void> {
        await this.db.run('UPDATE verification_codes SET failed_attempts = failed_attempts + 1 WHERE id = ?', [id]);
    }

    /**
     * What the rate limits and the locks look at, in one statement: wrong codes
     * in the conversation so far, codes it asked for since `since`, and codes
     * asked for and wrong codes typed for the address (by its hash) since
     * `since`, over all conversations; and whether the code mail with
     * `mailDedupeKey` is in the outbox already (a retried turn).
     */
    public async sendingFigures(conversationKey: string, targetHash: string, since: number, mailDedupeKey?: string): Promise<SendingFigures> {
        const row = await this.db.get<{ queued: number; failures: number; by_conversation: number; by_target: number; target_failures: number }>(
            `SELECT (SELECT COUNT(*) FROM outbox WHERE dedupe_key = $dedupe) AS queued,
                    (SELECT COALESCE(SUM(failed_attempts), 0) FROM verification_codes WHERE conversation_key = $key) AS failures,
                    (SELECT COUNT(*) FROM verification_codes WHERE conversation_key = $key AND created_at >= $since) AS by_conversation,
                    (SELECT COUNT(*) FROM verification_codes WHERE target_hash = $target AND created_at >= $since) AS by_target,
                    (SELECT COALESCE(SUM(failed_attempts), 0) FROM verification_codes WHERE target_hash = $target AND created_at >= $since) AS target_failures`,
            { $key: conversationKey, $target: targetHash, $since: since, $dedupe: mailDedupeKey ?? null }
        );
        return {
            mailQueued: Number(row?.queued ?? 0) > 0,
            failures: row?.failures ?? 0,
            codesInConversation: row?.by_conversation ?? 0,
            codesForTarget: row?.by_target ?? 0,
            failuresForTarget: row?.target_failures ?? 0
        };
    }

    /**
     * The conversation's wrong codes so far and its live code, in one
     * statement (for checking a typed code); with `addressSince`, also the
     * wrong codes typed for the live code's address since then, over all
     * conversations (as {@link failuresForTargetSince}).
     */
    public async failuresAndLive(conversationKey: string, addressSince?: number): Promise<{ readonly failures: number; readonly live?: StoredCode; readonly addressFailures?: number }> {
        const address =
            addressSince === undefined
                ? ''
                : `,
                    (SELECT COALESCE(SUM(failed_attempts), 0) FROM verification_codes WHERE target_hash = live.target_hash AND created_at >= $since) AS address_failures`;
        const row = await this.db.get<{ failures: number; address_failures?: number } & { [K in keyof CodeRow]: CodeRow[K] | null }>(
            `SELECT (SELECT COALESCE(SUM(failed_attempts), 0) FROM verification_codes WHERE conversation_key = $key) AS failures,
                    live.id, live.user_id, live.target_hash, live.code_hash, live.expires_at, live.failed_attempts${address}
               FROM (SELECT 1) LEFT JOIN (SELECT ${CODE_COLUMNS} FROM verification_codes
                                           WHERE conversation_key = $key AND used_at IS NULL AND superseded_at IS NULL ORDER BY id DESC LIMIT 1) live`,
            addressSince === undefined ? { $key: conversationKey } : { $key: conversationKey, $since: addressSince }
        );
        if (!row || row.id === null || row.code_hash === null || row.expires_at === null || row.target_hash === null) {
            return { failures: row?.failures ?? 0 };
        }
        return {
            failures: row.failures,
            live: { id: row.id, userId: row.user_id, targetHash: row.target_hash, codeHash: row.code_hash, expiresAt: row.expires_at, failedAttempts: row.failed_attempts ?? 0 },
            addressFailures: row.address_failures ?? undefined
        };
    }

    /** Wrong codes typed for an address (by its hash) since `since`, over all conversations. */
    public async failuresForTargetSince(targetHash: string, since: number): Promise<number> {
        const row = await this.db.get<{ n: number }>('SELECT COALESCE(SUM(failed_attempts), 0) AS n FROM verification_codes WHERE target_hash = ? AND created_at >= ?', [
            targetHash,
            since
        ]);
        return row?.n ?? 0;
    }

    /** Wrong codes typed in the conversation so far, over all its codes. */
    public async failuresInConversation(conversationKey: string): Promise<number> {
        const row = await this.db.get<{ n: number | null }>('SELECT SUM(failed_attempts) AS n FROM verification_codes WHERE conversation_key = ?', [conversationKey]);
        return row?.n ?? 0;
    }
}

function toCode(row: CodeRow): StoredCode {
    return { id: row.id, userId: row.user_id, targetHash: row.target_hash, codeHash: row.code_hash, expiresAt: row.expires_at, failedAttempts: row.failed_attempts };
}

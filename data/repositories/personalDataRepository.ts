import type { Queryable } from '../database';
import { AUDIT_ROWS, OWN_ROWS, SHARED_ROWS, bindPerson, type OwnTable, type PersonKeys, type SharedRows } from './personScope';

/** A masked text the insights keep (see migration 014). */
export interface InsightText {
    readonly conversationKey: string;
    readonly kind: 'not-understood' | 'rating-comment';
    readonly text: string;
    readonly at: number;
}

/** A portal login as the export shows it: whether a password is set and when it changed, never its hash. */
export interface PortalLoginFacts {
    readonly login: string;
    readonly format: string;
    readonly passwordSet: boolean;
    readonly passwordChangedAt: number | null;
}

/** When a one-time code was sent, and what became of it (never the code or its hash). */
export interface CodeFacts {
    readonly conversationKey: string;
    readonly createdAt: number;
    readonly expiresAt: number;
    readonly usedAt: number | null;
    readonly supersededAt: number | null;
    readonly failedAttempts: number;
}

/** When a portal reset link was issued, and what became of it (never the token or its hash). */
export interface ResetLinkFacts {
    readonly createdAt: number;
    readonly expiresAt: number;
    readonly usedAt: number | null;
    readonly supersededAt: number | null;
}

/** A mail to the person, or sent for them (reply-to), with its secret left out. */
export interface MailFacts {
    readonly id: number;
    readonly kind: string;
    readonly to: string;
    readonly replyTo: string | null;
    readonly subject: string;
    /** The stored text; a secret (code, link) is never in it, only its placeholder. */
    readonly body: string;
    readonly hadSecret: boolean;
    readonly status: string;
    readonly createdAt: number;
    readonly sentAt: number | null;
}

/** A line said in one of the person's conversations. */
export interface ConversationLine {
    readonly conversationKey: string;
    readonly at: number;
    readonly from: string;
    readonly text: string;
}

/** An audit entry about the person, as stored. */
export interface AuditFacts {
    readonly at: number;
    readonly actor: string;
    readonly action: string;
    readonly subject: string | null;
    readonly details: string | null;
}

/**
 * Finds, reads and erases one person's data across the tables (the rows are
 * chosen in {@link OWN_ROWS} and {@link SHARED_ROWS}). Construct it over a
 * transaction handle for an erasure, so it happens entirely or not at all.
 */
export class PersonalDataRepository {
    public constructor(private readonly db: Queryable) {}

    /**
     * The conversations that are the person's: where they proved who they are
     * (a used code, the verification recorded, the identity in the conversation
     * state or a handoff's context), filed a change request, or asked for a
     * callback with their address.
     */
    public async conversationsOf(userId: string | null, email: string): Promise<string[]> {
        const rows = await this.db.all<{ k: string }>(
            `SELECT conversation_key AS k FROM verification_codes WHERE user_id = $user AND used_at IS NOT NULL
             UNION SELECT substr(actor, 14) FROM audit_log
                    WHERE subject = 'user:' || $user AND action IN ('verification.succeeded', 'verification.repeated') AND actor LIKE 'conversation:%'
             UNION SELECT conversation_key FROM handoffs WHERE json_extract(context, '$.identity.userId') = $user
             UNION SELECT conversation_key FROM callback_requests WHERE email = $email COLLATE NOCASE OR json_extract(context, '$.identity.userId') = $user
             UNION SELECT conversation_key FROM change_requests WHERE requester_id = $user
             UNION SELECT substr(key, 1, instr(key, '/conversations/') - 1) || ':' || substr(key, instr(key, '/conversations/') + 15, length(key) - instr(key, '/conversations/') - 15)
                     FROM bot_state
                    WHERE key LIKE '%/conversations/%/' AND json_valid(data) AND json_extract(data, '$.profile.identity.userId') = $user
             ORDER BY 1`,
            { $user: userId, $email: email }
        );
        return rows.map((row) => row.k);
    }

    public async portalLogin(userId: string): Promise<PortalLoginFacts | undefined> {
        const row = await this.db.get<{ login: string; format: string; has_password: number; password_changed_at: number | null }>(
            'SELECT login, format, password_hash IS NOT NULL AS has_password, password_changed_at FROM portal_logins WHERE user_id = ?',
            [userId]
        );
        return row && { login: row.login, format: row.format, passwordSet: row.has_password === 1, passwordChangedAt: row.password_changed_at };
    }

    public async codes(keys: PersonKeys): Promise<CodeFacts[]> {
        return this.own<CodeFacts>(
            'verification_codes',
            'conversation_key AS conversationKey, created_at AS createdAt, expires_at AS expiresAt, used_at AS usedAt, superseded_at AS supersededAt, failed_attempts AS failedAttempts',
            keys
        );
    }

    /** Times the person's portal login was named in chat for a reset. */
    public async resetRequests(keys: PersonKeys): Promise<Array<{ readonly conversationKey: string; readonly createdAt: number }>> {
        return this.own('portal_reset_requests', 'conversation_key AS conversationKey, created_at AS createdAt', keys);
    }

    public async resetLinks(keys: PersonKeys): Promise<ResetLinkFacts[]> {
        return this.own<ResetLinkFacts>('portal_reset_tokens', 'created_at AS createdAt, expires_at AS expiresAt, used_at AS usedAt, superseded_at AS supersededAt', keys);
    }

    public async mails(keys: PersonKeys): Promise<MailFacts[]> {
        const rows = await this.own<Omit<MailFacts, 'hadSecret'> & { hadSecret: number }>(
            'outbox',
            'id, kind, to_address AS "to", reply_to AS replyTo, subject, body, instr(body, \'{{secret}}\') > 0 AS hadSecret, status, created_at AS createdAt, sent_at AS sentAt',
            keys
        );
        return rows.map((row) => ({ ...row, hadSecret: row.hadSecret === 1 }));
    }

    public async callbackIds(keys: PersonKeys): Promise<number[]> {
        return (await this.own<{ id: number }>('callback_requests', 'id', keys)).map((row) => row.id);
    }

    public async handoffIds(keys: PersonKeys): Promise<number[]> {
        return (await this.own<{ id: number }>('handoffs', 'id', keys)).map((row) => row.id);
    }

    /** Handoffs of the person's conversations that an agent may still be working on. */
    public async openHandoffs(keys: PersonKeys): Promise<number[]> {
        const sql = `SELECT id FROM handoffs WHERE (${OWN_ROWS.handoffs}) AND status IN ('waiting', 'active') ORDER BY id`;
        return (await this.db.all<{ id: number }>(sql, bindPerson(sql, keys))).map((row) => row.id);
    }

    /** References of the change requests the person filed or is named in. */
    public async changeRequestReferences(keys: PersonKeys): Promise<string[]> {
        const where = Object.values(SHARED_ROWS)
            .filter((rows) => rows !== SHARED_ROWS.audit_log)
            .map((rows) => `(${rows.where})`)
            .join(' OR ');
        const sql = `SELECT reference FROM change_requests WHERE ${where} ORDER BY id`;
        return (await this.db.all<{ reference: string }>(sql, bindPerson(sql, keys))).map((row) => row.reference);
    }

    /** What was said in the person's conversations (the agents' transcript and the Direct Line history). */
    /** What the support team's insights keep of the person's conversations: masked messages the bot could not place, and rating comments. */
    public async insightTexts(keys: PersonKeys): Promise<InsightText[]> {
        const unplaced = await this.own<InsightText>('insight_unplaced', "conversation_key AS conversationKey, 'not-understood' AS kind, text, at", keys);
        const comments = await this.own<InsightText>('insight_comments', "conversation_key AS conversationKey, 'rating-comment' AS kind, text, at", keys);
        return [...unplaced, ...comments].sort((a, b) => a.at - b.at);
    }

    public async conversationLines(keys: PersonKeys): Promise<{ transcripts: ConversationLine[]; directLine: ConversationLine[] }> {
        const transcripts = await this.own<ConversationLine>('transcripts', 'conversation_key AS conversationKey, at, sender AS "from", text', keys);
        const directLine = await this.own<ConversationLine>(
            'directline_activities',
            `'directline:' || conversation_id AS conversationKey, created_at AS at, COALESCE(json_extract(activity, '$.from.role'), json_extract(activity, '$.from.id'), '') AS "from",
             json_extract(activity, '$.text') AS text`,
            keys,
            "json_extract(activity, '$.type') = 'message' AND json_type(activity, '$.text') = 'text'",
            'conversation_id, seq'
        );
        return { transcripts, directLine };
    }

    /** The stored conversation profiles (language, verified identity, actions) of the person's conversations, by state key. */
    public async conversationProfiles(keys: PersonKeys): Promise<Array<{ readonly key: string; readonly profile: unknown }>> {
        const rows = await this.own<{ key: string; profile: string | null }>('bot_state', 'key, json_extract(data, \'$.profile\') AS profile', keys, 'json_valid(data)');
        return rows.map((row) => ({ key: row.key, profile: row.profile === null ? null : (JSON.parse(row.profile) as unknown) }));
    }

    public async audit(keys: PersonKeys): Promise<AuditFacts[]> {
        const sql = `SELECT at, actor, action, subject, details FROM audit_log WHERE ${AUDIT_ROWS} ORDER BY id`;
        return this.db.all<AuditFacts>(sql, bindPerson(sql, keys));
    }

    /** The accounts whose only billing contact the user is (they must keep one). */
    public async soleBillingContactOf(userId: string): Promise<Array<{ readonly id: string; readonly name: string }>> {
        return this.db.all(
            `SELECT a.id, a.name FROM memberships m JOIN accounts a ON a.id = m.account_id
              WHERE m.user_id = ? AND m.is_billing_contact = 1
                AND (SELECT COUNT(*) FROM memberships o WHERE o.account_id = m.account_id AND o.is_billing_contact = 1) = 1
              ORDER BY a.id`,
            [userId]
        );
    }

    /** Deletes the person's rows of one table; returns how many. */
    public async deleteOwn(table: OwnTable, keys: PersonKeys): Promise<number> {
        const sql = `DELETE FROM ${table} WHERE ${OWN_ROWS[table]}`;
        return (await this.db.run(sql, bindPerson(sql, keys))).changes;
    }

    /** Takes the person out of rows others keep (their marker and "(erased)" instead); returns how many rows. */
    public async anonymise(rows: SharedRows, keys: PersonKeys): Promise<number> {
        const { where, set } = SHARED_ROWS[rows];
        const table = rows.split(' ')[0];
        const sql = `UPDATE ${table} SET ${set} WHERE ${where}`;
        return (await this.db.run(sql, bindPerson(sql, keys))).changes;
    }

    /** The person's rows of a table (`also` narrows them), oldest first. */
    private async own<T>(table: OwnTable, columns: string, keys: PersonKeys, also = '1 = 1', order = 'rowid'): Promise<T[]> {
        const sql = `SELECT ${columns} FROM ${table} WHERE (${OWN_ROWS[table]}) AND ${also} ORDER BY ${order}`;
        return this.db.all<T>(sql, bindPerson(sql, keys));
    }
}

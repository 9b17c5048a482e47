import type { Queryable, SqlValue } from '../database';
import type { NewAuditEntry } from './auditLog';

/** Delivery state of a queued mail. */
export type OutboxStatus = 'pending' | 'sent' | 'failed';

/** A mail to queue. The body may hold `{{secret}}`, filled from `secretEnc` only at delivery or display. */
export interface NewOutboxMail {
    readonly kind: string;
    readonly to: string;
    readonly toName?: string;
    readonly replyTo?: string;
    readonly locale: string;
    readonly subject: string;
    readonly body: string;
    readonly secretEnc?: string;
    readonly conversationKey?: string;
    /** Makes the enqueue idempotent: a second mail with the same key is not queued. */
    readonly dedupeKey?: string;
}

/** A queued mail as stored. */
export interface OutboxMail {
    readonly id: number;
    readonly kind: string;
    readonly to: string;
    readonly toName: string | null;
    readonly replyTo: string | null;
    readonly locale: string;
    readonly subject: string;
    readonly body: string;
    readonly secretEnc: string | null;
    readonly status: OutboxStatus;
    readonly attempts: number;
    readonly lastError: string | null;
    readonly createdAt: number;
    readonly sentAt: number | null;
    readonly conversationKey: string | null;
}

interface OutboxRow {
    id: number;
    kind: string;
    to_address: string;
    to_name: string | null;
    reply_to: string | null;
    locale: string;
    subject: string;
    body: string;
    secret_enc: string | null;
    status: OutboxStatus;
    attempts: number;
    last_error: string | null;
    created_at: number;
    sent_at: number | null;
    conversation_key: string | null;
}

/** How long a mail claimed by one instance (PostgreSQL) is left to it before another may send it. */
export const CLAIM_LEASE_MS = 5 * 60_000;

const COLUMNS = 'id, kind, to_address, to_name, reply_to, locale, subject, body, secret_enc, status, attempts, last_error, created_at, sent_at, conversation_key';

/** The outbox table: every mail the bot sends is stored here before delivery. */
export class OutboxRepository {
    public constructor(private readonly db: Queryable) {}

    /** Queues a mail; returns its id, or undefined when the dedupe key was already used. */
    public async insert(mail: NewOutboxMail, now: number): Promise<number | undefined> {
        const result = await this.db.run(
            `INSERT INTO outbox (kind, to_address, to_name, reply_to, locale, subject, body, secret_enc, next_attempt_at, created_at, conversation_key, dedupe_key)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING`,
            [mail.kind, mail.to, mail.toName ?? null, mail.replyTo ?? null, mail.locale, mail.subject, mail.body, mail.secretEnc ?? null, now, now, mail.conversationKey ?? null, mail.dedupeKey ?? null]
        );
        return result.changes === 1 ? result.lastId : undefined;
    }

    /**
     * Queues `mails` and writes the audit entry that records them, in one
     * statement (the `audited_mail` view of migration 023): both or neither.
     * A mail whose dedupe key was used already is left out, as by {@link insert}.
     */
    public async insertAudited(mails: readonly NewOutboxMail[], now: number, audit: NewAuditEntry): Promise<void> {
        const { values, params } = auditedRows(mails, now, audit);
        await this.db.run(`INSERT INTO audited_mail (${AUDITED_COLUMNS}) VALUES ${values}`, params);
    }

    /**
     * {@link insertAudited} with the rate limits checked in the same
     * statement (the `limited_mail` view of migration 025; SQLite only,
     * where statements run one at a time): 'again', having written nothing,
     * when a mail's dedupe key was used already (a retried turn);
     * 'rate-limited', having written nothing, when the conversation has
     * queued `limits.perConversation` mails of the kind since `limits.since`,
     * or any address `limits.perRecipient`; 'directory-changed', having
     * written nothing, when `directoryVersion` is given and the directory is
     * at another one.
     */
    public async insertLimited(
        mails: readonly NewOutboxMail[],
        now: number,
        audit: NewAuditEntry,
        limits: { readonly since: number; readonly perConversation: number; readonly perRecipient: number },
        directoryVersion?: number
    ): Promise<'queued' | 'again' | 'rate-limited' | 'directory-changed'> {
        // The conversation's mails are counted on the first row only: before any of this statement's is stored.
        const { values, params } = auditedRows(mails, now, audit, (i) => [limits.since, i === 0 ? limits.perConversation : null, limits.perRecipient, directoryVersion ?? null]);
        try {
            await this.db.run(`INSERT INTO limited_mail (${AUDITED_COLUMNS}, since, max_for_conversation, max_for_recipient, directory_version) VALUES ${values}`, params);
        } catch (err) {
            const refused = /limited_mail:(again|rate-limited|directory-changed)/.exec((err as Error).message);
            if (refused) {
                return refused[1] as 'again' | 'rate-limited' | 'directory-changed';
            }
            throw err;
        }
        return 'queued';
    }

    /**
     * Pending mails whose next attempt is due, oldest first. On PostgreSQL,
     * where several instances deliver from one outbox, the mails returned are
     * claimed: rows another instance is claiming are skipped (`FOR UPDATE SKIP
     * LOCKED`) and their next attempt moves {@link CLAIM_LEASE_MS} ahead, so
     * no other instance sends them meanwhile; the sender then marks them sent
     * or failed. A mail whose sender died is due again when the lease ends.
     */
    public async due(now: number, limit: number): Promise<OutboxMail[]> {
        if (this.db.dialect === 'postgres') {
            const rows = await this.db.all<OutboxRow>(
                `UPDATE outbox SET next_attempt_at = ?
                  WHERE id IN (SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
                 RETURNING ${COLUMNS}`,
                [now + CLAIM_LEASE_MS, now, limit]
            );
            return rows.sort((a, b) => a.id - b.id).map(toMail);
        }
        const rows = await this.db.all<OutboxRow>(`SELECT ${COLUMNS} FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?`, [now, limit]);
        return rows.map(toMail);
    }

    /** Most recent mails first, optionally only those to one address. */
    public async recent(limit: number, to?: string): Promise<OutboxMail[]> {
        const rows =
            to === undefined
                ? await this.db.all<OutboxRow>(`SELECT ${COLUMNS} FROM outbox ORDER BY id DESC LIMIT ?`, [limit])
                : await this.db.all<OutboxRow>(`SELECT ${COLUMNS} FROM outbox WHERE to_address = ? COLLATE NOCASE ORDER BY id DESC LIMIT ?`, [to.trim(), limit]);
        return rows.map(toMail);
    }

    /**
     * The newest mail of `kind` queued in a conversation, read through the
     * conversation's index (`outbox_conversation_kind`): how the benchmark's
     * load generator finds the code it was mailed, a few rows read however
     * large the outbox ({@link recent} by address reads all of it: the
     * address index compares case, the look-up ignores it).
     */
    public async newestOfConversation(conversationKey: string, kind: string): Promise<OutboxMail | undefined> {
        const row = await this.db.get<OutboxRow>(`SELECT ${COLUMNS} FROM outbox WHERE conversation_key = ? AND kind = ? ORDER BY id DESC LIMIT 1`, [conversationKey, kind]);
        return row === undefined ? undefined : toMail(row);
    }

    /** Delivered: the secret is dropped, it now lives only in the recipient's mailbox. */
    public async markSent(id: number, now: number): Promise<void> {
        await this.db.run(`UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, secret_enc = NULL, last_error = NULL WHERE id = ?`, [now, id]);
    }

    /** Deletes mails sent before `before` (retention); pending and failed ones stay. Returns how many. */
    public async deleteSentBefore(before: number): Promise<number> {
        return (await this.db.run("DELETE FROM outbox WHERE status = 'sent' AND sent_at < ?", [before])).changes;
    }

    /** A failed attempt: try again at `nextAttemptAt`, or give up (`failed`) when it is null. */
    public async markAttemptFailed(id: number, error: string, nextAttemptAt: number | null): Promise<void> {
        if (nextAttemptAt === null) {
            await this.db.run(`UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?`, [error, id]);
        } else {
            await this.db.run('UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?', [error, nextAttemptAt, id]);
        }
    }

    /**
     * What a send limited per conversation and per address needs to know, in
     * one statement: whether a mail with `dedupeKey` was queued already,
     * the mails of `kind` of the conversation since `since`, and those to
     * each address of `to` (in its order) since `since`.
     */
    public async sendingFigures(dedupeKey: string | undefined, conversationKey: string, to: readonly string[], kind: string, since: number): Promise<{ queued: boolean; forConversation: number; to: number[] }> {
        const params: SqlValue[] = [dedupeKey ?? null, conversationKey, kind, since];
        const perAddress = to.map((address, i) => {
            params.push(address, kind, since);
            return `, (SELECT COUNT(*) FROM outbox WHERE to_address = ? AND kind = ? AND created_at >= ?) AS to_${i}`;
        });
        const row = await this.db.get<Record<string, number>>(
            `SELECT (SELECT COUNT(*) FROM outbox WHERE dedupe_key = ?) AS queued, (SELECT COUNT(*) FROM outbox WHERE conversation_key = ? AND kind = ? AND created_at >= ?) AS for_conversation${perAddress.join('')}`,
            params
        );
        return { queued: Number(row?.queued ?? 0) > 0, forConversation: Number(row?.for_conversation ?? 0), to: to.map((_, i) => Number(row?.[`to_${i}`] ?? 0)) };
    }

    /** Counts mails of a kind queued to an address since `since`, over all conversations (rate limits). */
    public async countTo(to: string, kind: string, since: number): Promise<number> {
        const row = await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM outbox WHERE to_address = ? AND kind = ? AND created_at >= ?', [to, kind, since]);
        return row?.n ?? 0;
    }
}

const AUDITED_COLUMNS = 'kind, to_address, to_name, reply_to, locale, subject, body, secret_enc, created_at, conversation_key, dedupe_key, audit_actor, audit_action, audit_subject, audit_details';

/** The rows of mails and their audit entry (on the first row; one row without a mail when there are none), with `more` values after each row's. */
function auditedRows(mails: readonly NewOutboxMail[], now: number, audit: NewAuditEntry, more?: (row: number) => SqlValue[]): { values: string; params: SqlValue[] } {
    const params: SqlValue[] = [];
    const rows = Math.max(mails.length, 1);
    let row = '';
    for (let i = 0; i < rows; i++) {
        const mail = mails[i];
        params.push(mail?.kind ?? null, mail?.to ?? null, mail?.toName ?? null, mail?.replyTo ?? null, mail?.locale ?? null, mail?.subject ?? null, mail?.body ?? null, mail?.secretEnc ?? null);
        params.push(now, mail?.conversationKey ?? null, mail?.dedupeKey ?? null);
        params.push(...(i === 0 ? [audit.actor, audit.action, audit.subject ?? null, audit.details ? JSON.stringify(audit.details) : null] : [null, null, null, null]));
        const extra = more?.(i) ?? [];
        params.push(...extra);
        row = `(${Array.from({ length: 15 + extra.length }, () => '?').join(', ')})`;
    }
    return { values: Array.from({ length: rows }, () => row).join(', '), params };
}

function toMail(row: OutboxRow): OutboxMail {
    return {
        id: row.id,
        kind: row.kind,
        to: row.to_address,
        toName: row.to_name,
        replyTo: row.reply_to,
        locale: row.locale,
        subject: row.subject,
        body: row.body,
        secretEnc: row.secret_enc,
        status: row.status,
        attempts: row.attempts,
        lastError: row.last_error,
        createdAt: row.created_at,
        sentAt: row.sent_at,
        conversationKey: row.conversation_key
    };
}

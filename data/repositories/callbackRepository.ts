import type { Lang } from '../../core/language';
import type { Database, Queryable } from '../database';
import { OutboxRepository, type NewOutboxMail } from './outboxRepository';
import type { CallbackReason, CallbackRequest, HandoffContext } from '../handoffModel';

interface CallbackRow {
    id: number;
    reference: string;
    conversation_key: string;
    email: string;
    lang: Lang;
    note: string | null;
    reason: CallbackReason;
    context: string;
    status: 'open' | 'closed';
    created_at: number;
    closed_at: number | null;
    closed_by: string | null;
    close_note: string | null;
}

/** A callback request to store. */
export interface NewCallbackRequest {
    readonly conversationKey: string;
    readonly email: string;
    readonly lang: Lang;
    readonly note?: string;
    readonly reason: CallbackReason;
    readonly context: HandoffContext;
}

const COLUMNS = 'id, reference, conversation_key, email, lang, note, reason, context, status, created_at, closed_at, closed_by, close_note';

/** The limits {@link CallbackRepository.createWithinLimits} checks, counted since `since`. */
export interface CallbackLimits {
    readonly since: number;
    readonly perConversation: number;
    readonly perEmail: number;
}

/** A confirmation mail for a new request, sent only if none of its kind went to the address since `since`. */
export interface CallbackConfirmation {
    readonly since: number;
    readonly mail: (request: CallbackRequest) => NewOutboxMail;
}

/** What {@link CallbackRepository.createWithinLimits} did. */
export type CallbackCreation =
    | { readonly kind: 'created'; readonly request: CallbackRequest; readonly confirmed: boolean }
    | { readonly kind: 'rate-limited'; readonly scope: 'conversation' | 'email' };

/** Callback requests with their reference numbers (`CB-YYYY-NNNNNN`). */
export class CallbackRepository {
    public constructor(private readonly db: Database) {}

    /**
     * Counts the requests of the conversation and for the address and, within
     * the limits, stores the request and its confirmation mail, all in one
     * transaction: parallel conversations naming one address cannot race past
     * the count. The confirmation goes only when none went to the address
     * since `confirmation.since`.
     */
    public async createWithinLimits(request: NewCallbackRequest, now: number, limits: CallbackLimits, confirmation?: CallbackConfirmation): Promise<CallbackCreation> {
        return this.db.transaction(async (tx): Promise<CallbackCreation> => {
            const counts = await tx.get<{ by_conversation: number; by_email: number }>(
                `SELECT (SELECT COUNT(*) FROM callback_requests WHERE conversation_key = $key AND created_at >= $since) AS by_conversation,
                        (SELECT COUNT(*) FROM callback_requests WHERE email = $email AND created_at >= $since) AS by_email`,
                { $key: request.conversationKey, $email: request.email, $since: limits.since }
            );
            if ((counts?.by_conversation ?? 0) >= limits.perConversation) {
                return { kind: 'rate-limited', scope: 'conversation' };
            }
            if ((counts?.by_email ?? 0) >= limits.perEmail) {
                return { kind: 'rate-limited', scope: 'email' };
            }
            const created = await insert(tx, request, now);
            let confirmed = false;
            if (confirmation) {
                const mail = confirmation.mail(created);
                const outbox = new OutboxRepository(tx);
                if ((await outbox.countTo(mail.to, mail.kind, confirmation.since)) === 0) {
                    confirmed = (await outbox.insert(mail, now)) !== undefined;
                }
            }
            return { kind: 'created', request: created, confirmed };
            // The confirmation goes to the request's address, so its lock covers the confirmation's count too.
        }, { locks: [`callback:conversation:${request.conversationKey}`, `callback:email:${request.email.toLowerCase()}`] });
    }

    public async get(id: number): Promise<CallbackRequest | undefined> {
        const row = await this.db.get<CallbackRow>(`SELECT ${COLUMNS} FROM callback_requests WHERE id = ?`, [id]);
        return row && toRequest(row);
    }

    /** Open requests, oldest first. */
    public async open(): Promise<CallbackRequest[]> {
        return (await this.db.all<CallbackRow>(`SELECT ${COLUMNS} FROM callback_requests WHERE status = 'open' ORDER BY created_at, id`)).map(toRequest);
    }

    /** Marks a request done; false when it was closed already or does not exist. */
    public async close(id: number, login: string, now: number, note?: string): Promise<boolean> {
        const result = await this.db.run("UPDATE callback_requests SET status = 'closed', closed_at = ?, closed_by = ?, close_note = ? WHERE id = ? AND status = 'open'", [
            now,
            login,
            note ?? null,
            id
        ]);
        return result.changes === 1;
    }
}

async function insert(tx: Queryable, request: NewCallbackRequest, now: number): Promise<CallbackRequest> {
    const result = await tx.run('INSERT INTO callback_requests (conversation_key, email, lang, note, reason, context, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        request.conversationKey,
        request.email,
        request.lang,
        request.note ?? null,
        request.reason,
        JSON.stringify(request.context),
        now
    ]);
    const reference = `CB-${new Date(now).getUTCFullYear()}-${String(result.lastId).padStart(6, '0')}`;
    await tx.run('UPDATE callback_requests SET reference = ? WHERE id = ?', [reference, result.lastId]);
    const row = await tx.get<CallbackRow>(`SELECT ${COLUMNS} FROM callback_requests WHERE id = ?`, [result.lastId]);
    if (!row) {
        throw new Error('CallbackRepository.createWithinLimits(): the new request was not found');
    }
    return toRequest(row);
}

function toRequest(row: CallbackRow): CallbackRequest {
    return {
        id: row.id,
        reference: row.reference,
        conversationKey: row.conversation_key,
        email: row.email,
        lang: row.lang,
        note: row.note,
        reason: row.reason,
        context: JSON.parse(row.context) as HandoffContext,
        status: row.status,
        createdAt: row.created_at,
        closedAt: row.closed_at,
        closedBy: row.closed_by,
        closeNote: row.close_note
    };
}

import type { Lang } from '../../core/language';
import type { Database } from '../database';
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

/** Callback requests with their reference numbers (`CB-YYYY-NNNNNN`). */
export class CallbackRepository {
    public constructor(private readonly db: Database) {}

    /** Stores the request and gives it the next reference number of the year, atomically. */
    public async create(request: NewCallbackRequest, now: number): Promise<CallbackRequest> {
        return this.db.transaction(async (tx) => {
            const result = await tx.run(
                'INSERT INTO callback_requests (conversation_key, email, lang, note, reason, context, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
                [request.conversationKey, request.email, request.lang, request.note ?? null, request.reason, JSON.stringify(request.context), now]
            );
            const reference = `CB-${new Date(now).getUTCFullYear()}-${String(result.lastId).padStart(6, '0')}`;
            await tx.run('UPDATE callback_requests SET reference = ? WHERE id = ?', [reference, result.lastId]);
            const row = await tx.get<CallbackRow>(`SELECT ${COLUMNS} FROM callback_requests WHERE id = ?`, [result.lastId]);
            if (!row) {
                throw new Error('CallbackRepository.create(): the new request was not found');
            }
            return toRequest(row);
        });
    }

    public async get(id: number): Promise<CallbackRequest | undefined> {
        const row = await this.db.get<CallbackRow>(`SELECT ${COLUMNS} FROM callback_requests WHERE id = ?`, [id]);
        return row && toRequest(row);
    }

    /** Open requests, oldest first. */
    public async open(): Promise<CallbackRequest[]> {
        return (await this.db.all<CallbackRow>(`SELECT ${COLUMNS} FROM callback_requests WHERE status = 'open' ORDER BY created_at, id`)).map(toRequest);
    }

    /** Requests the conversation made since `since` (rate limit). */
    public async countForConversationSince(conversationKey: string, since: number): Promise<number> {
        const row = await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM callback_requests WHERE conversation_key = ? AND created_at >= ?', [conversationKey, since]);
        return row?.n ?? 0;
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

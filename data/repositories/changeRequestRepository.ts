import type { Queryable } from '../database';
import { isLang, type Lang } from '../../core/language';

/** Where a change request stands; `open` until a LogMeIn staff member decides. */
export type ChangeRequestStatus = 'open' | 'approved' | 'rejected' | 'done';

/** Every status, in the order a request moves through them. */
export const CHANGE_REQUEST_STATUSES: readonly ChangeRequestStatus[] = ['open', 'approved', 'rejected', 'done'];

/** A person named in a request, as they were called when it was filed. */
export interface ContactSnapshot {
    readonly id: string;
    readonly name: string;
}

/** Who should become the billing contact: a member of the account, or a new person. */
export interface NewContact {
    /** Set when the new contact is a member of the account. */
    readonly userId?: string;
    readonly name: string;
    /** Set when the requester typed a new person's address. */
    readonly email?: string;
}

/** What the requester asked for, before it gets a reference. */
export interface NewChangeRequest {
    readonly accountId: string;
    readonly accountName: string;
    readonly requesterId: string;
    readonly requesterName: string;
    /** The language the requester chatted in; their status mails use it. */
    readonly requesterLang: Lang;
    readonly oldContacts: readonly ContactSnapshot[];
    readonly newContact: NewContact;
    /** On an account with several billing contacts: the id (one of `oldContacts`) of the one the new contact replaces. */
    readonly replacesContactId?: string;
    /** On an account with several billing contacts: the new contact comes in addition, nobody is replaced. */
    readonly addedAlongside?: boolean;
    readonly reason: string;
    readonly channel: string;
    readonly conversationKey: string;
    /** One request per key: a retried activity finds the request its first attempt filed. */
    readonly dedupeKey: string;
}

/** A stored change request. */
export interface ChangeRequest extends Omit<NewChangeRequest, 'dedupeKey'> {
    readonly id: number;
    /** `BC-<year>-<6 digits>`. */
    readonly reference: string;
    readonly status: ChangeRequestStatus;
    readonly note: string | null;
    /** A current billing contact objected to the request (issue 12); at most once. */
    readonly objection?: Objection;
    readonly createdAt: number;
    readonly updatedAt: number;
}

/** Who objected to a request, and when. */
export interface Objection {
    readonly userId: string;
    readonly name: string;
    readonly at: number;
}

interface Row {
    id: number;
    reference: string;
    status: ChangeRequestStatus;
    account_id: string;
    account_name: string;
    requester_id: string;
    requester_name: string;
    requester_lang: string;
    old_contacts: string;
    new_contact_user_id: string | null;
    new_contact_name: string;
    new_contact_email: string | null;
    replaces_contact_id: string | null;
    added_alongside: number;
    reason: string;
    channel: string;
    conversation_key: string;
    note: string | null;
    objected_by_id: string | null;
    objected_by_name: string | null;
    objected_at: number | null;
    created_at: number;
    updated_at: number;
}

const COLUMNS = `id, reference, status, account_id, account_name, requester_id, requester_name, requester_lang, old_contacts,
    new_contact_user_id, new_contact_name, new_contact_email, replaces_contact_id, added_alongside, reason, channel, conversation_key, note, objected_by_id, objected_by_name, objected_at, created_at, updated_at`;

/** Formats the reference of the `seq`-th request of `year`. */
export function formatReference(year: number, seq: number): string {
    return `BC-${year}-${String(seq).padStart(6, '0')}`;
}

/** Reads and writes change requests. Construct it over a transaction handle where several statements must go together. */
export class ChangeRequestRepository {
    public constructor(private readonly db: Queryable) {}

    /**
     * Stores the request with the next reference of the year. Run it inside a
     * transaction: the number is read and taken in two statements.
     */
    public async insert(request: NewChangeRequest, now: number): Promise<ChangeRequest> {
        const year = new Date(now).getUTCFullYear();
        const next = await this.db.get<{ seq: number }>('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM change_requests WHERE year = ?', [year]);
        const seq = next?.seq ?? 1;
        if (seq > 999_999) {
            throw new Error(`ChangeRequestRepository.insert(): no reference numbers left for ${year}`);
        }
        const reference = formatReference(year, seq);
        const { newContact } = request;
        await this.db.run(
            `INSERT INTO change_requests (reference, year, seq, account_id, account_name, requester_id, requester_name, requester_lang, old_contacts,
                 new_contact_user_id, new_contact_name, new_contact_email, replaces_contact_id, added_alongside, reason, channel, conversation_key, dedupe_key, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            [
                reference,
                year,
                seq,
                request.accountId,
                request.accountName,
                request.requesterId,
                request.requesterName,
                request.requesterLang,
                JSON.stringify(request.oldContacts),
                newContact.userId ?? null,
                newContact.name,
                newContact.email ?? null,
                request.replacesContactId ?? null,
                request.addedAlongside ? 1 : 0,
                request.reason,
                request.channel,
                request.conversationKey,
                request.dedupeKey,
                now,
                now
            ]
        );
        const stored = await this.byReference(reference);
        if (!stored) {
            throw new Error(`ChangeRequestRepository.insert(): ${reference} was not stored`);
        }
        return stored;
    }

    public async byReference(reference: string): Promise<ChangeRequest | undefined> {
        const row = await this.db.get<Row>(`SELECT ${COLUMNS} FROM change_requests WHERE reference = ?`, [reference.toUpperCase()]);
        return row && toRequest(row);
    }

    public async byDedupeKey(dedupeKey: string): Promise<ChangeRequest | undefined> {
        const row = await this.db.get<Row>(`SELECT ${COLUMNS} FROM change_requests WHERE dedupe_key = ?`, [dedupeKey]);
        return row && toRequest(row);
    }

    /** Requests oldest first, optionally only those with one status. */
    public async list(status?: ChangeRequestStatus, limit = 500): Promise<ChangeRequest[]> {
        const rows =
            status === undefined
                ? await this.db.all<Row>(`SELECT ${COLUMNS} FROM change_requests ORDER BY id LIMIT ?`, [limit])
                : await this.db.all<Row>(`SELECT ${COLUMNS} FROM change_requests WHERE status = ? ORDER BY id LIMIT ?`, [status, limit]);
        return rows.map(toRequest);
    }

    /** The requests a person filed, newest first. */
    public async byRequester(requesterId: string, limit = 10): Promise<ChangeRequest[]> {
        const rows = await this.db.all<Row>(`SELECT ${COLUMNS} FROM change_requests WHERE requester_id = ? ORDER BY id DESC LIMIT ?`, [requesterId, limit]);
        return rows.map(toRequest);
    }

    /** The account's requests still waiting for a decision, oldest first. */
    public async openForAccount(accountId: string): Promise<ChangeRequest[]> {
        const rows = await this.db.all<Row>(`SELECT ${COLUMNS} FROM change_requests WHERE account_id = ? AND status IN ('open', 'approved') ORDER BY id`, [accountId]);
        return rows.map(toRequest);
    }

    /** Sets the status (and note) of a request; false when it was not in `expected` any more. */
    public async setStatus(id: number, expected: ChangeRequestStatus, status: ChangeRequestStatus, note: string | null, now: number): Promise<boolean> {
        const result = await this.db.run('UPDATE change_requests SET status = ?, note = COALESCE(?, note), updated_at = ? WHERE id = ? AND status = ?', [status, note, now, id, expected]);
        return result.changes === 1;
    }

    /** Records `objector`'s objection; false when the request has one already (one per request). */
    public async recordObjection(id: number, objector: { readonly id: string; readonly name: string }, now: number): Promise<boolean> {
        const result = await this.db.run(
            'UPDATE change_requests SET objected_by_id = ?, objected_by_name = ?, objected_at = ?, updated_at = ? WHERE id = ? AND objected_at IS NULL',
            [objector.id, objector.name, now, now, id]
        );
        return result.changes === 1;
    }

    /** Requests of these accounts, newest first. */
    public async forAccounts(accountIds: readonly string[], limit = 10): Promise<ChangeRequest[]> {
        if (accountIds.length === 0) {
            return [];
        }
        const rows = await this.db.all<Row>(`SELECT ${COLUMNS} FROM change_requests WHERE account_id IN (${accountIds.map(() => '?').join(', ')}) ORDER BY id DESC LIMIT ?`, [...accountIds, limit]);
        return rows.map(toRequest);
    }

    /** How many requests a person filed since `since` (rate limit). */
    public async countByRequesterSince(requesterId: string, since: number): Promise<number> {
        const row = await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM change_requests WHERE requester_id = ? AND created_at >= ?', [requesterId, since]);
        return row?.n ?? 0;
    }
}

function toRequest(row: Row): ChangeRequest {
    return {
        id: row.id,
        reference: row.reference,
        status: row.status,
        accountId: row.account_id,
        accountName: row.account_name,
        requesterId: row.requester_id,
        requesterName: row.requester_name,
        requesterLang: isLang(row.requester_lang) ? row.requester_lang : 'en',
        oldContacts: JSON.parse(row.old_contacts) as ContactSnapshot[],
        newContact: {
            ...(row.new_contact_user_id === null ? {} : { userId: row.new_contact_user_id }),
            name: row.new_contact_name,
            ...(row.new_contact_email === null ? {} : { email: row.new_contact_email })
        },
        ...(row.replaces_contact_id === null ? {} : { replacesContactId: row.replaces_contact_id }),
        ...(row.added_alongside ? { addedAlongside: true } : {}),
        reason: row.reason,
        channel: row.channel,
        conversationKey: row.conversation_key,
        note: row.note,
        ...(row.objected_by_id === null || row.objected_at === null ? {} : { objection: { userId: row.objected_by_id, name: row.objected_by_name ?? '', at: Number(row.objected_at) } }),
        createdAt: row.created_at,
        updatedAt: row.updated_at
    };
}

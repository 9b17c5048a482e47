import * as crypto from 'crypto';
import type { Lang } from '../../core/language';
import type { Database } from '../database';
import { insertDelivery, type NewDelivery } from './proactiveDeliveryRepository';
import type { Handoff, HandoffCloseReason, HandoffContext, HandoffMessage, HandoffSender, HandoffStatus, TranscriptLine } from '../handoffModel';

interface HandoffRow {
    id: number;
    public_id: string;
    conversation_key: string;
    status: HandoffStatus;
    lang: Lang;
    channel_id: string;
    description: string | null;
    context: string;
    history: string;
    agent_login: string | null;
    created_at: number;
    accepted_at: number | null;
    closed_at: number | null;
    close_reason: HandoffCloseReason | null;
    close_note: string | null;
    flow: string | null;
    told_position: number | null;
    customer_away_at: number | null;
    waiting_since: number | null;
}

interface MessageRow {
    id: number;
    handoff_id: number;
    at: number;
    sender: HandoffSender;
    agent_login: string | null;
    text: string;
}

/** A handoff to queue. */
export interface NewHandoff {
    readonly conversationKey: string;
    readonly lang: Lang;
    readonly channelId: string;
    readonly description?: string;
    readonly context: HandoffContext;
    readonly history: readonly TranscriptLine[];
}

const COLUMNS =
    'id, public_id, conversation_key, status, lang, channel_id, description, context, history, agent_login, created_at, accepted_at, closed_at, close_reason, close_note, flow, told_position, customer_away_at, waiting_since';

/**
 * The queue and the live exchanges: handoffs and their messages. Every
 * message turn asks whether its conversation has an open handoff, and almost
 * none has: the conversation keys with one are kept in memory (read once,
 * then changed with every write here, the only place that opens or closes
 * handoffs), so that question costs no SQL for the others. Not on
 * PostgreSQL, where other instances open handoffs too: there the database is
 * asked (one indexed read).
 */
export class HandoffRepository {
    private openKeys?: Promise<Set<string>>;

    public constructor(private readonly db: Database) {}

    /**
     * Queues a handoff, or returns the conversation's open one (a retried turn
     * or a second "agent please" never queues twice).
     */
    public async create(handoff: NewHandoff, now: number): Promise<Handoff> {
        const openKeys = await this.openKeySet();
        // Known as open before the row exists: a concurrent openFor then asks the database, which waits for this transaction.
        const known = openKeys.has(handoff.conversationKey);
        openKeys.add(handoff.conversationKey);
        try {
            return await this.insert(handoff, now);
        } catch (err) {
            if (!known) {
                openKeys.delete(handoff.conversationKey);
            }
            throw err;
        }
    }

    private insert(handoff: NewHandoff, now: number): Promise<Handoff> {
        return this.db.transaction(async (tx) => {
            const open = await tx.get<HandoffRow>(`SELECT ${COLUMNS} FROM handoffs WHERE conversation_key = ? AND status IN ('waiting', 'active')`, [handoff.conversationKey]);
            if (open) {
                return toHandoff(open);
            }
            const result = await tx.run(
                'INSERT INTO handoffs (public_id, conversation_key, status, lang, channel_id, description, context, history, created_at, waiting_since) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
                [newPublicId(), handoff.conversationKey, 'waiting', handoff.lang, handoff.channelId, handoff.description ?? null, JSON.stringify(handoff.context), JSON.stringify(handoff.history), now, now]
            );
            const row = await tx.get<HandoffRow>(`SELECT ${COLUMNS} FROM handoffs WHERE id = ?`, [result.lastId]);
            if (!row) {
                throw new Error('HandoffRepository.create(): the new handoff was not found');
            }
            return toHandoff(row);
        }, { locks: [`handoff:conversation:${handoff.conversationKey}`] });
    }

    public async get(id: number): Promise<Handoff | undefined> {
        const row = await this.db.get<HandoffRow>(`SELECT ${COLUMNS} FROM handoffs WHERE id = ?`, [id]);
        return row && toHandoff(row);
    }

    /** The handoff with this public id. */
    public async byPublicId(publicId: string): Promise<Handoff | undefined> {
        const row = await this.db.get<HandoffRow>(`SELECT ${COLUMNS} FROM handoffs WHERE public_id = ?`, [publicId]);
        return row && toHandoff(row);
    }

    /** The public id of a handoff (ids never change, so callers may keep it). */
    public async publicIdOf(id: number): Promise<string | undefined> {
        return (await this.db.get<{ public_id: string }>('SELECT public_id FROM handoffs WHERE id = ?', [id]))?.public_id;
    }

    /** Agents who took part in a handoff: who has it, and whoever wrote, accepted, transferred or noted anything in it. */
    public async participants(id: number): Promise<string[]> {
        const rows = await this.db.all<{ login: string }>(
            'SELECT agent_login AS login FROM handoffs WHERE id = ? AND agent_login IS NOT NULL UNION SELECT agent_login FROM handoff_messages WHERE handoff_id = ? AND agent_login IS NOT NULL',
            [id, id]
        );
        return rows.map((row) => row.login);
    }

    /** The person's other handoffs (by the verified user in their context), newest first. */
    public async earlierOf(userId: string, exceptId: number, limit = 10): Promise<Handoff[]> {
        const rows = await this.db.all<HandoffRow>(
            `SELECT ${COLUMNS} FROM handoffs WHERE json_extract(context, '$.identity.userId') = ? AND id <> ? AND created_at <= (SELECT created_at FROM handoffs WHERE id = ?) ORDER BY created_at DESC, id DESC LIMIT ?`,
            [userId, exceptId, exceptId, limit]
        );
        return rows.map(toHandoff);
    }

    /** The conversation's waiting or active handoff. */
    public async openFor(conversationKey: string): Promise<Handoff | undefined> {
        // On PostgreSQL another instance may have opened one since: the database is asked every time.
        if (this.db.dialect !== 'postgres' && !(await this.openKeySet()).has(conversationKey)) {
            return undefined;
        }
        const row = await this.db.get<HandoffRow>(`SELECT ${COLUMNS} FROM handoffs WHERE conversation_key = ? AND status IN ('waiting', 'active')`, [conversationKey]);
        return row && toHandoff(row);
    }

    /** The queue, first come first served. */
    public async waiting(): Promise<Handoff[]> {
        return (await this.db.all<HandoffRow>(`SELECT ${COLUMNS} FROM handoffs WHERE status = 'waiting' ORDER BY customer_away_at IS NOT NULL, created_at, id`)).map(toHandoff);
    }

    /** Conversations agents have now, oldest first; only one agent's when `login` is given. */
    public async active(login?: string): Promise<Handoff[]> {
        const rows =
            login === undefined
                ? await this.db.all<HandoffRow>(`SELECT ${COLUMNS} FROM handoffs WHERE status = 'active' ORDER BY accepted_at, id`)
                : await this.db.all<HandoffRow>(`SELECT ${COLUMNS} FROM handoffs WHERE status = 'active' AND agent_login = ? ORDER BY accepted_at, id`, [login]);
        return rows.map(toHandoff);
    }

    /** Moves a waiting handoff to an agent; false when it is no longer waiting (someone else was quicker). */
    public async accept(id: number, login: string, now: number): Promise<boolean> {
        const result = await this.db.run("UPDATE handoffs SET status = 'active', agent_login = ?, accepted_at = ? WHERE id = ? AND status = 'waiting'", [login, now, id]);
        return result.changes === 1;
    }

    /** Gives an active handoff to another agent; false when it is not active with `from`. */
    public async transfer(id: number, from: string, to: string): Promise<boolean> {
        const result = await this.db.run("UPDATE handoffs SET agent_login = ? WHERE id = ? AND status = 'active' AND agent_login = ?", [to, id, from]);
        return result.changes === 1;
    }

    /**
     * Puts an active handoff of `login` back into the queue (the agent signed
     * out): its wait starts over at `now`, so the wait timeout counts from
     * here, but its place stays that of when the person first asked, ahead of
     * everyone who came later. False when it is not active with `login`.
     */
    public async requeue(id: number, login: string, now: number): Promise<boolean> {
        const result = await this.db.run(
            "UPDATE handoffs SET status = 'waiting', agent_login = NULL, accepted_at = NULL, waiting_since = ?, told_position = NULL WHERE id = ? AND status = 'active' AND agent_login = ?",
            [now, id, login]
        );
        return result.changes === 1;
    }

    /** Ends an open handoff; false when it was already over. */
    public async close(id: number, reason: HandoffCloseReason, now: number, note?: string, flow?: string): Promise<boolean> {
        const openKeys = await this.openKeySet();
        const closed = await this.db.get<{ conversation_key: string }>(
            "UPDATE handoffs SET status = 'closed', closed_at = ?, close_reason = ?, close_note = ?, flow = ? WHERE id = ? AND status IN ('waiting', 'active') RETURNING conversation_key",
            [now, reason, note ?? null, flow ?? null, id]
        );
        if (closed) {
            openKeys.delete(closed.conversation_key);
        }
        return closed !== undefined;
    }

    /** Remembers the queue position last told to the person. */
    public async setToldPosition(id: number, position: number): Promise<void> {
        await this.db.run('UPDATE handoffs SET told_position = ? WHERE id = ?', [position, id]);
    }

    /**
     * Marks the person's chat page of the conversation's open handoff as
     * closed since `at`, or open again (`at` null). Returns the handoff when
     * its mark changed (not when it was so already), else undefined.
     */
    public async setCustomerAway(conversationKey: string, at: number | null): Promise<Handoff | undefined> {
        const open = await this.openFor(conversationKey);
        if (!open || (open.customerAwayAt === null) === (at === null)) {
            return undefined;
        }
        const result = await this.db.run(
            `UPDATE handoffs SET customer_away_at = ? WHERE id = ? AND status IN ('waiting', 'active') AND customer_away_at IS ${at === null ? 'NOT NULL' : 'NULL'}`,
            [at, open.id]
        );
        return result.changes > 0 ? { ...open, customerAwayAt: at } : undefined;
    }

    /** Keeps the conversation's language current for messages the bot sends on its own. */
    public async setLang(id: number, lang: Lang): Promise<void> {
        await this.db.run('UPDATE handoffs SET lang = ? WHERE id = ? AND lang <> ?', [lang, id, lang]);
    }

    /** How long the last accepted handoffs waited, newest first (for wait estimates). */
    public async recentWaits(limit: number): Promise<number[]> {
        const rows = await this.db.all<{ wait: number }>('SELECT accepted_at - COALESCE(waiting_since, created_at) AS wait FROM handoffs WHERE accepted_at IS NOT NULL ORDER BY accepted_at DESC LIMIT ?', [limit]);
        return rows.map((row) => row.wait);
    }

    /** The keys of conversations with a waiting or active handoff, read from the database once. */
    private openKeySet(): Promise<Set<string>> {
        this.openKeys ??= this.db.all<{ conversation_key: string }>("SELECT conversation_key FROM handoffs WHERE status IN ('waiting', 'active')").then(
            (rows) => new Set(rows.map((row) => row.conversation_key)),
            (err: unknown) => {
                this.openKeys = undefined;
                throw err;
            }
        );
        return this.openKeys;
    }

    public async addMessage(handoffId: number, sender: HandoffSender, text: string, now: number, agentLogin?: string): Promise<HandoffMessage> {
        const result = await this.db.run('INSERT INTO handoff_messages (handoff_id, at, sender, agent_login, text) VALUES (?, ?, ?, ?, ?)', [handoffId, now, sender, agentLogin ?? null, text]);
        return { id: result.lastId, handoffId, at: now, sender, agentLogin: agentLogin ?? null, text };
    }

    /**
     * Records a line and the proactive message that carries it to the person
     * in one transaction: a crash leaves both or neither.
     */
    public async addMessageToDeliver(
        handoffId: number,
        sender: HandoffSender,
        text: string,
        now: number,
        agentLogin: string | undefined,
        delivery: Pick<NewDelivery, 'conversationKey' | 'instruction'>
    ): Promise<{ message: HandoffMessage; deliveryId: number }> {
        return this.db.transaction(async (tx) => {
            const result = await tx.run('INSERT INTO handoff_messages (handoff_id, at, sender, agent_login, text) VALUES (?, ?, ?, ?, ?)', [handoffId, now, sender, agentLogin ?? null, text]);
            const deliveryId = await insertDelivery(tx, { ...delivery, handoffId, messageId: result.lastId }, now);
            return { message: { id: result.lastId, handoffId, at: now, sender, agentLogin: agentLogin ?? null, text }, deliveryId };
            // Two inserts, nothing read: no other transaction to wait for.
        }, { locks: [] });
    }

    /** The live exchange of a handoff, in order (the last `limit` lines). */
    public async messages(handoffId: number, limit = 500): Promise<HandoffMessage[]> {
        const rows = await this.db.all<MessageRow>(
            'SELECT id, handoff_id, at, sender, agent_login, text FROM (SELECT * FROM handoff_messages WHERE handoff_id = ? ORDER BY id DESC LIMIT ?) ORDER BY id',
            [handoffId, limit]
        );
        return rows.map((row) => ({ id: row.id, handoffId: row.handoff_id, at: row.at, sender: row.sender, agentLogin: row.agent_login, text: row.text }));
    }
}

/** 128 random bits, URL-safe. */
function newPublicId(): string {
    return crypto.randomBytes(16).toString('base64url');
}

function toHandoff(row: HandoffRow): Handoff {
    return {
        id: row.id,
        publicId: row.public_id,
        conversationKey: row.conversation_key,
        status: row.status,
        lang: row.lang,
        channelId: row.channel_id,
        description: row.description,
        context: JSON.parse(row.context) as HandoffContext,
        history: JSON.parse(row.history) as TranscriptLine[],
        agentLogin: row.agent_login,
        createdAt: row.created_at,
        waitingSince: row.waiting_since ?? row.created_at,
        acceptedAt: row.accepted_at,
        closedAt: row.closed_at,
        closeReason: row.close_reason,
        closeNote: row.close_note,
        flow: row.flow,
        toldPosition: row.told_position,
        customerAwayAt: row.customer_away_at
    };
}

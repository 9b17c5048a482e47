import type { Database, Queryable } from '../database';

/** Where a proactive message stands: waiting to be sent (or retried), accepted by the channel, or given up. */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** A proactive message to write before it is sent. */
export interface NewDelivery {
    readonly conversationKey: string;
    /** The instruction for the bot's proactive turn, as JSON-serialisable data. */
    readonly instruction: unknown;
    readonly handoffId?: number;
    /** The line of the live exchange it carries (an agent's message). */
    readonly messageId?: number;
}

/** A proactive message as stored. */
export interface Delivery {
    readonly id: number;
    readonly conversationKey: string;
    readonly instruction: unknown;
    readonly handoffId: number | null;
    readonly messageId: number | null;
    readonly status: DeliveryStatus;
    readonly attempts: number;
    readonly nextAt: number;
}

interface DeliveryRow {
    id: number;
    conversation_key: string;
    instruction: string;
    handoff_id: number | null;
    message_id: number | null;
    status: DeliveryStatus;
    attempts: number;
    next_at: number;
}

const COLUMNS = 'id, conversation_key, instruction, handoff_id, message_id, status, attempts, next_at';

/**
 * Writes a delivery inside a transaction someone else opened (the step that
 * records the agent's message writes its delivery in the same transaction).
 */
export async function insertDelivery(tx: Queryable, delivery: NewDelivery, now: number): Promise<number> {
    const result = await tx.run('INSERT INTO proactive_deliveries (conversation_key, instruction, handoff_id, message_id, next_at, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
        delivery.conversationKey,
        JSON.stringify(delivery.instruction),
        delivery.handoffId ?? null,
        delivery.messageId ?? null,
        now,
        now
    ]);
    return result.lastId;
}

/** The proactive-delivery outbox (`proactive_deliveries`, migration 008). */
/**
 * How long a delivery claimed by one instance (PostgreSQL) is left to it
 * before another may run it: its attempt either ends in `delivered` or sets
 * the next attempt itself; only a crashed instance lets the lease run out.
 */
export const CLAIM_LEASE_MS = 5 * 60_000;

export class ProactiveDeliveryRepository {
    public constructor(private readonly db: Database) {}

    public add(delivery: NewDelivery, now: number): Promise<number> {
        return insertDelivery(this.db, delivery, now);
    }

    public async get(id: number): Promise<Delivery | undefined> {
        const row = await this.db.get<DeliveryRow>(`SELECT ${COLUMNS} FROM proactive_deliveries WHERE id = ?`, [id]);
        return row && toDelivery(row);
    }

    /**
     * The next delivery of each conversation that has pending ones, if it is
     * due: a conversation's messages go out in the order they were written, so
     * one waiting for its retry holds back the later ones.
     */
    public async due(now: number, limit = 50): Promise<Delivery[]> {
        if (this.db.dialect === 'postgres') {
            // Several instances: the rows returned are claimed (see CLAIM_LEASE_MS); rows another instance is claiming are skipped.
            const rows = await this.db.all<DeliveryRow>(
                `UPDATE proactive_deliveries SET next_at = ?
                  WHERE id IN (SELECT p.id FROM proactive_deliveries p WHERE p.status = 'pending' AND p.next_at <= ?
                                  AND NOT EXISTS (SELECT 1 FROM proactive_deliveries q WHERE q.status = 'pending' AND q.conversation_key = p.conversation_key AND q.id < p.id)
                                ORDER BY p.id LIMIT ? FOR UPDATE OF p SKIP LOCKED)
                 RETURNING ${COLUMNS}`,
                [now + CLAIM_LEASE_MS, now, limit]
            );
            return rows.sort((a, b) => a.id - b.id).map(toDelivery);
        }
        const rows = await this.db.all<DeliveryRow>(
            // Due pending rows with no earlier pending row of their conversation; both reads go through
            // indexes of pending rows, so the delivered history (kept 30 days) is never read here.
            `SELECT ${COLUMNS} FROM proactive_deliveries p WHERE p.status = 'pending' AND p.next_at <= ?
               AND NOT EXISTS (SELECT 1 FROM proactive_deliveries q WHERE q.status = 'pending' AND q.conversation_key = p.conversation_key AND q.id < p.id)
             ORDER BY p.id LIMIT ?`,
            [now, limit]
        );
        return rows.map(toDelivery);
    }

    /** Counts an attempt before it is made, so a crash during it still counts. */
    public async countAttempt(id: number): Promise<number> {
        const row = await this.db.get<{ attempts: number }>("UPDATE proactive_deliveries SET attempts = attempts + 1 WHERE id = ? AND status = 'pending' RETURNING attempts", [id]);
        return row?.attempts ?? 0;
    }

    public async delivered(id: number, now: number): Promise<void> {
        await this.db.run("UPDATE proactive_deliveries SET status = 'delivered', delivered_at = ?, last_error = NULL WHERE id = ?", [now, id]);
    }

    /** A failed attempt: try again at `nextAt`, or give up (`failed`) when `nextAt` is undefined. */
    public async attemptFailed(id: number, error: string, nextAt: number | undefined): Promise<void> {
        await this.db.run(
            nextAt === undefined
                ? "UPDATE proactive_deliveries SET status = 'failed', last_error = ? WHERE id = ?"
                : "UPDATE proactive_deliveries SET next_at = ?, last_error = ? WHERE id = ? AND status = 'pending'",
            nextAt === undefined ? [error.slice(0, 500), id] : [nextAt, error.slice(0, 500), id]
        );
    }

    /** Sends a failed delivery again from the first attempt; false when it had not failed. */
    public async retry(id: number, now: number): Promise<boolean> {
        const result = await this.db.run("UPDATE proactive_deliveries SET status = 'pending', attempts = 0, next_at = ? WHERE id = ? AND status = 'failed'", [now, id]);
        return result.changes === 1;
    }

    /** Deletes rows delivered before `before`; returns how many. */
    public async deleteDelivered(before: number): Promise<number> {
        return (await this.db.run("DELETE FROM proactive_deliveries WHERE status = 'delivered' AND delivered_at < ?", [before])).changes;
    }

    /** The deliveries of a handoff's lines, by message id. */
    public async forMessages(handoffId: number): Promise<Map<number, Delivery>> {
        const rows = await this.db.all<DeliveryRow>(`SELECT ${COLUMNS} FROM proactive_deliveries WHERE handoff_id = ? AND message_id IS NOT NULL`, [handoffId]);
        return new Map(rows.map((row) => [row.message_id as number, toDelivery(row)]));
    }

    /** The delivery of one line of a handoff. */
    public async forMessage(handoffId: number, messageId: number): Promise<Delivery | undefined> {
        const row = await this.db.get<DeliveryRow>(`SELECT ${COLUMNS} FROM proactive_deliveries WHERE handoff_id = ? AND message_id = ?`, [handoffId, messageId]);
        return row && toDelivery(row);
    }
}

function toDelivery(row: DeliveryRow): Delivery {
    return {
        id: row.id,
        conversationKey: row.conversation_key,
        instruction: JSON.parse(row.instruction) as unknown,
        handoffId: row.handoff_id,
        messageId: row.message_id,
        status: row.status,
        attempts: row.attempts,
        nextAt: row.next_at
    };
}

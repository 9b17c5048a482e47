import type { Database, SqlValue } from '../database';

/** The door a conversation came through. */
export type InsightDoor = 'webchat' | 'teams' | 'other';

/** Why a message counts as not understood. */
export type UnplacedReason = 'out-of-scope' | 'low-confidence' | 'reprompted';

/** One thing that happened in a conversation: a kind and a short code, never free text. */
export interface InsightEvent {
    /** Keyed hash of the conversation key. */
    readonly conversation: string;
    readonly door: InsightDoor;
    readonly lang: 'de' | 'en';
    readonly kind: string;
    readonly detail: string | null;
    readonly at: number;
}

/** A message the bot could not place, masked. */
export interface UnplacedMessage {
    readonly conversationKey: string;
    readonly door: InsightDoor;
    readonly lang: 'de' | 'en';
    readonly reason: UnplacedReason;
    readonly text: string;
    readonly intent: string;
    readonly score: number;
    readonly at: number;
}

/** A rating's comment, masked. */
export interface RatingComment {
    readonly conversationKey: string;
    readonly door: InsightDoor;
    readonly lang: 'de' | 'en';
    readonly rating: 'up' | 'down';
    readonly text: string;
    readonly at: number;
}

/** A period and filter of the supervisor view. */
export interface InsightFilter {
    readonly from: number;
    /** Exclusive. */
    readonly to: number;
    readonly door?: InsightDoor;
    readonly lang?: 'de' | 'en';
}

/** A handoff's times, for queue waits and handling times. */
export interface HandoffTimes {
    readonly channelId: string;
    readonly lang: 'de' | 'en';
    readonly createdAt: number;
    readonly acceptedAt: number | null;
    readonly closedAt: number | null;
}

interface UnplacedRow {
    door: InsightDoor;
    lang: 'de' | 'en';
    reason: UnplacedReason;
    text: string;
    intent: string;
    score: number;
    at: number;
}

interface CommentRow {
    door: InsightDoor;
    lang: 'de' | 'en';
    rating: 'up' | 'down';
    text: string;
    at: number;
}

interface HandoffRow {
    channel_id: string;
    lang: 'de' | 'en';
    created_at: number;
    accepted_at: number | null;
    closed_at: number | null;
}

/** Events, not-understood messages and rating comments of the supervisor view. */
export class InsightRepository {
    public constructor(private readonly db: Database) {}

    /** Stores a turn's events in one statement. */
    public async addEvents(events: readonly InsightEvent[]): Promise<void> {
        if (events.length === 0) {
            return;
        }
        const params: SqlValue[] = [];
        for (const e of events) {
            params.push(e.conversation, e.door, e.lang, e.kind, e.detail, e.at);
        }
        await this.db.run(`INSERT INTO insight_events (conversation, door, lang, kind, detail, at) VALUES ${events.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`, params);
    }

    public async addUnplaced(m: UnplacedMessage): Promise<void> {
        await this.db.run('INSERT INTO insight_unplaced (conversation_key, door, lang, reason, text, intent, score, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
            m.conversationKey,
            m.door,
            m.lang,
            m.reason,
            m.text,
            m.intent,
            m.score,
            m.at
        ]);
    }

    public async addComment(c: RatingComment): Promise<void> {
        await this.db.run('INSERT INTO insight_comments (conversation_key, door, lang, rating, text, at) VALUES (?, ?, ?, ?, ?, ?)', [c.conversationKey, c.door, c.lang, c.rating, c.text, c.at]);
    }

    /**
     * Every event of the conversations that began in the period (their first
     * event in it), with their later events too, oldest first.
     */
    public async eventsOfConversationsStartedIn(filter: InsightFilter): Promise<InsightEvent[]> {
        return this.db.all<InsightEvent>(
            `SELECT e.conversation, e.door, e.lang, e.kind, e.detail, e.at FROM insight_events e
             WHERE e.conversation IN (SELECT conversation FROM insight_events GROUP BY conversation HAVING MIN(at) >= ? AND MIN(at) < ?)
             ORDER BY e.conversation, e.at, e.id`,
            [filter.from, filter.to]
        );
    }

    /** Not-understood messages of the period, newest first (at most `limit`). */
    public async unplaced(filter: InsightFilter, limit: number): Promise<UnplacedRow[]> {
        const { where, params } = filtered(filter);
        return this.db.all<UnplacedRow>(`SELECT door, lang, reason, text, intent, score, at FROM insight_unplaced WHERE ${where} ORDER BY at DESC, id DESC LIMIT ?`, [...params, limit]);
    }

    /** Rating comments of the period, newest first (at most `limit`). */
    public async comments(filter: InsightFilter, limit: number): Promise<CommentRow[]> {
        const { where, params } = filtered(filter);
        return this.db.all<CommentRow>(`SELECT door, lang, rating, text, at FROM insight_comments WHERE ${where} ORDER BY at DESC, id DESC LIMIT ?`, [...params, limit]);
    }

    /** Handoffs created in the period (door and language are filtered by the caller). */
    public async handoffs(filter: InsightFilter): Promise<HandoffTimes[]> {
        const rows = await this.db.all<HandoffRow>('SELECT channel_id, lang, created_at, accepted_at, closed_at FROM handoffs WHERE created_at >= ? AND created_at < ? ORDER BY id', [filter.from, filter.to]);
        return rows.map((r) => ({ channelId: r.channel_id, lang: r.lang, createdAt: r.created_at, acceptedAt: r.accepted_at, closedAt: r.closed_at }));
    }

    /** The names of the people in the directory (what masking hides). */
    public async directoryNames(): Promise<string[]> {
        return (await this.db.all<{ name: string }>('SELECT name FROM users')).map((row) => row.name);
    }

    /** Deletes free text older than `textBefore` and events older than `eventsBefore`; returns how many rows went. */
    public async purge(textBefore: number, eventsBefore: number): Promise<number> {
        const unplaced = await this.db.run('DELETE FROM insight_unplaced WHERE at < ?', [textBefore]);
        const comments = await this.db.run('DELETE FROM insight_comments WHERE at < ?', [textBefore]);
        const events = await this.db.run('DELETE FROM insight_events WHERE at < ?', [eventsBefore]);
        return unplaced.changes + comments.changes + events.changes;
    }
}

function filtered(filter: InsightFilter): { where: string; params: SqlValue[] } {
    const clauses = ['at >= ?', 'at < ?'];
    const params: SqlValue[] = [filter.from, filter.to];
    if (filter.door) {
        clauses.push('door = ?');
        params.push(filter.door);
    }
    if (filter.lang) {
        clauses.push('lang = ?');
        params.push(filter.lang);
    }
    return { where: clauses.join(' AND '), params };
}

import { EventEmitter } from 'events';
import type { Activity } from 'botbuilder';
import type { Clock } from '../../core/clock';
import type { Database } from '../../data/database';

/** A Direct Line conversation as stored. */
export interface DirectLineConversation {
    readonly id: string;
    readonly userId: string;
    readonly locale: string | null;
    readonly createdAt: number;
    /** Watermark of the newest activity (0 before the first). */
    readonly lastSeq: number;
}

/** An activity with its place in the conversation; `seq` is its watermark. */
export interface StoredActivity {
    readonly seq: number;
    readonly activity: Activity;
}

/** Builds the activity to store once its id and time are known. */
export type ActivityBuilder = (id: string, timestamp: Date) => Activity;

interface ConversationRow {
    id: string;
    user_id: string;
    locale: string | null;
    created_at: number;
    last_seq: number;
}

/** Most activities one read returns; clients ask again from the returned watermark. */
export const MAX_ACTIVITIES_PER_READ = 200;

/**
 * The conversations and activities of the built-in Direct Line channel in
 * SQLite. Each appended activity gets the next number of its conversation
 * (its watermark) and an id `conversationId|0000042`, in one transaction, and
 * is then announced to the conversation's listeners (the WebSocket streams).
 */
export class DirectLineStore {
    private readonly events = new EventEmitter();

    public constructor(private readonly db: Database, private readonly clock: Clock) {
        this.events.setMaxListeners(0);
    }

    /** Creates the conversation; false when it exists already. */
    public async createConversation(id: string, userId: string, locale: string | undefined): Promise<boolean> {
        const now = this.clock.now().getTime();
        const result = await this.db.run(
            'INSERT INTO directline_conversations (id, user_id, locale, created_at, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
            [id, userId, locale ?? null, now, now]
        );
        return result.changes === 1;
    }

    public async conversation(id: string): Promise<DirectLineConversation | undefined> {
        const row = await this.db.get<ConversationRow>('SELECT id, user_id, locale, created_at, last_seq FROM directline_conversations WHERE id = ?', [id]);
        return row && { id: row.id, userId: row.user_id, locale: row.locale, createdAt: row.created_at, lastSeq: row.last_seq };
    }

    /**
     * Stores a new activity at the end of the conversation and announces it.
     * @throws when the conversation does not exist.
     */
    public async append(conversationId: string, build: ActivityBuilder): Promise<StoredActivity> {
        const now = this.clock.now();
        const stored = await this.db.transaction(async (tx) => {
            const row = await tx.get<{ last_seq: number }>(
                'UPDATE directline_conversations SET last_seq = last_seq + 1, updated_at = ? WHERE id = ? RETURNING last_seq',
                [now.getTime(), conversationId]
            );
            if (!row) {
                throw new Error(`DirectLineStore.append(): conversation ${conversationId} does not exist`);
            }
            const activity = build(activityId(conversationId, row.last_seq), now);
            await tx.run('INSERT INTO directline_activities (conversation_id, seq, activity_id, activity, created_at) VALUES (?, ?, ?, ?, ?)', [
                conversationId,
                row.last_seq,
                activity.id ?? '',
                JSON.stringify(activity),
                now.getTime()
            ]);
            return { seq: row.last_seq, activity };
        });
        this.events.emit(conversationId, stored);
        return stored;
    }

    /**
     * Moves an activity the bot changed to the end of the conversation, keeping
     * its id, so clients past its old watermark receive the new version.
     * @returns false when there is no such activity.
     */
    public async replace(conversationId: string, activity: Activity): Promise<boolean> {
        const removed = await this.remove(conversationId, activity.id ?? '');
        if (removed) {
            await this.append(conversationId, (_id, timestamp) => ({ ...activity, timestamp }));
        }
        return removed;
    }

    /** Removes an activity from the conversation's history; false when there is none with that id. */
    public async remove(conversationId: string, activityId: string): Promise<boolean> {
        const result = await this.db.run('DELETE FROM directline_activities WHERE conversation_id = ? AND activity_id = ?', [conversationId, activityId]);
        return result.changes > 0;
    }

    /** Activities after `watermark` (0 = from the start), oldest first, at most {@link MAX_ACTIVITIES_PER_READ}. */
    public async after(conversationId: string, watermark: number, limit: number = MAX_ACTIVITIES_PER_READ): Promise<StoredActivity[]> {
        const rows = await this.db.all<{ seq: number; activity: string }>(
            'SELECT seq, activity FROM directline_activities WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?',
            [conversationId, watermark, limit]
        );
        return rows.map((row) => ({ seq: row.seq, activity: JSON.parse(row.activity) as Activity }));
    }

    /** Calls `listener` for every activity appended to the conversation from now on; returns the unsubscribe. */
    public subscribe(conversationId: string, listener: (stored: StoredActivity) => void): () => void {
        this.events.on(conversationId, listener);
        return () => this.events.off(conversationId, listener);
    }

    /** Deletes conversations (and their activities) untouched since `before`; returns how many. */
    public async purgeIdle(before: number): Promise<number> {
        const result = await this.db.run('DELETE FROM directline_conversations WHERE updated_at < ?', [before]);
        return result.changes;
    }
}

/** `conversationId|0000042`, the id format of Azure Direct Line. */
export function activityId(conversationId: string, seq: number): string {
    return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

import * as crypto from 'crypto';
import { EventEmitter } from 'events';
import type { Activity } from 'botbuilder';
import type { Clock } from '../../core/clock';
import { getLogger } from '../../core/logger';
import { KeyedMutex } from '../../core/mutex';
import type { Database } from '../../data/database';
import type { MessageBus } from '../../data/messageBus';

const log = getLogger('channels.directline.store');

/** A Direct Line conversation as stored. */
export interface DirectLineConversation {
    readonly id: string;
    readonly userId: string;
    readonly locale: string | null;
    readonly createdAt: number;
    /** Watermark of the newest activity (0 before the first). */
    readonly lastSeq: number;
    /** Bytes its activities take in storage (migration 010). */
    readonly storedBytes: number;
}

/** An activity with its place in the conversation; `seq` is its watermark. */
export interface StoredActivity {
    readonly seq: number;
    readonly activity: Activity;
}

/**
 * What a subscriber is told of a new activity: the activity itself when it
 * was stored by this instance, only its number when another instance stored
 * it (the subscriber reads it from the database).
 */
export interface AppendedActivity {
    readonly seq: number;
    readonly activity?: Activity;
}

/** The bus topic of "an activity was stored": `[conversationId, seq]`. */
const APPENDED_TOPIC = 'directline.appended';

/** Builds the activity to store once its id and time are known. */
export type ActivityBuilder = (id: string, timestamp: Date) => Activity;

interface ConversationRow {
    id: string;
    user_id: string;
    locale: string | null;
    created_at: number;
    last_seq: number;
    stored_bytes: number;
}

/** Most activities one read returns; clients ask again from the returned watermark. */
export const MAX_ACTIVITIES_PER_READ = 200;

/** Conversations whose last watermark is kept in memory, the most recently used. */
const REMEMBERED_WATERMARKS = 10_000;

/**
 * The conversations and activities of the built-in Direct Line channel in
 * SQLite. Each appended activity gets the next number of its conversation
 * (its watermark) and an id `conversationId|0000042`, is stored with one
 * INSERT (the conversation's `last_seq` follows by the trigger of migration
 * 007), and is then announced to the conversation's listeners (the WebSocket
 * streams). The numbers are handed out in memory, read from the database once
 * per conversation: this store is the process's only writer of these tables,
 * and the appends of a conversation run one at a time (single statements may
 * overtake each other on the connection), so the activities of a
 * conversation are stored, and announced, in the order of their numbers: a
 * client polling past a watermark never skips one stored later.
 *
 * On PostgreSQL, where several instances share the tables, the number is
 * taken from the conversation's row by the same statement that stores the
 * activity (the row stays locked until it commits), so no instance stores a
 * later number before an earlier one is visible; within the instance the
 * appends of a conversation run one at a time, so they are announced in the
 * order of their numbers, and every instance is told through the
 * {@link MessageBus} (conversation id and number only), so a stream held by
 * another instance reads the new activity from the database.
 */
export class DirectLineStore {
    private readonly events = new EventEmitter();
    private readonly lastSeq = new Map<string, number>();
    private readonly appending = new KeyedMutex();
    private readonly unsubscribeBus?: () => void;

    /** @param bus how other instances learn of new activities (PostgreSQL); not needed with one instance. */
    public constructor(private readonly db: Database, private readonly clock: Clock, private readonly bus?: MessageBus) {
        this.events.setMaxListeners(0);
        this.unsubscribeBus = bus?.subscribe(APPENDED_TOPIC, (data) => this.appendedElsewhere(data));
    }

    /** Stops listening to the bus (shutdown). */
    public close(): void {
        this.unsubscribeBus?.();
    }

    /** Another instance (or this one, told again) stored an activity: its subscribers read it from the database. */
    private appendedElsewhere(data: string): void {
        const [conversationId, seq] = JSON.parse(data) as [unknown, unknown];
        if (typeof conversationId === 'string' && typeof seq === 'number' && this.events.listenerCount(conversationId) > 0) {
            this.events.emit(conversationId, { seq } satisfies AppendedActivity);
        }
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
        const row = await this.db.get<ConversationRow>('SELECT id, user_id, locale, created_at, last_seq, stored_bytes FROM directline_conversations WHERE id = ?', [id]);
        return row && { id: row.id, userId: row.user_id, locale: row.locale, createdAt: row.created_at, lastSeq: row.last_seq, storedBytes: row.stored_bytes };
    }

    /**
     * Stores a new activity at the end of the conversation and announces it.
     * With a `dedupeKey`, an activity stored before under the same key (a
     * proactive turn run again after a crash, a message its client posted
     * again) is returned instead, and
     * nothing is stored or announced.
     * @throws when the conversation does not exist.
     */
    public async append(conversationId: string, build: ActivityBuilder, dedupeKey?: string): Promise<StoredActivity> {
        if (this.db.dialect === 'postgres') {
            return this.appending.run(conversationId, () => this.appendShared(conversationId, build, dedupeKey));
        }
        // One at a time per conversation: single statements may overtake each other on SQLite (pipelined), a later number must not be stored first.
        return this.appending.run(conversationId, () => this.appendAlone(conversationId, build, dedupeKey));
    }

    /** {@link append} on SQLite, where this process is the only writer: the number is handed out in memory. */
    private async appendAlone(conversationId: string, build: ActivityBuilder, dedupeKey: string | undefined): Promise<StoredActivity> {
        const known = this.lastSeq.get(conversationId);
        // No await between reading the last number and remembering the next: concurrent appends get distinct numbers.
        const seq = (known ?? (await this.storedSeq(conversationId))) + 1;
        this.remember(conversationId, seq);
        const now = this.clock.now();
        const activity = build(activityId(conversationId, seq), now);
        try {
            const result = await this.db.run(
                'INSERT INTO directline_activities (conversation_id, seq, activity_id, activity, created_at, dedupe_key) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (conversation_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING',
                [conversationId, seq, activity.id ?? '', JSON.stringify(activity), now.getTime(), dedupeKey ?? null]
            );
            if (result.changes === 0 && dedupeKey !== undefined) {
                // Stored before the crash; its number stays unused, which watermarks allow.
                const earlier = await this.db.get<{ seq: number; activity: string }>('SELECT seq, activity FROM directline_activities WHERE conversation_id = ? AND dedupe_key = ?', [
                    conversationId,
                    dedupeKey
                ]);
                if (earlier) {
                    log.info('activity stored before under the same key (a repeated turn); not stored again', { conversation: conversationId, dedupeKey });
                    return { seq: earlier.seq, activity: JSON.parse(earlier.activity) as Activity };
                }
            }
        } catch (err) {
            // Read the number from the database again next time; the conversation may be gone (purged).
            this.lastSeq.delete(conversationId);
            if (/FOREIGN KEY/.test((err as Error).message)) {
                throw new Error(`DirectLineStore.append(): conversation ${conversationId} does not exist`);
            }
            throw err;
        }
        const stored = { seq, activity };
        this.events.emit(conversationId, stored);
        return stored;
    }

    /** {@link append} on a database shared by several instances: the number is allocated in the database. */
    private async appendShared(conversationId: string, build: ActivityBuilder, dedupeKey: string | undefined): Promise<StoredActivity> {
        const now = this.clock.now();
        // The id holds the number, known only inside the statement: the activity is built with a stand-in no one can guess.
        const standIn = `${conversationId}|${crypto.randomUUID()}`;
        const text = JSON.stringify(build(standIn, now));
        const row = await this.db.get<{ seq: number }>(
            `WITH next AS (UPDATE directline_conversations SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq)
             INSERT INTO directline_activities (conversation_id, seq, activity_id, activity, created_at, dedupe_key)
             SELECT ?, last_seq, ? || lpad(last_seq::text, GREATEST(7, length(last_seq::text)), '0'),
                    replace(?, ?, ? || lpad(last_seq::text, GREATEST(7, length(last_seq::text)), '0')), ?, ?
               FROM next
             ON CONFLICT (conversation_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
             RETURNING seq`,
            [conversationId, conversationId, `${conversationId}|`, text, standIn, `${conversationId}|`, now.getTime(), dedupeKey ?? null]
        );
        if (!row) {
            // Stored before under the key (its new number stays unused, which watermarks allow), or no such conversation.
            const stored = dedupeKey === undefined ? undefined : await this.storedUnder(conversationId, dedupeKey);
            if (stored) {
                return stored;
            }
            throw new Error(`DirectLineStore.append(): conversation ${conversationId} does not exist`);
        }
        const stored = { seq: row.seq, activity: JSON.parse(text.split(standIn).join(activityId(conversationId, row.seq))) as Activity };
        this.events.emit(conversationId, stored);
        this.bus?.publish(APPENDED_TOPIC, JSON.stringify([conversationId, row.seq]));
        return stored;
    }

    /** The activity stored under a dedupe key (a proactive turn run again, a message posted again), if any. */
    private async storedUnder(conversationId: string, dedupeKey: string): Promise<StoredActivity | undefined> {
        const earlier = await this.db.get<{ seq: number; activity: string }>('SELECT seq, activity FROM directline_activities WHERE conversation_id = ? AND dedupe_key = ?', [
            conversationId,
            dedupeKey
        ]);
        if (earlier) {
            log.info('activity stored before under the same key (a repeated turn); not stored again', { conversation: conversationId, dedupeKey });
        }
        return earlier && { seq: earlier.seq, activity: JSON.parse(earlier.activity) as Activity };
    }

    /** The conversation's last number as stored, unless another append handed out numbers while this one waited. */
    private async storedSeq(conversationId: string): Promise<number> {
        const row = await this.db.get<{ last_seq: number }>('SELECT last_seq FROM directline_conversations WHERE id = ?', [conversationId]);
        if (!row) {
            throw new Error(`DirectLineStore.append(): conversation ${conversationId} does not exist`);
        }
        return this.lastSeq.get(conversationId) ?? row.last_seq;
    }

    private remember(conversationId: string, seq: number): void {
        this.lastSeq.delete(conversationId);
        this.lastSeq.set(conversationId, seq);
        if (this.lastSeq.size > REMEMBERED_WATERMARKS) {
            this.lastSeq.delete(this.lastSeq.keys().next().value as string);
        }
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
    public subscribe(conversationId: string, listener: (appended: AppendedActivity) => void): () => void {
        this.events.on(conversationId, listener);
        return () => this.events.off(conversationId, listener);
    }

    /** Deletes conversations (and their activities) untouched since `before`; returns how many. */
    public async purgeIdle(before: number): Promise<number> {
        const result = await this.db.run('DELETE FROM directline_conversations WHERE updated_at < ?', [before]);
        if (result.changes > 0) {
            this.lastSeq.clear();
        }
        return result.changes;
    }

    /** Bytes all conversations' activities take (the global storage budget). */
    public async totalBytes(): Promise<number> {
        const row = await this.db.get<{ total: number | null }>('SELECT SUM(stored_bytes) AS total FROM directline_conversations');
        return row?.total ?? 0;
    }

    /** Deletes the `count` conversations (with their activities) untouched the longest; returns how many. */
    public async purgeLeastRecent(count: number): Promise<number> {
        const result = await this.db.run(
            'DELETE FROM directline_conversations WHERE id IN (SELECT id FROM directline_conversations ORDER BY updated_at, id LIMIT ?)',
            [count]
        );
        if (result.changes > 0) {
            this.lastSeq.clear();
        }
        return result.changes;
    }
}

/** `conversationId|0000042`, the id format of Azure Direct Line. */
export function activityId(conversationId: string, seq: number): string {
    return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

import type { TurnContext } from 'botbuilder';
import type { Clock } from '../../core/clock';
import type { Lang } from '../../core/language';
import { getLogger } from '../../core/logger';
import { BoundedMemo } from '../../core/boundedMemo';
import type { SecretBox } from '../../core/secrets';
import type { InsightDoor, InsightRepository, UnplacedReason } from '../../data/repositories/insightRepository';
import type { TurnRecord } from '../../data/repositories/turnRecords';
import { maskText } from './textMask';

const log = getLogger('services.insights');

/** What can happen in a conversation, as the support team's figures count it. */
export type InsightKind =
    /** A message from the person (the first one starts the conversation). */
    | 'message'
    | 'verified'
    /** The billing-role case told (detail: a, b, c or d). */
    | 'case'
    /** A task begun (detail: a {@link TaskKind}). */
    | 'task-started'
    /** A task done (detail: a {@link TaskKind}). */
    | 'task-completed'
    | 'escalated'
    | 'callback'
    /** An agent handed the conversation back to the bot, or the person ended the live chat. */
    | 'handed-back'
    /** The conversation ended with a goodbye. */
    | 'closing'
    /** The person rated the conversation (detail: up or down). */
    | 'rating'
    /** A message the bot could not place (detail: the reason). */
    | 'not-understood';

/** The tasks the bot does for people. */
export type TaskKind = 'billing-role' | 'admin-mail' | 'change-request' | 'portal-reset' | 'topic';

/** Cases of the billing-role table. */
export type BillingCase = 'a' | 'b' | 'c' | 'd';

interface PendingUnplaced {
    readonly reason: UnplacedReason;
    readonly text: string;
    readonly intent: string;
    readonly score: number;
}

interface PendingComment {
    readonly rating: 'up' | 'down';
    readonly text: string;
}

/** What one turn noted, written at its end. */
interface TurnNotes {
    readonly recorder: InsightsRecorder;
    readonly lang: () => Lang;
    readonly events: { kind: InsightKind; detail: string | null; at: number }[];
    unplaced?: PendingUnplaced;
    comment?: PendingComment;
}

const NOTES = Symbol('billingAssistant.insightNotes');

/** Conversations whose keyed hash is kept (about 200 bytes each). */
const PSEUDONYMS_KEPT = 4096;

/** The door of a channel id: the built-in Direct Line and Web Chat, Teams, or another. */
export function doorOf(channelId: string | undefined): InsightDoor {
    switch (channelId) {
        case 'directline':
        case 'webchat':
            return 'webchat';
        case 'msteams':
            return 'teams';
        default:
            return 'other';
    }
}

/**
 * Notes what happens in a conversation for the support team's figures. Notes
 * are collected during the turn ({@link noteInsight}, synchronous, so any
 * dialog can note without waiting); once the turn is saved its events are
 * written with its other rows in one statement ({@link records}, through
 * `TurnRecordWriter`), then a not-understood message or a comment ({@link flush}).
 * Events carry a keyed hash of the conversation and short codes only; the
 * free text of not-understood messages and rating comments is masked.
 * Nothing here ever fails a turn: a failed write is logged and dropped.
 */
export class InsightsRecorder {
    /** Each conversation's keyed hash, computed once for the conversations of the last while rather than on every turn. */
    private readonly pseudonyms = new BoundedMemo<string, string>(PSEUDONYMS_KEPT);

    public constructor(private readonly repository: InsightRepository, private readonly secrets: SecretBox, private readonly clock: Clock) {}

    /** Starts the turn's notes; a message from the person is noted as such. */
    public begin(context: TurnContext, lang: () => Lang): void {
        const notes: TurnNotes = { recorder: this, lang, events: [] };
        context.turnState.set(NOTES, notes);
        if (context.activity.type === 'message') {
            notes.events.push({ kind: 'message', detail: null, at: this.clock.now().getTime() });
        }
    }

    /** Takes the turn's events as rows to write (see `TurnRecordWriter`). Never throws. */
    public records(context: TurnContext): TurnRecord[] {
        const notes = context.turnState.get(NOTES) as TurnNotes | undefined;
        if (!notes || notes.events.length === 0) {
            return [];
        }
        try {
            const conversation = this.pseudonyms.get(conversationKeyOf(context), (key) => this.secrets.hash(`insights:${key}`));
            const door = doorOf(context.activity.channelId);
            const lang = notes.lang();
            return notes.events.splice(0).map((e): TurnRecord => ({ target: 'insight_events', event: { conversation, door, lang, kind: e.kind, detail: e.detail, at: e.at } }));
        } catch (err) {
            log.error('insights not recorded', { error: (err as Error).message });
            return [];
        }
    }

    /** Writes what the turn noted besides its events (a message not understood, a rating's comment). Never throws. */
    public async flush(context: TurnContext): Promise<void> {
        const notes = context.turnState.get(NOTES) as TurnNotes | undefined;
        if (!notes) {
            return;
        }
        // Events not taken by {@link records} (a turn run without the one write of its rows) are written here.
        const leftover = this.records(context);
        context.turnState.delete(NOTES);
        try {
            if (leftover.length > 0) {
                await this.repository.addEvents(leftover.flatMap((r) => (r.target === 'insight_events' ? [r.event] : [])));
            }
            if (notes.unplaced || notes.comment) {
                const conversationKey = conversationKeyOf(context);
                const door = doorOf(context.activity.channelId);
                const lang = notes.lang();
                const names = await this.repository.directoryNames();
                const at = this.clock.now().getTime();
                if (notes.unplaced) {
                    const { reason, text, intent, score } = notes.unplaced;
                    await this.repository.addUnplaced({ conversationKey, door, lang, reason, text: maskText(text, names), intent, score, at });
                }
                if (notes.comment) {
                    await this.repository.addComment({ conversationKey, door, lang, rating: notes.comment.rating, text: maskText(notes.comment.text, names), at });
                }
            }
        } catch (err) {
            log.error('insights not recorded', { error: (err as Error).message });
        }
    }

    /** The time events are noted at. */
    public now(): number {
        return this.clock.now().getTime();
    }
}

/** The conversation key the insights use (channel and conversation id). */
function conversationKeyOf(context: TurnContext): string {
    return `${context.activity.channelId ?? 'unknown'}:${context.activity.conversation?.id ?? 'unknown'}`;
}

function notesOf(context: TurnContext): TurnNotes | undefined {
    return context.turnState.get(NOTES) as TurnNotes | undefined;
}

/** Notes an event of the turn (nothing happens where no recorder runs, e.g. a dialog test without one). */
export function noteInsight(context: TurnContext, kind: InsightKind, detail?: TaskKind | BillingCase | 'up' | 'down' | UnplacedReason): void {
    const notes = notesOf(context);
    notes?.events.push({ kind, detail: detail ?? null, at: notes.recorder.now() });
}

/** Notes a message the bot could not place; only the turn's first such note counts. */
export function noteNotUnderstood(context: TurnContext, reason: UnplacedReason, text: string, intent: string, score: number): void {
    const notes = notesOf(context);
    if (!notes || notes.unplaced || text.trim() === '') {
        return;
    }
    notes.unplaced = { reason, text: text.slice(0, 500), intent, score };
    noteInsight(context, 'not-understood', reason);
}

/** Notes the comment given with a rating (masked when written). */
export function noteRatingComment(context: TurnContext, rating: 'up' | 'down', text: string): void {
    const notes = notesOf(context);
    if (notes) {
        notes.comment = { rating, text: text.slice(0, 1000) };
    }
}

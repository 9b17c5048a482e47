import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import type { TranscriptLine } from '../data/handoffModel';
import { TRANSCRIPT_KEEP_LINES, type TranscriptRepository } from '../data/repositories/transcriptRepository';
import type { Clock } from '../core/clock';
import type { TurnRecord } from '../data/repositories/turnRecords';
import { submittedText } from './activityText';

/** Longest line kept. */
const MAX_LINE = 1000;

const TRANSCRIPT = Symbol('billingAssistant.transcript');

/**
 * Six digits, also typed as `123 456` or `123-456`, the ways the code prompt
 * accepts; or (first group) a change-request or callback reference
 * (`BC-2026-000001`, also without its letters), which stays readable.
 */
const CODE_OR_REFERENCE = /\b((?:[A-Za-z]{2}-)?\d{4}-\d{6})\b|\b\d{3}[ -]?\d{3}\b/g;

/** The turn's lines so far, and how to read the conversation's earlier ones. */
interface TurnTranscript {
    readonly conversationKey: string;
    readonly lines: TranscriptLine[];
    readonly repository: TranscriptRepository;
}

/**
 * Hides what looks like a one-time code, so no code is ever stored in clear
 * text with the transcript; references like `BC-2026-000001` stay as they are.
 */
export function hideCodes(text: string): string {
    return text.replace(CODE_OR_REFERENCE, (match: string, reference: string | undefined) => reference ?? '••••••');
}

/**
 * Keeps the last lines of each conversation (what the person wrote, what the
 * bot answered) for the agents' context, in the `transcripts` table: a turn
 * collects its lines and appends them in one statement at its end; they are
 * read only when the conversation is escalated. The turn's lines are written
 * with its other rows (`TurnRecordWriter`) once its state is saved.
 */
export class TranscriptRecorder {
    public constructor(private readonly repository: TranscriptRepository, private readonly clock: Clock) {}

    /** Records the turn's incoming message and, as they are sent, the bot's replies. */
    public attach(context: TurnContext, conversationKey: string): void {
        const lines: TranscriptLine[] = [];
        context.turnState.set(TRANSCRIPT, { conversationKey, lines, repository: this.repository } satisfies TurnTranscript);
        const add = (from: TranscriptLine['from'], text: string | undefined): void => {
            if (text) {
                lines.push({ at: this.clock.now().getTime(), from, text: text.slice(0, MAX_LINE) });
            }
        };
        if (context.activity.type === ActivityTypes.Message) {
            const text = submittedText(context.activity);
            add('customer', text && hideCodes(text));
        }
        context.onSendActivities(async (_ctx, activities, next) => {
            for (const activity of activities) {
                if (activity.type === ActivityTypes.Message) {
                    add('bot', visibleText(activity));
                }
            }
            return next();
        });
    }

    /**
     * Takes the turn's lines as rows to write; called once the turn's state
     * is saved, so a channel's retry of a turn whose state was not saved
     * records it once.
     */
    public records(context: TurnContext): TurnRecord[] {
        const turn = context.turnState.get(TRANSCRIPT) as TurnTranscript | undefined;
        if (!turn || turn.lines.length === 0) {
            return [];
        }
        const { conversationKey } = turn;
        return turn.lines.splice(0).map((line): TurnRecord => ({ target: 'transcripts', conversationKey, line }));
    }
}

/**
 * The conversation's last lines, this turn's so far included (empty before
 * {@link TranscriptRecorder.attach}).
 */
export async function turnTranscript(context: TurnContext): Promise<readonly TranscriptLine[]> {
    const turn = context.turnState.get(TRANSCRIPT) as TurnTranscript | undefined;
    if (!turn) {
        return [];
    }
    const stored = await turn.repository.recent(turn.conversationKey);
    return [...stored, ...turn.lines].slice(-TRANSCRIPT_KEEP_LINES);
}

function visibleText(activity: Partial<Activity>): string | undefined {
    return activity.text || activity.summary || undefined;
}

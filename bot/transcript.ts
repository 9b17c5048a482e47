import { ActivityTypes, type Activity, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { TranscriptLine } from '../data/handoffModel';
import type { Clock } from '../core/clock';
import { submittedText } from './activityText';

/** Lines kept per conversation for the agents' context. */
const KEEP_LINES = 40;

/** Longest line kept. */
const MAX_LINE = 1000;

const TRANSCRIPT = Symbol('billingAssistant.transcript');

const CODE = /\b\d{6}\b/g;

/** Hides what looks like a one-time code, so no code is ever stored in clear text with the transcript. */
export function hideCodes(text: string): string {
    return text.replace(CODE, '••••••');
}

/**
 * Keeps the last lines of each conversation (what the person wrote, what the
 * bot answered) in the conversation state, so an agent sees how it went before
 * the escalation. It costs no extra write: the state is saved anyway.
 */
export class TranscriptRecorder {
    public constructor(private readonly accessor: StatePropertyAccessor<TranscriptLine[]>, private readonly clock: Clock) {}

    /** Records the turn's incoming message and, as they are sent, the bot's replies. */
    public async attach(context: TurnContext): Promise<void> {
        const lines = await this.accessor.get(context, []);
        context.turnState.set(TRANSCRIPT, lines);
        const add = (from: TranscriptLine['from'], text: string | undefined): void => {
            if (text) {
                lines.push({ at: this.clock.now().getTime(), from, text: text.slice(0, MAX_LINE) });
                if (lines.length > KEEP_LINES) {
                    lines.splice(0, lines.length - KEEP_LINES);
                }
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
}

/** The lines recorded so far in this conversation (empty before {@link TranscriptRecorder.attach}). */
export function turnTranscript(context: TurnContext): readonly TranscriptLine[] {
    return (context.turnState.get(TRANSCRIPT) as TranscriptLine[] | undefined) ?? [];
}

function visibleText(activity: Partial<Activity>): string | undefined {
    return activity.text || activity.summary || undefined;
}

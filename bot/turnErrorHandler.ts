import type { TurnContext } from 'botbuilder';
import { langFromLocale, type Lang } from '../core/language';
import { getLogger } from '../core/logger';
import { conversationKeyOf } from '../turn/conversationKey';
import type { Localizer } from '../language/i18n';
import { findTurnInfo } from '../turn/turn';

const log = getLogger('bot.turnError');

/** After this many failed turns in a row, the conversation's dialog position is dropped. */
const FAILURES_BEFORE_RESET = 2;

/** Failed turns in a row per conversation: the bot clears a count after a turn that succeeded. */
export class TurnFailures {
    private readonly counts = new Map<string, number>();

    /** Call after every successful turn. */
    public succeeded(conversationKey: string): void {
        this.counts.delete(conversationKey);
    }

    /** Counts a failed turn; returns the failures in a row. */
    public failed(conversationKey: string): number {
        const count = (this.counts.get(conversationKey) ?? 0) + 1;
        this.counts.set(conversationKey, count);
        if (this.counts.size > 10_000) {
            this.counts.clear();
        }
        return count;
    }
}

/** What the error handler resets after repeated failures (the bot). */
export interface DialogReset {
    resetDialog(context: TurnContext): Promise<void>;
}

/**
 * The one turn-error handler: logs with context, apologises in the person's
 * language, and keeps the conversation usable. The failed turn's state was
 * not saved, so the person can simply try again; when the same conversation
 * fails twice in a row its dialog position is reset.
 */
export class TurnErrorHandler {
    public constructor(private readonly localizer: Localizer, private readonly failures: TurnFailures, private readonly dialogs: DialogReset) {}

    public readonly handle = async (context: TurnContext, error: Error): Promise<void> => {
        const key = conversationKeyOf(context.activity);
        const count = this.failures.failed(key);
        log.error('turn failed', { conversation: key, activityType: context.activity.type, channel: context.activity.channelId, failures: count, error });
        const lang = this.languageOf(context);
        try {
            if (count >= FAILURES_BEFORE_RESET) {
                await this.dialogs.resetDialog(context);
                this.failures.succeeded(key);
                await context.sendActivity(this.localizer.t(lang)('common:errorReset'));
            } else {
                await context.sendActivity(this.localizer.t(lang)('common:error'));
            }
        } catch (sendError) {
            log.error('could not tell the person about the error', { conversation: key, error: sendError });
        }
    };

    private languageOf(context: TurnContext): Lang {
        return findTurnInfo(context)?.lang ?? langFromLocale(context.activity.locale) ?? 'en';
    }
}

import type { TurnContext } from 'botbuilder';
import { langFromLocale, type Lang } from '../core/language';
import { getLogger } from '../core/logger';
import { conversationKeyOf } from '../turn/conversationKey';
import type { Localizer } from '../language/i18n';
import { findTurnInfo } from '../turn/turn';

const log = getLogger('bot.turnError');

/** After this many failed turns in a row, the conversation's dialog position is dropped. */
const FAILURES_BEFORE_RESET = 2;

/**
 * The one turn-error handler: logs with context, apologises in the person's
 * language, and keeps the conversation usable. The failed turn's state was
 * not saved, so the person can simply try again; when the same conversation
 * fails twice in a row its dialog position is reset.
 */
export class TurnErrorHandler {
    private readonly failures = new Map<string, number>();

    public constructor(private readonly localizer: Localizer, private readonly resetDialog: (context: TurnContext) => Promise<void>) {}

    /** Call after every successful turn. */
    public succeeded(conversationKey: string): void {
        this.failures.delete(conversationKey);
    }

    public readonly handle = async (context: TurnContext, error: Error): Promise<void> => {
        const key = conversationKeyOf(context.activity);
        const count = (this.failures.get(key) ?? 0) + 1;
        this.failures.set(key, count);
        if (this.failures.size > 10_000) {
            this.failures.clear();
        }
        log.error('turn failed', { conversation: key, activityType: context.activity.type, channel: context.activity.channelId, failures: count, error });
        const lang = this.languageOf(context);
        try {
            if (count >= FAILURES_BEFORE_RESET) {
                await this.resetDialog(context);
                this.failures.delete(key);
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

import { ActivityHandler, ActivityTypes, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { takeRating } from '../dialogs/rating';
import { DialogSet, DialogTurnStatus, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import { KeyedMutex, NO_SHARED_LOCK, type SharedLock } from '../core/mutex';
import { isLang, langFromLocale, localeOf, type Lang } from '../core/language';
import { getLogger } from '../core/logger';
import type { MainDialog } from '../dialogs/mainDialog';
import type { MainMenuOptions } from '../dialogs/types';
import type { BotServices } from '../services/botServices';
import type { InsightsRecorder } from '../services/insights/insightsRecorder';
import { submittedText } from '../turn/activityText';
import { conversationKeyOf } from '../turn/conversationKey';
import { understandTurn } from '../turn/understand';
import { DialogMemoryReuse } from '../sdkSpeedups/dialogMemoryReuse';
import type { TurnGate } from './handoffGate';
import { changeLanguageOnRequest, DEFAULT_IDENTITY_LIFETIME, expireIdentity, setTurnInfo, turnInfo, type ConversationProfile, type IdentityLifetime, type TurnInfo } from '../turn/turn';

const log = getLogger('bot.billingBot');

/** Event a client sends when the person picks another language outside the chat (the help page's switch). */
export const SET_LANGUAGE_EVENT = 'setLanguage';

/** How many recent activity ids a conversation remembers to recognise a channel's retry. */
const REMEMBERED_ACTIVITY_IDS = 20;

/**
 * The bot: prepares each turn (language, profile), runs the main dialog and
 * saves the conversation state. Turns of one conversation run one at a time,
 * because botbuilder's state saving overwrites with `*` and would otherwise
 * lose an update when two turns of a conversation overlap (across instances
 * too: the shared lock, an advisory lock on PostgreSQL). The ids of the
 * last activities are kept in the conversation state itself, so "this turn is
 * done" is written in the same statement as the turn's state: a retry after a
 * crash runs the turn again exactly when its state was not saved.
 */
export class BillingBot extends ActivityHandler {
    private readonly profileAccessor: StatePropertyAccessor<ConversationProfile>;
    private readonly dialogStateAccessor: StatePropertyAccessor<DialogState>;
    private readonly doneAccessor: StatePropertyAccessor<string[]>;
    private readonly dialogs: DialogSet;
    private readonly turns = new KeyedMutex();
    private readonly dialogMemory = new DialogMemoryReuse();

    public constructor(
        private readonly conversationState: ConversationState,
        private readonly mainDialog: MainDialog,
        private readonly services: BotServices,
        private readonly onTurnSucceeded: (conversationKey: string) => void = () => undefined,
        private readonly gate?: TurnGate,
        private readonly identityLifetime: IdentityLifetime = DEFAULT_IDENTITY_LIFETIME,
        private readonly insights?: InsightsRecorder,
        private readonly sharedLock: SharedLock = NO_SHARED_LOCK
    ) {
        super();
        this.profileAccessor = conversationState.createProperty<ConversationProfile>('profile');
        this.dialogStateAccessor = conversationState.createProperty<DialogState>('dialogState');
        this.doneAccessor = conversationState.createProperty<string[]>('doneActivityIds');
        this.dialogs = new DialogSet(this.dialogStateAccessor);
        this.dialogs.add(mainDialog);

        this.onMembersAdded(async (context, next) => {
            if (!turnInfo(context).profile.welcomed) {
                await this.runDialog(context);
            }
            await next();
        });
        this.onEvent(async (context, next) => {
            if (context.activity.name === SET_LANGUAGE_EVENT && isLang(context.activity.value)) {
                await this.setLanguageOnRequest(context, context.activity.value);
            }
            await next();
        });
        this.onMessage(async (context, next) => {
            await this.runDialog(context);
            await next();
        });
    }

    public override async run(context: TurnContext): Promise<void> {
        // "The person is typing" changes no state: it is passed to an agent who has the chat, and no turn runs.
        if (context.activity.type === ActivityTypes.Typing) {
            await this.gate?.typing(context);
            return;
        }
        const key = conversationKeyOf(context.activity);
        // One turn per conversation in this process, and (on PostgreSQL) across every instance.
        await this.turns.run(key, () => this.sharedLock(`turn:${key}`, () => this.runTurn(context, key)));
    }

    private async runTurn(context: TurnContext, key: string): Promise<void> {
        // A channel's retry of an activity whose turn completed runs no second turn.
        const activityId = context.activity.id;
        const done = await this.doneAccessor.get(context, []);
        if (activityId && done.includes(activityId)) {
            log.info('duplicate activity ignored', { conversation: key, activityId });
            return;
        }
        this.dialogMemory.prepare(context);
        await this.prepareTurn(context, key);
        this.insights?.begin(context, () => turnInfo(context).lang);
        await this.applyIdentityLifetime(context);
        // The handoff hook: while an agent has the conversation, the dialogs do not run.
        if (!(await this.gate?.beforeDialogs(context, (options) => this.restartDialog(context, options)))) {
            await super.run(context);
        }
        if (activityId) {
            await this.doneAccessor.set(context, [...done, activityId].slice(-REMEMBERED_ACTIVITY_IDS));
        }
        await this.conversationState.saveChanges(context, false);
        await this.gate?.afterTurn(context);
        await this.insights?.flush(context);
        this.onTurnSucceeded(key);
    }

    /**
     * A message after the verification ran out (idle or in all): the identity
     * is forgotten and any dialog that relied on it ends, so nothing more is
     * done or shown for it until the person verifies again.
     */
    private async applyIdentityLifetime(context: TurnContext): Promise<void> {
        if (context.activity.type !== ActivityTypes.Message) {
            return;
        }
        if (expireIdentity(turnInfo(context).profile, this.services.clock.now().getTime(), this.identityLifetime)) {
            log.info('verification expired; the person verifies again', { conversation: conversationKeyOf(context.activity) });
            const dc = await this.dialogContext(context);
            await dc.cancelAllDialogs();
        }
    }

    /** The page asked for another language (its language switch): switch and show the open question again in it. */
    private async setLanguageOnRequest(context: TurnContext, lang: Lang): Promise<void> {
        if (!(await changeLanguageOnRequest(context, lang))) {
            return;
        }
        // While an agent has the chat, the open question underneath (the queue's wait) is not the person's next step.
        if (await this.gate?.afterLanguageSwitch(context)) {
            return;
        }
        const dc = await this.dialogContext(context);
        if (dc.activeDialog) {
            await dc.repromptDialog();
        }
    }

    /** Forgets the conversation's dialog position (after repeated failures); keeps language and identity. */
    public async resetDialog(context: TurnContext): Promise<void> {
        await this.dialogStateAccessor.delete(context);
        await this.conversationState.saveChanges(context, true);
    }

    /** Drops the dialog position and starts the main dialog with `options` (after a handoff ends). */
    private async restartDialog(context: TurnContext, options: MainMenuOptions): Promise<void> {
        const dc = await this.dialogContext(context);
        await dc.cancelAllDialogs();
        turnInfo(context).profile.welcomed = true;
        await dc.beginDialog(this.mainDialog.id, options);
    }

    private async dialogContext(context: TurnContext): Promise<DialogContext> {
        const dc = await this.dialogs.createContext(context);
        this.dialogMemory.learn(context, dc);
        return dc;
    }

    /** Resolves when no turn is running (graceful shutdown). */
    public async idle(): Promise<void> {
        await this.turns.idle();
    }

    private async prepareTurn(context: TurnContext, conversationKey: string): Promise<void> {
        const profile = await this.profileAccessor.get(context, {});
        const info: TurnInfo = { conversationKey, profile, lang: profile.lang ?? 'en', t: this.services.localizer.t(profile.lang ?? 'en') };
        setTurnInfo(context, info, (lang) => this.services.localizer.t(lang));
        // Replies carry the conversation's language at the moment they are sent (not the locale the client wrote
        // in, which botbuilder copies onto them), so the help page's widget follows a switch.
        context.onSendActivities(async (ctx, activities, next) => {
            for (const activity of activities) {
                if (activity.type === ActivityTypes.Message) {
                    activity.locale = localeOf(turnInfo(ctx).lang);
                }
            }
            return next();
        });
        const fromLocale = langFromLocale(context.activity.locale);
        // Once decided, the conversation keeps its language whatever locale the client reports later;
        // it changes only when the person asks (in words, by the menu, or by a `setLanguage` event from the page).
        if (profile.lang && profile.langSource !== 'default') {
            return;
        }
        const text = context.activity.type === ActivityTypes.Message ? submittedText(context.activity) : undefined;
        if (fromLocale) {
            this.setLanguage(info, fromLocale, 'locale');
        } else if (text !== undefined) {
            // No locale from the client: the first words decide, and are understood on the way.
            const understood = await this.services.recognizer.recognize(text);
            this.setLanguage(info, understood.language, 'text');
            info.understanding = understood;
        } else {
            profile.langSource = 'default';
        }
    }

    private setLanguage(info: TurnInfo, lang: TurnInfo['lang'], source: 'locale' | 'text'): void {
        info.profile.lang = lang;
        info.profile.langSource = source;
        info.lang = lang;
        info.t = this.services.localizer.t(lang);
    }

    private async runDialog(context: TurnContext): Promise<void> {
        // The answer to "did this help?" after a closing (or the comment after it) is taken before any dialog.
        if (await takeRating(context, this.services.recognizer)) {
            return;
        }
        const dc = await this.dialogContext(context);
        const { profile } = turnInfo(context);
        if (dc.activeDialog) {
            try {
                const result = await dc.continueDialog();
                if (result.status !== DialogTurnStatus.empty) {
                    return;
                }
            } catch (err) {
                if (!/wasn't found|was not found/.test((err as Error).message)) {
                    throw err;
                }
                // A conversation saved by an older release whose dialog no longer exists.
                log.warn('saved dialog stack is from an older release; starting over', { error: (err as Error).message });
                await dc.cancelAllDialogs();
            }
        }
        const options: MainMenuOptions = {
            welcome: !profile.welcomed,
            understood: await understandTurn(context, this.services.recognizer)
        };
        profile.welcomed = true;
        await dc.beginDialog(this.mainDialog.id, options);
    }
}

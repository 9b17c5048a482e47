import { ActivityHandler, ActivityTypes, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import { KeyedMutex } from '../core/mutex';
import { langFromLocale } from '../core/language';
import { getLogger } from '../core/logger';
import type { MainDialog } from '../dialogs/mainDialog';
import type { MainMenuOptions } from '../dialogs/types';
import type { BotServices } from '../services/botServices';
import type { ProcessedActivityRepository } from '../data/repositories/processedActivityRepository';
import { submittedText } from './activityText';
import { conversationKeyOf } from './conversationKey';
import { understandTurn } from './understand';
import { setTurnInfo, turnInfo, type ConversationProfile, type TurnInfo } from './turn';

const log = getLogger('bot.billingBot');

/**
 * The bot: prepares each turn (language, profile), runs the main dialog and
 * saves the conversation state. Turns of one conversation run one at a time,
 * because botbuilder's state saving overwrites with `*` and would otherwise
 * lose an update when two turns of a conversation overlap.
 */
export class BillingBot extends ActivityHandler {
    private readonly profileAccessor: StatePropertyAccessor<ConversationProfile>;
    private readonly dialogStateAccessor: StatePropertyAccessor<DialogState>;
    private readonly dialogs: DialogSet;
    private readonly turns = new KeyedMutex();

    public constructor(
        private readonly conversationState: ConversationState,
        private readonly mainDialog: MainDialog,
        private readonly services: BotServices,
        private readonly processed: ProcessedActivityRepository,
        private readonly onTurnSucceeded: (conversationKey: string) => void = () => undefined
    ) {
        super();
        this.profileAccessor = conversationState.createProperty<ConversationProfile>('profile');
        this.dialogStateAccessor = conversationState.createProperty<DialogState>('dialogState');
        this.dialogs = new DialogSet(this.dialogStateAccessor);
        this.dialogs.add(mainDialog);

        this.onMembersAdded(async (context, next) => {
            if (!turnInfo(context).profile.welcomed) {
                await this.runDialog(context);
            }
            await next();
        });
        this.onMessage(async (context, next) => {
            await this.runDialog(context);
            await next();
        });
    }

    public override async run(context: TurnContext): Promise<void> {
        const key = conversationKeyOf(context.activity);
        await this.turns.run(key, async () => {
            // A channel's retry of an activity whose turn completed runs no second turn.
            const activityKey = context.activity.id ? `${key}:${context.activity.id}` : undefined;
            if (activityKey && (await this.processed.seen(activityKey))) {
                log.info('duplicate activity ignored', { conversation: key, activityId: context.activity.id });
                return;
            }
            await this.prepareTurn(context, key);
            await super.run(context);
            await this.conversationState.saveChanges(context, false);
            if (activityKey) {
                await this.processed.remember(activityKey, this.services.clock.now().getTime());
            }
            this.onTurnSucceeded(key);
        });
    }

    /** Forgets the conversation's dialog position (after repeated failures); keeps language and identity. */
    public async resetDialog(context: TurnContext): Promise<void> {
        await this.dialogStateAccessor.delete(context);
        await this.conversationState.saveChanges(context, true);
    }

    /** Resolves when no turn is running (graceful shutdown). */
    public async idle(): Promise<void> {
        await this.turns.idle();
    }

    private async prepareTurn(context: TurnContext, conversationKey: string): Promise<void> {
        const profile = await this.profileAccessor.get(context, {});
        const info: TurnInfo = { conversationKey, profile, lang: profile.lang ?? 'en', t: this.services.localizer.t(profile.lang ?? 'en') };
        setTurnInfo(context, info, (lang) => this.services.localizer.t(lang));
        const fromLocale = langFromLocale(context.activity.locale);
        if (profile.lang && profile.langSource !== 'default') {
            // A client that now reports another locale (the help page's language switch) is followed, unless the person chose in words.
            if (profile.langSource === 'locale' && fromLocale && fromLocale !== profile.lang) {
                this.setLanguage(info, fromLocale, 'locale');
            }
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
        const dc = await this.dialogs.createContext(context);
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

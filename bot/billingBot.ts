import { ActivityHandler, ActivityTypes, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { SnapshotConversationState } from '../sdkSpeedups/snapshotConversationState';
import { takeRating } from '../dialogs/rating';
import { DialogSet, DialogTurnStatus, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import { KeyedMutex, NO_SHARED_LOCK, type SharedLock } from '../core/mutex';
import { isLang, langFromLocale, localeOf, type Lang } from '../core/language';
import { getLogger } from '../core/logger';
import type { MainDialog } from '../dialogs/mainDialog';
import type { MainMenuOptions } from '../dialogs/types';
import type { Clock } from '../core/clock';
import type { Localizer } from '../language/i18n';
import type { IntentRecognizer } from '../language/nlu';
import type { InsightsRecorder } from '../services/insights/insightsRecorder';
import { submittedText } from '../turn/activityText';
import { conversationKeyOf } from '../turn/conversationKey';
import { languageAskedBeside, understandTurn } from '../turn/understand';
import { DialogMemoryReuse } from '../sdkSpeedups/dialogMemoryReuse';
import { registerDialogsComponentOnce } from '../sdkSpeedups/dialogsRegistrationOnce';
import { parsePathsOnce } from '../sdkSpeedups/parsedPaths';
import { tokenizePlainTextByCharacters } from '../sdkSpeedups/plainTextTokens';
import { reuseInnerDialogContexts } from '../sdkSpeedups/innerDialogContextReuse';
import type { HandoffGate } from './handoffGate';
import { TurnPipeline, type StageOutcome, type TurnStage } from './turnPipeline';
import type { TurnRecord, TurnRecordWriter } from '../data/repositories/turnRecords';
import { changeLanguageOnRequest, DEFAULT_IDENTITY_LIFETIME, LANGUAGE_TAKEN, noteSaidThisTurn, expireIdentity, setTurnInfo, turnInfo, type ConversationProfile, type IdentityLifetime, type TurnInfo } from '../turn/turn';

const log = getLogger('bot.billingBot');

/** Event a client sends when the person picks another language outside the chat (the help page's switch). */
export const SET_LANGUAGE_EVENT = 'setLanguage';

/** How many recent activity ids a conversation remembers to recognise a channel's retry. */
const REMEMBERED_ACTIVITY_IDS = 20;

/** What the bot is built from (`compose.ts`). */
export interface BillingBotParts {
    readonly conversationState: SnapshotConversationState;
    readonly mainDialog: MainDialog;
    readonly clock: Clock;
    readonly localizer: Localizer;
    readonly recognizer: IntentRecognizer;
    /** Transcript, proactive instructions and the relay to an agent. */
    readonly gate: HandoffGate;
    /** Called after every turn that completed (resets the failure count). */
    readonly onTurnSucceeded?: (conversationKey: string) => void;
    readonly identityLifetime?: IdentityLifetime;
    readonly insights?: InsightsRecorder;
    /** One turn per conversation across instances (an advisory lock on PostgreSQL); none by default. */
    readonly sharedLock?: SharedLock;
    /** Writes the rows the turn appends once saved (transcript lines, insight events) in one statement. */
    readonly records: TurnRecordWriter;
}

/**
 * The bot: runs each turn as named stages around the main dialog and one save
 * of the conversation state (see {@link TurnPipeline}): retry guard, language,
 * insights, verification lifetime, transcript, proactive instruction, relay
 * to an agent. Turns of one conversation run one at a time,
 * because botbuilder's state saving overwrites with `*` and would otherwise
 * lose an update when two turns of a conversation overlap (across instances
 * too: the shared lock, an advisory lock on PostgreSQL). The ids of the
 * last activities are kept in the conversation state itself, so "this turn is
 * done" is written in the same statement as the turn's state: a retry after a
 * crash runs the turn again exactly when its state was not saved.
 */
export class BillingBot extends ActivityHandler {
    private readonly conversationState: SnapshotConversationState;
    private readonly mainDialog: MainDialog;
    private readonly gate: HandoffGate;
    private readonly profileAccessor: StatePropertyAccessor<ConversationProfile>;
    private readonly dialogStateAccessor: StatePropertyAccessor<DialogState>;
    private readonly doneAccessor: StatePropertyAccessor<string[]>;
    private readonly dialogs: DialogSet;
    private readonly turns = new KeyedMutex();
    private readonly dialogMemory = new DialogMemoryReuse();
    /** The turn's stages, in order; `ARCHITECTURE.md` lists them. */
    private readonly pipeline: TurnPipeline;

    public constructor(private readonly parts: BillingBotParts) {
        super();
        // Process-wide speed-ups of botbuilder-dialogs and recognizers-text (each says what it relies on); installing twice does nothing.
        registerDialogsComponentOnce();
        parsePathsOnce();
        tokenizePlainTextByCharacters();
        reuseInnerDialogContexts();
        const { conversationState, mainDialog, gate } = parts;
        this.conversationState = conversationState;
        this.mainDialog = mainDialog;
        this.gate = gate;
        this.profileAccessor = conversationState.createProperty<ConversationProfile>('profile');
        this.dialogStateAccessor = conversationState.createProperty<DialogState>('dialogState');
        this.doneAccessor = conversationState.createProperty<string[]>('doneActivityIds');
        this.dialogs = new DialogSet(this.dialogStateAccessor);
        this.dialogs.add(mainDialog);
        this.pipeline = new TurnPipeline([
            this.retryGuardStage(),
            { name: 'language', enter: async (context) => this.prepareTurn(context) },
            this.insightsStage(),
            { name: 'verification lifetime', enter: async (context) => this.applyIdentityLifetime(context) },
            gate.transcriptStage,
            gate.proactiveInstructionStage((context, options) => this.restartDialog(context, options)),
            gate.relayStage((context, options) => this.restartDialog(context, options))
        ], (records) => this.writeRecords(records));

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

    /** The names of the turn's stages, in the order they run. */
    public get stageNames(): readonly string[] {
        return this.pipeline.names;
    }

    public override async run(context: TurnContext): Promise<void> {
        // "The person is typing" changes no state: it is passed to an agent who has the chat, and no turn runs.
        if (context.activity.type === ActivityTypes.Typing) {
            await this.gate.typing(context);
            return;
        }
        const key = conversationKeyOf(context.activity);
        const sharedLock = this.parts.sharedLock ?? NO_SHARED_LOCK;
        // One turn per conversation in this process, and (on PostgreSQL) across every instance.
        await this.turns.run(key, () =>
            sharedLock(`turn:${key}`, async () => {
                this.dialogMemory.prepare(context);
                const completed = await this.pipeline.run(
                    context,
                    () => super.run(context),
                    (records) => this.conversationState.saveWith(context, records)
                );
                if (completed) {
                    this.parts.onTurnSucceeded?.(key);
                }
            })
        );
    }

    /**
     * A channel's retry of an activity whose turn completed runs no second
     * turn; the activity's id is saved with the turn's state (`settle`), so
     * "done" and the state are one write.
     */
    private retryGuardStage(): TurnStage {
        return {
            name: 'retry guard',
            enter: async (context) => {
                const activityId = context.activity.id;
                const done = await this.doneAccessor.get(context, []);
                if (activityId && done.includes(activityId)) {
                    log.info('duplicate activity ignored', { conversation: conversationKeyOf(context.activity), activityId });
                    return 'drop';
                }
                return 'continue';
            },
            settle: async (context) => {
                const activityId = context.activity.id;
                if (activityId) {
                    const done = await this.doneAccessor.get(context, []);
                    await this.doneAccessor.set(context, [...done, activityId].slice(-REMEMBERED_ACTIVITY_IDS));
                }
            }
        };
    }

    /** The support team's notes of the turn, written once the turn is saved. */
    private insightsStage(): TurnStage {
        const insights = this.parts.insights;
        return {
            name: 'insights',
            enter: async (context) => {
                insights?.begin(context, () => turnInfo(context).lang);
                return 'continue';
            },
            records: (context) => insights?.records(context) ?? [],
            afterSave: async (context) => insights?.flush(context)
        };
    }

    /**
     * The turn's rows in one statement. Insights never fail a turn: when the
     * statement fails, the transcript's lines are written on their own (a
     * failure there fails the turn, as before) and the insight events are
     * dropped and logged.
     */
    private async writeRecords(records: readonly TurnRecord[]): Promise<void> {
        try {
            await this.parts.records.write(records);
        } catch (err) {
            const lines = records.filter((record) => record.target === 'transcripts');
            if (lines.length === records.length) {
                throw err;
            }
            log.error('insights not recorded', { error: (err as Error).message });
            if (lines.length > 0) {
                await this.parts.records.write(lines);
            }
        }
    }

    /**
     * A message after the verification ran out (idle or in all): the identity
     * is forgotten and any dialog that relied on it ends, so nothing more is
     * done or shown for it until the person verifies again.
     */
    private async applyIdentityLifetime(context: TurnContext): Promise<StageOutcome> {
        if (context.activity.type !== ActivityTypes.Message) {
            return 'continue';
        }
        if (expireIdentity(turnInfo(context).profile, this.parts.clock.now().getTime(), this.parts.identityLifetime ?? DEFAULT_IDENTITY_LIFETIME)) {
            log.info('verification expired; the person verifies again', { conversation: conversationKeyOf(context.activity) });
            const dc = await this.dialogContext(context);
            await dc.cancelAllDialogs();
        }
        return 'continue';
    }

    /** The page asked for another language (its language switch): switch and show the open question again in it. */
    private async setLanguageOnRequest(context: TurnContext, lang: Lang): Promise<void> {
        if (!(await changeLanguageOnRequest(context, lang))) {
            return;
        }
        // While an agent has the chat, the open question underneath (the queue's wait) is not the person's next step.
        if (await this.gate.afterLanguageSwitch(context)) {
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

    /** Drops the dialog position and starts the main dialog with `options` (after a handoff ends); without options, the next message starts it. */
    private async restartDialog(context: TurnContext, options?: MainMenuOptions): Promise<void> {
        const dc = await this.dialogContext(context);
        await dc.cancelAllDialogs();
        turnInfo(context).profile.welcomed = true;
        if (options) {
            await dc.beginDialog(this.mainDialog.id, options);
        }
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

    /** The conversation's profile and language for this turn (`turnInfo`), decided once per conversation. */
    private async prepareTurn(context: TurnContext): Promise<StageOutcome> {
        const conversationKey = conversationKeyOf(context.activity);
        const profile = await this.profileAccessor.get(context, { noCodeYet: true });
        const info: TurnInfo = { conversationKey, profile, lang: profile.lang ?? 'en', t: this.parts.localizer.t(profile.lang ?? 'en') };
        setTurnInfo(context, info, (lang) => this.parts.localizer.t(lang));
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
        const text = context.activity.type === ActivityTypes.Message ? submittedText(context.activity) : undefined;
        // A whole sentence plainly in the other language ("Wer ist mein Abrechnungskontakt?" on the English page) is
        // a clear signal: the bot answers in the language the person writes. A yes, a name, an address or a code is none.
        // Not at a free-text answer, though: a message to pass on is written for its reader ("Please add five licenses").
        const freeText = freeTextOpen(await this.dialogStateAccessor.get(context));
        // "can we continue in german? who is my billing contact": a clause that asks for a language is a clear signal; the rest is read in it.
        const asked = text !== undefined && !freeText ? await languageAskedBeside(this.parts.recognizer, text) : undefined;
        if (asked) {
            const before = profile.lang && profile.langSource !== 'default' ? info.lang : undefined;
            if (!(await changeLanguageOnRequest(context, asked)) && (!profile.lang || profile.langSource === 'default')) {
                this.setLanguage(info, asked, 'text');
            }
            if (before !== asked) {
                // The dialogs read the same request for the language in the message: it is answered here, once.
                noteSaidThisTurn(context, LANGUAGE_TAKEN);
            }
            return 'continue';
        }
        const written = text !== undefined && !freeText ? this.parts.recognizer.clearLanguage(text) : undefined;
        // Once decided, the conversation keeps its language whatever locale the client reports later;
        // it changes when the person asks (in words, by the menu, or by a `setLanguage` event from the page) or plainly writes another.
        if (profile.lang && profile.langSource !== 'default') {
            if (written && written !== profile.lang) {
                await this.switchToWritten(info, text ?? '', written);
            }
            return 'continue';
        }
        if (written && (await this.switchToWritten(info, text ?? '', written))) {
            return 'continue';
        }
        if (fromLocale) {
            this.setLanguage(info, fromLocale, 'locale');
        } else if (text !== undefined) {
            // No locale from the client: the first words decide, and are understood on the way.
            const understood = await this.parts.recognizer.recognize(text);
            this.setLanguage(info, understood.language, 'text');
            info.understanding = understood;
        } else {
            profile.langSource = 'default';
        }
        return 'continue';
    }

    /**
     * Switches to the language a message is plainly written in, unless it is about something outside the bot's field:
     * "wer hat die fußball-wm gewonnen" on the English page gets what the bot can do, in English; a message that asks for a
     * language is left to the dialog, which switches and says so. True when switched.
     */
    private async switchToWritten(info: TurnInfo, text: string, written: TurnInfo['lang']): Promise<boolean> {
        const understood = await this.parts.recognizer.recognize(text, written);
        // "can we switch to english please?" in a German chat asks for the change: the dialog makes it and says so.
        if (understood.intent === 'out-of-scope' || understood.intent === 'switch-language') {
            return false;
        }
        this.setLanguage(info, written, 'text');
        return true;
    }

    private setLanguage(info: TurnInfo, lang: TurnInfo['lang'], source: 'locale' | 'text'): void {
        info.profile.lang = lang;
        info.profile.langSource = source;
        info.lang = lang;
        info.t = this.parts.localizer.t(lang);
    }

    private async runDialog(context: TurnContext): Promise<void> {
        // The answer to "did this help?" after a closing (or the comment after it) is taken before any dialog.
        if (await takeRating(context, this.parts.recognizer)) {
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
            understood: await understandTurn(context, this.parts.recognizer)
        };
        profile.welcomed = true;
        await dc.beginDialog(this.mainDialog.id, options);
    }
}

/** True when the innermost open prompt takes free text (a message to pass on, a reason, a description). */
function freeTextOpen(state: DialogState | undefined): boolean {
    // The stack grows at its end; a component dialog keeps its own stack in its state, the innermost top is the question open now.
    let top = state?.dialogStack.at(-1);
    for (let inner = innerStack(top); inner?.length; inner = innerStack(top)) {
        top = inner.at(-1);
    }
    const options = (top?.state as { options?: { freeText?: boolean } } | undefined)?.options;
    return options?.freeText === true;
}

function innerStack(instance: DialogState['dialogStack'][number] | undefined): DialogState['dialogStack'] | undefined {
    return (instance?.state as { dialogs?: DialogState } | undefined)?.dialogs?.dialogStack;
}

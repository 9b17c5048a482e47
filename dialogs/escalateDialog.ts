import { EventFactory, TurnContext, type Activity } from 'botbuilder';
import { noteInsight } from '../services/insights/insightsRecorder';
import { ComponentDialog, DialogReason, WaterfallDialog, type DialogInstance, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { recordAction, turnInfo } from '../turn/turn';
import { turnTranscript } from '../turn/transcript';
import type { CallbackReason, Handoff, TranscriptLine } from '../data/handoffModel';
import type { UserRepository } from '../data/repositories/userRepository';
import type { CallbackService } from '../services/callbackService';
import type { HandoffService } from '../services/handoffService';
import type { HandoffSnapshot } from '../services/handoffSnapshot';
import type { IntentRecognizer } from '../language/nlu';
import { understandTurn } from '../turn/understand';
import { goodbyeOnly, stopsWaiting } from './freeTextInterruption';
import { asksHowLong } from './filedRequestFollowUp';
import { LINKS } from '../core/links';
import { DialogIds, PromptIds } from './ids';
import { EmailPrompt } from './prompts/emailPrompt';
import { asksWhyNotNow, localized, type LocalizedText, type PromptButton } from './prompts/localizedPrompt';
import { TextInputPrompt, type TextInput } from './prompts/textInputPrompt';
import { YesNoPrompt } from './prompts/yesNoPrompt';
import { stepValues } from './stepValues';
import { submittedText } from '../turn/activityText';
import { phraseOf, wordsOf } from '../core/words';
import { findEmails } from '../language/entities';
import type { EscalateOptions } from './types';

/** Options of the waiting loop: what to say instead of the plain waiting text. */
interface WaitOptions {
    readonly notice?: LocalizedText;
}

/** Options of the callback offer. */
interface CallbackOptions {
    readonly reason: CallbackReason;
    readonly description?: string;
    /** Why the person came to customer service (for the agents). */
    readonly why: string;
    /** The person answered the offer with their concern: it is noted, and the offer asked again without its lead-in. */
    readonly noted?: boolean;
    /** The person left the queue in words ("I don't want to wait any longer"): told so before the offer. */
    readonly left?: boolean;
    /** The offer was accepted and the concern typed at the address question: noted, and the address asked again. */
    readonly accepted?: boolean;
}

/** The fewest words a concern typed at the callback offer has ("doppelte Abbuchung im Oktober"). */
const CONCERN_MIN_WORDS = 3;

/** A concern typed instead of a yes or no: a statement of a few words, not a question; undefined otherwise. */
function concernOf(text: string): string | undefined {
    const plain = text.trim();
    return wordsOf(plain).length >= CONCERN_MIN_WORDS && !plain.endsWith('?') ? plain : undefined;
}

/** Values the callback waterfall keeps between its steps. */
interface CallbackValues {
    email: string;
}

/** Longest description kept for the agents. */
const MAX_DESCRIPTION = 500;

const SKIP: PromptButton = { value: 'skip', label: 'escalate:button.skip', synonyms: 'escalate:synonyms.skip' };
const LEAVE: PromptButton = { value: 'leave', label: 'escalate:button.leave', synonyms: 'escalate:synonyms.leave' };
/** "Leave the queue?": a yes leaves (taken by the main dialog, which ends the conversation), a no stays. */
const LEAVE_YES: PromptButton = { value: 'yes', label: 'common:yes', answers: 'yes' };
const LEAVE_NO: PromptButton = { value: 'no', label: 'common:no', answers: 'no' };

/** What the escalate dialog uses. */
export interface EscalateDeps {
    readonly users: UserRepository;
    /** The queue to customer service. */
    readonly handoffs: HandoffService;
    readonly handoffSnapshot: HandoffSnapshot;
    readonly callbacks: CallbackService;
    /** Tells a goodbye while waiting from a message for the agent. */
    readonly recognizer: IntentRecognizer;
}

/**
 * "I want to talk to a person": asks for a one-line description, then queues
 * the conversation with its context and tells the person their place and the
 * expected wait; while waiting, what they write is kept for the agent and
 * "cancel" leaves the queue. Outside business hours, with no agent online, or
 * after a wait timeout it offers a callback request with a reference number.
 * Once an agent accepts, the bot's handoff hook relays messages; the agent's
 * hand-back restarts the main dialog.
 */
export class EscalateDialog extends ComponentDialog {
    public constructor(private readonly services: EscalateDeps) {
        super(DialogIds.escalate);
        this.addDialog(new TextInputPrompt(PromptIds.text));
        this.addDialog(new YesNoPrompt(PromptIds.yesNo));
        this.addDialog(new EmailPrompt(PromptIds.email));
        // "the invoice shows the wrong company name …" at the address for the callback: the concern, kept as the note; the address asked again.
        this.addDialog(new EmailPrompt(PromptIds.callbackEmail, async (prompt) => prompt.recognized.succeeded || concernOf(submittedText(prompt.context.activity) ?? '') !== undefined));
        // "Shall customer service email you?" answered with the concern itself ("es geht um eine doppelte Abbuchung"): kept as the note.
        // A concern typed instead of a yes or no is taken; "why can't I talk to someone now" asks why, and is answered (`whyNotNow`).
        this.addDialog(
            new YesNoPrompt(PromptIds.callbackOffer, async (prompt) => {
                const said = submittedText(prompt.context.activity) ?? '';
                return prompt.recognized.succeeded || (concernOf(said) !== undefined && !asksWhyNotNow(turnInfo(prompt.context).t, said));
            })
        );
        this.addDialog(new WaterfallDialog(DialogIds.escalateFlow, [this.askDescriptionStep.bind(this), this.queueStep.bind(this)]));
        this.addDialog(new WaterfallDialog(DialogIds.escalateWait, [this.waitPromptStep.bind(this), this.waitAnswerStep.bind(this)]));
        this.addDialog(new WaterfallDialog(DialogIds.escalateLeave, [this.askLeaveStep.bind(this), this.stayStep.bind(this)]));
        this.addDialog(
            new WaterfallDialog(DialogIds.escalateCallback, [
                this.offerCallbackStep.bind(this),
                this.callbackEmailStep.bind(this),
                this.callbackNoteStep.bind(this),
                this.saveCallbackStep.bind(this)
            ])
        );
        this.initialDialogId = DialogIds.escalateFlow;
    }

    /** Leaving the escalation any other way ("start over") also leaves the queue. */
    protected override async onEndDialog(context: TurnContext, instance: DialogInstance, reason: DialogReason): Promise<void> {
        if (reason === DialogReason.cancelCalled && (await this.services.handoffs.cancelWaiting(turnInfo(context).conversationKey))) {
            await context.sendActivity(turnInfo(context).t('escalate:left'));
        }
        await super.onEndDialog(context, instance, reason);
    }

    private async askDescriptionStep(step: WaterfallStepContext<EscalateOptions>): Promise<DialogTurnResult> {
        const options = step.options ?? {};
        if (options.callbackReason) {
            return step.replaceDialog(DialogIds.escalateCallback, { reason: options.callbackReason, description: options.description, why: options.reason ?? 'asked' } satisfies CallbackOptions);
        }
        const open = await this.services.handoffs.openFor(turnInfo(step.context).conversationKey);
        if (open?.status === 'waiting') {
            return step.replaceDialog(DialogIds.escalateWait, { notice: await this.stillWaitingNotice(open) } satisfies WaitOptions);
        }
        if (options.description) {
            return step.next({ text: options.description } satisfies TextInput);
        }
        // Nobody to put the person through to (closed, no agent online): the matter is asked without "I'll put you through".
        const free = (await this.services.handoffs.availability(turnInfo(step.context).lang)) === 'open';
        return step.prompt(PromptIds.text, localized({ text: { key: free ? 'escalate:askDescription' : 'escalate:askDescriptionNobodyFree' }, buttons: [SKIP], freeText: true }));
    }

    private async queueStep(step: WaterfallStepContext<EscalateOptions>): Promise<DialogTurnResult> {
        const input = step.result as TextInput;
        const description = input.button === 'skip' ? undefined : input.text.trim().slice(0, MAX_DESCRIPTION) || undefined;
        const why = step.options?.reason ?? 'asked';
        const { conversationKey, lang, profile, t } = turnInfo(step.context);
        const availability = await this.services.handoffs.availability(lang);
        if (availability !== 'open') {
            return step.replaceDialog(DialogIds.escalateCallback, { reason: availability, description, why } satisfies CallbackOptions);
        }
        const channelId = step.context.activity.channelId;
        const handoffContext = await this.services.handoffSnapshot.context(profile, lang, channelId, why);
        const history = this.services.handoffSnapshot.history(await turnTranscript(step.context), handoffContext.identity?.email);
        const place = await this.services.handoffs.enqueue({
            conversationKey,
            reference: TurnContext.getConversationReference(step.context.activity),
            lang,
            channelId,
            description,
            context: handoffContext,
            history
        });
        noteInsight(step.context, 'escalated');
        recordAction(step.context, 'escalated', `handoff ${place.handoff.id}`);
        // An external contact center can take it over too; only Direct Line carries the event (Teams rejects it).
        if (this.services.handoffs.settings.external && channelId === 'directline') {
            const initiation = EventFactory.createHandoffInitiation(
                step.context,
                // The stored description: masked like everything else agents see.
                { handoffId: place.handoff.id, language: lang, description: place.handoff.description ?? undefined, reason: why, verified: handoffContext.identity !== undefined },
                { activities: this.transcriptActivities(step.context, history) }
            );
            await step.context.sendActivity(initiation);
        }
        await step.context.sendActivity(t(place.position === 1 ? 'escalate:queuedNext' : 'escalate:queued', { position: place.position, minutes: place.estimateMinutes }));
        return step.replaceDialog(DialogIds.escalateWait, {} satisfies WaitOptions);
    }

    private async waitPromptStep(step: WaterfallStepContext<WaitOptions>): Promise<DialogTurnResult> {
        const text = step.options?.notice ?? { key: 'escalate:waitPrompt' };
        // Shown again (after help, or "no, I'll stay" to leaving the queue): no "I've passed that on" a second time.
        return step.prompt(PromptIds.text, localized({ text, retryText: { key: 'escalate:waitPrompt' }, againText: { key: 'escalate:stillInQueue' }, buttons: [LEAVE], freeText: true }));
    }

    private async waitAnswerStep(step: WaterfallStepContext<WaitOptions>): Promise<DialogTurnResult> {
        const input = step.result as TextInput;
        const { conversationKey, lang, t } = turnInfo(step.context);
        if (input.button === 'leave') {
            const left = await this.services.handoffs.cancelWaiting(conversationKey);
            await step.context.sendActivity(t(left ? 'escalate:left' : 'escalate:notWaiting'));
            return step.endDialog();
        }
        const open = await this.services.handoffs.openFor(conversationKey);
        if (!open || open.status !== 'waiting') {
            await step.context.sendActivity(t('escalate:notWaiting'));
            return step.endDialog();
        }
        if (goodbyeOnly(input.text, await understandTurn(step.context, this.services.recognizer), this.services.recognizer, turnInfo(step.context).t)) {
            // "tschüss", "ok thanks bye": no line for the agent; the person is asked whether to leave the queue.
            return step.replaceDialog(DialogIds.escalateLeave);
        }
        if (stopsWaiting(input.text, t) && (await this.services.handoffs.cancelWaiting(conversationKey))) {
            // "ich will nicht mehr warten": out of the queue at once, and the concern can still reach customer service by email.
            return step.replaceDialog(DialogIds.escalateCallback, { reason: 'timeout', description: open.description ?? undefined, why: 'asked', left: true } satisfies CallbackOptions);
        }
        if (asksHowLong(step.context, input.text)) {
            // "wie lange dauert es noch?": a question to the bot, not a line for the agent; the place in the queue and the wait.
            const place = await this.services.handoffs.place(open);
            const key = place.position === 1 ? 'escalate:waitHowLongNext' : 'escalate:waitHowLong';
            return step.replaceDialog(DialogIds.escalateWait, { notice: { key, args: { position: place.position, minutes: place.estimateMinutes } } } satisfies WaitOptions);
        }
        await this.services.handoffs.fromCustomer(open, input.text, TurnContext.getConversationReference(step.context.activity), lang);
        return step.replaceDialog(DialogIds.escalateWait, { notice: await this.stillWaitingNotice(open) } satisfies WaitOptions);
    }

    private async askLeaveStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        return step.prompt(PromptIds.text, localized({ text: { key: 'escalate:askLeave' }, buttons: [LEAVE_YES, LEAVE_NO], freeText: true }));
    }

    /**
     * The person stays in the queue: a no, or anything else they write (which
     * goes to the agent, as while waiting). A yes never gets here: the main
     * dialog takes it, leaves the queue and ends the conversation.
     */
    private async stayStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const input = step.result as TextInput;
        const { conversationKey, lang } = turnInfo(step.context);
        const open = await this.services.handoffs.openFor(conversationKey);
        if (open?.status !== 'waiting') {
            await step.context.sendActivity(turnInfo(step.context).t('escalate:notWaiting'));
            return step.endDialog();
        }
        if (input.button === 'no') {
            return step.replaceDialog(DialogIds.escalateWait, { notice: { key: 'escalate:stillInQueue' } } satisfies WaitOptions);
        }
        await this.services.handoffs.fromCustomer(open, input.text, TurnContext.getConversationReference(step.context.activity), lang);
        return step.replaceDialog(DialogIds.escalateWait, { notice: await this.stillWaitingNotice(open) } satisfies WaitOptions);
    }

    private async offerCallbackStep(step: WaterfallStepContext<CallbackOptions>): Promise<DialogTurnResult> {
        const { lang, t } = turnInfo(step.context);
        if (step.options.accepted) {
            await step.context.sendActivity(t('escalate:concernNoted'));
            return step.next(true);
        }
        if (step.options.noted) {
            await step.context.sendActivity(t('escalate:concernNoted'));
        } else if (step.options.left) {
            await step.context.sendActivity(t('escalate:leftOnRequest'));
        } else if (step.options.reason === 'closed') {
            await step.context.sendActivity(t('escalate:closed', { hours: this.services.handoffs.settings.businessHours.describe(lang) }));
        } else if (step.options.reason === 'no-agent') {
            await step.context.sendActivity(t('escalate:noAgent'));
        }
        // "Warum nicht sofort?": outside the chat's hours, when they are; else everyone is busy.
        const whyNotNow: LocalizedText = step.options.reason === 'closed' ? { key: 'escalate:whyNotNow.closed', args: { hours: this.services.handoffs.settings.businessHours.describe(lang) } } : { key: 'escalate:whyNotNow.busy' };
        return step.prompt(PromptIds.callbackOffer, localized({ ...YesNoPrompt.options({ key: 'escalate:offerCallback' }), takesMatter: true, personComing: true, whyNotNow }));
    }

    private async callbackEmailStep(step: WaterfallStepContext<CallbackOptions>): Promise<DialogTurnResult> {
        const { profile, t } = turnInfo(step.context);
        if (typeof step.result !== 'boolean') {
            // An address instead of a yes ("kim@example.com"): the answer is yes, to that address.
            const said = submittedText(step.context.activity) ?? '';
            const [address] = findEmails(said, turnInfo(step.context).lang);
            if (address !== undefined && phraseOf(said) === phraseOf(address)) {
                return step.next(address);
            }
            // The concern instead of a yes or no: noted for the team, and the offer asked again.
            const concern = concernOf(said) ?? '';
            return step.replaceDialog(DialogIds.escalateCallback, { ...step.options, description: concern.slice(0, MAX_DESCRIPTION), noted: true } satisfies CallbackOptions);
        }
        if (step.result !== true) {
            // After the wait ran out the person was in the queue: they hear they no longer are.
            await step.context.sendActivity(t(step.options.reason === 'timeout' ? 'escalate:noCallbackAfterWait' : 'escalate:noCallback', { supportUrl: LINKS.support }));
            return step.endDialog();
        }
        const user = profile.identity ? await this.services.users.get(profile.identity.userId) : undefined;
        if (user) {
            await step.context.sendActivity(t('escalate:emailOnFile', { email: user.email }));
            return step.next(user.email);
        }
        // A statement typed here is the person's matter (kept for customer service), not a question of a task to answer.
        return step.prompt(PromptIds.callbackEmail, localized({ text: { key: 'escalate:askEmail' }, retryText: { key: 'escalate:askEmailRetry' }, takesMatter: true, personComing: true }));
    }

    private async callbackNoteStep(step: WaterfallStepContext<CallbackOptions>): Promise<DialogTurnResult> {
        if (typeof step.result !== 'string') {
            // The concern instead of the address: noted (after what was noted before), and the address asked again.
            const concern = concernOf(submittedText(step.context.activity) ?? '') ?? '';
            const description = [step.options.description, concern].filter((part) => part).join('\n');
            return step.replaceDialog(DialogIds.escalateCallback, { ...step.options, description: description.slice(0, MAX_DESCRIPTION), accepted: true } satisfies CallbackOptions);
        }
        stepValues<CallbackValues>(step).email = step.result;
        if (step.options.description) {
            return step.next({ text: step.options.description } satisfies TextInput);
        }
        return step.prompt(PromptIds.text, localized({ text: { key: 'escalate:askNote' }, buttons: [SKIP], freeText: true }));
    }

    private async saveCallbackStep(step: WaterfallStepContext<CallbackOptions>): Promise<DialogTurnResult> {
        const input = step.result as TextInput;
        const values = stepValues<CallbackValues>(step);
        const { conversationKey, lang, profile, t } = turnInfo(step.context);
        const email = values.email ?? '';
        const context = await this.services.handoffSnapshot.context(profile, lang, step.context.activity.channelId, step.options.why);
        const outcome = await this.services.callbacks.request({
            conversationKey,
            email,
            // The conversation's language: the person changes it in words ("auf Englisch bitte") at any step.
            lang,
            note: input.button === 'skip' ? undefined : input.text,
            reason: step.options.reason,
            context
        });
        if (outcome.kind === 'rate-limited') {
            await step.context.sendActivity(t(outcome.scope === 'email' ? 'escalate:callbackLimitEmail' : 'escalate:callbackLimit', { supportUrl: LINKS.support }));
            return step.endDialog();
        }
        noteInsight(step.context, 'callback');
        recordAction(step.context, 'callback-requested', outcome.request.reference);
        await step.context.sendActivity(
            t('escalate:callbackCreated', { reference: outcome.request.reference, email, language: t(`common:languageName.${outcome.request.lang}`) })
        );
        return step.endDialog();
    }

    private async stillWaitingNotice(handoff: Handoff): Promise<LocalizedText> {
        const place = await this.services.handoffs.place(handoff);
        return { key: place.position === 1 ? 'escalate:stillWaitingNext' : 'escalate:stillWaiting', args: { position: place.position, minutes: place.estimateMinutes } };
    }

    /** The history as activities, for the `handoff.initiate` event's transcript attachment. */
    private transcriptActivities(context: TurnContext, history: readonly TranscriptLine[]): Activity[] {
        const { from: user, recipient: bot } = context.activity;
        return history.map((line, index) => ({
            ...context.activity,
            id: `history-${index}`,
            type: 'message',
            text: line.text,
            from: line.from === 'customer' ? user : bot,
            recipient: line.from === 'customer' ? bot : user,
            timestamp: new Date(line.at),
            attachments: [],
            entities: [],
            value: undefined,
            suggestedActions: undefined
        }));
    }
}

import { ActivityTypes, type TurnContext } from 'botbuilder';
import { noteInsight } from '../services/insights/insightsRecorder';
import { sayClosing } from './rating';
import { noteNotUnderstood } from '../services/insights/insightsRecorder';
import { ComponentDialog, Dialog, DialogTurnStatus, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { understandTurn } from '../turn/understand';
import { answerLanguageRequest, readOnWith, turnInfo } from '../turn/turn';
import type { Intent, IntentRecognizer, Understanding } from '../language/nlu';
import { isRequest, requestsOf, understandText } from '../turn/understand';
import type { RequestStatusDeps } from './requestStatusDialog';
import { submittedText } from '../turn/activityText';
import { findReference, saysOnlyYesOrNo } from '../language/entities';
import { asksForPerson } from '../language/personRequest';
import { refusesNamedRequest } from '../language/objectionWords';
import { containsPhrase, phraseOf, sentencesOf, wordsOf } from '../core/words';
import { phraseList } from '../language/phraseLists';
import { DialogIds, PromptIds } from './ids';
import { asksToWithdraw, RequestStatusDialog } from './requestStatusDialog';
import { lastObjectableShown } from './statusAnswer';
import { asksWhyNotNow, buttonLabel, LocalizedPrompt, matchButton, renderText, type LocalizedPromptOptions } from './prompts/localizedPrompt';
import { namedAccount, OTHER_ACCOUNT } from './accountChoice';
import { answerTopic, isTopicIntent } from './topics';
import { asksAboutInvoiceDetails } from './invoiceDetails';
import { correctsTheDraft } from './draftCorrection';
import { beforeGoodbye, clearHumanRequest, closingOnly, neverMindBefore, goodbyeOnly, onlyNeverMind, onlyNothingMore, commandSized, declinedForAnother, plainCommand, settledOnly, statusRequestOnly } from './freeTextInterruption';
import { YesNoPrompt } from './prompts/yesNoPrompt';
import { asksToWrite } from './prompts/pickPrompt';
import { askedOfTheBot, sideQuestion } from './sideQuestion';
import { acknowledgeAddressForm } from './addressForm';
import { addressedLeadIn, draftChange, leadingAnswer, newDraftSentence } from './answerContent';
import { asksQuestion, yesNoAnswer } from './prompts/yesNoAnswer';
import { conjunctionList } from '../core/listFormat';
import type { MainMenuOptions, RequestStatusOptions } from './types';
import { isLang } from '../core/language';
import type { BillingRoleAnswer } from '../services/billingRoleService';
import { UNDERSTANDING_POLICY } from '../language/understandingPolicy';
import type { TFunction } from 'i18next';

/** Tasks about one account that a message naming another of the person's accounts can ask for there. */
/** "hmm ich muss kurz weg, melde mich später" is short; a longer message says more than that ({@link InterruptibleDialog.comesBackLater}). */
const BACK_LATER_MAX_WORDS = 12;

const ACCOUNT_TASKS: ReadonlySet<Intent> = new Set<Intent>(['who-is-billing-contact', 'am-i-billing-contact', 'change-billing-contact', 'email-billing-admin', 'portal-password-reset']);

/** The dialog that keeps what a person entered for a request: typing that request again there does not start it anew. */
const TASK_OF: Partial<Record<Intent, string>> = {
    'change-billing-contact': DialogIds.changeContact,
    'portal-password-reset': DialogIds.portalReset,
    'email-billing-admin': DialogIds.emailAdmin
};

/** What may stand around a request typed at a question and still say only that request ("ok", "bitte", "hallo"). */
const OPENING_WORDS: readonly Intent[] = ['greeting', 'thanks'];

/** What a statement at a question that takes the matter ({@link LocalizedPromptOptions.takesMatter}) says instead of the matter: a command, a person, a greeting or thanks. */
const NO_MATTER: ReadonlySet<Intent> = new Set<Intent>(['cancel', 'start-over', 'help', 'goodbye', 'talk-to-human', 'switch-language', 'greeting', 'thanks']);

/**
 * What a sentence of its own at a draft's send question means instead of new words for the draft, when the
 * classifier is sure of it: a command, a person, or another of the bot's tasks (a topic word is the draft's).
 */
const OVER_DRAFT: ReadonlySet<Intent> = new Set<Intent>([
    'cancel',
    'start-over',
    'help',
    'goodbye',
    'talk-to-human',
    'switch-language',
    'who-is-billing-contact',
    'am-i-billing-contact',
    'change-billing-contact',
    'portal-password-reset',
    'request-status'
]);

/** Status questions kept for after a verification; more are asked again afterwards. */
const MAX_PENDING_REFERENCES = 3;

/** The longest free-text answer still taken as a question about the person's requests rather than as the answer. */
const STATUS_ASIDE_MAX_WORDS = 8;

/** A message in a task is taken as off topic from this many words on (or as a question). */
const OFF_TOPIC_MIN_WORDS = 5;

/**
 * True when a message in the middle of a task reads as a question about
 * something else ("what's the weather tomorrow?"), not as a try at the answer:
 * a question or a longer sentence, without digits or the makings of an address.
 */
function offTopicQuestion(text: string): boolean {
    const words = wordsOf(text);
    return (text.trim().endsWith('?') || words.length >= OFF_TOPIC_MIN_WORDS) && !/\d/.test(text) && !addressMakings(text, words);
}

/** True when a message holds the makings of an address ("max at firma", "jonas(at)firma", "a@b"): a try at an answer. */
function addressMakings(text: string, words: readonly string[]): boolean {
    return /@|\(at\)/.test(text) || words.includes('at');
}

/** The longest message that may ask only whether the bot is a person ("wait, are you a bot or a real person?"). */
const AUTOMATED_MAX_WORDS = 12;

/** True when a short message of one sentence asks whether the person talks to a bot or a person (`main:automated.heard`). */
export function asksIfAutomated(text: string, t: TFunction): boolean {
    return wordsOf(text).length <= AUTOMATED_MAX_WORDS && sentencesOf(text).length === 1 && containsPhrase(text, phraseList(t, 'main:automated.heard'));
}

/** The menu's offers after "that's not something I can help with": the question asked outside the bot's field. */
export const REFUSALS: ReadonlySet<string> = new Set(['main:outOfScope', 'main:outOfScopeAgain', 'main:outOfScopeOffer']);

/** What every interruptible dialog uses, with what its request-status dialog uses. */
export interface InterruptibleDeps extends RequestStatusDeps {
    readonly recognizer: IntentRecognizer;
}

/**
 * The one place where interruptions are handled, at any step of any child
 * dialog: help, cancel, start over, language switch, "talk to a person", and
 * "Status BC-…" (the status is looked up on top of the task, which then asks
 * its question again). Subclasses say which waterfall is their menu and may
 * add interruptions of their own.
 */
export abstract class InterruptibleDialog<D extends InterruptibleDeps = InterruptibleDeps> extends ComponentDialog {
    protected constructor(dialogId: string, protected readonly services: D, private readonly menuId: string) {
        super(dialogId);
        this.addDialog(new RequestStatusDialog(services));
        this.addDialog(new YesNoPrompt(PromptIds.dropTask));
        this.addDialog(new WaterfallDialog(DialogIds.closing, [this.askDropStep.bind(this), this.goOnStep.bind(this)]));
    }

    /** A goodbye in the middle of a task: asks whether to drop it (a yes is taken by {@link interrupt}, which ends everything). */
    private async askDropStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        return step.prompt(PromptIds.dropTask, YesNoPrompt.options({ key: 'main:dropTask' }));
    }

    /** "No, don't drop it": the task below asks its question again. */
    private async goOnStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        await step.context.sendActivity(turnInfo(step.context).t('main:goOn'));
        return step.endDialog();
    }

    /** Ends the conversation with one friendly line: nothing stays open. */
    protected async close(innerDc: DialogContext, key: string): Promise<DialogTurnResult> {
        await innerDc.cancelAllDialogs();
        noteInsight(innerDc.context, 'closing');
        await sayClosing(innerDc.context, turnInfo(innerDc.context).t(key));
        return { status: DialogTurnStatus.complete };
    }

    protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
        const handled = await this.interrupt(innerDc);
        return handled ?? super.onContinueDialog(innerDc);
    }

    /** Handles an interruption and returns its turn result, or undefined to let the active step continue. */
    protected async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
        const context = innerDc.context;
        if (context.activity.type !== ActivityTypes.Message) {
            return undefined;
        }
        // "oh, never mind then", "ach, vergiss es" as the mail's text: a change of mind the mail's own step answers (nothing sent, the conversation goes on).
        if (this.mailTextDropped(innerDc)) {
            return undefined;
        }
        // "ach, hat sich erledigt, danke" at any question of a task: the person needs it no more; a goodbye, nothing asked.
        if (!this.isAtMenu(innerDc) && !this.isOnStack(innerDc, DialogIds.closing) && settledOnly(submittedText(context.activity) ?? '', this.services.recognizer, turnInfo(context).t)) {
            return this.close(innerDc, 'main:goodbye');
        }
        // "hmm ich muss kurz weg, melde mich später", "brb" (`common:backLater.heard`): the person comes back; said that they may
        // answer then, and nothing is taken from the words (before, they became a change request's reason at its summary).
        if (this.comesBackLater(innerDc)) {
            await context.sendActivity(turnInfo(context).t('common:backLater.answer'));
            return Dialog.EndOfTurn;
        }
        // "ugh i have to go to a meeting, bye", "ich muss gleich in ein meeting, tschüss" at any question of a task: the person has to go
        // now (`common:leavingNow`, then a goodbye), as "muss weg, tschüss" says; a goodbye, nothing asked.
        if (!this.isAtMenu(innerDc) && !this.isOnStack(innerDc, DialogIds.closing) && (await this.mustGo(context))) {
            return this.close(innerDc, 'main:goodbye');
        }
        // "nah forget it, bye", "alles klar, danke dir. bis dann" at any question (an offer at the menu too): the person is leaving;
        // a goodbye, asked first where a task would be lost.
        if (!this.isOnStack(innerDc, DialogIds.closing) && (await this.leaves(innerDc))) {
            return this.onInterruption(innerDc, { intent: 'goodbye', score: 1, language: turnInfo(context).lang });
        }
        // "du kannst mich duzen", "call me Tom": one friendly line; the open question is asked again, or the rest of the message read on.
        if ((await acknowledgeAddressForm(context)) === 'only') {
            return this.reprompt(innerDc);
        }
        const text = submittedText(context.activity) ?? '';
        // "wait, are you a bot or a real person?", "rede ich mit einem Menschen?": the truth and how to reach a person; the open question again.
        if (asksIfAutomated(text, turnInfo(context).t)) {
            await context.sendActivity(turnInfo(context).t('main:automated.answer'));
            return this.reprompt(innerDc);
        }
        // "Shall I drop it and end here?": a yes, or another goodbye, ends the conversation.
        if (this.isOnStack(innerDc, DialogIds.closing)) {
            // "send it", "nein, doch nicht abbrechen. Schicken Sie es bitte ab": a yes to the task's own question; the drop
            // question is taken away and the task reads that yes.
            const goesOn = this.taskGoesOn(context, text);
            if (goesOn !== undefined) {
                this.withdrawDropQuestion(innerDc);
                readOnWith(context, goesOn);
                return undefined;
            }
            const understood = await understandTurn(context, this.services.recognizer);
            if (yesNoAnswer(context, text, 'start') === true || closingOnly(text, understood, this.services.recognizer, turnInfo(context).t)) {
                return this.close(innerDc, 'main:goodbye');
            }
        }
        const { prompt, options } = this.openPrompt(innerDc);
        const buttonWords = (options?.buttons ?? []).some((button) => button.value === text || phraseOf(buttonLabel(context, button)) === phraseOf(text));
        // "no i meant taylor consulting!": another of the person's accounts, named after one was chosen, is a correction.
        // A button's own words or a bare yes or no name no account: the person's accounts are not looked up for them.
        const namesNoAccount = options?.freeText || buttonWords || saysOnlyYesOrNo(text, turnInfo(context).lang);
        const corrected = namesNoAccount ? undefined : await this.otherNamedAccount(context, text);
        if (corrected) {
            return this.switchAccount(innerDc, corrected);
        }
        // "und wie ändere ich das auf eva?" at the menu or an offer, verified: a colleague named as the one to change to asks for the change,
        // however the classifier read the words around the name.
        const offer = prompt instanceof YesNoPrompt || (options?.buttons ?? []).some((button) => button.answers === 'no');
        const outsideTask = !namesNoAccount && (this.isAtMenu(innerDc) || offer) && !this.isOnStack(innerDc, DialogIds.changeContact);
        // "I object to the request to replace me with Tom Hughes" at the menu or an offer: the colleague named is the one the person refuses, an objection.
        if (outsideTask && !this.isOnStack(innerDc, DialogIds.emailAdmin) && (await understandTurn(context, this.services.recognizer))?.intent === 'object-to-request') {
            return this.objectAtMenu(innerDc);
        }
        if (outsideTask && (await this.namesNewContact(context, text))) {
            const understood: Understanding = { intent: 'change-billing-contact', score: 1, language: turnInfo(context).lang };
            turnInfo(context).understanding = understood;
            if (this.isAtMenu(innerDc)) {
                return undefined;
            }
            await innerDc.cancelAllDialogs();
            return innerDc.beginDialog(this.menuId, { understood } satisfies MainMenuOptions);
        }
        // A clear request for a person ("can someone from support help me") wins over an answer the open question could use ("never got any code").
        // Not where the question already leads to a person (an offer of customer service keeps its reason), nor for a button's own words.
        if (
            !options?.freeText &&
            !this.isOnStack(innerDc, DialogIds.escalate) &&
            !this.isOnStack(innerDc, DialogIds.escalateOffer) &&
            !buttonWords &&
            asksForPerson(text, turnInfo(context).t) &&
            // "schreib der Anna, sie soll mich zurückrufen": a call back asked of the billing side in a mail is the mail ({@link understandText}).
            (await understandTurn(context, this.services.recognizer))?.intent !== 'email-billing-admin'
        ) {
            return this.onInterruption(innerDc, { intent: 'talk-to-human', score: 1, language: turnInfo(context).lang });
        }
        // "ach nee, lass mal, ich frag sie selber. tschüss", "no thanks, bye", "nope im good" at a yes/no question: a no, and the person is leaving; the
        // no answers the question, so nothing is lost and nothing is asked before the goodbye. "nee das wars, ciao" at "Shall I send
        // it?" hears that the mail was not sent (the question's `declinedNote`). (An offer with a button a "no" answers, "Nein, danke", is asked like a yes/no question.)
        const yesNoLike = prompt instanceof YesNoPrompt || (options?.buttons ?? []).some((button) => button.answers === 'no');
        if (yesNoLike && (this.declinesNothingMore(context, text) || (await this.declinesAndLeaves(context, text)))) {
            // "no thanks, bye" at "Shall I file this request?": said plainly that nothing was filed, then the goodbye.
            if (options?.declinedNote !== undefined) {
                await context.sendActivity(turnInfo(context).t(options.declinedNote));
            }
            return this.close(innerDc, 'main:goodbye');
        }
        // "ok thx bye" at a yes/no question says goodbye; its leading "ok" is no yes. (A bare "danke" stays an answer.)
        // Likewise "ok english again pls" asks for the language, and says no yes (except where the question is the language).
        if (!options?.freeText && commandSized(text)) {
            const understood = await understandTurn(context, this.services.recognizer);
            if (understood?.intent === 'goodbye' && closingOnly(text, understood, this.services.recognizer, turnInfo(context).t)) {
                return this.onInterruption(innerDc, understood);
            }
            const asksLanguage = (options?.buttons ?? []).some((button) => isLang(button.value));
            if (understood?.intent === 'switch-language' && understood.targetLanguage && understood.score >= UNDERSTANDING_POLICY.interrupt && !asksLanguage) {
                return this.onInterruption(innerDc, understood);
            }
        }
        // "ok thx, that's all", "ok super, danke" at an offer with buttons (after an answer, or at the menu's): the "ok"
        // acknowledges the answer, it accepts nothing; the person is leaving.
        if (yesNoLike && !(prompt instanceof YesNoPrompt) && (options?.nothingToLose || this.isAtMenu(innerDc)) && (await this.acknowledgesAndLeaves(context, text))) {
            return this.close(innerDc, 'main:goodbye');
        }
        // "doch lieber 8", "nicht 8 sondern 7" at "Shall I send it?": a number of the draft corrected, never a "cancel".
        if (options?.amends && correctsTheDraft(context, text)) {
            return undefined;
        }
        // "Shall I send it?": a sentence of its own is new words for the draft, unless the classifier is sure it says
        // something else ("actually I want to change the billing contact instead"); "tell him …" and "add that …" are always the draft's.
        if (options?.amends && newDraftSentence(context, text, '') && !addressedLeadIn(context, text) && !draftChange(context, text)) {
            const understood = await understandTurn(context, this.services.recognizer);
            if (understood && understood.score >= UNDERSTANDING_POLICY.interrupt && OVER_DRAFT.has(understood.intent)) {
                const handled = await this.onInterruption(innerDc, understood);
                if (handled) {
                    return handled;
                }
            }
        }
        // "nö, passt schon. doch keine änderung" at a question of a task: a no, then a clear cancel; the task is dropped.
        // "ach nein, lassen Sie, ich frage lieber Maria aus der Buchhaltung", "never mind, I'll ask Maria instead": a stop, then
        // whom the person will ask instead; the task is dropped too (before, the classifier read a mail to write, or a topic).
        if (!options?.freeText && !this.isAtMenu(innerDc) && ((await this.declinesAndCancels(context, text)) || this.stopsToAskElsewhere(context, text))) {
            return this.onInterruption(innerDc, { intent: 'cancel', score: 1, language: turnInfo(context).lang });
        }
        // "hallo?", "hello??" at a question of a task: the person only checks that the bot is still there; the question again, nothing more.
        if (prompt && !options?.freeText && !this.isAtMenu(innerDc) && this.services.recognizer.saysOnly(text, ['greeting'])) {
            return this.reprompt(innerDc);
        }
        // "was passiert dann mit mir?", "ok, and will I lose access?" at "Shall I file this request?": answered, the request stays open.
        // "will she see my email address?" at the offer of a mail: answered, the offer stays open.
        // "kann ich der Person ne Nachricht schicken? …" at the offer of a mail asks for the mail, no side question.
        const mailAsked = options?.messageChooses !== undefined && asksToWrite(context, text);
        if ((prompt instanceof YesNoPrompt || options?.messageChooses !== undefined) && !mailAsked && yesNoAnswer(context, text, 'whole') === undefined) {
            const side = await this.answerSideQuestion(innerDc, text);
            if (side) {
                return side;
            }
        }
        // An answer the open question can use is no interruption: then the classifier need not run at all.
        if (prompt && options && (await prompt.accepts(context, text, options))) {
            return undefined;
        }
        // "Warum nicht sofort?" when nobody is free to chat asks why not, which the open question answers (`whyNotNow`), not a topic's "why".
        if (options?.whyNotNow && asksWhyNotNow(turnInfo(context).t, text)) {
            return undefined;
        }
        // "wait, what can a billing contact even do?" at the email question: what the bot can answer without knowing who asks, then the address again.
        if (prompt?.id === PromptIds.email) {
            const side = await this.answerSideQuestion(innerDc, text, true);
            if (side) {
                return side;
            }
        }
        // Where the question takes the matter itself ("Shall customer service email you?" answered "it is about a double
        // charge in October", "Peter ignores my license requests for weeks"), a statement is that matter, whatever the
        // classifier makes of it: a question about a topic or a request's status it is not. A goodbye, a cancel or a
        // request for a person (or a language) stays what it is.
        if (options?.takesMatter && !askedOfTheBot(text, turnInfo(context).t) && !NO_MATTER.has((await understandTurn(context, this.services.recognizer))?.intent ?? 'none')) {
            return undefined;
        }
        if (options?.freeText) {
            return this.freeTextInterruption(innerDc, text);
        }
        // "auf meiner rechnung steht die falsche adresse" at a question of a task: no billing contact, no topic; who can help, then the question again.
        if (!this.isAtMenu(innerDc) && asksAboutInvoiceDetails(context, text)) {
            noteNotUnderstood(context, 'out-of-scope', text, 'none', 0);
            await context.sendActivity(turnInfo(context).t('main:invoiceDetails.inTask'));
            return this.reprompt(innerDc);
        }
        // "no that's all, cheers" at a question the message does not answer (a reference, a user ID) closes like a goodbye
        // (asking first when a task would be dropped). At a yes/no question a "danke" stays an answer.
        if (prompt && !(prompt instanceof YesNoPrompt) && !this.isAtMenu(innerDc)) {
            const understood = await understandTurn(context, this.services.recognizer);
            if (understood?.intent === 'thanks' && closingOnly(text, understood, this.services.recognizer, turnInfo(context).t)) {
                return this.onInterruption(innerDc, { ...understood, intent: 'goodbye' });
            }
        }
        if (matchButton(context, [OTHER_ACCOUNT], text) && (await this.hasSeveralAccounts(context))) {
            return this.switchAccount(innerDc);
        }
        const reference = findReference(text);
        if (reference && this.isAtMenu(innerDc) && (await this.objects(context, text))) {
            // "I object to BC-…" at the menu: the menu takes it up as an objection, not as a status question.
            return this.objectAtMenu(innerDc);
        }
        if (reference && this.isAtMenu(innerDc) && asksToWithdraw(context)) {
            // "withdraw my request BC-…" at the menu: the menu takes it up, so the offer of customer service follows the answer.
            await innerDc.cancelAllDialogs();
            return innerDc.beginDialog(this.menuId, { understood: { intent: 'request-status', score: 1, language: turnInfo(context).lang } } satisfies MainMenuOptions);
        }
        if (reference) {
            return this.statusInterruption(innerDc, reference);
        }
        // A bare "nein" at the menu answers "anything else?": the menu decides, it is no "cancel".
        if (this.isAtMenu(innerDc) && yesNoAnswer(context, text, 'whole') === false) {
            return undefined;
        }
        const understood = await understandTurn(context, this.services.recognizer);
        if (!understood || understood.score < UNDERSTANDING_POLICY.interrupt) {
            // "dann eben northwind, wer ist das da?": the question just answered, asked again, only repeats an answer; it needs less certainty.
            return understood && understood.score >= UNDERSTANDING_POLICY.followOn ? this.answeredAgain(innerDc, understood) : undefined;
        }
        return this.onInterruption(innerDc, understood);
    }

    /** A free-text answer is text unless it is a bare status question, a plain command or a clear request for a person. */
    private async freeTextInterruption(innerDc: DialogContext, text: string): Promise<DialogTurnResult | undefined> {
        const { t } = turnInfo(innerDc.context);
        const reference = statusRequestOnly(text, t);
        if (reference) {
            return this.statusInterruption(innerDc, reference);
        }
        const understood = await understandTurn(innerDc.context, this.services.recognizer);
        // "danke, tschüss", "ne passt, tschau" are no message to pass on: they end the conversation (after asking, as a task is open).
        if (understood && (closingOnly(text, understood, this.services.recognizer, t) || (await this.declinesAndLeaves(innerDc.context, text)))) {
            return this.onInterruption(innerDc, { ...understood, intent: 'goodbye' });
        }
        const minScore = understood?.intent === 'cancel' ? UNDERSTANDING_POLICY.cancel : UNDERSTANDING_POLICY.interrupt;
        if (understood && (clearHumanRequest(text, understood, t) || plainCommand(text, understood, this.services.recognizer, minScore))) {
            return this.onInterruption(innerDc, understood);
        }
        if (understood?.intent === 'request-status' && this.asksStatusAside(innerDc, text, understood)) {
            return this.onInterruption(innerDc, understood);
        }
        const instead = await declinedForAnother(text, turnInfo(innerDc.context).lang, t, this.services.recognizer);
        if (instead) {
            // The no drops this step (nothing is sent or filed); what follows it is the person's request now.
            await innerDc.cancelAllDialogs();
            return innerDc.beginDialog(this.menuId, { understood: instead } satisfies MainMenuOptions);
        }
        // "wie wird das Wetter morgen?", "wait, will I lose access to billing then?": a question is no reason and no message.
        return this.answerSideQuestion(innerDc, text);
    }

    /**
     * True when a free-text answer is a short question about the person's requests ("whats the status?", "wie ist der Stand?"):
     * no reason and no words for a mail, unless it asks the recipient ("could you ask her about the status?"); on the way to a
     * person it is the person's business.
     */
    private asksStatusAside(innerDc: DialogContext, text: string, understood: Understanding): boolean {
        const { t } = turnInfo(innerDc.context);
        return (
            understood.score >= UNDERSTANDING_POLICY.interrupt &&
            askedOfTheBot(text, t) &&
            wordsOf(text).length <= STATUS_ASIDE_MAX_WORDS &&
            !containsPhrase(text, phraseList(t, 'common:sideQuestion.heard.askingSomeone')) &&
            !this.isOnStack(innerDc, DialogIds.escalate) &&
            !this.isOnStack(innerDc, DialogIds.escalateOffer)
        );
    }

    /**
     * A question asked at a free-text answer, or at the confirm of a change request or a mail, that is no answer
     * ({@link sideQuestion}): answered, or said to be outside the bot's field, and the open question asked again.
     * `anyPrompt`: at another question too (the email question), where a request is taken up as at a confirm.
     */
    private async answerSideQuestion(innerDc: DialogContext, text: string, anyPrompt = false): Promise<DialogTurnResult | undefined> {
        const context = innerDc.context;
        const { t } = turnInfo(context);
        // A mail offered ("Shall I email Anna for you?", whose answer may carry the message) is asked about as the mail is.
        const mailOffered = this.openPrompt(innerDc).options?.messageChooses !== undefined;
        const place = this.isOnStack(innerDc, DialogIds.changeContactReview) ? 'change' : this.isOnStack(innerDc, DialogIds.emailAdmin) || mailOffered ? 'mail' : 'other';
        // On the way to a person, a question is the person's business: the description for customer service, or a line while waiting.
        const toPerson = this.isOnStack(innerDc, DialogIds.escalate) || this.isOnStack(innerDc, DialogIds.escalateOffer);
        if (toPerson || (place === 'other' && !this.openPrompt(innerDc).options?.freeText && !anyPrompt) || !askedOfTheBot(text, t)) {
            return undefined;
        }
        const understood = await understandTurn(context, this.services.recognizer);
        const side = sideQuestion(text, understood, place, !this.openPrompt(innerDc).options?.freeText, t, this.services.recognizer);
        // At the offer only what the mail would show of the person is answered here ("wie lange dauert eine änderung?" asks of the change); other questions are read as before.
        if (!side || (mailOffered && side.kind !== 'mail-address')) {
            return undefined;
        }
        switch (side.kind) {
            case 'off-topic':
                noteNotUnderstood(context, 'out-of-scope', text, understood?.intent ?? 'none', understood?.score ?? 0);
                await context.sendActivity(t('main:outOfScopeInTask'));
                break;
            case 'topic':
                await answerTopic(context, side.topic, await this.knownAccount(context));
                break;
            case 'mail-address':
                await context.sendActivity(t('main:sideQuestion.mail-address', { email: await this.ownAddress(context) }));
                break;
            default:
                await context.sendActivity(t(`main:sideQuestion.${side.kind}`));
        }
        return this.reprompt(innerDc);
    }

    /** The verified person's address on file (what a mail on their behalf names); empty before verification. */
    private async ownAddress(context: TurnContext): Promise<string> {
        const userId = turnInfo(context).profile.identity?.userId;
        return (userId === undefined ? undefined : await this.services.users.get(userId))?.email ?? '';
    }

    private async hasSeveralAccounts(context: TurnContext): Promise<boolean> {
        const userId = turnInfo(context).profile.identity?.userId;
        return userId !== undefined && (await this.services.users.memberships(userId)).length > 1;
    }

    /** True when `text` begins with a no and ends with a goodbye and nothing else ("nee, lass mal, ich frag sie selber. tschüss"). */
    private async declinesAndLeaves(context: TurnContext, text: string): Promise<boolean> {
        const lead = leadingAnswer(context, text);
        // "ne passt, tschau": the goodbye may stand after a comma too.
        const last = lead?.value === false ? sentencesOf(lead.rest).at(-1)?.split(/[,;]/u).at(-1)?.trim() : undefined;
        if (!last) {
            return false;
        }
        const { t, lang } = turnInfo(context);
        if (!goodbyeOnly(last, await this.services.recognizer.recognize(last, lang), this.services.recognizer, t)) {
            return false;
        }
        // "nein danke. aber eva soll das künftig machen, ich geh in rente": what comes before the last clause asks for something; no goodbye.
        const before = lead?.rest.slice(0, lead.rest.lastIndexOf(last)).trim() ?? '';
        const asked = wordsOf(before).length === 0 ? undefined : await understandText(this.services.recognizer, () => t, before, lang);
        return !(asked && isRequest(asked.intent) && asked.score >= UNDERSTANDING_POLICY.interrupt);
    }

    /**
     * The yes to the task's own question in an answer to "Shall I drop it?": the whole answer when it says yes in the task's
     * words ("send it"), or in a no that goes on ("no wait, don't cancel, send it" → "send it") the clauses after the last
     * that says not (`common:negationWords`), when they are a yes; undefined otherwise.
     */
    private taskGoesOn(context: TurnContext, text: string): string | undefined {
        // "send it", "bitte abschicken": a yes in the words of the task (`main:dropTaskGoesOn`), no yes to dropping it.
        if (containsPhrase(text, phraseList(turnInfo(context).t, 'main:dropTaskGoesOn')) && yesNoAnswer(context, text, 'whole') === true) {
            return text;
        }
        const lead = leadingAnswer(context, text);
        if (lead?.value !== false) {
            return undefined;
        }
        const negations = phraseList(turnInfo(context).t, 'common:negationWords');
        const clauses = lead.rest.split(/[,;.!?]+/u).map((clause) => clause.trim()).filter((clause) => clause !== '');
        const kept = clauses.map((clause) => containsPhrase(clause, negations)).lastIndexOf(true);
        const after = clauses.slice(kept + 1).join(', ');
        return after !== '' && yesNoAnswer(context, after, 'whole') === true ? after : undefined;
    }

    /** Takes "Shall I drop it?" off the stack without resuming the task below it: the task reads this turn's message itself. */
    private withdrawDropQuestion(innerDc: DialogContext): void {
        for (let dc: DialogContext | undefined = innerDc; dc; dc = dc.child) {
            const at = dc.stack.findIndex((instance) => instance.id === DialogIds.closing);
            if (at >= 0) {
                dc.stack.splice(at);
                return;
            }
        }
    }

    /** True when `text` begins with a no and says only that nothing more is needed ("nope im good", "nein danke, das wars": {@link onlyNothingMore}). */
    protected declinesNothingMore(context: TurnContext, text: string): boolean {
        return leadingAnswer(context, text)?.value === false && onlyNothingMore(text, turnInfo(context).t);
    }

    /** True when the mail's text is asked and the message says nothing but a change of mind ({@link onlyNeverMind}). */
    private mailTextDropped(innerDc: DialogContext): boolean {
        const text = submittedText(innerDc.context.activity) ?? '';
        return this.isOnStack(innerDc, DialogIds.emailAdmin) && this.openPrompt(innerDc).options?.freeText === true && onlyNeverMind(text, turnInfo(innerDc.context).t);
    }

    /**
     * True when a message ends on a goodbye after a never-mind ("actually never mind, I'll just call him. bye"), or
     * after an acknowledgement and thanks ("alles klar, danke dir. bis dann", whose "alles klar" accepts nothing).
     */
    private async leaves(innerDc: DialogContext): Promise<boolean> {
        const context = innerDc.context;
        const { t, lang } = turnInfo(context);
        const text = submittedText(context.activity) ?? '';
        const { prompt, options } = this.openPrompt(innerDc);
        // "oh no, forget it, I'll ask him myself. bye" at a yes/no question is a no: it closes at once ({@link declinesAndLeaves}).
        const yesNoLike = prompt instanceof YesNoPrompt || (options?.buttons ?? []).some((button) => button.answers === 'no');
        if (yesNoLike && leadingAnswer(context, text)?.value === false) {
            return false;
        }
        const before = await beforeGoodbye(text, lang, this.services.recognizer, t);
        if (!before) {
            return false;
        }
        if (neverMindBefore(before, t)) {
            return true;
        }
        const lead = before.join(', ');
        const answer = leadingAnswer(context, lead);
        const rest = answer?.value === true ? answer.rest : lead;
        const thanks = rest.trim() === '' || closingOnly(rest, await this.services.recognizer.recognize(rest, lang), this.services.recognizer, t);
        return thanks && (answer?.value === true || wordsOf(rest).length > 0);
    }

    /** True when a message ends on a goodbye after saying that the person has to go now (`common:leavingNow`: "gotta run to a call, bye"). */
    /**
     * True when a short message says the person will be back (`common:backLater.heard`), outside the mail's own
     * words ("tell him I'll be back later" is a message to pass on) and the question whether to drop the task.
     */
    private comesBackLater(innerDc: DialogContext): boolean {
        const text = submittedText(innerDc.context.activity) ?? '';
        return (
            wordsOf(text).length <= BACK_LATER_MAX_WORDS &&
            !this.isOnStack(innerDc, DialogIds.closing) &&
            !this.isOnStack(innerDc, DialogIds.emailAdmin) &&
            containsPhrase(text, phraseList(turnInfo(innerDc.context).t, 'common:backLater.heard'))
        );
    }

    private async mustGo(context: TurnContext): Promise<boolean> {
        const { t, lang } = turnInfo(context);
        const before = await beforeGoodbye(submittedText(context.activity) ?? '', lang, this.services.recognizer, t);
        return before !== undefined && containsPhrase(before.join(' '), phraseList(t, 'common:leavingNow'));
    }

    /** True when `text` is a yes followed by nothing but thanks or a goodbye ("ok thx, thats all", "ok danke, das wars"). */
    private async acknowledgesAndLeaves(context: TurnContext, text: string): Promise<boolean> {
        const lead = leadingAnswer(context, text);
        if (lead?.value !== true) {
            return false;
        }
        const { t, lang } = turnInfo(context);
        return closingOnly(lead.rest, await this.services.recognizer.recognize(lead.rest, lang), this.services.recognizer, t);
    }

    /**
     * True when `text` begins with a no and its last sentence says only "cancel" ("nö, passt schon. doch keine
     * änderung", "no thanks. cancel that"): the whole message withdraws the task, though the classifier, reading
     * it as a whole, is less sure of it than of its last sentence.
     */
    private async declinesAndCancels(context: TurnContext, text: string): Promise<boolean> {
        const sentences = sentencesOf(text);
        if (sentences.length < 2 || leadingAnswer(context, text)?.value !== false) {
            return false;
        }
        const last = sentences.at(-1) ?? '';
        const read = await this.services.recognizer.recognize(last, turnInfo(context).lang);
        return read.intent === 'cancel' && read.score >= UNDERSTANDING_POLICY.cancel && this.services.recognizer.saysOnly(last, 'cancel');
    }

    /**
     * A stop said first ("ach nein, lassen Sie", "never mind"), then that the person will ask someone else
     * (`main:askElsewhere.heard`, "ich frage lieber …", "I'll ask …"), in clauses of their own: the task is withdrawn.
     */
    private stopsToAskElsewhere(context: TurnContext, text: string): boolean {
        const heard = phraseList(turnInfo(context).t, 'main:askElsewhere.heard');
        const clauses = text.split(/[,;:.!?–—]+/).map((clause) => clause.trim()).filter((clause) => clause !== '');
        const at = clauses.findIndex((clause) => containsPhrase(clause, heard));
        return at >= 1 && this.services.recognizer.saysOnly(clauses.slice(0, at).join(' '), 'cancel');
    }

    /** The id of another of the verified person's accounts that `text` names, when one was chosen already. */
    private async otherNamedAccount(context: TurnContext, text: string): Promise<string | undefined> {
        const identity = turnInfo(context).profile.identity;
        if (!identity?.accountId) {
            return undefined;
        }
        const memberships = await this.services.users.memberships(identity.userId);
        const named = namedAccount(text, memberships);
        if (named !== undefined) {
            return named !== identity.accountId ? named : undefined;
        }
        // "and what about the other account?": of two accounts, the one not chosen.
        const other = containsPhrase(text, phraseList(turnInfo(context).t, 'identify:synonyms.otherAccount'));
        return other && memberships.length === 2 ? memberships.find((m) => m.account.id !== identity.accountId)?.account.id : undefined;
    }

    /**
     * "Other account" (asks which one) or a named one ("I meant Taylor
     * Consulting"): the task starts again for it, a change request as a change
     * request, anything else with the billing question. A task the message
     * asks for surely ("I meant Taylor Consulting, can you change the billing
     * contact there?") is the one taken up for the account named.
     */
    private async switchAccount(innerDc: DialogContext, accountId?: string): Promise<DialogTurnResult> {
        const { profile, lang } = turnInfo(innerDc.context);
        if (profile.identity) {
            profile.identity = { ...profile.identity, accountId };
        }
        const read = accountId === undefined ? undefined : await understandTurn(innerDc.context, this.services.recognizer);
        const asked = read && ACCOUNT_TASKS.has(read.intent) && read.score >= UNDERSTANDING_POLICY.interrupt ? read.intent : undefined;
        const intent = asked ?? (this.isOnStack(innerDc, DialogIds.changeContact) ? 'change-billing-contact' : 'am-i-billing-contact');
        await innerDc.cancelAllDialogs();
        const understood: Understanding = { intent, score: 1, language: lang };
        return innerDc.beginDialog(this.menuId, { understood } satisfies MainMenuOptions);
    }

    /**
     * "Status BC-…" on top of the task. While the person is proving who they
     * are, the status is answered once that succeeds (never a second
     * verification); otherwise the status dialog runs and the task then asks
     * its question again.
     */
    private async statusInterruption(innerDc: DialogContext, reference: string): Promise<DialogTurnResult> {
        const { profile, t } = turnInfo(innerDc.context);
        if (this.isOnStack(innerDc, DialogIds.requestStatus)) {
            // A status question is already waiting for this verification: it is answered once.
            return this.reprompt(innerDc);
        }
        if (!profile.identity && this.isOnStack(innerDc, DialogIds.identify)) {
            profile.pendingReferences = [...new Set([...(profile.pendingReferences ?? []), reference])].slice(-MAX_PENDING_REFERENCES);
            await innerDc.context.sendActivity(t('requestStatus:afterVerification', { reference }));
            return this.reprompt(innerDc);
        }
        return innerDc.beginDialog(DialogIds.requestStatus, { reference } satisfies RequestStatusOptions);
    }

    /** True when the message (which names a reference), as a whole, in one of its sentences or by its words, objects to a change request ("… BC-2026-000002 – I did NOT agree"). */
    private async objects(context: TurnContext, text: string): Promise<boolean> {
        const understood = await understandTurn(context, this.services.recognizer);
        if (understood?.intent === 'object-to-request') {
            return true;
        }
        const { t, lang } = turnInfo(context);
        return refusesNamedRequest(text, t) || (await requestsOf(this.services.recognizer, t, text, lang)).includes('object-to-request');
    }

    /** The menu takes up an objection (its route finds the reference in the message or the request just shown). */
    private async objectAtMenu(innerDc: DialogContext): Promise<DialogTurnResult> {
        await innerDc.cancelAllDialogs();
        const understood: Understanding = { intent: 'object-to-request', score: 1, language: turnInfo(innerDc.context).lang };
        return innerDc.beginDialog(this.menuId, { understood } satisfies MainMenuOptions);
    }

    /** Reacts to an understood interruption; returns undefined when the intent is not one. */
    protected async onInterruption(innerDc: DialogContext, understood: Understanding): Promise<DialogTurnResult | undefined> {
        const context = innerDc.context;
        const { t } = turnInfo(context);
        switch (understood.intent) {
            case 'help': {
                const own = this.openPrompt(innerDc).options?.helpText;
                await context.sendActivity(own ? renderText(t, turnInfo(context).lang, own) : t(this.helpKey(innerDc)));
                return this.reprompt(innerDc);
            }
            case 'cancel':
                if (understood.score < UNDERSTANDING_POLICY.cancel) {
                    return undefined;
                }
                if (this.isAtMenu(innerDc) && lastObjectableShown(context)) {
                    // "Can you cancel it?" right after a billing contact was shown a request filed against them: an objection.
                    return this.objectAtMenu(innerDc);
                }
                if (this.isAtMenu(innerDc) && this.openPrompt(innerDc).options?.buttons?.some((button) => button.answers === 'no')) {
                    // "nee lass mal", "never mind" to an offer ("Soll ich Ihnen einen Link senden lassen?"): a no to it, which the menu answers.
                    return undefined;
                }
                if (this.isAtMenu(innerDc)) {
                    await context.sendActivity(t('main:nothingToCancel'));
                    return this.reprompt(innerDc);
                }
                await innerDc.cancelAllDialogs();
                await context.sendActivity(t('main:cancelled'));
                return innerDc.beginDialog(this.menuId, { again: true } satisfies MainMenuOptions);
            case 'start-over':
                // Starting over throws the task away: only a message that says nothing else does it ("yes send the reset link" does not).
                if (!this.isAtMenu(innerDc) && !this.services.recognizer.saysOnly(submittedText(context.activity) ?? '', 'start-over')) {
                    return undefined;
                }
                await innerDc.cancelAllDialogs();
                return innerDc.beginDialog(this.menuId, { restart: true } satisfies MainMenuOptions);
            case 'switch-language': {
                await answerLanguageRequest(context, understood.targetLanguage);
                if (this.isAtMenu(innerDc) && REFUSALS.has(this.openPrompt(innerDc).options?.text.key ?? '')) {
                    // "Deutsch bitte" after "I can't help with that": in the new language what the bot can do (the menu), not the refusal again.
                    await innerDc.cancelAllDialogs();
                    return innerDc.beginDialog(this.menuId, {} satisfies MainMenuOptions);
                }
                return this.reprompt(innerDc);
            }
            case 'goodbye':
                // Waiting for an agent: the escalation's own step answers (leaving the queue is its business).
                if (this.isOnStack(innerDc, DialogIds.escalateWait) || this.isOnStack(innerDc, DialogIds.escalateLeave)) {
                    return undefined;
                }
                if (this.isAtMenu(innerDc) || this.isOnStack(innerDc, DialogIds.closing) || this.openPrompt(innerDc).options?.nothingToLose) {
                    return this.close(innerDc, 'main:goodbye');
                }
                // Leaving where the question's task says what is lost ("nothing was filed"): said, and closed.
                if (this.openPrompt(innerDc).options?.closingNote !== undefined) {
                    await context.sendActivity(t(this.openPrompt(innerDc).options?.closingNote ?? ''));
                    return this.close(innerDc, 'main:goodbye');
                }
                return innerDc.beginDialog(DialogIds.closing);
            case 'out-of-scope':
                // At the menu the menu answers it; in a task the question stays open. A try at the answer
                // ("jonas at mueller design", "max(at)firma 2") is no question about something else.
                // On the way to a person, what the bot cannot do is the person's business: no "I can't help with that".
                if (this.isAtMenu(innerDc) || this.isOnStack(innerDc, DialogIds.escalate) || !offTopicQuestion(submittedText(context.activity) ?? '')) {
                    return undefined;
                }
                noteNotUnderstood(context, 'out-of-scope', submittedText(context.activity) ?? '', understood.intent, understood.score);
                await context.sendActivity(t('main:outOfScopeInTask'));
                return this.reprompt(innerDc);
            case 'request-status':
                // "whats the status?" in the middle of a task: answered on top of it, then its question again (nothing is dropped).
                if (!this.isAtMenu(innerDc) && !this.isOnStack(innerDc, DialogIds.requestStatus) && turnInfo(context).profile.identity !== undefined && understood.score >= UNDERSTANDING_POLICY.interrupt) {
                    return innerDc.beginDialog(DialogIds.requestStatus, {} satisfies RequestStatusOptions);
                }
                return this.onOtherRequest(innerDc, understood);
            case 'object-to-request':
                if (!this.isAtMenu(innerDc)) {
                    return undefined;
                }
                return this.objectAtMenu(innerDc);
            case 'talk-to-human':
                // Already on the way to an agent: the escalation's own step answers.
                if (this.isOnStack(innerDc, DialogIds.escalate)) {
                    return undefined;
                }
                await innerDc.cancelAllDialogs();
                return innerDc.beginDialog(this.menuId, { understood } satisfies MainMenuOptions);
            default:
                return this.onOtherRequest(innerDc, understood);
        }
    }

    /** A topic or another request where a task's question is open: the topic answered there, the request taken up when every word says it. */
    private async onOtherRequest(innerDc: DialogContext, understood: Understanding): Promise<DialogTurnResult | undefined> {
        const context = innerDc.context;
        // A question about a related topic at a choice ("Was ist ein Unternehmenskonto?") is answered, then the choice asked again.
        if (isTopicIntent(understood.intent) && !this.isAtMenu(innerDc)) {
            await answerTopic(context, understood.intent, await this.knownAccount(context));
            return this.reprompt(innerDc);
        }
        // Another request where the open question cannot use it ("Portal-Kennwort zurücksetzen" typed at a yes/no,
        // "i need to reset my portal password" at the email question): that request is taken up instead, when
        // every word says it ("okay, but change the text" or "max at firma" are tries at the answer, asked again).
        // The task that request would start, when already open, keeps what was entered and asks again.
        // At a yes/no question a longer sentence that makes that request is taken up too ("ich möchte lieber mein
        // Portal-Kennwort zurücksetzen"), unless it begins with a yes or no ("okay, but change the text").
        if (
            isRequest(understood.intent) &&
            !this.isAtMenu(innerDc) &&
            !this.isOnStack(innerDc, TASK_OF[understood.intent] ?? '') &&
            (this.services.recognizer.saysOnly(submittedText(context.activity) ?? '', [understood.intent, ...OPENING_WORDS]) ||
                (await this.requestAtYesNo(innerDc, understood.intent)) ||
                (await this.requestAtTextPrompt(innerDc, understood.intent)))
        ) {
            await innerDc.cancelAllDialogs();
            return innerDc.beginDialog(this.menuId, { understood } satisfies MainMenuOptions);
        }
        return this.answeredAgain(innerDc, understood);
    }

    /**
     * "dann eben northwind, wer ist das da?" at the offer after the billing role's answer: the question that answer
     * answered, asked again, gets the billing contacts the bot knows in one line, then the open question again.
     */
    private async answeredAgain(innerDc: DialogContext, understood: Understanding): Promise<DialogTurnResult | undefined> {
        const context = innerDc.context;
        const roleAsked = (understood.intent === 'who-is-billing-contact' || understood.intent === 'am-i-billing-contact') && asksQuestion(context, submittedText(context.activity) ?? '');
        if (roleAsked && this.isOnStack(innerDc, DialogIds.identifyVerify)) {
            // "but who is the billing contact?" while the address or the code is asked: what the verification is for, told once it is done.
            const atCode = this.openPrompt(innerDc).prompt?.id === PromptIds.code;
            await context.sendActivity(turnInfo(context).t(atCode ? 'identify:roleOnceVerified.code' : 'identify:roleOnceVerified.email'));
            return this.reprompt(innerDc);
        }
        if (!roleAsked || !this.isOnStack(innerDc, DialogIds.billingRole)) {
            return undefined;
        }
        const known = await this.knownAccount(context);
        // "Bin ich ein Abrechnungskontakt?" there, from a person who is none: the no, then who is.
        const notYou = understood.intent === 'am-i-billing-contact' && (known?.case === 'b' || known?.case === 'bd');
        if (!known || known.otherBillingContacts.length === 0 || (understood.intent !== 'who-is-billing-contact' && !notYou)) {
            return undefined;
        }
        const { t, lang } = turnInfo(context);
        const account = known.account.name;
        const contacts = conjunctionList(lang).format(known.otherBillingContacts.map((u) => `${u.name} (${u.email})`));
        await context.sendActivity(t(notYou ? 'billingRole:againNotYou' : 'billingRole:againB', { account, contacts, count: known.otherBillingContacts.length }));
        return this.reprompt(innerDc);
    }

    /**
     * True when a yes/no question is open and the message, which begins with neither, makes `intent` as a request
     * of its own: a part of it the classifier is sure of ({@link requestsOf}, `requestPart`), the only request in it.
     */
    private async requestAtYesNo(innerDc: DialogContext, intent: Intent): Promise<boolean> {
        const context = innerDc.context;
        const text = submittedText(context.activity) ?? '';
        if (!(this.openPrompt(innerDc).prompt instanceof YesNoPrompt) || leadingAnswer(context, text) || yesNoAnswer(context, text, 'start') !== undefined) {
            return false;
        }
        const { t, lang } = turnInfo(context);
        const requests = await requestsOf(this.services.recognizer, t, text, lang);
        return requests.length === 1 && requests[0] === intent;
    }

    /** After verification, what the bot knows about the person's chosen account; a topic answered mid-task is then theirs. */
    protected async knownAccount(_context: TurnContext): Promise<BillingRoleAnswer | undefined> {
        return undefined;
    }

    /** True when `text` names a colleague of the verified person as the one to make the billing contact; no dialog knows the account here. */
    protected async namesNewContact(_context: TurnContext, _text: string): Promise<boolean> {
        return false;
    }

    /**
     * True when a question that wants a text (a reference, a user ID, an address) is open, the message is no answer
     * to it, and the message makes `intent` as its one request ("ok can you email him and say we need 3 more seats"):
     * a part of it the classifier is sure of ({@link requestsOf}), the only request in it. Its words go along to that request.
     */
    private async requestAtTextPrompt(innerDc: DialogContext, intent: Intent): Promise<boolean> {
        const context = innerDc.context;
        const text = submittedText(context.activity) ?? '';
        const { prompt, options } = this.openPrompt(innerDc);
        // A whole sentence, not the makings of an answer ("max at firma", "jonas(at)firma"): those are tries, asked again.
        const words = wordsOf(text);
        if (words.length < OFF_TOPIC_MIN_WORDS || addressMakings(text, words)) {
            return false;
        }
        if (!prompt || !options || prompt instanceof YesNoPrompt || options.freeText || (await prompt.accepts(context, text, options))) {
            return false;
        }
        const { t, lang } = turnInfo(context);
        const requests = await requestsOf(this.services.recognizer, t, text, lang);
        // The billing question already open keeps its question: asking it again starts nothing anew.
        const open = (intent === 'who-is-billing-contact' || intent === 'am-i-billing-contact') && this.isOnStack(innerDc, DialogIds.billingRole);
        return !open && requests.length === 1 && requests[0] === intent;
    }

    /** True when `dialogId` runs anywhere in the stack, nested dialogs included. */
    protected isOnStack(innerDc: DialogContext, dialogId: string): boolean {
        for (let dc: DialogContext | undefined = innerDc; dc; dc = dc.child) {
            if (dc.stack.some((instance) => instance.id === dialogId)) {
                return true;
            }
        }
        return false;
    }

    /** Shows the active prompt again (in the current language) and ends the turn. */
    protected async reprompt(innerDc: DialogContext): Promise<DialogTurnResult> {
        await innerDc.repromptDialog();
        return Dialog.EndOfTurn;
    }

    /** True when only the menu (and its own question) is open: nothing to cancel. */
    /** Help for where the person is: the menu, the one-time code (where the mail is, resend), or any other question. */
    private helpKey(innerDc: DialogContext): string {
        if (this.isAtMenu(innerDc)) {
            return 'main:help';
        }
        return this.openPrompt(innerDc).prompt?.id === PromptIds.code ? 'identify:codeHelp' : 'main:helpInTask';
    }

    protected isAtMenu(innerDc: DialogContext): boolean {
        // The stack grows at its end: the first entry is the bottom.
        const [bottom, ...above] = innerDc.stack;
        return bottom?.id === this.menuId && above.every((instance) => innerDc.findDialog(instance.id) instanceof LocalizedPrompt);
    }

    /** The innermost open prompt and its options, if a prompt is waiting. */
    private openPrompt(innerDc: DialogContext): { prompt?: LocalizedPrompt<unknown>; options?: LocalizedPromptOptions } {
        let leaf: DialogContext = innerDc;
        while (leaf.child) {
            leaf = leaf.child;
        }
        const active = leaf.activeDialog;
        const dialog = active ? leaf.findDialog(active.id) : undefined;
        const options = active?.state?.options as LocalizedPromptOptions | undefined;
        return dialog instanceof LocalizedPrompt ? { prompt: dialog, options } : { options };
    }
}

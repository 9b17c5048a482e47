import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { TFunction } from 'i18next';
import { WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { UNDERSTANDING_POLICY } from '../language/understandingPolicy';
import { sayClosing } from './rating';
import { noteInsight, noteNotUnderstood } from '../services/insights/insightsRecorder';
import { answerLanguageRequest, didAction, lastActionDetail, lastActionOf, LANGUAGE_TAKEN, noteSaidThisTurn, saidThisTurn, turnInfo } from '../turn/turn';
import { portalQuestion } from '../language/portalQuestions';
import { askedWhoLast, isRequest, leadIntent, messageAfterFrame, messageAfterRequest, messageBeforeRequests, requestsOf, understandTurn, wordsFromRequest } from '../turn/understand';
import type { Intent, Understanding } from '../language/nlu';
import { findEmail, findEmails, findIntroducedUserId, findReference, findReferences } from '../language/entities';
import { onlyOwnEmail, ownEmail } from '../language/ownEmail';
import { refusesNamedRequest } from '../language/objectionWords';
import { personChangedTo, saysChange } from '../language/changeToNamed';
import { asksWhetherToWrite, wishesToWriteToSomeone } from '../language/writeWish';
import { accountAdminsLine, asksWhoMayChange, whoMayChangeAnswer } from './accountAdmins';
import { beginsWith, containsPhrase, phraseOf, sentencesOf, wordsOf } from '../core/words';
import { phraseList } from '../language/phraseLists';
import { mailNotArrived } from '../language/mailArrival';
import { afterWords, leadingAnswer } from './answerContent';
import { memberByFirstName, namedMember } from './newContactAnswers';
import { goodbyeOnly, settledOnly } from './freeTextInterruption';
import { acknowledgeAddressForm } from './addressForm';
import { submittedText } from '../turn/activityText';
import type { BillingRoleDeps } from './billingRoleDialog';
import type { ChangeContactDeps } from './changeContactDialog';
import type { EscalateDeps } from './escalateDialog';
import type { InterruptibleDeps } from './interruptibleDialog';
import type { PortalResetDeps } from './portalResetDialog';
import type { BillingRoleAnswer } from '../services/billingRoleService';
import { actionButton, offerNext } from './actions';
import { BillingRoleDialog } from './billingRoleDialog';
import { EscalateDialog } from './escalateDialog';
import { EscalateOfferDialog } from './escalateOfferDialog';
import { asksOnlyToFile, ChangeContactDialog } from './changeContactDialog';
import { PortalResetDialog } from './portalResetDialog';
import { EmailAdminDialog } from './emailAdminDialog';
import { numberCorrection, partCorrection } from './draftCorrection';
import { conjunctionList } from '../core/listFormat';
import { answerTopic, isTopicIntent, moreTopicsMenu } from './topics';
import { answerFollowUp, loginInCorrection, offersNewLink } from './filedRequestFollowUp';
import { asksAboutInvoiceDetails } from './invoiceDetails';
import { whereToSeeAnswer } from './whereToSee';
import { DialogIds, PromptIds } from './ids';
import { asksIfAutomated, InterruptibleDialog, REFUSALS } from './interruptibleDialog';
import { asksQuestion, yesNoAnswer } from './prompts/yesNoAnswer';
import { asksHowAdminAndRoleDiffer } from './sideQuestion';
import { stepValues } from './stepValues';
import { asksRequestOrigin, lastObjectableShown, objectableShownTogether, requestInQuestion, requestOriginLine } from './statusAnswer';
import { localized, type PromptButton } from './prompts/localizedPrompt';
import { TextInputPrompt, type TextInput } from './prompts/textInputPrompt';
import { placeNamed } from './prompts/pickPrompt';
import type { BillingRoleOptions, ChangeContactOptions, EmailAdminOptions, EscalateOptions, MainMenuOptions, PortalResetOptions, RequestStatusOptions, TaskResult } from './types';

/** The menu: each button's value is the intent it stands for. */
const MENU_BUTTONS: readonly PromptButton[] = [
    { value: 'who-is-billing-contact', label: 'main:menu.whoIs' },
    { value: 'am-i-billing-contact', label: 'main:menu.amI' },
    actionButton('change-billing-contact'),
    actionButton('portal-password-reset'),
    actionButton('more-topics'),
    { value: 'talk-to-human', label: 'main:menu.talkToHuman' },
    { value: 'switch-language', label: 'main:menu.otherLanguage' }
];

/** A message that takes back the no to a mail says only that ('ok send it then'): a longer one asks more and is read as a whole. */
const SEND_AGAIN_MAX_WORDS = 6;

/** Menu buttons for what the bot has done in this conversation (action kind → the button's value): not offered again once done. */
const DONE_BUTTONS: Readonly<Record<string, string>> = { 'change-request-filed': 'change-billing-contact', 'portal-reset-requested': 'portal-password-reset' };

/** The menu without what was just done: a request just filed or a reset link just sent is not offered again (typing it still works). */
function menuButtons(context: TurnContext): readonly PromptButton[] {
    const done = new Set(Object.entries(DONE_BUTTONS).filter(([kind]) => didAction(context, kind)).map(([, value]) => value));
    return done.size === 0 ? MENU_BUTTONS : MENU_BUTTONS.filter((button) => !done.has(button.value));
}

/** A full name as people write it, two capitalised words ("Lea Fischer"): a new person named. */
const WRITTEN_FULL_NAME = /\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+/u;

/** What an out-of-scope message is offered: a person first (a plain yes), then what the bot does. */
const OUT_OF_SCOPE_OFFERS = ['talk-to-human', 'am-i-billing-contact', 'change-billing-contact', 'portal-password-reset', 'more-topics', 'thanks'] as const;

/** What a message about an invoice's details is offered: a person first (a plain yes), then the change of the billing contact. */
const INVOICE_DETAILS_OFFERS = ['talk-to-human', 'change-billing-contact', 'more-topics', 'thanks'] as const;

/** Requests a message about an invoice's details still makes as such ("Mitarbeiter bitte, die Rechnungsadresse ist falsch"). */
const INVOICE_DETAILS_KEEP: ReadonlySet<Intent> = new Set(['talk-to-human', 'switch-language', 'goodbye', 'cancel', 'start-over', 'help', 'request-status', 'portal-password-reset']);

/** A name after "Und …?" at most this long ({@link MainDialog.holderFollowUp}): "und Klaus Bergmann?", not a sentence. */
const HOLDER_FOLLOW_UP_MAX_NAME_WORDS = 3;

/** "what was my user id again?" is short; a longer message asks more ({@link MainDialog.loginAgain}). */
const LOGIN_AGAIN_MAX_WORDS = 10;

/** "und kann ich das auf mich ändern lassen?" is short; a longer message is read whole ({@link MainDialog.changeToSelfAfterAnswer}). */
const CHANGE_TO_SELF_MAX_WORDS = 15;

/** Closing words: a question is read as one only when it says nothing else ("sure, but is that free?" is no thanks). */
const CLOSING_WORDS: readonly Intent[] = ['goodbye', 'thanks', 'greeting'];

/** What a "no" to "anything else?" may come with and still mean "nothing more" ("nein, abbrechen", "no, I don't know"). */
const NOTHING_MORE: ReadonlySet<Intent> = new Set(['none', 'help', 'cancel', 'thanks', 'goodbye']);

/** What the menu waterfall keeps between its steps: the requests still to take up. */
interface MenuValues {
    queue: readonly Intent[];
    /** The message the queue's requests were asked in. */
    queuedText?: string;
}

/** What the classifier makes of a question what the billing contact may do: the role questions, a mail to the role, or nothing. */
const ROLE_PERMISSION_READINGS: ReadonlySet<Intent> = new Set<Intent>(['who-is-billing-contact', 'am-i-billing-contact', 'email-billing-admin', 'none', 'help', 'out-of-scope']);

/** Readings of a message whose request for a language was taken that leave nothing more to answer: the menu follows the switch. */
const AFTER_LANGUAGE_NOTHING: ReadonlySet<Intent> = new Set<Intent>(['none', 'out-of-scope', 'switch-language', 'help']);

/** Intents answered by the billing-role dialog. */
/** What the sentences beside an objection ask that its answer says already: where the request stands, and the role it is about. */
const WITHIN_OBJECTION: ReadonlySet<Intent> = new Set(['object-to-request', 'request-status', 'who-is-billing-contact', 'am-i-billing-contact']);

const BILLING_ROLE_INTENTS: ReadonlySet<Intent> = new Set(['who-is-billing-contact', 'am-i-billing-contact', 'email-billing-admin']);

/** What the main dialog and the task dialogs under it use; built in `compose.ts`. */
export interface MainDialogDeps extends InterruptibleDeps, BillingRoleDeps, ChangeContactDeps, EscalateDeps, PortalResetDeps {}

/**
 * The root dialog: greets, shows the menu, accepts free text, routes to the
 * task dialogs and comes back to "anything else?". Interruptions are handled
 * by {@link InterruptibleDialog} for every dialog below it.
 */
export class MainDialog extends InterruptibleDialog<MainDialogDeps> {
    public constructor(services: MainDialogDeps) {
        super(DialogIds.main, services, DialogIds.mainMenu);
        this.addDialog(new TextInputPrompt(PromptIds.text));
        this.addDialog(new BillingRoleDialog(services));
        this.addDialog(new EscalateDialog(services));
        this.addDialog(new EscalateOfferDialog());
        this.addDialog(new ChangeContactDialog(services));
        this.addDialog(new PortalResetDialog(services));
        this.addDialog(new EmailAdminDialog(services));
        this.addDialog(new WaterfallDialog(DialogIds.mainMenu, [this.showMenuStep.bind(this), this.routeStep.bind(this), this.againStep.bind(this)]));
        this.initialDialogId = DialogIds.mainMenu;
    }

    protected override async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
        return (
            (await this.declinedChangeTakenBack(innerDc)) ??
            (await this.sentMailCorrected(innerDc)) ??
            (await this.declinedMailTakenBack(innerDc)) ??
            (await this.leavingQueue(innerDc)) ??
            (await this.holderFollowUp(innerDc)) ??
            (await this.loginAgain(innerDc)) ??
            (await this.resetLoginCorrected(innerDc)) ??
            (await this.changeToSelfAfterAnswer(innerDc)) ??
            (await this.onlyNextRequest(innerDc)) ??
            (await this.filedRequestFollowUp(innerDc)) ??
            super.interrupt(innerDc)
        );
    }

    /**
     * "Und Klaus Bergmann?", "and Eva?", "what about Sarah Lee?" right after the answer who the billing contact is: a lead
     * of `main:holderFollowUpLeads` and a member of the account the answer was about, by full or first name, asks the
     * same question about them: whether that member is a billing contact. Before, it was not understood.
     */
    private async holderFollowUp(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
        const context = innerDc.context;
        const { profile, t, lang } = turnInfo(context);
        const accountId = profile.identity?.accountId;
        const answered = lastActionOf(context, 'billing-role-answered') !== undefined;
        if (context.activity.type !== ActivityTypes.Message || !answered || accountId === undefined || !(this.isAtMenu(innerDc) || this.isOnStack(innerDc, DialogIds.billingRole))) {
            return undefined;
        }
        const text = submittedText(context.activity) ?? '';
        if (asksWhoAgain(t, text)) {
            // "who was that again?", "wer war das nochmal?": the answer once more, in short.
            await innerDc.cancelAllDialogs();
            return innerDc.beginDialog(DialogIds.mainMenu, { understood: { intent: 'who-is-billing-contact', score: 1, language: lang } } satisfies MainMenuOptions);
        }
        const named = followUpName(t, text) ?? (this.services.recognizer.asksWhetherPersonHolds(text) ? text : undefined);
        if (named === undefined) {
            return undefined;
        }
        const members = await this.services.accounts.members(accountId);
        const member = namedMember(members, named) ?? memberByFirstName(members, named);
        if (!member) {
            return undefined;
        }
        await innerDc.cancelAllDialogs();
        // "und Eva?" from Eva herself: whether she is one.
        if (member.user.id === profile.identity?.userId) {
            return innerDc.beginDialog(DialogIds.mainMenu, { understood: { intent: 'am-i-billing-contact', score: 1, language: lang } } satisfies MainMenuOptions);
        }
        return innerDc.beginDialog(DialogIds.mainMenu, { understood: { intent: 'who-is-billing-contact', score: 1, language: lang }, holderAsked: member.user.name } satisfies MainMenuOptions);
    }

    /**
     * "und kann ich das auf mich ändern lassen?", "can I switch it to me?" (`main:changeToSelf.heard`, a short message)
     * right after the answer who the billing contact is: a change of billing contact to the person, the words read by the
     * change dialog ("auf mich": the person). Before, the classifier read the German one as a portal password reset, and the
     * bot said it could not answer that here.
     */
    private async changeToSelfAfterAnswer(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
        const context = innerDc.context;
        const { t, lang } = turnInfo(context);
        const text = submittedText(context.activity) ?? '';
        if (
            context.activity.type !== ActivityTypes.Message ||
            lastActionOf(context, 'billing-role-answered') === undefined ||
            !(this.isAtMenu(innerDc) || this.isOnStack(innerDc, DialogIds.billingRole)) ||
            wordsOf(text).length > CHANGE_TO_SELF_MAX_WORDS ||
            !containsPhrase(text, phraseList(t, 'main:changeToSelf.heard'))
        ) {
            return undefined;
        }
        await innerDc.cancelAllDialogs();
        return innerDc.beginDialog(DialogIds.mainMenu, { understood: { intent: 'change-billing-contact', score: 1, language: lang } } satisfies MainMenuOptions);
    }

    /**
     * "what was my user id again?", "wie war nochmal meine Benutzer-ID?" (`billingRole:loginAgain.heard`, a short question
     * that {@link portalQuestion} does not answer) from a verified person with a portal user ID on file, where no task asks
     * for anything: that user ID (`portalReset:yourUserId`); the open offer stays. Before: "I can't answer that question here".
     */
    private async loginAgain(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
        const context = innerDc.context;
        const { t, profile } = turnInfo(context);
        const text = submittedText(context.activity) ?? '';
        // The cheap checks first: this runs for every message at the menu.
        if (
            context.activity.type !== ActivityTypes.Message ||
            profile.identity === undefined ||
            !this.isAtMenu(innerDc) ||
            wordsOf(text).length > LOGIN_AGAIN_MAX_WORDS ||
            !containsPhrase(text, phraseList(t, 'billingRole:loginAgain.heard')) ||
            !asksQuestion(context, text) ||
            portalQuestion(t, text) !== undefined
        ) {
            return undefined;
        }
        const own = await this.services.users.portalLogin(profile.identity.userId);
        if (!own) {
            return undefined;
        }
        await context.sendActivity(t('portalReset:yourUserId', { login: own.login }));
        return this.reprompt(innerDc);
    }

    /**
     * "no wait, i meant pbrooks", "nein, warte, ich meinte mbergmann-billing" right after a reset link was asked for
     * ({@link loginInCorrection}), at the menu or its offer: a link is asked for the user ID corrected. Before, the "no"
     * answered the offer and the bot said goodbye, the corrected ID lost.
     */
    private async resetLoginCorrected(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
        const context = innerDc.context;
        const { t, lang, profile } = turnInfo(context);
        if (context.activity.type !== ActivityTypes.Message || profile.actions?.at(-1)?.kind !== 'portal-reset-requested' || !this.isAtMenu(innerDc)) {
            return undefined;
        }
        const login = loginInCorrection(submittedText(context.activity) ?? '', this.services.recognizer, t, lang, lastActionDetail(context, 'portal-reset-requested'));
        if (login === undefined) {
            return undefined;
        }
        await innerDc.cancelAllDialogs();
        return innerDc.beginDialog(DialogIds.mainMenu, { understood: { intent: 'portal-password-reset', score: 1, language: lang }, correctedLogin: login } satisfies MainMenuOptions);
    }

    /**
     * "no wait, make it 3", "statt 10.12. lieber 15.12." as the next message after a mail to the billing contacts was sent
     * (`ConversationProfile.sentMail`, kept for that message only): the mail has gone and cannot be changed; a second mail
     * with the words corrected, marked as a correction, is drafted to the same people and sent on a yes. Before, the
     * correction was not understood.
     */
    private async sentMailCorrected(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
        const context = innerDc.context;
        const { profile, t, lang } = turnInfo(context);
        const sent = profile.sentMail;
        if (sent === undefined || context.activity.type !== ActivityTypes.Message) {
            return undefined;
        }
        profile.sentMail = undefined;
        const text = submittedText(context.activity) ?? '';
        const change = this.isAtMenu(innerDc) && profile.identity?.accountId === sent.accountId ? (numberCorrection(context, text, sent.message) ?? partCorrection(context, text, sent.message)) : undefined;
        if (change?.kind !== 'replace') {
            return undefined;
        }
        const names = (await Promise.all(sent.recipientIds.map((id) => this.services.users.get(id)))).flatMap((user) => (user ? [user.name] : []));
        await innerDc.cancelAllDialogs();
        await context.sendActivity(t('emailAdmin:correctionAfterSent.said', { names: conjunctionList(lang).format(names), count: names.length }));
        const message = t('emailAdmin:correctionAfterSent.mail', { message: change.text });
        return innerDc.beginDialog(DialogIds.mainMenu, { mailToDraft: { message, recipientIds: sent.recipientIds } } satisfies MainMenuOptions);
    }

    /**
     * "ok send it then", "doch abschicken" (`emailAdmin:heard.sendAgain`) as the next message after a mail to the billing
     * contacts was declined with a bare no (`ConversationProfile.declinedMail`, kept for that message only): the no is
     * taken back, and the same mail is shown again to be confirmed. Before, the draft was gone and the words not understood.
     */
    private async declinedMailTakenBack(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
        const context = innerDc.context;
        const { profile, t } = turnInfo(context);
        const declined = profile.declinedMail;
        if (declined === undefined || context.activity.type !== ActivityTypes.Message) {
            return undefined;
        }
        profile.declinedMail = undefined;
        const text = submittedText(context.activity) ?? '';
        if (!this.isAtMenu(innerDc) || profile.identity?.accountId !== declined.accountId || wordsOf(text).length > SEND_AGAIN_MAX_WORDS || !containsPhrase(text, phraseList(t, 'emailAdmin:heard.sendAgain'))) {
            return undefined;
        }
        await innerDc.cancelAllDialogs();
        return innerDc.beginDialog(DialogIds.mainMenu, { mailToDraft: { message: declined.message, recipientIds: declined.recipientIds, urgent: declined.urgent } } satisfies MainMenuOptions);
    }

    /**
     * "Doch, stellen Sie den Antrag", "actually, file it anyway" as the next message after a change request was declined
     * at its summary (`ConversationProfile.declinedChange`, kept for that message only): the no is taken back, and the
     * same request is shown again to be confirmed. Before, the draft was gone and the words were read as a cancel.
     */
    private async declinedChangeTakenBack(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
        const context = innerDc.context;
        const { profile, t, lang } = turnInfo(context);
        const declined = profile.declinedChange;
        if (declined === undefined || context.activity.type !== ActivityTypes.Message) {
            return undefined;
        }
        profile.declinedChange = undefined;
        if (!this.isAtMenu(innerDc) || !asksOnlyToFile(t, submittedText(context.activity) ?? '')) {
            return undefined;
        }
        await innerDc.cancelAllDialogs();
        return innerDc.beginDialog(DialogIds.mainMenu, { understood: { intent: 'change-billing-contact', score: 1, language: lang }, resumeChange: declined } satisfies MainMenuOptions);
    }

    /**
     * "ach, nur die zweite frage bitte", "just the second question please" (`main:onlyNextRequest.heard`) at a question of
     * the first of several requests asked in one message: that one is dropped, and the next one asked is taken up.
     */
    private async onlyNextRequest(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
        const context = innerDc.context;
        const menu = innerDc.stack[0];
        const values = menu?.id === DialogIds.mainMenu ? (menu.state as { values?: Partial<MenuValues> }).values : undefined;
        const [next, ...rest] = values?.queue ?? [];
        const { t, lang } = turnInfo(context);
        if (context.activity.type !== ActivityTypes.Message || next === undefined || this.isAtMenu(innerDc) || !containsPhrase(submittedText(context.activity) ?? '', phraseList(t, 'main:onlyNextRequest.heard'))) {
            return undefined;
        }
        await innerDc.cancelAllDialogs();
        const understood: Understanding = { intent: next, score: 1, language: lang };
        return innerDc.beginDialog(DialogIds.mainMenu, { understood, queue: rest, queued: true, queuedText: values?.queuedText } satisfies MainMenuOptions);
    }

    /**
     * A follow-up about what the bot did in this conversation, answered from what it knows (`answerFollowUp`: "wie lange
     * dauert das?", "warum dauert das so lange?", "still no email after 5 min", "how long until the email arrives?"):
     * then the open question again, or at the menu the answer's offer. "can I still cancel it?" at the menu takes the
     * withdraw path of the request just filed. The classifier is not asked: out of this context such words mean
     * nothing ("how long" read as cancel, "when will it be done" as a status, "zurückziehen" as a reset).
     */
    private async filedRequestFollowUp(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
        const context = innerDc.context;
        if (context.activity.type !== ActivityTypes.Message) {
            return undefined;
        }
        const codePending = this.isOnStack(innerDc, PromptIds.code);
        // Only at the menu or an offer: inside a task the words answer its question.
        const restatesChange = this.isAtMenu(innerDc) ? (text: string): Promise<boolean> => this.restatesChange(context, text) : undefined;
        const outcome = await answerFollowUp(context, {
            changeRequests: this.services.changeRequests,
            linkValidMinutes: this.services.portalReset.linkValidMinutes,
            codePending,
            restatesChange,
            users: this.services.users,
            atMenu: this.isAtMenu(innerDc)
        });
        if (outcome?.kind === 'withdraw') {
            if (!this.isAtMenu(innerDc)) {
                return undefined;
            }
            await innerDc.cancelAllDialogs();
            return innerDc.beginDialog(DialogIds.mainMenu, { understood: { intent: 'request-status', score: 1, language: turnInfo(context).lang } } satisfies MainMenuOptions);
        }
        if (!outcome) {
            return undefined;
        }
        if (outcome.offer && this.isAtMenu(innerDc)) {
            await innerDc.cancelAllDialogs();
            return innerDc.beginDialog(DialogIds.mainMenu, { again: true, followUp: outcome.offer } satisfies MainMenuOptions);
        }
        return this.reprompt(innerDc);
    }

    /**
     * True when a part of a message reads as a change of the billing contact, the whole not surely so, and it names nobody new
     * ({@link namesNewContact}, an address, a written full name) and asks for no other request (`changeContact:anotherRequest.heard`):
     * "he left, his mailbox is closed", "sie ist ja schon weg" right after the request was filed say what it says already.
     */
    private async restatesChange(context: TurnContext, text: string): Promise<boolean> {
        const { t, lang } = turnInfo(context);
        if (text === '' || asksQuestion(context, text) || containsPhrase(text, phraseList(t, 'changeContact:anotherRequest.heard'))) {
            return false;
        }
        const read = await this.services.recognizer.recognize(text, lang);
        // "I want to change the billing contact" asks for a request clearly: it starts one. A statement only reads as one in a part of it.
        if (read.intent === 'change-billing-contact' && read.score >= UNDERSTANDING_POLICY.interrupt) {
            return false;
        }
        if (!(await requestsOf(this.services.recognizer, t, text, lang)).includes('change-billing-contact')) {
            return false;
        }
        return !(await this.namesNewContact(context, text)) && findEmail(text, lang) === undefined && !WRITTEN_FULL_NAME.test(text);
    }

    /**
     * The person leaves while waiting for an agent: a message that says the
     * matter is settled ("hat sich erledigt, danke", "never mind, I figured it
     * out") leaves the queue at once; a yes or another goodbye to "Leave the
     * queue?" (asked by the escalation after a bare goodbye) too. The handoff
     * is closed, so no agent picks up an empty conversation, and the
     * conversation ends with one friendly line. Once an agent has the chat,
     * the relay stage passes everything on and this never runs.
     */
    private async leavingQueue(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
        const context = innerDc.context;
        const asked = this.isOnStack(innerDc, DialogIds.escalateLeave);
        if (context.activity.type !== ActivityTypes.Message || !(asked || this.isOnStack(innerDc, DialogIds.escalateWait))) {
            return undefined;
        }
        const text = submittedText(context.activity) ?? '';
        const { t } = turnInfo(context);
        const leaves =
            settledOnly(text, this.services.recognizer, t) ||
            (asked && (yesNoAnswer(context, text, 'whole') === true || goodbyeOnly(text, await understandTurn(context, this.services.recognizer), this.services.recognizer, t)));
        if (!leaves || !(await this.services.handoffs.cancelWaiting(turnInfo(context).conversationKey))) {
            return undefined;
        }
        return this.close(innerDc, 'escalate:leftGoodbye');
    }

    /** "Cancel" in words while waiting for an agent leaves the queue with one message, as the "Leave the queue" button does. */
    protected override async onInterruption(innerDc: DialogContext, understood: Understanding): Promise<DialogTurnResult | undefined> {
        if (understood.intent !== 'cancel' || !this.isOnStack(innerDc, DialogIds.escalate)) {
            return super.onInterruption(innerDc, understood);
        }
        const left = await this.services.handoffs.cancelWaiting(turnInfo(innerDc.context).conversationKey);
        await innerDc.cancelAllDialogs();
        await innerDc.context.sendActivity(turnInfo(innerDc.context).t(left ? 'escalate:left' : 'main:cancelled'));
        return innerDc.beginDialog(DialogIds.mainMenu, { again: true } satisfies MainMenuOptions);
    }

    private async showMenuStep(step: WaterfallStepContext<MainMenuOptions>): Promise<DialogTurnResult> {
        const { t } = turnInfo(step.context);
        const options = step.options ?? {};
        const { profile } = turnInfo(step.context);
        // Back at the menu no verification is running that could still answer a status question.
        profile.pendingReferences = undefined;
        if (options.restart && profile.identity) {
            // Starting over forgets the chosen account (not the verification): the next question asks which one.
            profile.identity = { ...profile.identity, accountId: undefined };
        }
        if (options.welcome) {
            await step.context.sendActivity(t(turnInfo(step.context).profile.langSource === 'default' ? 'main:welcomeAnyLanguage' : 'main:welcome'));
        }
        if (options.mailToDraft) {
            return step.next();
        }
        // A first message that offers a form of address ("du kannst mich duzen"): taken up, then its rest is read, or the menu shown.
        const addressed = options.understood ? await acknowledgeAddressForm(step.context) : undefined;
        const understood = addressed === 'only' ? undefined : addressed === 'more' ? await understandTurn(step.context, this.services.recognizer) : options.understood;
        if (understood && (understood.intent !== 'none' || (await this.asksSomething(step)))) {
            return step.next(understood);
        }
        const key = options.restart ? 'main:restart' : options.sure ? 'main:sureWhatElse' : options.again ? 'main:anythingElse' : 'main:menuPrompt';
        const followUp = options.followUp;
        return step.prompt(PromptIds.text, localized({ text: followUp?.text ?? { key }, retryText: { key: 'main:menuPrompt' }, againText: options.restart ? { key: 'main:menuPrompt' } : undefined, buttons: followUp?.buttons ?? (await this.menuFor(step.context)) }));
    }

    private async routeStep(step: WaterfallStepContext<MainMenuOptions>): Promise<DialogTurnResult> {
        const corrected = step.options?.mailToDraft;
        const identity = turnInfo(step.context).profile.identity;
        if (corrected && identity?.accountId !== undefined) {
            return step.beginDialog(DialogIds.emailAdmin, { userId: identity.userId, accountId: identity.accountId, message: corrected.message, recipientIds: corrected.recipientIds, ...(corrected.urgent ? { urgent: true } : {}) } satisfies EmailAdminOptions);
        }
        const queued = step.options?.queued === true;
        // A request taken from the queue was made in an earlier message: this turn's words are not its details.
        const text = queued ? '' : (submittedText(step.context.activity) ?? '');
        const first = await this.understanding(step);
        const { intent, queue } = await this.ordered(step, first, text);
        const read: Understanding = intent === first.intent ? first : { intent, score: 1, language: first.language };
        // "ok und wer bekommt sie dann?" after a topic's answer: who gets what that answer was about, the billing contact.
        const understood: Understanding = this.typed(step) && this.asksWhoOfLastTopic(step, read, text) ? { intent: 'who-is-billing-contact', score: 1, language: read.language } : read;
        stepValues<MenuValues>(step).queue = queue;
        stepValues<MenuValues>(step).queuedText = queued ? step.options?.queuedText : queue.length > 0 ? text : undefined;
        // "Now to your next question" once a turn, and not before a question the answer just above has answered already.
        if (queued && !saidThisTurn(step.context, 'main:nextRequest') && !(BILLING_ROLE_INTENTS.has(intent) && saidThisTurn(step.context, 'billing-role-answer'))) {
            noteSaidThisTurn(step.context, 'main:nextRequest');
            await step.context.sendActivity(turnInfo(step.context).t('main:nextRequest'));
        }
        return this.route(step, understood, text);
    }

    /**
     * The request to take up now and those to take up after it, in the order
     * the message makes them ("who is our billing contact and how do I reset
     * my portal password"). A request for a person takes the rest along as its
     * description; a queued request keeps the queue it came with.
     */
    private async ordered(step: WaterfallStepContext<MainMenuOptions>, understood: Understanding, text: string): Promise<{ intent: Intent; queue: readonly Intent[] }> {
        if (step.options?.queue !== undefined) {
            return { intent: understood.intent, queue: step.options.queue };
        }
        // Only words read by the classifier are cut into requests: not a button, not a "yes" that chose an offer.
        const read = await understandTurn(step.context, this.services.recognizer);
        const typed = !('button' in (step.result as object) && (step.result as TextInput).button);
        if (text === '' || !typed || read?.intent !== understood.intent || understood.intent === 'talk-to-human' || this.referenceInTurn(step)) {
            return { intent: understood.intent, queue: [] };
        }
        const { t, lang } = turnInfo(step.context);
        // Named outside the field with no word of it ("audio drops, any fix?"): no part of it is a request of the bot's.
        if (understood.intent === 'out-of-scope' && understood.score >= UNDERSTANDING_POLICY.offField) {
            return { intent: understood.intent, queue: [] };
        }
        const requests = await requestsOf(this.services.recognizer, t, text, lang);
        // "i got an email saying im being replaced as billing contact?? i never agreed to that": read whole, an objection leads,
        // whatever its parts ask first. Otherwise the reading of the whole message picks one of its requests; the parts say which come first.
        const objection = understood.intent === 'object-to-request' && requests.includes('object-to-request');
        // "Anna left. Who's our billing contact now?": a message read as who holds the role that ends on a who-question asks who, as the reading says.
        const intent = objection || askedWhoLast(text, t, understood) ? understood.intent : leadIntent(understood.intent, requests);
        const queue = objection ? requests : requests.length > 0 && intent === requests[0] ? requests.slice(1) : [];
        // "I object. I never agreed, please reject it": the objection's answer says where the request stands; its other sentences
        // (the status, the role it speaks of) ask nothing more.
        return { intent, queue: intent === 'object-to-request' ? queue.filter((next) => !WITHIN_OBJECTION.has(next)) : queue };
    }

    private async route(step: WaterfallStepContext<MainMenuOptions>, understood: Understanding, text: string): Promise<DialogTurnResult> {
        const { t } = turnInfo(step.context);
        const followUp = step.options?.followUp;
        if (text !== '' && asksIfAutomated(text, t)) {
            // "r u a robot?" as the first message (the menu's question was not open yet): the truth and how to reach a person, then the menu.
            await step.context.sendActivity(t('main:automated.answer'));
            return step.replaceDialog(DialogIds.mainMenu, {} satisfies MainMenuOptions);
        }
        if (saidThisTurn(step.context, LANGUAGE_TAKEN) && AFTER_LANGUAGE_NOTHING.has(understood.intent)) {
            // "können wir auf englisch weitermachen? mein deutsch ist nicht so gut": switched, and the rest only says why; the menu, no "didn't get that".
            return step.replaceDialog(DialogIds.mainMenu, {} satisfies MainMenuOptions);
        }
        const portal = await this.portalAnswer(step, text);
        if (portal) {
            return portal;
        }
        const origin = this.typed(step) ? await this.originAnswer(step, text) : undefined;
        if (origin) {
            // "wer hat das beantragt?", "who filed it and why?" after a request's status: who filed it and their reason, then the menu.
            await step.context.sendActivity(origin);
            return step.replaceDialog(DialogIds.mainMenu, { again: true } satisfies MainMenuOptions);
        }
        if (text !== '' && this.asksWhatTheRoleMayDo(step.context, understood, text)) {
            // "what can a billing contact actually do?": the article answers it for everyone; no verification, then the question again.
            await step.context.sendActivity(t('main:rolePermissions.answer'));
            return step.replaceDialog(DialogIds.mainMenu, { again: true } satisfies MainMenuOptions);
        }
        const whereToSee = !followUp && ((this.typed(step) && step.options?.again) || (text !== '' && asksQuestion(step.context, text))) ? whereToSeeAnswer(step.context, text) : undefined;
        if (whereToSee) {
            // "where can I see that myself?" to "anything else?", or "is there a settings page that shows it?" asked first: the article's ways to look it up
            // (no verification needed), then the question again.
            await step.context.sendActivity(whereToSee);
            return step.replaceDialog(DialogIds.mainMenu, { again: true } satisfies MainMenuOptions);
        }
        if (this.typed(step) && (step.options?.again || followUp) && (await this.namesNewContactInstead(step.context, text))) {
            // "no, instead make it Lea Fischer" to "anything else?" or an offer: a change of billing contact to that person, not a goodbye.
            noteInsight(step.context, 'task-started', 'change-request');
            return step.beginDialog(DialogIds.changeContact, { question: text.slice(0, 500) } satisfies ChangeContactOptions);
        }
        // "pls email peter for me, tell him the invoice … has the wrong address": a request to write with its message keeps the mail.
        const writesAbout = understood.intent === 'email-billing-admin' && messageAfterFrame(() => t, text, turnInfo(step.context).lang) !== undefined;
        if (!INVOICE_DETAILS_KEEP.has(understood.intent) && !writesAbout && this.typed(step) && !this.referenceInTurn(step) && asksAboutInvoiceDetails(step.context, text)) {
            // "auf meiner rechnung steht die falsche adresse": what an invoice shows is no billing contact; what the bot can do, and a person.
            noteNotUnderstood(step.context, 'out-of-scope', text, understood.intent, understood.score);
            return step.next(offerNext({ key: 'main:invoiceDetails.answer' }, INVOICE_DETAILS_OFFERS, { askedFirst: true }));
        }
        if (this.typed(step) && !step.options?.again && !followUp && this.asksOnlyWhoMayChange(step.context, text)) {
            // "wer darf bei uns den abrechnungskontakt ändern und wie lange dauert das?" asked first: a question, answered (who may,
            // how long when asked); the change itself is only offered. A wish after the question ("… ? ich möchte Lea eintragen") is the
            // change; who may change something else ("Wir wollen unseren Abo-Plan wechseln, wer kann das machen?") is not asked here.
            await step.context.sendActivity(await this.whoMayChangeLines(step, text));
            return step.next(offerNext({ key: 'main:accountAdmins.offerChange' }, ['change-billing-contact', 'thanks'], { askedFirst: true }));
        }
        const admins = this.typed(step) && (step.options?.again || followUp) ? await this.adminsAnswer(step, text) : undefined;
        if (admins) {
            // "und wer sind unsere admins?" after an answer, verified: the names the bot knows (never their addresses), then the offer again.
            await step.context.sendActivity(admins);
            return step.replaceDialog(DialogIds.mainMenu, { again: step.options?.again, followUp } satisfies MainMenuOptions);
        }
        if (followUp && (await this.unansweredQuestion(step, understood, text))) {
            const refused = REFUSALS.has(followUp.text.key);
            // "ok how long will it take?" begins as an answer to the offer: a question about it, not a new topic.
            if (refused && understood.intent === 'out-of-scope' && leadingAnswer(step.context, text) === undefined) {
                // Another question outside the bot's field: said once, briefly, not "can't answer that" before the whole refusal again.
                return step.replaceDialog(DialogIds.mainMenu, { again: step.options?.again, followUp: { ...followUp, text: { key: 'main:outOfScopeAgain' } } } satisfies MainMenuOptions);
            }
            // "wie lange dauert das?" at "Shall I …?": the offer stays open, asked again after saying so (a refusal's offer without the refusal).
            // "where do I see that?" after an answer: the article's ways to see it; anything else it cannot answer here.
            const whereToSee = whereToSeeAnswer(step.context, text);
            // Another question it cannot answer here: not the same words again, but a person offered with a button of its own.
            const askedAgain = step.options?.unanswered === true && whereToSee === undefined;
            await step.context.sendActivity(whereToSee ?? (askedAgain ? t('common:questionNotAnsweredAgain', { person: t('actions:talk-to-human') }) : t('common:questionNotAnswered')));
            if (this.declines(step)) {
                // "no thanks, but why can't I see it myself?": the offer is declined; after the answer (or "can't answer that"), "anything else?".
                return step.replaceDialog(DialogIds.mainMenu, { again: true } satisfies MainMenuOptions);
            }
            const offer = refused ? { ...followUp, text: { key: 'main:outOfScopeOffer' } } : followUp;
            const withPerson = askedAgain && !offer.buttons.some((button) => button.value === 'talk-to-human') ? { ...offer, buttons: [...offer.buttons, actionButton('talk-to-human')] } : offer;
            return step.replaceDialog(DialogIds.mainMenu, { again: step.options?.again, followUp: withPerson, unanswered: whereToSee === undefined } satisfies MainMenuOptions);
        }
        const reference = this.referenceInTurn(step);
        const said = submittedText(step.context.activity) ?? '';
        const shown = lastObjectableShown(step.context);
        // "i don't agree with this, i'm not leaving" right after a request filed against the person was shown: a refusal of
        // that request (`main:objectionWords.refuse`) objects to it. Before, "agree" read as a yes and the objection was lost.
        const refusesShown = shown !== undefined && reference === undefined && refusesNamedRequest(said, turnInfo(step.context).t);
        if (!refusesShown && step.options?.again && ((NOTHING_MORE.has(understood.intent) && yesNoAnswer(step.context, said, 'whole') === false) || this.declinesNothingMore(step.context, said))) {
            // A bare "nein", or "nope im good", to "Kann ich sonst noch etwas für Sie tun?" ends the conversation.
            return this.closeAtMenu(step, 'main:noThanksReply');
        }
        if (!refusesShown && step.options?.again && understood.intent === 'none' && yesNoAnswer(step.context, submittedText(step.context.activity) ?? '', 'whole') === true) {
            // A bare "ja" to "Kann ich sonst noch etwas für Sie tun?" is no riddle: "Gern – was kann ich für Sie tun?" with the menu.
            return step.replaceDialog(DialogIds.mainMenu, { sure: true } satisfies MainMenuOptions);
        }
        if (understood.intent === 'object-to-request' && !reference && !shown && this.sentNoMail(step.context) && mailNotArrived(turnInfo(step.context).t, text) && !this.services.recognizer.namesTheRole(text)) {
            // "I never got the email with the code" where this conversation sent none (a chat opened anew): no objection, but what to do.
            await step.context.sendActivity(turnInfo(step.context).t('main:noMailSentHere'));
            return step.replaceDialog(DialogIds.mainMenu, {} satisfies MainMenuOptions);
        }
        if (understood.intent === 'object-to-request' || refusesShown || (understood.intent === 'cancel' && shown) || (reference && (await this.objectsInAPart(step, text)))) {
            // "I never agreed, stop it": a billing contact objects to the request filed against them (issue 12).
            // "I object to both, BC-… and BC-…": each one named; the person's words go into the mails.
            const named = reference ? findReferences(submittedText(step.context.activity) ?? '') : [];
            // Several requests shown at once ("Damit bin ich nicht einverstanden" after two): not simply the last one (objectionAnswer.ts).
            const meant = objectableShownTogether(step.context).length > 1 ? undefined : shown;
            return step.beginDialog(DialogIds.requestStatus, { reference: named[0] ?? meant, objection: true, moreReferences: named.slice(1), words: text || undefined } satisfies RequestStatusOptions);
        }
        if (reference || understood.intent === 'request-status') {
            return step.beginDialog(DialogIds.requestStatus, { reference } satisfies RequestStatusOptions);
        }
        const login = findIntroducedUserId(text, this.services.recognizer, turnInfo(step.context).t);
        if (login && understood.intent !== 'talk-to-human' && (!isRequest(understood.intent) || understood.score < UNDERSTANDING_POLICY.requestOverUserId)) {
            // "sorry, my user ID is actually kbergmann": a user ID is only ever for the portal reset, which starts (again) with it.
            return step.beginDialog(DialogIds.portalReset, { login } satisfies PortalResetOptions);
        }
        if (BILLING_ROLE_INTENTS.has(understood.intent)) {
            noteInsight(step.context, 'task-started', 'billing-role');
            const { lang } = turnInfo(step.context);
            // "email peter that I need 5 more licences and also how do I reset my portal password?": the request after "and also"
            // is taken up after the mail (it is in the queue), not written in it.
            // "who's our billing admin? tell them I need the October invoice as PDF": the mail asked second takes its words from where the message asks for it.
            const queuedWords = understood.intent === 'email-billing-admin' && text === '' && step.options?.queued && step.options.queuedText ? await wordsFromRequest(this.services.recognizer, t, step.options.queuedText, lang, 'email-billing-admin') : undefined;
            const mailWords = text !== '' ? text : queuedWords;
            const askedWith = understood.intent === 'email-billing-admin' && mailWords !== undefined ? await messageBeforeRequests(this.services.recognizer, t, mailWords, lang, stepValues<MenuValues>(step).queue ?? []) : undefined;
            // "… ne nachricht schicken? ich brauch die rechnung von november als pdf": the sentences after the request to write are its message, no requests of their own.
            const after = askedWith === undefined || messageAfterFrame(() => t, askedWith, lang) !== undefined ? undefined : await messageAfterRequest(this.services.recognizer, () => t, askedWith, lang);
            if (after) {
                stepValues<MenuValues>(step).queue = (stepValues<MenuValues>(step).queue ?? []).filter((next) => !after.taken.includes(next));
            }
            const askedMessage = askedWith === undefined ? undefined : (after?.message ?? messageAfterFrame(() => t, askedWith, lang));
            const moreAsked = (stepValues<MenuValues>(step).queue ?? []).length > 0;
            // "… and can I contact them?", "kann ich sie anschreiben?": a question about writing is answered, the mail offered first.
            const asked = text || (step.options?.queued ? step.options.queuedText : undefined) || '';
            const offerFirst = understood.intent === 'email-billing-admin' && askedMessage === undefined && asksWhetherToWrite(t, asked);
            const offerDeclined = step.options?.offerDeclined;
            // "Is Sarah also a billing contact?": kept for the answer (only such a question, not every message, goes into the dialog's state).
            const holderAsked = step.options?.holderAsked ?? (understood.intent === 'who-is-billing-contact' && this.services.recognizer.asksWhetherPersonHolds(asked) ? asked : undefined);
            return step.beginDialog(DialogIds.billingRole, { intent: understood.intent, moreAsked, askedWith, askedMessage, offerFirst, offerDeclined, holderAsked } satisfies BillingRoleOptions);
        }
        switch (understood.intent) {
            case 'switch-language': {
                await answerLanguageRequest(step.context, understood.targetLanguage);
                break;
            }
            case 'greeting':
                await step.context.sendActivity(t('main:greetingReply'));
                return step.replaceDialog(DialogIds.mainMenu, {} satisfies MainMenuOptions);
            case 'goodbye':
            case 'thanks':
                if (asksQuestion(step.context, text) && !this.services.recognizer.saysOnly(text, CLOSING_WORDS)) {
                    // A question is no goodbye and no thanks, whatever the classifier thought ("was würde die Person denn
                    // machen?", "is that all done now?"): the conversation does not end on it.
                    noteNotUnderstood(step.context, 'low-confidence', text, understood.intent, understood.score);
                    await step.context.sendActivity(t('main:notUnderstood'));
                    return step.replaceDialog(DialogIds.mainMenu, {} satisfies MainMenuOptions);
                }
                if (understood.intent === 'goodbye') {
                    return this.closeAtMenu(step, 'main:goodbye');
                }
                if (this.declines(step)) {
                    // "No, thanks" to "anything else?": a closing, not "you're welcome".
                    return this.closeAtMenu(step, 'main:noThanksReply');
                }
                if (containsPhrase(text, phraseList(t, 'main:thatsAll.heard'))) {
                    // "that's all", "danke, das war's" (after a misunderstanding too): a closing, not "you're welcome" with the menu open.
                    return this.closeAtMenu(step, containsPhrase(text, phraseList(t, 'main:thatsAll.thanked')) ? 'main:closingThanks' : 'main:noThanksReply');
                }
                if (step.options?.again || step.options?.sure) {
                    // Thanks after a task, to "anything else?" (or after a yes to it): that was all.
                    return this.closeAtMenu(step, 'main:closingThanks');
                }
                await step.context.sendActivity(t('main:thanksReply'));
                break;
            case 'out-of-scope': {
                noteNotUnderstood(step.context, 'out-of-scope', submittedText(step.context.activity) ?? '', understood.intent, understood.score);
                // Outside the bot's field: what it can do, and a person; never a guessed topic. The whole of it once, then briefly.
                const profile = turnInfo(step.context).profile;
                const before = profile.answered?.includes('out-of-scope') === true;
                profile.answered = before ? profile.answered : [...(profile.answered ?? []), 'out-of-scope'];
                return step.next(offerNext({ key: before ? 'main:outOfScopeAgain' : 'main:outOfScope' }, OUT_OF_SCOPE_OFFERS, { askedFirst: true }));
            }
            case 'help':
                await step.context.sendActivity(t('main:help'));
                return step.replaceDialog(DialogIds.mainMenu, {} satisfies MainMenuOptions);
            case 'cancel':
                await step.context.sendActivity(t('main:nothingToCancel'));
                return step.replaceDialog(DialogIds.mainMenu, {} satisfies MainMenuOptions);
            case 'start-over':
                return step.replaceDialog(DialogIds.mainMenu, { restart: true } satisfies MainMenuOptions);
            case 'talk-to-human':
                return step.beginDialog(DialogIds.escalate, step.options?.escalate ?? this.escalateWith(step, text));
            case 'change-billing-contact':
                noteInsight(step.context, 'task-started', 'change-request');
                // "I am the billing contact … and I'd like to hand it over to Priya Nair, priya.nair@…": asked second, its details are in the first message.
                return step.beginDialog(DialogIds.changeContact, {
                    question: (text || (step.options?.queued ? step.options.queuedText : undefined))?.slice(0, 500) || undefined,
                    resume: step.options?.resumeChange
                } satisfies ChangeContactOptions);
            case 'portal-password-reset':
                noteInsight(step.context, 'task-started', 'portal-reset');
                return step.beginDialog(DialogIds.portalReset, this.portalResetOptions(step, text));
            case 'more-topics':
                return step.next(moreTopicsMenu());
            default:
                if (isTopicIntent(understood.intent)) {
                    const answered = await answerTopic(step.context, understood.intent, await this.knownAccount(step.context));
                    // "nein danke, aber warum kann ich das nicht selbst sehen?" to "Soll ich Peter Brooks … schreiben?": the question is answered,
                    // no offer made right after the person declined one ("anything else?" follows).
                    const justDeclined = step.options?.offerDeclined === true || (followUp !== undefined && this.declines(step));
                    return step.next(justDeclined ? undefined : answered);
                }
                if (this.onlyAnEmail(step, text)) {
                    // An address alone says who the person is: identification starts with it, and the role answer follows.
                    noteInsight(step.context, 'task-started', 'billing-role');
                    return step.beginDialog(DialogIds.billingRole, { intent: 'am-i-billing-contact' } satisfies BillingRoleOptions);
                }
                noteNotUnderstood(step.context, 'low-confidence', text, understood.intent, understood.score);
                await step.context.sendActivity(t('main:notUnderstood'));
                return step.replaceDialog(DialogIds.mainMenu, {} satisfies MainMenuOptions);
        }
        return step.next();
    }

    /**
     * A question about the portal reset answered from what the bot knows: where
     * the user ID is (the person's own when on file), how long the link holds
     * (the one sent in this conversation, or any), and a new link only when
     * plainly asked for, or the right user ID when the one given was wrong.
     * The person's own user ID typed alone after a link was sent is the same
     * request again, answered without a second link.
     */
    private async portalAnswer(step: WaterfallStepContext<MainMenuOptions>, text: string): Promise<DialogTurnResult | undefined> {
        const input = step.result as TextInput | Understanding;
        if (text === '' || 'intent' in input || input.button) {
            return undefined;
        }
        const { t, profile } = turnInfo(step.context);
        const minutes = this.services.portalReset.linkValidMinutes;
        const sent = didAction(step.context, 'portal-reset-requested');
        const own = profile.identity ? await this.services.users.portalLogin(profile.identity.userId) : undefined;
        switch (portalQuestion(t, text)) {
            case 'where-user-id':
                await step.context.sendActivity(own ? t('portalReset:yourUserId', { login: own.login }) : t('portalReset:whereToFind'));
                return step.next(own || sent ? undefined : offerNext({ key: 'portalReset:offerLink' }, ['portal-password-reset', 'am-i-billing-contact', 'thanks'], { askedFirst: true }));
            case 'link-validity':
                await step.context.sendActivity(t(sent ? 'portalReset:linkValidity' : 'portalReset:linkValidityGeneral', { minutes }));
                return step.next(sent ? undefined : offerNext({ key: 'portalReset:offerLink' }, ['portal-password-reset', 'thanks'], { askedFirst: true }));
            case 'worked':
                // "did it work?" right after a reset: what the bot can know (the portal does not say whether an ID exists), then the menu.
                if (!sent) {
                    return undefined;
                }
                await step.context.sendActivity(t('portalReset:worked', { minutes }));
                return step.next(undefined);
            case 'new-link':
                return sent ? step.beginDialog(DialogIds.portalReset, { login: findIntroducedUserId(text, this.services.recognizer, turnInfo(step.context).t), fresh: true } satisfies PortalResetOptions) : undefined;
            case 'wrong-user-id':
                // "sorry, wrong user id earlier tho" after a link was asked for: the right one is asked for (or taken when named), for a new link.
                return sent ? step.beginDialog(DialogIds.portalReset, { login: findIntroducedUserId(text, this.services.recognizer, turnInfo(step.context).t), fresh: true, again: true } satisfies PortalResetOptions) : undefined;
            default:
                return sent && own && phraseOf(text) === phraseOf(own.login) ? step.beginDialog(DialogIds.portalReset, { login: own.login } satisfies PortalResetOptions) : undefined;
        }
    }

    /** True when this conversation has sent the person nothing: not verified here (no code), no reset link, no mail to the billing contact, no callback's confirmation. */
    private sentNoMail(context: TurnContext): boolean {
        return turnInfo(context).profile.identity === undefined && !didAction(context, 'portal-reset-requested') && !didAction(context, 'emailed-billing-admin') && !didAction(context, 'callback-requested');
    }

    /**
     * How a portal reset starts: with the user ID the message names ("my user ID is kbergmann"), or the one address in it
     * ("reset the portal password for buchhaltung@…": a user ID in email format; a request asked after another, with the
     * words of the message that asked both). "Send a new link" (or a yes) after "still no email" asks for a new link for
     * the user ID of the last one, though one was asked for already.
     */
    private portalResetOptions(step: WaterfallStepContext<MainMenuOptions>, text: string): PortalResetOptions {
        const corrected = step.options?.correctedLogin;
        if (corrected !== undefined) {
            return { login: corrected, fresh: true, again: true };
        }
        const { t, lang } = turnInfo(step.context);
        const asked = text || (step.options?.queued ? step.options.queuedText : undefined) || '';
        // An address the person gives as their own ("my email is …") says who asks, not for which user ID.
        const own = ownEmail(asked, { t, lang })?.toLowerCase();
        const addresses = [...new Set(findEmails(asked, lang).map((email) => email.toLowerCase()))].filter((email) => email !== own);
        const login = findIntroducedUserId(asked, this.services.recognizer, t) ?? (addresses.length === 1 ? addresses[0] : undefined);
        if (!offersNewLink(step.options?.followUp)) {
            return { login };
        }
        return { login: login ?? lastActionDetail(step.context, 'portal-reset-requested'), fresh: true, again: true };
    }

    /**
     * True when the message says "instead" (`main:insteadWords`) and names a person: a member of the
     * person's chosen account by name, an address, or a written full name ("nein, stattdessen bitte Lea Fischer").
     */
    private async namesNewContactInstead(context: TurnContext, text: string): Promise<boolean> {
        const { t, lang, profile } = turnInfo(context);
        const said = phraseOf(text);
        const instead = phraseList(t, 'main:insteadWords').find((word) => ` ${said} `.includes(` ${word} `));
        if (instead === undefined) {
            return false;
        }
        // The person is named after the word: "no, instead make it Lea Fischer".
        const after = said.slice(said.indexOf(instead) + instead.length);
        const last = instead.split(' ').at(-1) ?? instead;
        const written = text.slice(text.toLocaleLowerCase().indexOf(last) + last.length);
        const accountId = profile.identity?.accountId;
        const members = accountId ? await this.services.accounts.members(accountId) : [];
        const words = new Set(wordsOf(after));
        return (
            members.some((m) => wordsOf(m.user.name).every((word) => words.has(word)) || (profile.identity?.userId !== m.user.id && words.has(wordsOf(m.user.name)[0] ?? ''))) ||
            findEmail(written, lang) !== undefined ||
            WRITTEN_FULL_NAME.test(written)
        );
    }

    /** True when a sentence of a message that names a reference objects to it ("… BC-2026-000002 – I did NOT agree to this"). */
    private async objectsInAPart(step: WaterfallStepContext<MainMenuOptions>, text: string): Promise<boolean> {
        if (text === '') {
            return false;
        }
        const { t, lang } = turnInfo(step.context);
        return refusesNamedRequest(text, t) || (await requestsOf(this.services.recognizer, t, text, lang)).includes('object-to-request');
    }

    /** After verification, what the bot knows about the person's chosen account (type, role, billing contacts). */
    protected override async knownAccount(context: TurnContext): Promise<BillingRoleAnswer | undefined> {
        const identity = turnInfo(context).profile.identity;
        return identity?.accountId ? this.services.billingRole.evaluate(identity.userId, identity.accountId) : undefined;
    }

    /**
     * True for a question what the billing contact may do (`common:sideQuestion.heard.permissions`: "what can a billing contact
     * do?", "Was darf ein Abrechnungskontakt?") that does not ask about the writer ("am I …", `main:selfQuestionMarkers`), or
     * how an admin and the billing contact differ, however the classifier reads that ({@link asksHowAdminAndRoleDiffer}).
     */
    private asksWhatTheRoleMayDo(context: TurnContext, understood: Understanding, text: string): boolean {
        const { t } = turnInfo(context);
        return (
            (ROLE_PERMISSION_READINGS.has(understood.intent) &&
                asksQuestion(context, text) &&
                containsPhrase(text, phraseList(t, 'common:sideQuestion.heard.permissions')) &&
                !containsPhrase(text, phraseList(t, 'main:selfQuestionMarkers'))) ||
            asksHowAdminAndRoleDiffer(text, t, this.services.recognizer)
        );
    }

    protected override async namesNewContact(context: TurnContext, text: string): Promise<boolean> {
        const identity = turnInfo(context).profile.identity;
        // Most messages at the menu or an offer name no change: the account's members are read only for one that does.
        // "could you pass something on to sarah" passes on a message, not the role.
        if (!identity?.accountId || !saysChange(text, turnInfo(context).t) || wishesToWriteToSomeone(text, turnInfo(context).t)) {
            return false;
        }
        const others = (await this.services.accounts.members(identity.accountId)).filter((m) => m.user.id !== identity.userId).map((m) => m.user);
        return personChangedTo(text, others, turnInfo(context).t) !== undefined;
    }

    /** Ends the conversation with one friendly line: the menu is not shown again. */
    private async closeAtMenu(step: WaterfallStepContext<MainMenuOptions>, key: string): Promise<DialogTurnResult> {
        noteInsight(step.context, 'closing');
        await sayClosing(step.context, turnInfo(step.context).t(key));
        return step.endDialog();
    }

    /** A request for a person that says more than that ("… about a wrong invoice"): those words are the description for the agent. */
    private escalateWith(step: WaterfallStepContext<MainMenuOptions>, text: string): EscalateOptions {
        // "yes customer service" to an offer says no more than "customer service".
        const said = leadingAnswer(step.context, text)?.rest ?? text;
        // "ich will jetzt sofort mit nem echten mitarbeiter reden" says no more either: urgency and fillers (`escalate:requestOnlyWords`) tell nothing of the matter.
        const fillers = phraseList(turnInfo(step.context).t, 'escalate:requestOnlyWords');
        const matter = wordsOf(said).filter((word) => !fillers.includes(word)).join(' ');
        return matter !== '' && !this.services.recognizer.saysNothingBeside(matter, 'talk-to-human') ? { description: text } : {};
    }

    /**
     * The menu for this person: to one verified who is an admin of no account the change of billing contact is not offered
     * (only admins may ask for it; typing it still explains who can).
     */
    private async menuFor(context: TurnContext): Promise<readonly PromptButton[]> {
        const buttons = menuButtons(context);
        const { profile } = turnInfo(context);
        const identity = profile.identity;
        if (!identity) {
            return buttons;
        }
        // Known since the account was chosen (no read of the directory at this turn); read once otherwise (Teams sign-in).
        const admin = identity.admin ?? (await this.services.users.memberships(identity.userId)).some((membership) => membership.isAdmin);
        profile.identity = { ...identity, admin };
        return admin ? buttons : buttons.filter((button) => button.value !== 'change-billing-contact');
    }

    /** True when a message the classifier could not place as a whole still asks for something: a reference, an address alone, a user ID, requests in its parts. */
    private async asksSomething(step: WaterfallStepContext<MainMenuOptions>): Promise<boolean> {
        const text = submittedText(step.context.activity) ?? '';
        const { t, lang } = turnInfo(step.context);
        return (
            this.referenceInTurn(step) !== undefined ||
            this.onlyAnEmail(step, text) ||
            findIntroducedUserId(text, this.services.recognizer, turnInfo(step.context).t) !== undefined ||
            (await requestsOf(this.services.recognizer, t, text, lang)).length > 0
        );
    }

    /** True when the message is the person's own address and nothing else ("it's sarah.lee@… btw"). */
    private onlyAnEmail(step: WaterfallStepContext<MainMenuOptions>, text: string): boolean {
        return onlyOwnEmail(text, turnInfo(step.context));
    }

    /** Back to "anything else?", with the finished task's offers, or straight on with the intent it chose or the next one the person asked for. */
    private async againStep(step: WaterfallStepContext<MainMenuOptions>): Promise<DialogTurnResult> {
        const result = (typeof step.result === 'object' && step.result !== null ? step.result : {}) as TaskResult;
        const queue = stepValues<MenuValues>(step).queue ?? [];
        const lang = turnInfo(step.context).lang;
        if (result.next) {
            const understood: Understanding = { intent: result.next, score: 1, language: lang };
            return step.replaceDialog(DialogIds.mainMenu, { understood, offerDeclined: result.offerDeclined, ...(queue.length > 0 ? { queue, queuedText: stepValues<MenuValues>(step).queuedText } : {}) } satisfies MainMenuOptions);
        }
        if (queue.length > 0) {
            const understood: Understanding = { intent: queue[0], score: 1, language: lang };
            return step.replaceDialog(DialogIds.mainMenu, { understood, queue: queue.slice(1), queued: true, queuedText: stepValues<MenuValues>(step).queuedText } satisfies MainMenuOptions);
        }
        return step.replaceDialog(DialogIds.mainMenu, { again: true, followUp: result.followUp } satisfies MainMenuOptions);
    }

    /** True when the person typed the turn's words (no button, no request taken from an earlier message). */
    private typed(step: WaterfallStepContext<MainMenuOptions>): boolean {
        const input = step.result as TextInput | Understanding | undefined;
        return step.options?.queued !== true && input !== undefined && !('intent' in input) && !input.button;
    }

    /**
     * The "No, thanks" button, or a message that begins with a no ("nein danke", "no thanks, but why …?"): the offer open
     * at the menu is declined, whatever the rest asks.
     */
    private declines(step: WaterfallStepContext<MainMenuOptions>): boolean {
        const input = step.result as TextInput | Understanding;
        if ('button' in input && input.button === 'thanks') {
            return true;
        }
        return yesNoAnswer(step.context, submittedText(step.context.activity) ?? '', 'start') === false;
    }

    /** A change-request reference in the turn's text ("Status BC-2026-000123"): a status question, whatever else it says. */
    private referenceInTurn(step: WaterfallStepContext<MainMenuOptions>): string | undefined {
        return findReference(submittedText(step.context.activity) ?? '');
    }

    /** The intent of the menu answer: the button's, or the classifier's. */
    private async understanding(step: WaterfallStepContext<MainMenuOptions>): Promise<Understanding> {
        const lang = turnInfo(step.context).lang;
        const input = step.result as TextInput | Understanding;
        if ('intent' in input) {
            return input;
        }
        if (input.button) {
            return { intent: input.button as Intent, score: 1, language: lang };
        }
        // "die vierte", "Nummer 4": a button named by its place, as a channel without buttons shows them in a numbered list.
        const place = placeNamed(turnInfo(step.context).t, input.text);
        if (place !== undefined) {
            const buttons = step.options?.followUp?.buttons ?? (await this.menuFor(step.context));
            const button = buttons[place === 'last' ? buttons.length - 1 : place - 1];
            if (button) {
                return { intent: button.value as Intent, score: 1, language: lang };
            }
        }
        const understood = (await understandTurn(step.context, this.services.recognizer)) ?? { intent: 'none', score: 0, language: lang };
        // "nee lass mal", "never mind" to "Shall I …?": the no of the offer.
        const declined = understood.intent === 'cancel' && understood.score >= UNDERSTANDING_POLICY.cancel ? step.options?.followUp?.buttons.find((button) => button.answers === 'no') : undefined;
        if (declined) {
            return { intent: declined.value as Intent, score: 1, language: lang };
        }
        // "yeah go ahead, my username is pbrooks" to "Shall I …?": the yes chooses, the task reads the rest;
        // unless the rest makes a request of its own ("yes, but change the billing contact instead").
        const lead = leadingAnswer(step.context, input.text);
        const answered = lead && step.options?.followUp?.buttons.find((button) => button.answers === (lead.value ? 'yes' : 'no'));
        // "ja, wann bekommt sie die?" or "sure, but is that free" is no clear yes.
        if (!answered || (lead.value && yesNoAnswer(step.context, input.text, 'start') !== true) || (!NOTHING_MORE.has(understood.intent) && (await this.restAsks(step, lead.rest)))) {
            return understood;
        }
        // "ok i want to hand it over to sarah lee" to "Shall I have a reset link sent?": the "ok" acknowledges; the message as a whole
        // surely asks for another request (a colleague named as the new contact), which is taken up instead of the offer.
        if (isRequest(understood.intent) && understood.score >= UNDERSTANDING_POLICY.interrupt && understood.intent !== answered.value) {
            return understood;
        }
        // "ok whats the weather tomorrow" to "Shall I email Peter?": the "ok" acknowledges; what follows is off the field, no message to pass on.
        const rest = lead.rest.trim() === '' ? undefined : await this.services.recognizer.recognize(lead.rest, lang);
        if (rest?.intent === 'out-of-scope' && rest.score >= UNDERSTANDING_POLICY.offField) {
            return rest;
        }
        return { intent: answered.value as Intent, score: 1, language: lang };
    }

    /**
     * True when, right after a topic's answer, a question asks who with a word that points back at what it was about
     * (`main:whoQuestionWords`, `main:lastTopicPronouns.heard`: "und wer bekommt sie dann?", "and who gets them then?")
     * and the classifier is not sure of anything else; who may change the billing contact or who the admins are is no such question.
     */
    private asksWhoOfLastTopic(step: WaterfallStepContext<MainMenuOptions>, understood: Understanding, text: string): boolean {
        const { t } = turnInfo(step.context);
        if (!step.options?.followUp?.text.key.startsWith('topics:') || understood.score >= UNDERSTANDING_POLICY.interrupt || !asksQuestion(step.context, text)) {
            return false;
        }
        if (asksWhoMayChange(step.context, text) || containsPhrase(text, phraseList(t, 'main:accountAdmins.heard'))) {
            return false;
        }
        const words = wordsOf(text);
        const who = phraseList(t, 'main:whoQuestionWords');
        const pointing = phraseList(t, 'main:lastTopicPronouns.heard');
        return words.some((word) => who.includes(word)) && words.some((word) => pointing.includes(word));
    }

    /**
     * True for a question the bot has no answer to (not understood, off-topic, read as a goodbye or thanks it does not
     * say: "was würde die Person denn machen?", or read with little certainty as one of the offers), typed rather than chosen by a button.
     */
    private async unansweredQuestion(step: WaterfallStepContext<MainMenuOptions>, understood: Understanding, text: string): Promise<boolean> {
        const input = step.result as TextInput | Understanding;
        if ('intent' in input || input.button || text === '' || !asksQuestion(step.context, text) || this.referenceInTurn(step)) {
            return false;
        }
        const closingNotSaid = CLOSING_WORDS.includes(understood.intent) && !this.services.recognizer.saysOnly(text, CLOSING_WORDS);
        // Nor does a question the classifier is unsure of take up what is offered ("what would the person do?" is no request for one),
        // or ask for a request's status or for help ("ok, und wie lange dauert das?", "klar, aber kostet das was?" ask about the offer).
        const offered = (step.options?.followUp?.buttons ?? []).some((button) => button.value === understood.intent);
        const unsure = understood.score < UNDERSTANDING_POLICY.interrupt && (offered || understood.intent === 'request-status' || understood.intent === 'help');
        return understood.intent === 'none' || understood.intent === 'out-of-scope' || closingNotSaid || unsure;
    }

    /**
     * The admins of the verified person's account by name (`main:accountAdmins`), when a question asks who they are
     * (`main:accountAdmins.heard`) or who may change the billing contact (then said for anyone, by name once verified);
     * undefined before verification, without an account or admins, or for other words.
     */
    private async adminsAnswer(step: WaterfallStepContext<MainMenuOptions>, text: string): Promise<string | undefined> {
        const { t, profile } = turnInfo(step.context);
        const accountId = profile.identity?.accountId;
        if (asksWhoMayChange(step.context, text)) {
            // "nein, aber wer darf das ändern?": only the admins may ask for the change, by name when the person is verified.
            return this.whoMayChangeLines(step, text);
        }
        if (!accountId || !asksQuestion(step.context, text) || !containsPhrase(text, phraseList(t, 'main:accountAdmins.heard'))) {
            return undefined;
        }
        return accountAdminsLine(step.context, this.services.accounts, accountId);
    }

    /**
     * True when a sentence asks who may change the billing contact, naming it, and nothing but questions follows it
     * ("Wer darf den Abrechnungskontakt ändern? Und wie lange dauert das?"; not "…? Ich möchte Lea eintragen").
     */
    private asksOnlyWhoMayChange(context: TurnContext, text: string): boolean {
        const sentences = sentencesOf(text);
        const asking = sentences.findIndex((sentence) => asksWhoMayChange(context, sentence) && this.services.recognizer.namesTheRole(sentence));
        return asking >= 0 && sentences.slice(asking + 1).every((sentence) => sentence.endsWith('?'));
    }

    /**
     * Who may change the billing contact ({@link whoMayChangeAnswer}), and how long a change takes when the question asks
     * that too (`requestStatus:howLong.heard.phrases`): the product names no time, a LogMeIn staff member decides.
     */
    private async whoMayChangeLines(step: WaterfallStepContext<MainMenuOptions>, text: string): Promise<string> {
        const { t, profile } = turnInfo(step.context);
        const who = await whoMayChangeAnswer(step.context, this.services.accounts, profile.identity?.accountId);
        return containsPhrase(text, phraseList(t, 'requestStatus:howLong.heard.phrases')) ? `${who} ${t('main:accountAdmins.howLong')}` : who;
    }

    /**
     * Who filed the request the question is about and why (the one named, else the one this conversation showed, else the
     * only one concerning the person), for a verified person who may see its status; undefined for other questions.
     */
    private async originAnswer(step: WaterfallStepContext<MainMenuOptions>, text: string): Promise<string | undefined> {
        const userId = turnInfo(step.context).profile.identity?.userId;
        if (!userId || !asksRequestOrigin(step.context, text)) {
            return undefined;
        }
        const concerning = findReference(text) ?? requestInQuestion(step.context) ?? (await this.services.changeRequests.concerning(userId, 2));
        const reference = typeof concerning === 'string' ? concerning : concerning.length === 1 ? concerning[0].reference : undefined;
        return reference && requestOriginLine(step.context, this.services.changeRequests, reference, userId);
    }

    /** True when what follows a yes or no (and any more of them: "yeah go ahead, …") makes a request the classifier is sure of. */
    private async restAsks(step: WaterfallStepContext<MainMenuOptions>, rest: string): Promise<boolean> {
        const { t, lang } = turnInfo(step.context);
        let words = rest;
        for (let more = leadingAnswer(step.context, words); more; more = leadingAnswer(step.context, words)) {
            words = more.rest;
        }
        return (await requestsOf(this.services.recognizer, t, words, lang)).length > 0;
    }
}

/**
 * The name a short follow-up to the answer who the billing contact is asks about: after a lead of
 * `main:holderFollowUpLeads` ("Und Klaus Bergmann?", "what about Maria?"), or in a question that stands for the role
 * with a word of `main:holderFollowUpOne.one` ("is Tom one too?", "Ist Eva Schulz auch einer?": a word of
 * `main:holderQuestionWords.starts` first, besides the name only words of `.beside`). Undefined for anything else.
 */
function followUpName(t: TFunction, text: string): string | undefined {
    const said = phraseOf(text);
    const lead = phraseList(t, 'main:holderFollowUpLeads')
        .filter((phrase) => beginsWith(said, phrase))
        .sort((a, b) => b.length - a.length)[0];
    const named = lead === undefined ? oneOfThemName(t, text) : afterWords(text, lead.split(' ').length);
    const count = named === undefined ? 0 : wordsOf(named).length;
    return count === 0 || count > HOLDER_FOLLOW_UP_MAX_NAME_WORDS ? undefined : named;
}

/** The words of `text` after the words that only lead in (`main:holderQuestionWords.lead`: "sorry", "wait", "und"). */
function wordsAfterLead(t: TFunction, text: string): string[] {
    const words = wordsOf(text);
    const leads = new Set(phraseList(t, 'main:holderQuestionWords.lead'));
    const start = words.findIndex((word) => !leads.has(word));
    return start < 0 ? [] : words.slice(start);
}

/** True when the message only asks who that was once more (`main:whoAgain`, after words that lead in). */
function asksWhoAgain(t: TFunction, text: string): boolean {
    const words = wordsAfterLead(t, text);
    return words.length > 0 && phraseList(t, 'main:whoAgain').includes(words.join(' '));
}

/** The words that may name the member in "is Tom one too?", "ist Eva Schulz auch einer?" ({@link followUpName}). */
function oneOfThemName(t: TFunction, text: string): string | undefined {
    const [first, ...rest] = wordsAfterLead(t, text);
    const one = new Set(phraseList(t, 'main:holderFollowUpOne.one'));
    if (first === undefined || !phraseList(t, 'main:holderQuestionWords.starts').includes(first) || !rest.some((word) => one.has(word))) {
        return undefined;
    }
    const beside = new Set(phraseList(t, 'main:holderFollowUpOne.beside'));
    return rest.filter((word) => !one.has(word) && !beside.has(word)).join(' ');
}

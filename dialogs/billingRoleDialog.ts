import { answerStatus } from './statusAnswer';
import type { TurnContext } from 'botbuilder';
import { noteInsight } from '../services/insights/insightsRecorder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { didAction, emailedAll, noteSaidThisTurn, recordAction, saidThisTurn, turnInfo } from '../turn/turn';
import type { User } from '../data/model';
import type { ChangeRequest } from '../data/repositories/changeRequestRepository';
import type { BillingRoleAnswer } from '../services/billingRoleService';
import type { IntentRecognizer } from '../language/nlu';
import type { BillingRoleService } from '../services/billingRoleService';
import type { EmailAdminDeps } from './emailAdminDialog';
import type { IdentifyDeps } from './identifyDialog';
import { LINKS } from '../core/links';
import { continueWith, offerNext } from './actions';
import { EmailAdminDialog, correctedRecipients, othersAddressed } from './emailAdminDialog';
import { IdentifyDialog } from './identifyDialog';
import { DialogIds, PromptIds } from './ids';
import { PickPrompt } from './prompts/pickPrompt';
import { submittedText } from '../turn/activityText';
import { localized, type PromptButton } from './prompts/localizedPrompt';
import { stepValues } from './stepValues';
import type { BillingRoleOptions, EmailAdminOptions, IdentifyOptions, IdentifyResult } from './types';
import type { Intent } from '../language/nlu';
import { contentAfterAnswer, leadingAnswer, messageContent, messageInAnswer, onlyUrgency } from './answerContent';
import { correctedStory, forwardedStory } from './forwardedStory';
import { namedRecipients } from './namedRecipients';
import { memberByFirstName, namedMember } from './newContactAnswers';
import { wishesToWriteToSomeone } from '../language/writeWish';
import { isRequest, understandText } from '../turn/understand';
import { asksQuestion } from './prompts/yesNoAnswer';
import { accountAdminsLine, asksWhoMayChange, whoMayChangeAnswer } from './accountAdmins';
import { phraseList } from '../language/phraseLists';
import { containsPhrase, phraseOf, wordsOf } from '../core/words';
import { UNDERSTANDING_POLICY } from '../language/understandingPolicy';
import { conjunctionList } from '../core/listFormat';
import { withAddLicenses } from './addLicenses';
import { pendingRequests } from './pendingReadAhead';
import { whereToSeeAnswer } from './whereToSee';

/** What the rest of an answer to the offer may ask for instead ("…, also bitte den Kontakt ändern"). */
const FOLLOW_ON_INTENTS: ReadonlySet<Intent> = new Set(['change-billing-contact', 'portal-password-reset', 'talk-to-human', 'request-status', 'am-i-billing-contact']);

/** An answer to the email offer this short, read as "email the billing admin", only says yes again: the message is asked for. */
const RESTATED_MAX_WORDS = 5;

/** Up to this many words, an answer the classifier surely reads as "email the billing admin" says yes again too ("ok can you email them for me"). */
const RESTATED_SURE_MAX_WORDS = 8;

/** Answers remembered per conversation, to say a long paragraph only once. */
const MAX_ANSWERED = 10;

/** The labels of the offer's buttons. */
const OFFER_LABELS = ['billingRole:button.emailAdmin', 'billingRole:button.requestChange', 'billingRole:button.noThanks'] as const;


/** What the billing-role dialog uses, with what its identify and email-admin dialogs use. */
export interface BillingRoleDeps extends IdentifyDeps, EmailAdminDeps {
    readonly billingRole: BillingRoleService;
    readonly recognizer: IntentRecognizer;
}

/**
 * "Am I the billing contact, and who is?": identifies the person, then answers
 * with the case of the help article (a, b, c, b/d) and offers what fits next.
 */
export class BillingRoleDialog extends ComponentDialog {
    public constructor(private readonly services: BillingRoleDeps) {
        super(DialogIds.billingRole);
        this.addDialog(new IdentifyDialog(services));
        this.addDialog(new EmailAdminDialog(services));
        this.addDialog(new PickPrompt(PromptIds.pick));
        this.addDialog(
            new WaterfallDialog(DialogIds.billingRoleFlow, [this.identifyStep.bind(this), this.answerStep.bind(this), this.actStep.bind(this), this.finishStep.bind(this)])
        );
        this.initialDialogId = DialogIds.billingRoleFlow;
    }

    private async identifyStep(step: WaterfallStepContext<BillingRoleOptions>): Promise<DialogTurnResult> {
        return step.beginDialog(DialogIds.identify, { reason: 'billing-role', question: submittedText(step.context.activity)?.slice(0, 500) } satisfies IdentifyOptions);
    }

    private async answerStep(step: WaterfallStepContext<BillingRoleOptions>): Promise<DialogTurnResult> {
        const identity = step.result as IdentifyResult | undefined;
        if (!identity) {
            return step.endDialog();
        }
        // The account's open change requests are read with the role, not after it (one wait for the database instead of two),
        // or were read already while the code was checked (IdentifyDialog).
        const [answer, pending] = await Promise.all([this.services.billingRole.evaluate(identity.userId, identity.accountId), pendingRequests(step.context, this.services.changeRequests, identity.accountId)]);
        if (!answer) {
            await step.context.sendActivity(turnInfo(step.context).t('billingRole:noLongerMember'));
            return step.endDialog();
        }
        stepValues<{ identity: IdentifyResult }>(step).identity = identity;
        noteInsight(step.context, 'case', answer.case === 'bd' ? 'd' : answer.case);
        noteInsight(step.context, 'task-completed', 'billing-role');
        recordAction(step.context, 'billing-role-answered', `case ${answer.case}, ${answer.account.id}`);
        const filed = ownPendingRequest(answer, pending);
        await this.holderAsked(step.context, answer, step.options);
        await this.sendAnswer(step.context, answer, step.options.intent, filed);
        await this.requestsAgainst(step.context, answer, pending);
        if ((step.options.moreAsked || step.options.offerDeclined) && step.options.intent !== 'email-billing-admin') {
            // The person's next request follows at once: it is their next step. Or the person declined the offer in the message that asked again.
            return step.endDialog();
        }

        const contactsOnly = answer.case === 'b' || answer.case === 'bd';
        if (answer.case === 'c') {
            // A reset link sent in this conversation is not offered again.
            return step.endDialog(didAction(step.context, 'portal-reset-requested') ? undefined : offerNext({ key: 'billingRole:offerReset' }, ['portal-password-reset', 'thanks'], { askedFirst: true }));
        }
        if (!contactsOnly) {
            return step.endDialog();
        }
        // An admin whose change request for this account is still open is not offered another one.
        const mayChange = answer.membership.isAdmin && !filed;
        if (answer.otherBillingContacts.length === 0) {
            return step.endDialog(mayChange ? offerNext({ key: 'billingRole:offerChange' }, ['change-billing-contact', 'thanks'], { askedFirst: true }) : undefined);
        }
        if (step.options.intent === 'email-billing-admin' && !step.options.offerFirst) {
            return step.next('email');
        }
        const names = answer.otherBillingContacts.map((user) => user.name);
        if (emailedAll(step.context, answer.otherBillingContacts.map((user) => user.id))) {
            // Mailed in this conversation already: said so, not offered again; the change request still is.
            const { t } = turnInfo(step.context);
            if (!mayChange) {
                await step.context.sendActivity(t('billingRole:emailedAlready', { names: this.list(step.context, names) }));
                return step.endDialog();
            }
            return step.endDialog(offerNext({ key: 'billingRole:emailedAlreadyOfferChange', args: { names } }, ['change-billing-contact', 'thanks'], { askedFirst: true }));
        }
        const buttons: PromptButton[] = [
            { value: 'email', label: 'billingRole:button.emailAdmin', answers: 'yes' },
            ...(mayChange ? [{ value: 'change', label: 'billingRole:button.requestChange' }] : []),
            { value: 'nothing', label: 'billingRole:button.noThanks', answers: 'no' }
        ];
        return step.prompt(PromptIds.pick, localized({
            text: { key: mayChange ? 'billingRole:offerEmailOrChange' : 'billingRole:offerEmail', args: { names } },
            retryText: { key: 'billingRole:offerRetry' },
            buttons,
            nothingToLose: true,
            messageChooses: 'email',
            ...(mayChange ? { reasonChooses: { value: 'change', names: answer.otherBillingContacts.map((user) => user.name) } } : {})
        }));
    }

    private async actStep(step: WaterfallStepContext<BillingRoleOptions>): Promise<DialogTurnResult> {
        const identity = stepValues<{ identity: IdentifyResult }>(step).identity;
        const { t } = turnInfo(step.context);
        // Asked for the email outright: the words are those of that message (this turn may be the code that verified).
        const asked = step.result === 'email' && step.options.intent === 'email-billing-admin' ? step.options.askedWith : undefined;
        const said = asked ?? submittedText(step.context.activity) ?? '';
        // A clicked button says nothing more than its choice.
        const ownWords = (words: string): string => (OFFER_LABELS.some((key) => phraseOf(t(key)) === phraseOf(words)) ? '' : words);
        const text = ownWords(said);
        // A yes or no with more: "Nein, keine Mail. Also bitte den Kontakt ändern" declines and asks for the change.
        // "nein, stattdessen an jonas", "no, send it to sarah instead": whom to write to is corrected; the mail goes on.
        if (identity && text !== '' && (await correctedRecipients(step.context, text, this.services.accounts, identity)) !== undefined) {
            noteInsight(step.context, 'task-started', 'admin-mail');
            return step.beginDialog(DialogIds.emailAdmin, { userId: identity.userId, accountId: identity.accountId, correction: text } satisfies EmailAdminOptions);
        }
        // Offered first ("Kann ich Anna eine Mail schicken? …"), the mail's words are in this turn's answer to the offer, not in the message that asked.
        const answer = asked !== undefined && step.options.offerFirst ? ownWords(submittedText(step.context.activity) ?? '') : text;
        // "nee warte, nicht november sondern oktober" after "… die Rechnung vom November …": the mail, with what the person told corrected.
        const story = step.result === 'email' && identity && answer !== '' ? await correctedStory(step.context, answer, this.services.recognizer) : undefined;
        if (identity && story) {
            noteInsight(step.context, 'task-started', 'admin-mail');
            return step.beginDialog(DialogIds.emailAdmin, { userId: identity.userId, accountId: identity.accountId, message: story } satisfies EmailAdminOptions);
        }
        const lead = leadingAnswer(step.context, text);
        const rest = lead && contentAfterAnswer(step.context, lead.rest);
        if (rest) {
            // "no. but who can change it?": the no declines the mail; who may change the billing contact is answered (the admins by name),
            // before any other reading ("who is allowed to replace him?" is no question who the billing contact is).
            if (identity && asksWhoMayChange(step.context, rest)) {
                await step.context.sendActivity(await whoMayChangeAnswer(step.context, this.services.accounts, identity.accountId));
                return step.endDialog();
            }
            // Read as a whole message is ("… schreib ihr, dass ich Zugriff aufs Portal brauche" asks for the mail; its words after "dass" are the mail's).
            const { t: own, lang } = turnInfo(step.context);
            const asked = await understandText(this.services.recognizer, () => own, rest, lang);
            // After a no, any other request follows ("nee, ich sag's ihr selbst. aber was ist der Unterschied zwischen …").
            // After a yes, a question about something else is that question ("ok and how do I see our invoices"), not the mail's text.
            const other = isRequest(asked.intent) && asked.intent !== 'email-billing-admin';
            const followed = FOLLOW_ON_INTENTS.has(asked.intent) || (other && (!lead.value || asksQuestion(step.context, text)));
            const sure = asked.score >= UNDERSTANDING_POLICY.followOn || (!lead.value && asksQuestion(step.context, rest) && asked.score >= UNDERSTANDING_POLICY.questionAfterNo);
            if (sure && followed) {
                return step.endDialog(continueWith(asked.intent, !lead.value));
            }
            // "ok. and who are our admins?": the "ok" acknowledges the answer; who the admins are is answered (names, never addresses), no message to pass on.
            const said = wordsOf(rest);
            if (identity && asksQuestion(step.context, rest) && said.some((word) => phraseList(own, 'main:whoQuestionWords').includes(word)) && containsPhrase(rest, phraseList(own, 'main:accountAdmins.heard'))) {
                const admins = await accountAdminsLine(step.context, this.services.accounts, identity.accountId);
                if (admins) {
                    await step.context.sendActivity(admins);
                    return step.endDialog();
                }
            }
            // "ok whats the weather tomorrow": the "ok" acknowledges the answer; what follows is off the field, no message to pass on.
            if (lead.value && asked.intent === 'out-of-scope' && asked.score >= UNDERSTANDING_POLICY.offField) {
                return step.endDialog(continueWith('out-of-scope'));
            }
            // "no thanks, but why can't I see it myself?": the no declines; where to see the billing contact is answered, and a question
            // the bot cannot answer ("Erfährt Frau Müller, dass ich nachgefragt habe?") is said to be one, not passed over for "anything else?".
            if (!lead.value && step.result === 'nothing' && asksQuestion(step.context, rest)) {
                await step.context.sendActivity(whereToSeeAnswer(step.context, rest) ?? `${own('common:questionNotAnswered')} ${own('common:questionToPerson')}`);
                return step.endDialog();
            }
        }
        if (step.result === 'email' && identity) {
            // "email peter that we need 5 more licences": what follows "that" is the message, when nothing else in the words is.
            const framed = asked !== undefined && text === asked ? step.options.askedMessage : undefined;
            // "can you just forward this to him": the matter the person told before is the message.
            // Not when the words to pass on stand in the same message ("wir brauchen mehr Lizenzen, können Sie ihr das ausrichten?").
            const forwarded = framed === undefined ? await forwardedStory(step.context, answer, this.services.recognizer) : undefined;
            // "actually, tell her we need it by friday" typed at the offer: the mail's words without a yes.
            const typed = asked === undefined || answer !== text ? messageInAnswer(step.context, answer) : undefined;
            const content = messageContent(step.context, text) ?? (answer !== text ? messageContent(step.context, answer) : undefined);
            const taken = forwarded ?? (await this.ownMessage(step.context, content ?? typed ?? framed));
            // "yes but tell her it's urgent": no message, a wish for the mail; its words are asked, the mail marked urgent.
            const urgent = taken !== undefined && onlyUrgency(step.context, taken);
            const message = urgent ? undefined : taken;
            noteInsight(step.context, 'task-started', 'admin-mail');
            const contacts = (await this.services.accounts.billingContacts(identity.accountId)).filter((user) => user.id !== identity.userId);
            const recipientIds = namedRecipients(said, contacts);
            // "kannst du jonas was ausrichten": whom the wish names is read as a correction is, so a colleague who is no billing contact hears that only they are written to.
            const correction = message === undefined && wishesToWriteToSomeone(said, t) ? said : undefined;
            // "can you ask Sarah whether …" where Sarah is no billing contact: the mail goes to the billing contacts, which is said first.
            const others = message === undefined ? [] : await othersAddressed(step.context, said, this.services.accounts, identity, contacts);
            if (others.length > 0) {
                const names = contacts.filter((user) => recipientIds === undefined || recipientIds.includes(user.id)).map((user) => user.name);
                const list = conjunctionList(turnInfo(step.context).lang);
                await step.context.sendActivity(t('emailAdmin:otherRecipient.notContact', { other: list.format(others.map((user) => user.name)), names: list.format(names), count: names.length }));
            }
            return step.beginDialog(DialogIds.emailAdmin, { userId: identity.userId, accountId: identity.accountId, message, recipientIds, correction, ...(urgent ? { urgent } : {}) } satisfies EmailAdminOptions);
        }
        if (step.result === 'change') {
            return step.endDialog(continueWith('change-billing-contact'));
        }
        return step.next();
    }

    /** The message an answer to the offer carries, unless it only asks for the mail again ("ok can you email them"). */
    private async ownMessage(context: TurnContext, content: string | undefined): Promise<string | undefined> {
        const words = content ? wordsOf(content).length : 0;
        if (!content || words > RESTATED_SURE_MAX_WORDS) {
            return content;
        }
        const asked = await this.services.recognizer.recognize(content, turnInfo(context).lang);
        // "und kann ich der Person schreiben?": a question about the mail, asked of the bot, is no message for the billing contact either.
        const askedOfTheBot = content.trim().endsWith('?') && asked.score >= UNDERSTANDING_POLICY.understood;
        const sure = words <= RESTATED_MAX_WORDS || askedOfTheBot || asked.score >= UNDERSTANDING_POLICY.interrupt;
        return asked.intent === 'email-billing-admin' && sure ? undefined : content;
    }

    /**
     * A billing contact told they are one also hears of the change requests another
     * person filed for the account and nobody has decided yet, with the offer to
     * object ("Ich habe eine Mail bekommen, dass mich jemand ersetzen will …"): the
     * bot knows of them, so "stoppen Sie das" right after means the last one shown.
     */
    private async requestsAgainst(context: TurnContext, answer: BillingRoleAnswer, pending: readonly ChangeRequest[]): Promise<void> {
        if (answer.case !== 'a' && answer.case !== 'c') {
            return;
        }
        const others = pending.filter((request) => request.requesterId !== answer.user.id && !request.objection);
        for (const request of others) {
            await answerStatus(context, this.services.changeRequests, request.reference, answer.user.id);
        }
    }

    private async finishStep(step: WaterfallStepContext<BillingRoleOptions>): Promise<DialogTurnResult> {
        return step.endDialog();
    }

    /**
     * "Is Sarah also a billing contact?", "ist Klaus noch Abrechnungskontakt?": the member the question names, other than the person,
     * is said to be a billing contact of the account or not, before the answer who is.
     */
    private async holderAsked(context: TurnContext, answer: BillingRoleAnswer, options: BillingRoleOptions): Promise<void> {
        const asked = options.holderAsked;
        if (asked === undefined) {
            return;
        }
        const others = (await this.services.accounts.members(answer.account.id)).filter((m) => m.user.id !== answer.user.id);
        const member = namedMember(others, asked) ?? memberByFirstName(others, asked);
        if (member) {
            const { t } = turnInfo(context);
            await context.sendActivity(t(member.isBillingContact ? 'billingRole:holderAsked.is' : 'billingRole:holderAsked.isNot', { name: member.user.name, account: answer.account.name }));
        }
    }

    /**
     * The article's answer for the person's case, with the links it names, in
     * one message. Asked again in the same conversation for the same account,
     * the long paragraph is not repeated: a short reference says the gist,
     * or, asked who the billing contact is, the others beside the person.
     */
    private async sendAnswer(context: TurnContext, answer: BillingRoleAnswer, intent: Intent, filed?: ChangeRequest): Promise<void> {
        const { t, profile } = turnInfo(context);
        const account = answer.account.name;
        const contacts = this.namesWithEmails(context, answer.otherBillingContacts);
        const count = answer.otherBillingContacts.length;
        const login = answer.portalLogin ? t(`billingRole:portalLogin.${answer.portalLogin.format}`, { login: answer.portalLogin.login }) : t('billingRole:portalLogin.unknown');
        const said = `${answer.case}:${answer.account.id}`;
        const ownRole = answer.case === 'a' || answer.case === 'c';
        if (profile.answered?.includes(said) && ownRole && intent === 'who-is-billing-contact') {
            // "Wer ist außer mir noch Abrechnungskontakt?" after being told they are one: the others, or that there is none.
            await context.sendActivity(count > 0 ? t('billingRole:othersBesidesYou', { account, contacts, count }) : t('billingRole:onlyYou', { account }));
            return;
        }
        if (profile.answered?.includes(said) && (saidThisTurn(context, 'billing-role-answer') || intent === 'email-billing-admin')) {
            // The answer is right above in this turn, or the person only said yes to emailing: a reference back would only repeat it.
            return;
        }
        if (profile.answered?.includes(said) && (count > 0 || ownRole)) {
            // "Bin ich auch einer?", "is Sarah one too?" from Sarah: the no to their own role, then who is.
            const notYou = intent === 'am-i-billing-contact' && !ownRole;
            const key = answer.case === 'a' ? 'billingRole:againA' : answer.case === 'c' ? 'billingRole:againC' : notYou ? 'billingRole:againNotYou' : 'billingRole:againB';
            const again = t(key, { account, contacts, count, login, myAccountUrl: LINKS.myAccount });
            noteSaidThisTurn(context, 'billing-role-answer');
            await context.sendActivity(filed ? `${again}\n\n${this.pendingLine(context, filed)}` : again);
            return;
        }
        profile.answered = [...(profile.answered ?? []), said].slice(-MAX_ANSWERED);
        noteSaidThisTurn(context, 'billing-role-answer');
        const lines: string[] = [];
        switch (answer.case) {
            case 'a':
                lines.push(t('billingRole:caseA', { account, product: answer.account.product, myAccountUrl: LINKS.myAccount }));
                break;
            case 'c':
                lines.push(t('billingRole:caseC', { account, myAccountUrl: LINKS.myAccount, login }));
                if (count > 0) {
                    lines.push(t('billingRole:otherContacts', { count, names: this.names(context, answer.otherBillingContacts) }));
                }
                lines.push(t('billingRole:caseD', { supportUrl: LINKS.support }));
                break;
            case 'b':
            case 'bd':
                if (count === 0) {
                    lines.push(t('billingRole:noContactOnFile', { account, supportUrl: LINKS.support }));
                    break;
                }
                lines.push(t(answer.case === 'b' ? 'billingRole:caseB' : 'billingRole:caseBD', { account, contacts, count }));
                if (filed) {
                    // The request just filed, not the offer to file one.
                    lines.push(this.pendingLine(context, filed));
                } else if (answer.membership.isAdmin) {
                    lines.push(withAddLicenses(context, 'billingRole:adminMayChange', { count }, 'billingRole:addLicenses'));
                }
                break;
        }
        if (answer.case === 'a' || answer.case === 'c') {
            lines.push(t('billingRole:permissions'));
        }
        await context.sendActivity(lines.join('\n\n'));
    }

    private pendingLine(context: TurnContext, request: ChangeRequest): string {
        return turnInfo(context).t('billingRole:requestPending', { reference: request.reference, newContact: this.services.changeRequests.newContactText(request) });
    }

    private names(context: TurnContext, users: readonly User[]): string {
        return this.list(context, users.map((u) => u.name));
    }

    private namesWithEmails(context: TurnContext, users: readonly User[]): string {
        return this.list(context, users.map((u) => `${u.name} (${u.email})`));
    }

    private list(context: TurnContext, items: string[]): string {
        const { lang } = turnInfo(context);
        return conjunctionList(lang).format(items);
    }
}

/** The person's own change request for the account that is still waiting for review, if any (`pending`: the account's open requests). */
function ownPendingRequest(answer: BillingRoleAnswer, pending: readonly ChangeRequest[]): ChangeRequest | undefined {
    return pending.find((request) => request.requesterId === answer.user.id);
}

import * as crypto from 'crypto';
import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { noteInsight } from '../services/insights/insightsRecorder';
import { recordAction, turnInfo } from '../turn/turn';
import type { User } from '../data/model';
import type { AdminMailDraft } from '../services/adminContactService';
import type { Clock } from '../core/clock';
import type { AccountRepository } from '../data/repositories/accountRepository';
import type { UserRepository } from '../data/repositories/userRepository';
import type { UncheckedReads } from '../data/repositories/directoryCache';
import type { AdminContactService } from '../services/adminContactService';
import { DialogIds, PromptIds } from './ids';
import { localized } from './prompts/localizedPrompt';
import { TextInputPrompt, type TextInput } from './prompts/textInputPrompt';
import { YesNoPrompt } from './prompts/yesNoPrompt';
import { onlyAnswerPhrases } from './prompts/yesNoAnswer';
import { stepValues } from './stepValues';
import type { EmailAdminOptions, IdentifyResult } from './types';
import type { IntentRecognizer } from '../language/nlu';
import { UNDERSTANDING_POLICY } from '../language/understandingPolicy';
import { addressedLeadIn, draftChange, leadingAnswer, mailText, messageContent, newDraftSentence } from './answerContent';
import { submittedText } from '../turn/activityText';
import { findEmails, saysOnlyYesOrNo } from '../language/entities';
import { numberCorrection, partCorrection } from './draftCorrection';
import { asLetter, withAdded } from './mailLetter';
import { onlyNeverMind } from './freeTextInterruption';
import { containsPhrase, hasPhrase, phraseOf, wordsOf } from '../core/words';
import { namesOf } from '../language/changeToNamed';
import { phraseList } from '../language/phraseLists';
import { conjunctionList } from '../core/listFormat';
import { wishesToWriteToSomeone } from '../language/writeWish';
import { frameHead } from '../turn/understand';

/** Longest message the person may have the bot send to the billing contact. */
const MAX_MESSAGE_LENGTH = 1000;

/** A correction of whom to write to is short ("nein, stattdessen an Lea"): a longer message is the mail's text. */
const MAX_CORRECTION_WORDS = 8;

/** What the email-the-billing-admin dialog uses. */
export interface EmailAdminDeps {
    readonly clock: Clock;
    /** Reads what follows a no at "Shall I send it?" ("no thats all, cheers": thanks only, nothing to add). */
    readonly recognizer: IntentRecognizer;
    readonly users: UserRepository;
    readonly accounts: AccountRepository;
    readonly adminContact: AdminContactService;
    /**
     * Directory look-ups that take what is kept without reading the
     * directory's version (SQLite, where the mail's statement checks it:
     * `UncheckedReads`); none: the "send it" turn looks up as every turn does.
     */
    readonly uncheckedDirectory?: () => UncheckedReads;
}

/**
 * Case b done for the person: asks what to tell the billing contact, shows the
 * email exactly as it will go out (in the billing contact's language), and
 * queues it only after a yes.
 */
export class EmailAdminDialog extends ComponentDialog {
    public constructor(private readonly services: EmailAdminDeps) {
        super(DialogIds.emailAdmin);
        this.addDialog(new TextInputPrompt(PromptIds.text, async (prompt) => (prompt.recognized.value?.text.length ?? 0) <= MAX_MESSAGE_LENGTH));
        this.addDialog(new YesNoPrompt(PromptIds.yesNo));
        this.addDialog(new WaterfallDialog(DialogIds.emailAdminFlow, [this.askMessageStep.bind(this), this.confirmStep.bind(this), this.sendStep.bind(this)]));
        this.initialDialogId = DialogIds.emailAdminFlow;
    }

    private async askMessageStep(step: WaterfallStepContext<EmailAdminOptions>): Promise<DialogTurnResult> {
        const recipients = await this.recipients(step.options);
        if (recipients.length === 0) {
            return step.endDialog();
        }
        if (step.options.correction) {
            // "nein, stattdessen an jonas" at the offer: whom to write to is corrected as at the message's question.
            return (await this.recipientCorrected(step, step.options.correction)) ?? step.replaceDialog(DialogIds.emailAdminFlow, { ...step.options, correction: undefined } satisfies EmailAdminOptions);
        }
        if (step.options.message) {
            return step.next({ text: step.options.message } satisfies TextInput);
        }
        return step.prompt(PromptIds.text, localized({
            text: { key: step.options.onlyAnswered ? 'emailAdmin:messageNeeded' : step.options.urgent ? 'emailAdmin:askMessageUrgent' : 'emailAdmin:askMessage', args: { names: recipients.map((r) => r.name) } },
            retryText: { key: 'emailAdmin:askMessageRetry', args: { max: MAX_MESSAGE_LENGTH } },
            freeText: true
        }));
    }

    private async confirmStep(step: WaterfallStepContext<EmailAdminOptions>): Promise<DialogTurnResult> {
        const { t, lang } = turnInfo(step.context);
        const said = (step.result as TextInput).text;
        // A message typed at the question loses the thanks and the words to the bot around it; one given earlier was taken so already.
        const corrected = step.options.message ? undefined : await this.recipientCorrected(step, said);
        if (corrected) {
            return corrected;
        }
        if (!step.options.message && onlyNeverMind(said, t)) {
            // "nah forget it", "nee doch nicht, lass mal": a change of mind, no mail's text; nothing is drafted.
            await step.context.sendActivity(t('emailAdmin:notSent'));
            return step.endDialog();
        }
        // "Hallo Anna, … Danke, Lea": the mail greets the billing contact itself; the person's sign-off closes their words.
        const message = asLetter(t, step.options.message ? said : mailText(step.context, said).text);
        if (message === '' || saysOnlyYesOrNo(message, lang) || onlyAnswerPhrases(step.context, message)) {
            // "yes" answers no question here: a mail saying only that would puzzle the billing contact. Asked again in one message.
            return step.replaceDialog(DialogIds.emailAdminFlow, { ...step.options, message: undefined, onlyAnswered: true } satisfies EmailAdminOptions);
        }
        stepValues<{ message: string }>(step).message = message;
        for (const draft of step.options.shown ? [] : ((await this.drafts(step.options, message))?.drafts ?? [])) {
            await step.context.sendActivity(
                t('emailAdmin:preview', {
                    name: draft.recipient.name,
                    language: t(`common:languageName.${draft.recipient.locale}`),
                    subject: draft.subject,
                    body: draft.body.trim()
                })
            );
        }
        return step.prompt(PromptIds.yesNo, localized({ ...YesNoPrompt.options({ key: 'emailAdmin:confirm' }), amends: true, declinedNote: 'emailAdmin:notSent' }));
    }

    private async sendStep(step: WaterfallStepContext<EmailAdminOptions>): Promise<DialogTurnResult> {
        const { t, conversationKey } = turnInfo(step.context);
        if (step.result !== true) {
            // "no dont send that. tell him I need 5 more licences", "statt dessen: …": this draft goes, the new words are shown back.
            // "add: …", "ergänze: …": the words join the draft, which is shown back.
            const said = submittedText(step.context.activity) ?? '';
            // "we need the march invoice as pdf": a sentence of its own is added, or replaces the draft it says again in other words.
            const previous = stepValues<{ message: string }>(step).message ?? '';
            // "nein, stattdessen: bitte 5 weitere Lizenzen bestellen, nicht 3": the words after the colon are the new draft, as written.
            const marked = draftChange(step.context, said);
            // "actually make it 4 seats", "statt 10.12. lieber 15.12.", "replace December with January": that part of the draft is corrected, not a sentence added.
            const corrected = marked?.whole ? undefined : (numberCorrection(step.context, said, previous) ?? partCorrection(step.context, said, previous));
            // "statt Anna bitte Jonas", "nicht an Anna sondern an Jonas": no part of the draft, but whom it goes to.
            const otherPerson = corrected?.kind === 'missing' && (await this.namesMember(step.options, said));
            if (previous !== '' && (otherPerson || containsPhrase(said, phraseList(t, 'emailAdmin:otherRecipient.heard')))) {
                // "wrong address, send it to sarah instead": the bot writes to the billing contacts only; the draft stays as it was.
                const names = (await this.recipients(step.options)).map((r) => r.name);
                const list = conjunctionList(turnInfo(step.context).lang).format(names);
                await step.context.sendActivity(t('emailAdmin:otherRecipient.answer', { names: list, count: names.length }));
                return step.replaceDialog(DialogIds.emailAdminFlow, { ...step.options, message: previous, shown: true } satisfies EmailAdminOptions);
            }
            if (corrected?.kind === 'missing') {
                await step.context.sendActivity(t('emailAdmin:partCorrection.notInDraft', { part: corrected.part }));
                return step.replaceDialog(DialogIds.emailAdminFlow, { ...step.options, message: previous, shown: true } satisfies EmailAdminOptions);
            }
            // "no thats all, cheers", "nein danke, das wars": a no with thanks or a goodbye adds nothing to the draft; nothing is sent.
            const rest = marked || corrected ? '' : (leadingAnswer(step.context, said)?.rest ?? '');
            const read = rest.trim() === '' || addressedLeadIn(step.context, rest) ? undefined : await this.services.recognizer.recognize(rest, turnInfo(step.context).lang);
            if (read && (read.intent === 'thanks' || read.intent === 'goodbye') && read.score >= UNDERSTANDING_POLICY.interrupt) {
                await step.context.sendActivity(t('emailAdmin:notSent'));
                return step.endDialog();
            }
            const change = corrected ?? marked ?? newDraftSentence(step.context, said, previous);
            const message = change?.kind === 'add' ? withAdded(t, previous, change.text) : (change?.text ?? messageContent(step.context, said));
            if (message) {
                return step.replaceDialog(DialogIds.emailAdminFlow, { ...step.options, message } satisfies EmailAdminOptions);
            }
            await step.context.sendActivity(t('emailAdmin:notSent'));
            if (previous !== '') {
                // "ok send it then" as the next message takes the no back (`MainDialog`): the same mail again.
                turnInfo(step.context).profile.declinedMail = { message: previous, recipientIds: step.options.recipientIds, urgent: step.options.urgent, accountId: step.options.accountId };
            }
            return step.endDialog();
        }
        const said = stepValues<{ message: string }>(step).message ?? '';
        // Drafted from the directory as kept, the mail's own statement checking that it has not changed since; when it has, drafted again from the directory as it is now.
        const unchecked = this.services.uncheckedDirectory?.();
        let sent = await this.queue(conversationKey, await this.drafts(step.options, said, unchecked), unchecked?.version);
        if (sent?.outcome === 'directory-changed') {
            unchecked?.outdated();
            sent = await this.queue(conversationKey, await this.drafts(step.options, said));
        }
        if (!sent) {
            return step.endDialog();
        }
        const { outcome, drafts, sender } = sent;
        if (outcome === 'rate-limited') {
            await step.context.sendActivity(t('emailAdmin:rateLimited'));
            return step.endDialog();
        }
        const names = conjunctionList(turnInfo(step.context).lang).format(drafts.map((d) => d.recipient.name));
        noteInsight(step.context, 'task-completed', 'admin-mail');
        recordAction(step.context, 'emailed-billing-admin', drafts.map((d) => d.recipient.id).join(','));
        turnInfo(step.context).profile.sentMail = { message: said, recipientIds: drafts.map((d) => d.recipient.id), accountId: step.options.accountId };
        await step.context.sendActivity(t('emailAdmin:sent', { names, email: sender.email }));
        return step.endDialog();
    }

    /** True when `said` names a member of the account ("Jonas", "Anna Müller"). */
    private async namesMember(options: EmailAdminOptions, said: string): Promise<boolean> {
        const members = (await this.services.accounts.members(options.accountId)).map((m) => m.user);
        const rephrased = phraseOf(said);
        return members.some((user) => namesOf(user, members).some((name) => hasPhrase(rephrased, name)));
    }

    /** {@link correctedRecipients} acted on: the billing contacts named are written to, anyone else hears that only they are; the text is asked again. */
    private async recipientCorrected(step: WaterfallStepContext<EmailAdminOptions>, said: string): Promise<DialogTurnResult | undefined> {
        const { t, lang } = turnInfo(step.context);
        const corrected = await correctedRecipients(step.context, said, this.services.accounts, step.options);
        if (corrected === undefined) {
            return undefined;
        }
        const asked = { ...step.options, message: undefined, correction: undefined } satisfies EmailAdminOptions;
        if (corrected === 'others') {
            const names = (await this.recipients(step.options)).map((r) => r.name);
            await step.context.sendActivity(t('emailAdmin:otherRecipient.answer', { names: conjunctionList(lang).format(names), count: names.length }));
            return step.replaceDialog(DialogIds.emailAdminFlow, asked);
        }
        return step.replaceDialog(DialogIds.emailAdminFlow, { ...asked, recipientIds: corrected } satisfies EmailAdminOptions);
    }

    /** Queues the drafts (nothing when there are none), with `directoryVersion` when they were drafted from look-ups kept at it. */
    private async queue(conversationKey: string, drafted: { sender: User; drafts: AdminMailDraft[] } | undefined, directoryVersion?: number) {
        if (!drafted || drafted.drafts.length === 0) {
            return undefined;
        }
        const { sender, drafts } = drafted;
        // The same message confirmed again in this conversation is sent once: a channel's retry of the turn, or the person
        // saying "yes" again after the instance that ran the first "yes" died before answering (a new activity id).
        const message = drafts.map((draft) => draft.body).join('\n');
        const dedupeKey = `admin-contact:${conversationKey}:${crypto.createHash('sha256').update(message).digest('hex').slice(0, 32)}`;
        return { outcome: await this.services.adminContact.send(conversationKey, sender, drafts, dedupeKey, directoryVersion), sender, drafts };
    }

    private async recipients(options: EmailAdminOptions, directory: Pick<EmailAdminDeps, 'accounts'> = this.services) {
        const contacts = (await directory.accounts.billingContacts(options.accountId)).filter((c) => c.id !== options.userId);
        // "Schreiben Sie bitte Maria, dass …": only the billing contact named, while they still are one.
        const named = contacts.filter((c) => options.recipientIds?.includes(c.id));
        return named.length > 0 ? named : contacts;
    }

    /** The mails as they will go out, and their sender; undefined when the person or the account is gone. */
    private async drafts(options: EmailAdminOptions, message: string, directory: Pick<EmailAdminDeps, 'users' | 'accounts'> = this.services): Promise<{ sender: User; drafts: AdminMailDraft[] } | undefined> {
        const sender = await directory.users.get(options.userId);
        const account = await directory.accounts.get(options.accountId);
        if (!sender || !account) {
            return undefined;
        }
        return { sender, drafts: this.services.adminContact.draft(sender, account, await this.recipients(options, directory), message, options.urgent === true) };
    }
}

/**
 * The members of the account whom the words asking for the mail address ("can you ask Sarah whether …") and who are
 * neither a billing contact (`contacts`, as the caller read them) nor the person: the mail can only go to the billing
 * contacts, which the person is told. None when the words name no one such, or pass nothing on.
 */
export async function othersAddressed(context: TurnContext, said: string, accounts: AccountRepository, options: IdentifyResult, contacts: readonly User[]): Promise<User[]> {
    const { t, lang } = turnInfo(context);
    const head = frameHead(() => t, said, lang);
    if (head === undefined) {
        return [];
    }
    const members = (await accounts.members(options.accountId)).map((m) => m.user);
    const words = phraseOf(head);
    return members.filter((user) => user.id !== options.userId && !contacts.some((c) => c.id === user.id) && namesOf(user, members).some((name) => hasPhrase(words, name)));
}

/**
 * "nein, stattdessen lea.fischer@…", "no, send it to jonas.weber@… instead" where the mail's text is asked or the mail offered:
 * whom to write to is corrected, no text is given. A short message that begins with a no, says instead (`main:insteadWords`) or
 * asks to send it elsewhere (`emailAdmin:otherRecipient.heard`) or only wishes to write to someone ("kannst du jonas was ausrichten"),
 * and names an address or a member of the account. The billing
 * contacts named, when it names only billing contacts (other than the person); `others` when it names anyone else; undefined
 * when it corrects nothing.
 */
export async function correctedRecipients(context: TurnContext, said: string, accounts: AccountRepository, options: IdentifyResult): Promise<readonly string[] | 'others' | undefined> {
    const { t, lang } = turnInfo(context);
    const addresses = findEmails(said, lang);
    const rest = addresses.reduce((text, address) => text.split(address).join(' '), said);
    const corrects = leadingAnswer(context, said)?.value === false || containsPhrase(rest, phraseList(t, 'main:insteadWords')) || containsPhrase(rest, phraseList(t, 'emailAdmin:otherRecipient.heard'));
    // A wish to write to someone is short by its own measure ({@link wishesToWriteToSomeone}).
    if (!wishesToWriteToSomeone(said, t) && (!corrects || wordsOf(rest).length > MAX_CORRECTION_WORDS)) {
        return undefined;
    }
    const members = (await accounts.members(options.accountId)).map((m) => m.user);
    const rephrased = phraseOf(rest);
    const named = members.filter((user) => addresses.includes(user.email.toLowerCase()) || namesOf(user, members).some((name) => hasPhrase(rephrased, name)));
    if (addresses.length === 0 && named.length === 0) {
        return undefined;
    }
    const contacts = (await accounts.billingContacts(options.accountId)).filter((c) => c.id !== options.userId);
    const toContacts = named.filter((user) => contacts.some((c) => c.id === user.id)).map((user) => user.id);
    const others = toContacts.length === 0 || named.length > toContacts.length || addresses.some((address) => !contacts.some((c) => c.email.toLowerCase() === address));
    return others ? 'others' : toContacts;
}

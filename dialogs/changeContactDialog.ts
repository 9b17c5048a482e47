import type { TurnContext } from 'botbuilder';
import type { IntentRecognizer } from '../language/nlu';
import { UNDERSTANDING_POLICY } from '../language/understandingPolicy';
import { noteInsight } from '../services/insights/insightsRecorder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type PromptValidatorContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import { emailedAll, recordAction, takeTold, turnInfo } from '../turn/turn';
import type { Account, Member } from '../data/model';
import type { ChangeRequest, NewContact } from '../data/repositories/changeRequestRepository';
import type { AccountRepository } from '../data/repositories/accountRepository';
import type { IdentifyDeps } from './identifyDialog';
import { offerNext } from './actions';
import { IdentifyDialog } from './identifyDialog';
import { DialogIds, PromptIds } from './ids';
import { EmailPrompt } from './prompts/emailPrompt';
import { localized, matchButton, retryWith, type LocalizedText, type PromptButton } from './prompts/localizedPrompt';
import { PickPrompt } from './prompts/pickPrompt';
import { TextInputPrompt, type TextInput } from './prompts/textInputPrompt';
import { YesNoPrompt } from './prompts/yesNoPrompt';
import { yesNoAnswer } from './prompts/yesNoAnswer';
import { askedOfTheBot } from './sideQuestion';
import { stepValues } from './stepValues';
import type { ChangeContactOptions, IdentifyOptions, IdentifyResult, TaskResult } from './types';
import { containsPhrase, folded, hasPhrase, phraseOf, sentencesOf, wordsOf } from '../core/words';
import { namesOf } from '../language/changeToNamed';
import { clauseAsSentence } from '../language/germanClause';
import { leadingAnswer } from './answerContent';
import type { TFunction } from 'i18next';
import type { Lang } from '../core/language';
import { formatDate } from '../core/dates';
import { submittedText } from '../turn/activityText';
import { findEmail, findEmails } from '../language/entities';
import { pausesAtStart, phraseList } from '../language/phraseLists';
import { mayBeName } from '../language/personName';
import { reasonInRequest } from '../language/reasonInRequest';
import { ALONGSIDE } from '../services/changeRequestService';
import type { ContactSnapshot } from '../data/repositories/changeRequestRepository';
import { conjunctionList } from '../core/listFormat';
import { correcting, MAX_NAME_WORDS, memberByFirstName, memberByTitledSurname, memberInShortCorrection, memberNamedAsContact, memberOfFullName, namedAsNot, namesOneselfInCorrection, nameAfterCorrection, namedMember, namesSelf, replacesWords, titledNonMember, withoutIntroduction, withoutJobTitle, writtenAnew } from './newContactAnswers';

/** Longest reason the bot passes on. */
const MAX_REASON_LENGTH = 500;

/** Members offered as buttons; beyond that the person types a new contact. */
const MAX_MEMBER_BUTTONS = 8;

const SOMEONE_ELSE = 'someone-else';

/** Before a name at whom the new contact replaces: "nein, doch nicht ich, sondern Peter Krause" makes that person the new contact. */
const INSTEAD = 'instead:';

/** Chosen by removing one of two current contacts and keeping the other ("klaus soll raus, nur noch maria"). */
const KEEP_ONE = 'keep-one';

/** The choice of adding the new contact next to the current ones, replacing nobody. */
const ALONGSIDE_BUTTON: PromptButton = { value: ALONGSIDE, label: 'changeContact:button.alongside', synonyms: 'changeContact:synonyms.alongside' };

/** The choice of a person who is not a member (yet). */
const SOMEONE_ELSE_BUTTON: PromptButton = { value: SOMEONE_ELSE, label: 'changeContact:button.someoneElse', synonyms: 'changeContact:synonyms.someoneElse' };

/** Options of the new-person questions: the name when it was typed at the choice already. */
interface NewPersonOptions {
    readonly name?: string;
    /** Given with the name ("Linda Park, linda.park@…"): not asked. */
    readonly email?: string;
    /** The account's name: never the name of a person ("Taylor Consulting" at the name question). */
    readonly account?: string;
    /** The address asked again in these words, after an answer that gave none ("ja", a colleague who already is a contact). */
    readonly askAgain?: LocalizedText;
}

/** What the new-person questions end with: the new contact, and a reason told with their address. */
interface NewPerson extends NewContact {
    readonly reason?: string;
}

/** What the waterfall keeps between its steps. */
interface ChangeValues {
    identity: IdentifyResult;
    account: Account;
    /** Names of the current billing contacts, joined in the language of the moment they are shown. */
    current: string[];
    /** The current billing contacts, whom a new one may replace. */
    currentContacts: ContactSnapshot[];
    /** The new contact, once known (kept while asking whom they replace). */
    newContact?: NewContact;
    /** The new contact was asked for (not taken from the request itself). */
    asked?: boolean;
    /** The reason the request itself gave ("die Anna geht in Rente, bitte Lea eintragen"): shown in the summary, not asked. */
    reason?: string;
    /** The request's own words, after what the person told before at a question that could not use it. */
    question?: string;
    /** "klaus soll raus, nur noch maria": the current contact removed, while the other stays the only one (the new contact). */
    removes?: string;
    /** A declined request taken back: its review runs from the admin check, the steps between pass its result on. */
    resumed?: boolean;
}

/** Options of the reason-and-summary loop; a correction starts it again with what it corrected. */
interface ReviewOptions {
    readonly accountId: string;
    readonly accountName: string;
    readonly current: readonly string[];
    /** The current billing contacts (ids and names); with two or more the request says whom the new one replaces. */
    readonly currentContacts: readonly ContactSnapshot[];
    readonly newContact: NewContact;
    /** Whom the new contact replaces (a current contact's id) or {@link ALONGSIDE}; only with several current contacts. */
    readonly replaces?: string;
    /** Known after a correction at the summary, or from the request itself: only the summary is shown. */
    readonly reason?: string;
    /** The reason was taken from the request's own words: the summary says how to write it differently. */
    readonly reasonFromRequest?: boolean;
    /** What was typed at the reason question was no reason ("ja", an address): the question asked again in these words, as one message. */
    readonly askAgain?: 'changeContact:reasonMissing' | 'changeContact:reasonNotAddress';
}

/** A new person named at the reason or the summary without their address ("no, a new person instead: Jane Doe"): asked for it, then the review again. */
interface ReaddressOptions {
    readonly review: ReviewOptions;
    /** Named without an address: the address is asked. */
    readonly name?: string;
    /** Given by address only: the name is asked. */
    readonly email?: string;
}

/** What the review ends with once the person confirmed; undefined when they did not. */
interface Reviewed {
    readonly newContact: NewContact;
    readonly replaces?: string;
    readonly reason: string;
}

/**
 * True when `text` only asks to file the request: a verb of filing (`changeContact:fileVerbs`) and nothing but
 * words of filing or approval (`changeContact:fileWords`) or words said around them (`changeContact:besideFileWords`):
 * "Doch, stellen Sie den Antrag", "just file it anyway"; not a "danke" or "bitte" alone.
 */
export function asksOnlyToFile(t: TFunction, text: string): boolean {
    const verbs = phraseList(t, 'changeContact:fileVerbs');
    const filing = phraseList(t, 'changeContact:fileWords');
    const beside = phraseList(t, 'changeContact:besideFileWords');
    const words = phraseOf(text).split(' ').filter((word) => word !== '');
    return words.some((word) => verbs.includes(word)) && words.every((word) => verbs.includes(word) || filing.includes(word) || beside.includes(word));
}

/**
 * The review of a request declined at its summary (`resume`), when it is still true to the account `accountId`
 * with `members`: the same billing contacts, and the new contact not one of them by now. Undefined otherwise:
 * the request is then asked for anew.
 */
function stillTrue(resume: unknown, accountId: string, members: readonly Member[]): ReviewOptions | undefined {
    const review = resume as ReviewOptions | undefined;
    if (review?.accountId !== accountId || review.reason === undefined || !Array.isArray(review.currentContacts) || review.newContact === undefined) {
        return undefined;
    }
    const contacts = members.filter((m) => m.isBillingContact).map((m) => m.user.id);
    const same = contacts.length === review.currentContacts.length && review.currentContacts.every((c) => contacts.includes(c.id));
    const alreadyOne = review.newContact.userId !== undefined && contacts.includes(review.newContact.userId);
    return same && !alreadyOne ? { ...review, askAgain: undefined } : undefined;
}

/** What the change-of-billing-contact dialog uses, with what its identify dialog uses. */
export interface ChangeContactDeps extends IdentifyDeps {
    readonly accounts: AccountRepository;
    /** Tells a stop at the summary ("actually, forget it") from a correction that opens the same way. */
    readonly recognizer: IntentRecognizer;
}

/**
 * Change of billing contact (article §1.3): only account admins may ask. A
 * verified admin picks the new contact (a member of the account or a new
 * person), gives a reason, confirms a summary, and the bot files the request
 * with a reference, mails a confirmation to the admin and a notice to the
 * current billing contact(s). Non-admins learn who their admins are (names
 * only) and are offered other ways.
 */
export class ChangeContactDialog extends ComponentDialog {
    public constructor(private readonly services: ChangeContactDeps) {
        super(DialogIds.changeContact);
        this.addDialog(new IdentifyDialog(services));
        this.addDialog(new PickPrompt(PromptIds.pick));
        // "Anna Müller", "mich selbst" from one who already is a billing contact: said so; whom else is asked again.
        // "nein, lieber Max Mustermann": a person who is no member, named in a correction, is a new person (the next step says so).
        // "nein warte, stattdessen eine neue Person: Bernd Bauer" names a person, at this question and those of the new person: no wish for a person of customer service.
        const namesPerson = (context: TurnContext, text: string): boolean => namesPersonInCorrection(text, turnInfo(context).t);
        this.addDialog(new PickPrompt(PromptIds.newContact, async (prompt) => !(await this.namesCurrentContact(prompt)) && (prompt.recognized.succeeded || (await this.namesNonMember(prompt))), namesPerson));
        // "beide", "the one in accounting" at whom the new contact replaces: said why that chooses nobody, then the choice again.
        this.addDialog(new PickPrompt(PromptIds.replaces, async (prompt) => prompt.recognized.succeeded || newContactInstead(prompt) || (await this.notReplacing(prompt)), (context, text) => correcting(text, turnInfo(context).t) && writtenAnew(text, '', turnInfo(context).t) !== undefined));
        this.addDialog(new EmailPrompt(PromptIds.email));
        // "sorry, her name is spelled Priya Nayar, not Nair" at the new person's address: the name is corrected, the address asked again.
        // "ja", "doch lieber Lea Fischer", "stattdessen mich selbst": no address, but an answer the next step reads.
        this.addDialog(new EmailPrompt(PromptIds.newPersonEmail, async (prompt) => prompt.recognized.succeeded || respelled(prompt) !== undefined || (await this.answersWithoutAddress(prompt.context)), namesPerson));
        this.addDialog(new YesNoPrompt(PromptIds.yesNo));
        // At the summary a correction ("no, instead make Tom Hughes the new contact") is an answer too: the review step reads it.
        // So is a reason written anew ("oh and the reason is she moved to marketing").
        const correctsSummary = (context: TurnContext, text: string): boolean => {
            const { t, lang } = turnInfo(context);
            return correcting(text, t) || namesReplacement(text, t) || reasonWrittenAnew(text, t, lang) !== undefined;
        };
        // A plain new reason ("Peter left the company") is an answer as well, though not one that keeps a command from interrupting.
        this.addDialog(
            new YesNoPrompt(
                PromptIds.confirmChange,
                async (prompt) => prompt.recognized.succeeded || correctsSummary(prompt.context, submittedText(prompt.context.activity) ?? '') || this.plainReason(prompt.context, submittedText(prompt.context.activity) ?? '') !== undefined,
                correctsSummary
            )
        );
        // A yes or no is never a name ("Ja" at the name question); an address given with the name is read by the next step.
        // "Anna Müller", already a billing contact: said so, and the name asked again.
        this.addDialog(new TextInputPrompt(PromptIds.name, async (prompt) => isPersonName(prompt) && yesNoAnswer(prompt.context, prompt.recognized.value?.text ?? '', 'whole') === undefined && !(await this.namesContactAsNewPerson(prompt)), namesPerson));
        this.addDialog(new TextInputPrompt(PromptIds.reason, async (prompt) => (prompt.recognized.value?.text.length ?? 0) <= MAX_REASON_LENGTH));
        this.addDialog(
            new WaterfallDialog(DialogIds.changeContactFlow, [
                this.identifyStep.bind(this),
                this.checkAdminStep.bind(this),
                this.newContactStep.bind(this),
                this.askReplacesStep.bind(this),
                this.reviewStep.bind(this),
                this.submitStep.bind(this)
            ])
        );
        this.addDialog(new WaterfallDialog(DialogIds.changeContactReview, [this.askReasonStep.bind(this), this.summaryStep.bind(this), this.decideStep.bind(this)]));
        this.addDialog(new WaterfallDialog(DialogIds.changeContactNewPerson, [this.askNameStep.bind(this), this.askEmailStep.bind(this), this.newPersonDoneStep.bind(this)]));
        this.addDialog(new WaterfallDialog(DialogIds.changeContactReaddressed, [this.askNewPersonStep.bind(this), this.reviewAgainStep.bind(this)]));
        this.initialDialogId = DialogIds.changeContactFlow;
    }

    private async identifyStep(step: WaterfallStepContext<ChangeContactOptions>): Promise<DialogTurnResult> {
        return step.beginDialog(DialogIds.identify, { question: step.options.question } satisfies IdentifyOptions);
    }

    private async checkAdminStep(step: WaterfallStepContext<ChangeContactOptions>): Promise<DialogTurnResult> {
        const identity = step.result as IdentifyResult | undefined;
        if (!identity) {
            return step.endDialog();
        }
        const { t } = turnInfo(step.context);
        const members = await this.services.accounts.members(identity.accountId);
        const me = members.find((m) => m.user.id === identity.userId);
        const account = await this.services.accounts.get(identity.accountId);
        if (!me || !account) {
            await step.context.sendActivity(t('billingRole:noLongerMember'));
            return step.endDialog();
        }
        // What the person told before at a question that could not use it ("peter is retiring" at the offer) belongs to the request too.
        const told = takeTold(step.context);
        if (!me.isAdmin) {
            return step.endDialog(await this.refuseNonAdmin(step.context, account, members, me));
        }
        const resumed = stillTrue(step.options.resume, identity.accountId, members);
        if (resumed) {
            Object.assign(stepValues<ChangeValues>(step), { identity, account, resumed: true });
            return step.beginDialog(DialogIds.changeContactReview, resumed);
        }
        const question = [...told, step.options.question ?? ''].filter((text) => text.trim() !== '').join('. ');
        // A new contact named instead at whom they replace: asked for anew, without the introduction.
        const instead = step.options.instead;
        if (instead === undefined) {
            await step.context.sendActivity(t('changeContact:intro'));
        }
        const contacts = members.filter((m) => m.isBillingContact);
        const currentContacts = contacts.map((m) => ({ id: m.user.id, name: m.user.name }));
        const kept = removedAndKept(question, currentContacts, t) ?? writerStepsDown(question, currentContacts, identity.userId, members, t);
        if (kept) {
            // "remove Klaus, Maria stays": filed as Maria, the one who stays, replacing Klaus; nobody else is asked for.
            const values = stepValues<ChangeValues>(step);
            Object.assign(values, { identity, account, question, removes: kept.removed.id, current: contacts.map((m) => m.user.name), currentContacts });
            values.reason = reasonInRequest(question, t, members.map((m) => m.user.name));
            return step.next(kept.stays.id);
        }
        if (removes(question, t)) {
            // "Maria als Kontakt entfernen": nobody is removed without a successor; who replaces them is asked next.
            await step.context.sendActivity(t('changeContact:removalExplained'));
        }
        const values = stepValues<ChangeValues>(step);
        values.identity = identity;
        values.account = account;
        values.question = question;
        values.current = members.filter((m) => m.isBillingContact).map((m) => m.user.name);
        values.currentContacts = members.filter((m) => m.isBillingContact).map((m) => ({ id: m.user.id, name: m.user.name }));
        // "die anna geht in rente, bitte lea fischer eintragen": the reason given with the request is kept, not asked again.
        values.reason = reasonInRequest(question, t, members.map((m) => m.user.name));
        const candidates = this.candidates(members);
        if (instead !== undefined) {
            const member = namedMember(candidates, instead);
            return member ? step.next(member.user.id) : step.beginDialog(DialogIds.changeContactNewPerson, { name: instead, account: account.name } satisfies NewPersonOptions);
        }
        // "Kontakt ändern, auf Lea Fischer": the member named when asking needs no second question.
        // An address in it says who is asking ("ich bin jonas.weber@…"): its words name no one.
        // "please make tom the billing contact": a first name only one other member has names them too.
        // "Ich bin Eva Schulz von …, neu soll …": the person introducing themselves names no new contact; "auf mich umstellen" names them.
        // "make anna the billing contact, anna.k@…": a person's address given with the request names them; a new person's name and address are not asked again.
        const addressed = addressedInRequest(question, members, me, turnInfo(step.context).lang);
        if (addressed?.member && candidates.includes(addressed.member)) {
            return step.next(addressed.member.user.id);
        }
        if (addressed?.email) {
            const name = titledNonMember(question, members, t) ?? nameOfAddress(question, addressed.email, members, me, t);
            return step.beginDialog(DialogIds.changeContactNewPerson, { name, email: addressed.email, account: account.name } satisfies NewPersonOptions);
        }
        if (candidates.length === 0) {
            // Nobody else on the account: a new person, named in the request or asked for.
            const named = titledNonMember(question, members, t);
            return named ? step.beginDialog(DialogIds.changeContactNewPerson, { name: named, account: account.name } satisfies NewPersonOptions) : step.next(SOMEONE_ELSE);
        }
        const asked = withoutIntroduction(question.replace(/\S+@\S+/g, ' '), me, t);
        const named =
            namedMember(candidates, asked) ??
            memberByFirstName(candidates.filter((m) => m.user.id !== me.user.id), asked) ??
            memberByTitledSurname(candidates, question, t) ??
            namesSelf(candidates, me, asked, t);
        if (named) {
            return step.next(named.user.id);
        }
        // "… stattdessen Herrn Peter Krause eintragen": a person named with a title who is no member is the new person.
        const newPerson = titledNonMember(question, members, t);
        if (newPerson) {
            return step.beginDialog(DialogIds.changeContactNewPerson, { name: newPerson, account: account.name } satisfies NewPersonOptions);
        }
        const buttons: PromptButton[] = [
            // The requester's own button also answers "mich selbst" / "myself", and a bare "ich" / "me".
            ...candidates.map((m) => ({ value: m.user.id, label: m.user.name, literal: true, synonyms: m.user.id === me.user.id ? 'changeContact:synonyms.me' : undefined, alone: m.user.id === me.user.id ? 'changeContact:synonyms.meAlone' : undefined })),
            SOMEONE_ELSE_BUTTON
        ];
        values.asked = true;
        return step.prompt(PromptIds.newContact, localized({
            text: { key: 'changeContact:askNewContact', args: { account: account.name, current: values.current.length > 0 ? values.current : t('changeContact:nobody'), count: Math.max(1, values.current.length) } },
            retryText: { key: 'changeContact:askNewContactRetry' },
            buttons,
            nameChooses: SOMEONE_ELSE,
            ...(values.currentContacts.length === 2 ? { keepChooses: { value: KEEP_ONE, names: values.current } } : {}),
            // Only the choice is asked: a goodbye here loses nothing, unless the first message gave a reason.
            nothingToLose: values.reason === undefined
        }));
    }

    private async newContactStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        if (stepValues<ChangeValues>(step).resumed) {
            return step.next(step.result);
        }
        if (typeof step.result === 'object' && step.result !== null) {
            // The new person named in the first message, name and address known.
            return step.next(step.result as NewPerson);
        }
        const choice = step.result as string;
        if (choice === KEEP_ONE) {
            // "klaus soll raus, nur noch maria" at the choice: the one who stays is the new contact, replacing the one removed.
            const values = stepValues<ChangeValues>(step);
            const contacts = (await this.services.accounts.members(values.account?.id ?? '')).filter((m) => m.isBillingContact);
            const kept = removedAndKept(submittedText(step.context.activity) ?? '', contacts.map((m) => ({ id: m.user.id, name: m.user.name })), turnInfo(step.context).t);
            if (kept) {
                values.removes = kept.removed.id;
                return step.next({ userId: kept.stays.id, name: kept.stays.name } satisfies NewContact);
            }
            return step.replaceDialog(DialogIds.changeContactFlow, step.options);
        }
        if (choice === SOMEONE_ELSE) {
            // "eva schulz", a person not listed, typed instead of choosing "Someone else": the name is not asked again.
            const typed = submittedText(step.context.activity) ?? '';
            const { asked, account } = stepValues<ChangeValues>(step);
            if (!asked || typed === SOMEONE_ELSE) {
                return step.beginDialog(DialogIds.changeContactNewPerson, { account: account?.name } satisfies NewPersonOptions);
            }
            const { t, lang } = turnInfo(step.context);
            const saysSomeoneElse = matchButton(step.context, [SOMEONE_ELSE_BUTTON], typed) !== undefined;
            if (!saysSomeoneElse) {
                // "make it tom": a member named by first name, if only one has it.
                const members = this.candidates(await this.services.accounts.members(account?.id ?? ''));
                const member = namedMember(members, typed) ?? memberByFirstName(members, typed);
                if (member) {
                    return step.next({ userId: member.user.id, name: member.user.name } satisfies NewContact);
                }
            }
            // "instead a new person: Linda Park, linda.park@…": the name and the address, each asked only when missing.
            // "nope, jane doe": the name after the words of a correction.
            const written = saysSomeoneElse ? writtenAnew(typed, '', t) : (nameTyped(typed, t) ?? (correcting(typed, t) ? nameInCorrection(typed, t) : undefined));
            // "Müller Design GmbH" at the choice: the account's name names no person, whose name is asked.
            const name = written !== undefined && phraseOf(written) === phraseOf(account?.name ?? '') ? undefined : written;
            // "nein, lieber Max Mustermann": the person typed is no member of the account; said so, with the question for their address.
            const askAgain: LocalizedText | undefined = name === undefined || saysSomeoneElse ? undefined : { key: 'changeContact:notMemberAskEmail', args: { name, account: account?.name ?? '' } };
            return step.beginDialog(DialogIds.changeContactNewPerson, { name, email: findEmail(typed, lang), account: account?.name, askAgain } satisfies NewPersonOptions);
        }
        const member = (await this.services.accounts.members(stepValues<ChangeValues>(step).account?.id ?? '')).find((m) => m.user.id === choice);
        return step.next(member ? ({ userId: member.user.id, name: member.user.name } satisfies NewContact) : undefined);
    }

    /**
     * With several current billing contacts: whom the new one replaces, taken from the words
     * ("Maria Bergmann austragen", "replace Maria") of the first message or of the choice, else asked
     * with a button per current contact and one to add the new contact alongside.
     */
    private async askReplacesStep(step: WaterfallStepContext<ChangeContactOptions>): Promise<DialogTurnResult> {
        if (stepValues<ChangeValues>(step).resumed) {
            return step.next(step.result);
        }
        // A reason told with the new person's address ("she left last month, it's lea.fischer@…") is kept, not asked again.
        const { reason, ...person } = (step.result ?? {}) as Partial<NewPerson>;
        const newContact = person.name === undefined ? undefined : ({ ...person, name: person.name } satisfies NewContact);
        const values = stepValues<ChangeValues>(step);
        values.newContact = newContact;
        values.reason ??= reason;
        const currentContacts = values.currentContacts ?? [];
        if (!newContact || currentContacts.length < 2) {
            return step.next(undefined);
        }
        if (values.removes !== undefined) {
            return step.next(values.removes);
        }
        const { t } = turnInfo(step.context);
        const said = [values.question ?? step.options.question ?? '', values.asked ? submittedText(step.context.activity) ?? '' : ''];
        for (const text of said) {
            const named = replacedIn(text, currentContacts, newContact, values.identity?.userId, t);
            if (named !== undefined) {
                return step.next(named);
            }
        }
        // The contacts with their addresses, for an answer that describes one ("the one in accounting").
        const members = await this.services.accounts.members(values.account?.id ?? '');
        const contacts = currentContacts.map((c) => members.find((m) => m.user.id === c.id)).map((m, i) => (m ? `${m.user.name} (${m.user.email})` : currentContacts[i].name));
        return step.prompt(PromptIds.replaces, {
            ...localized({
                text: { key: 'changeContact:askReplaces', args: { name: newContact.name, current: this.list(step.context, currentContacts.map((c) => c.name)) } },
                retryText: { key: 'changeContact:askReplacesRetry', args: { name: newContact.name } },
                helpText: { key: 'changeContact:replacesHelp', args: { name: newContact.name } },
                closingNote: 'changeContact:notFiled',
                // "mich", "me" as the whole answer: the person asking, when they are one of the billing contacts.
                buttons: [...currentContacts.map((c) => ({ value: c.id, label: c.name, literal: true, alone: c.id === values.identity?.userId ? 'changeContact:synonyms.meAlone' : undefined })), ALONGSIDE_BUTTON]
            }),
            validations: { name: newContact.name, contacts }
        });
    }

    /** The new contact is known: the reason and the summary, until confirmed or declined. */
    private async reviewStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        if (stepValues<ChangeValues>(step).resumed) {
            return step.next(step.result);
        }
        const replaces = typeof step.result === 'string' ? step.result : undefined;
        if (replaces?.startsWith(INSTEAD)) {
            return step.replaceDialog(DialogIds.changeContactFlow, { ...(step.options as ChangeContactOptions), instead: replaces.slice(INSTEAD.length) } satisfies ChangeContactOptions);
        }
        const { account, current, currentContacts, newContact, reason } = stepValues<ChangeValues>(step);
        if (!newContact || !account) {
            return step.endDialog();
        }
        return step.beginDialog(DialogIds.changeContactReview, {
            accountId: account.id,
            accountName: account.name,
            current: current ?? [],
            currentContacts: currentContacts ?? [],
            newContact,
            replaces,
            ...(reason !== undefined ? { reason, reasonFromRequest: true } : {})
        } satisfies ReviewOptions);
    }

    private async askReasonStep(step: WaterfallStepContext<ReviewOptions>): Promise<DialogTurnResult> {
        const same = await this.services.changeRequests.pendingSameChange(step.options);
        if (same) {
            // The very change is asked for already and still pending: not filed twice, and no reason asked for nothing.
            await this.tellSameChangePending(step.context, same);
            return step.endDialog(undefined);
        }
        if (step.options.reason !== undefined) {
            return step.next({ text: step.options.reason } satisfies TextInput);
        }
        const removed = keptAlone(step.options);
        // Asked again as first asked: why the one removed should go, or why the new contact should come.
        const again = step.options.askAgain && removed ? (`${step.options.askAgain}Removal` as const) : step.options.askAgain;
        const asked = again ?? (removed ? 'changeContact:askReasonRemoval' : 'changeContact:askReason');
        return step.prompt(PromptIds.reason, localized({
            text: { key: asked, args: { name: step.options.newContact.name, removed: removed?.name ?? '' } },
            retryText: { key: 'changeContact:askReasonRetry', args: { max: MAX_REASON_LENGTH } },
            freeText: true
        }));
    }

    private async summaryStep(step: WaterfallStepContext<ReviewOptions>): Promise<DialogTurnResult> {
        const options = step.options;
        const written = (step.result as TextInput).text.trim();
        // "he left the company; My email is …": a sentence after the reason giving an address is that detail, no part of the reason.
        const detail = options.reason === undefined ? addressAfterReason(written, turnInfo(step.context).lang) : undefined;
        if (detail && options.newContact.userId === undefined && detail.email !== options.newContact.email) {
            // Another address for the new person (not the requester's own, already known): theirs, shown in the summary.
            const identity = turnInfo(step.context).profile.identity;
            const own = identity ? await this.services.users.get(identity.userId) : undefined;
            if (own?.email.toLowerCase() !== detail.email.toLowerCase()) {
                return step.replaceDialog(DialogIds.changeContactReview, { ...options, newContact: { ...options.newContact, email: detail.email }, reason: detail.reason, askAgain: undefined } satisfies ReviewOptions);
            }
        }
        const typed = detail?.reason ?? written;
        // "Grund: …", "soll lauten: …", "the reason is …": the lead-in is no part of the reason.
        // "Dass Herr Bergmann in Rente geht": the word that opens it as a clause goes too, the clause set as a sentence.
        const { t, lang } = turnInfo(step.context);
        const reason = options.reason === undefined ? clauseAsReason(withoutLeadIn(this.withoutYes(step.context, typed), t), t, lang) : typed;
        const said = submittedText(step.context.activity) ?? '';
        // "Nein, ich meinte: zusätzlich, Maria soll bleiben": whom the new contact replaces, corrected; no reason, which is asked again.
        const replaces = options.reason === undefined && !detail && options.currentContacts.length >= 2 && correcting(said, t) ? replacementIn(said, options, t) : undefined;
        if (replaces !== undefined && replaces !== options.replaces) {
            const replaced = options.currentContacts.find((c) => c.id === replaces);
            await step.context.sendActivity(replaced ? t('changeContact:replacementTaken.replaces', { name: options.newContact.name, replaced: replaced.name }) : t('changeContact:replacementTaken.alongside', { name: options.newContact.name }));
            return step.replaceDialog(DialogIds.changeContactReview, { ...options, replaces, askAgain: undefined } satisfies ReviewOptions);
        }
        if (options.reason === undefined && !detail) {
            // "nein warte, ich meinte Lea Fischer": a correction is no reason; the question is asked again for the right person.
            const corrected = await this.correctionIn(step.context, options.accountId, options.newContact);
            if (corrected) {
                return this.reviewAgain(step, { ...options, newContact: corrected, askAgain: undefined });
            }
        }
        const address = options.reason === undefined && !detail && options.newContact.userId !== undefined && correcting(said, t) ? findEmail(said, lang) : undefined;
        if (address !== undefined) {
            // "falsche Adresse, ich meinte lea.fischer@…": a member's address corrects whom to make the contact; it is no reason, which is asked again.
            // ("I left the company. My email is …" is a reason with a detail after it: `detail` above.)
            const member = this.candidates(await this.services.accounts.members(options.accountId)).find((m) => m.user.email.toLowerCase() === address.toLowerCase());
            const newContact = member ? { userId: member.user.id, name: member.user.name } : options.newContact;
            return step.replaceDialog(DialogIds.changeContactReview, { ...options, newContact, askAgain: undefined } satisfies ReviewOptions);
        }
        if (options.reason === undefined && addressOnly(reason, lang)) {
            // An address typed where the reason was asked is no reason (nor anything the summary shows): asked again, in one message.
            return step.replaceDialog(DialogIds.changeContactReview, { ...options, askAgain: 'changeContact:reasonNotAddress' } satisfies ReviewOptions);
        }
        if (options.reason === undefined && (this.noReason(step.context, reason) || this.noReason(step.context, typed))) {
            // "ja", "ok", "danke": no reason; asked again, politely, for the reason itself, in one message.
            return step.replaceDialog(DialogIds.changeContactReview, { ...options, askAgain: 'changeContact:reasonMissing' } satisfies ReviewOptions);
        }
        stepValues<{ reason: string }>(step).reason = reason;
        const summary = t('changeContact:summary', {
            account: options.accountName,
            current: this.currentNames(step.context, options.current),
            count: Math.max(1, options.current.length),
            newContact: this.services.changeRequests.newContactText({ newContact: options.newContact }),
            replaces: this.replacesLine(step.context, options),
            reason
        });
        // A reason taken from the request's own words is shown with how to change it.
        await step.context.sendActivity(options.reasonFromRequest ? `${summary}\n\n${t('changeContact:reasonTaken')}` : summary);
        const pending = await this.services.changeRequests.pendingFor(options.accountId);
        if (pending.length > 0) {
            await step.context.sendActivity(
                t('changeContact:alreadyPending', {
                    count: pending.length,
                    references: this.list(step.context, pending.map((request) => request.reference)),
                    account: options.accountName
                })
            );
        }
        return step.prompt(PromptIds.confirmChange, localized({ ...YesNoPrompt.options({ key: 'changeContact:confirm' }), declinedNote: 'changeContact:notFiled' }));
    }

    /** Yes files, no drops; a correction ("the name is Eva Schulz, not Eva Schultz") shows the summary again with it. */
    private async decideStep(step: WaterfallStepContext<ReviewOptions>): Promise<DialogTurnResult> {
        const options = step.options;
        const reason = stepValues<{ reason: string }>(step).reason ?? '';
        const text = submittedText(step.context.activity) ?? '';
        const { t, lang } = turnInfo(step.context);
        if (typeof step.result !== 'boolean' && (await this.stopsAfterOpening(step.context, text))) {
            // "actually, forget it, don't file anything": words that open like a correction, then stop the request.
            await step.context.sendActivity(t('changeContact:notFiled'));
            return step.endDialog(undefined);
        }
        // "nein, der Grund ist: …": the reason written anew, the summary again with it.
        const written = reasonWrittenAnew(text, t, lang);
        const newReason = written === undefined ? undefined : withoutLeadIn(written, t);
        if (newReason !== undefined && !this.noReason(step.context, newReason)) {
            return step.replaceDialog(DialogIds.changeContactReview, { ...options, reason: newReason, reasonFromRequest: false } satisfies ReviewOptions);
        }
        // Whom the words say the new contact replaces (read once: nobody, who goes and stays, or the one named).
        const replacement = options.currentContacts.length >= 2 && step.result !== true ? replacementIn(text, options, t) : undefined;
        // "nein, doch zusätzlich, beide bleiben": nobody replaced, in words that name nobody (read before a name is looked for in them).
        if (replacement === ALONGSIDE) {
            if (options.replaces === ALONGSIDE) {
                await step.context.sendActivity(t('changeContact:asInSummaryAlongside', { name: options.newContact.name }));
            }
            return step.replaceDialog(DialogIds.changeContactReview, { ...options, replaces: ALONGSIDE, reason } satisfies ReviewOptions);
        }
        // "actually make it sarah lee": the new contact corrected, before anything else is read from the words.
        const corrected = await this.correctionIn(step.context, options.accountId, options.newContact);
        if (!corrected && step.result !== true && correcting(text, t) && namesOneselfInCorrection(text, t) && (await this.isBillingContactThemselves(step.context, options.accountId))) {
            // "nein, lieber ich selbst" from a billing contact: they are one already; the request for the person chosen is asked about again.
            await step.context.sendActivity(t('changeContact:alreadyContactSelfAtSummary', { account: options.accountName, name: options.newContact.name }));
            return step.replaceDialog(DialogIds.changeContactReview, { ...options, reason } satisfies ReviewOptions);
        }
        // "Peter left the company": no yes or no, a sentence of its own that is the reason written anew.
        const plain = typeof step.result === 'boolean' || corrected ? undefined : this.plainReason(step.context, text);
        if (plain !== undefined) {
            return step.replaceDialog(DialogIds.changeContactReview, { ...options, reason: plain, reasonFromRequest: false } satisfies ReviewOptions);
        }
        // "nein, ich meinte: Maria soll bleiben, nur Klaus soll raus": whom the new contact replaces, said as who goes and who stays.
        const goesAndStays = options.currentContacts.length === 2 && step.result !== true && !corrected ? removedAndKept(text, options.currentContacts, t) : undefined;
        if (goesAndStays !== undefined && goesAndStays.removed.id !== options.newContact.userId && goesAndStays.removed.id === options.replaces) {
            // The correction says what the summary already says: nothing is dropped, the summary is asked about again.
            await step.context.sendActivity(t('changeContact:asInSummary', { removed: goesAndStays.removed.name, stays: goesAndStays.stays.name }));
            return step.replaceDialog(DialogIds.changeContactReview, { ...options, reason } satisfies ReviewOptions);
        }
        // "nicht Maria, sondern Klaus ersetzen", "add her alongside", "Maria soll gehen, Klaus bleibt": whom the new contact replaces, corrected.
        const replaces = corrected ? undefined : replacement;
        if (replaces !== undefined && replaces !== options.replaces && replaces !== options.newContact.userId) {
            return step.replaceDialog(DialogIds.changeContactReview, { ...options, replaces, reason } satisfies ReviewOptions);
        }
        const unnamed = corrected || step.result === true ? undefined : await this.newPersonAddressIn(step.context, options, text);
        if (unnamed !== undefined) {
            // "no, instead jane.doe@example.com": a person known by address only replaces the member chosen; their name is asked.
            return step.replaceDialog(DialogIds.changeContactReaddressed, { review: { ...options, reason }, email: unnamed } satisfies ReaddressOptions);
        }
        if (!corrected && step.result === false && correcting(text, t) && (findEmail(text, lang) !== undefined || writtenAnew(text, options.newContact.name, t) !== undefined)) {
            // "ne, falsche Adresse, jonas.weber@…": a no that tries to correct something the bot cannot place drops nothing;
            // it says what can be corrected and shows the summary again.
            await step.context.sendActivity(t('changeContact:whatToCorrect', { name: options.newContact.name, example: await this.exampleName(step.context, options) }));
            return step.replaceDialog(DialogIds.changeContactReview, { ...options, reason } satisfies ReviewOptions);
        }
        if (corrected || typeof step.result !== 'boolean') {
            // Corrected, or a correction with nothing the bot could use ("the name is wrong"): the summary again.
            // A reason that names the person no longer chosen ("Tom knows the invoices") is asked again for the new one.
            const stale = corrected !== undefined && namesOtherThan(reason, options.newContact.name, corrected.name);
            return this.reviewAgain(step, {
                ...options,
                newContact: corrected ?? options.newContact,
                reason: stale ? undefined : reason,
                reasonFromRequest: stale ? false : options.reasonFromRequest
            });
        }
        // "ok. Anna geht zum Jahresende in Rente": an ok that carries a sentence of its own gives the reason anew; it files nothing yet.
        const anew = step.result === true && !correcting(text, t) ? this.reasonAfterYes(step.context, text) : undefined;
        if (anew !== undefined) {
            return step.replaceDialog(DialogIds.changeContactReview, { ...options, reason: anew, reasonFromRequest: false } satisfies ReviewOptions);
        }
        if (!step.result) {
            await step.context.sendActivity(turnInfo(step.context).t('changeContact:notFiled'));
            // "Doch, stellen Sie den Antrag" as the next message takes the no back (`MainDialog`): the summary again.
            turnInfo(step.context).profile.declinedChange = { ...options, reason, askAgain: undefined } satisfies ReviewOptions;
            return step.endDialog(undefined);
        }
        return step.endDialog({ newContact: options.newContact, replaces: options.replaces, reason } satisfies Reviewed);
    }

    private async submitStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const { t, lang, conversationKey } = turnInfo(step.context);
        const { identity, account } = stepValues<ChangeValues>(step);
        const reviewed = step.result as Reviewed | undefined;
        if (!reviewed) {
            return step.endDialog();
        }
        const { newContact, replaces, reason } = reviewed;
        const requester = identity && (await this.services.users.get(identity.userId));
        if (!requester || !account) {
            return step.endDialog();
        }
        const dedupeKey = `change-request:${conversationKey}:${step.context.activity.id ?? this.services.clock.now().getTime()}`;
        const outcome = await this.services.changeRequests.submit(
            { requester, account, newContact, replaces, reason, lang, channel: step.context.activity.channelId ?? 'unknown', conversationKey },
            dedupeKey
        );
        if (outcome.kind === 'rate-limited') {
            await step.context.sendActivity(t('changeContact:rateLimited'));
            return step.endDialog(offerNext({ key: 'changeContact:otherWays' }, ['talk-to-human', 'thanks']) satisfies TaskResult);
        }
        if (outcome.kind === 'duplicate') {
            // Filed by someone else meanwhile (the check before the reason found none).
            await this.tellSameChangePending(step.context, outcome.request);
            return step.endDialog();
        }
        const { request, notified } = outcome;
        noteInsight(step.context, 'task-completed', 'change-request');
        recordAction(step.context, 'change-request-filed', request.reference);
        const names = this.list(step.context, notified.map((u) => u.name));
        await step.context.sendActivity(
            t(notified.length > 0 ? 'changeContact:filed' : 'changeContact:filedNoNotice', { reference: request.reference, email: requester.email, names, count: notified.length })
        );
        return step.endDialog();
    }

    /** That `request`, still pending, asks for the very change already (so none is filed). */
    private async tellSameChangePending(context: TurnContext, request: ChangeRequest): Promise<void> {
        const { t, lang } = turnInfo(context);
        await context.sendActivity(
            t('changeContact:sameChangePending', {
                reference: request.reference,
                date: formatDate(lang, request.createdAt),
                newContact: this.services.changeRequests.newContactText(request),
                account: request.accountName
            })
        );
    }

    /**
     * The review again with `options`; a new person named without their address ("no, a new person instead: Jane Doe") is
     * asked for it first, so that nothing is filed for a person LogMeIn cannot reach.
     */
    private async reviewAgain(step: WaterfallStepContext<ReviewOptions>, options: ReviewOptions): Promise<DialogTurnResult> {
        const { newContact } = options;
        if (newContact.userId === undefined && newContact.email === undefined) {
            return step.replaceDialog(DialogIds.changeContactReaddressed, { review: options, name: newContact.name } satisfies ReaddressOptions);
        }
        return step.replaceDialog(DialogIds.changeContactReview, options);
    }

    private async askNewPersonStep(step: WaterfallStepContext<ReaddressOptions>): Promise<DialogTurnResult> {
        const { name, email, review } = step.options;
        return step.beginDialog(DialogIds.changeContactNewPerson, { name, email, account: review.accountName } satisfies NewPersonOptions);
    }

    /** The new person's address known (or the person a member after all): the summary with them, the reason told with the address taken. */
    private async reviewAgainStep(step: WaterfallStepContext<ReaddressOptions>): Promise<DialogTurnResult> {
        const { review } = step.options;
        const person = step.result as Partial<NewPerson> | undefined;
        if (person?.name === undefined) {
            return step.replaceDialog(DialogIds.changeContactReview, review);
        }
        const { reason, ...contact } = person;
        const newContact: NewContact = { ...contact, name: person.name };
        return step.replaceDialog(DialogIds.changeContactReview, { ...review, newContact, ...(reason !== undefined ? { reason, reasonFromRequest: false } : {}) } satisfies ReviewOptions);
    }

    /**
     * The address of a person who is no member in a correction at the summary of a member ("no, instead jane.doe@example.com"):
     * no member's, and not one that looks like the member's own mistyped ("no, wrong address, tom.h@…" for Tom Hughes,
     * whose address is on file). Undefined otherwise.
     */
    private async newPersonAddressIn(context: TurnContext, options: ReviewOptions, text: string): Promise<string | undefined> {
        const { t, lang } = turnInfo(context);
        const email = findEmail(text, lang);
        if (email === undefined || options.newContact.userId === undefined || !correcting(text, t)) {
            return undefined;
        }
        const members = await this.services.accounts.members(options.accountId);
        if (members.some((m) => m.user.email.toLowerCase() === email.toLowerCase())) {
            return undefined;
        }
        const local = new Set((email.split('@')[0] ?? '').toLowerCase().split(/[._+-]+/));
        return wordsOf(folded(options.newContact.name)).some((word) => local.has(word)) || wordsOf(options.newContact.name).some((word) => local.has(word)) ? undefined : email;
    }

    /**
     * The name the hint of what can be corrected gives as its example: another person of the requester's own account who could
     * become the contact, else a name that is nobody's (`changeContact:exampleName`); never a person of another account.
     */
    private async exampleName(context: TurnContext, options: ReviewOptions): Promise<string> {
        const requester = turnInfo(context).profile.identity?.userId;
        const others = this.candidates(await this.services.accounts.members(options.accountId)).filter((m) => m.user.id !== options.newContact.userId && m.user.name !== options.newContact.name);
        const example = others.find((m) => m.user.id !== requester) ?? others[0];
        return example?.user.name ?? turnInfo(context).t('changeContact:exampleName');
    }

    private async askNameStep(step: WaterfallStepContext<NewPersonOptions>): Promise<DialogTurnResult> {
        if (step.options.name) {
            return step.next({ text: step.options.name } satisfies TextInput);
        }
        return step.prompt(PromptIds.name, { ...localized({ text: { key: 'changeContact:askName' }, retryText: { key: 'changeContact:askNameRetry' }, closingNote: 'changeContact:notFiled' }), validations: { notNames: step.options.account ? [step.options.account] : [] } });
    }

    private async askEmailStep(step: WaterfallStepContext<NewPersonOptions>): Promise<DialogTurnResult> {
        const { t, lang } = turnInfo(step.context);
        // "Peter Krause, peter.krause@bergmann-soehne": the name and the address, each taken from the one message.
        const typed = (step.result as TextInput).text;
        const name = typedName(typed, t);
        stepValues<{ name: string }>(step).name = name;
        const email = step.options.email ?? findEmail(typed, lang);
        // "Eva Schulz" after "Someone else": a person of the account is that member, whose address the bot has.
        const member = await this.knownMember(step.context, name, email);
        if (member) {
            return step.endDialog({ userId: member.user.id, name: member.user.name } satisfies NewContact);
        }
        if (email) {
            return step.next(email);
        }
        const partial = /\S*@\S*/.exec(typed)?.[0]?.replace(/[.,;:!?]+$/, '');
        const retryText = { key: 'changeContact:askEmailRetry' };
        stepValues<{ addressAsked: boolean }>(step).addressAsked = true;
        if (partial) {
            // An address without its ending: said so, and the whole address asked for.
            return step.prompt(PromptIds.newPersonEmail, { ...localized({ text: { key: 'changeContact:askEmailIncomplete', args: { name, address: partial } }, retryText }), validations: { name } });
        }
        const text = step.options.askAgain ?? { key: 'changeContact:askEmail', args: { name } };
        return step.prompt(PromptIds.newPersonEmail, { ...localized({ text, retryText, closingNote: 'changeContact:notFiled' }), validations: { name } });
    }

    private async newPersonDoneStep(step: WaterfallStepContext<NewPersonOptions>): Promise<DialogTurnResult> {
        const name = stepValues<{ name: string }>(step).name ?? '';
        if (typeof step.result !== 'string') {
            const text = submittedText(step.context.activity) ?? '';
            const again = (askAgain: LocalizedText): Promise<DialogTurnResult> => step.replaceDialog(DialogIds.changeContactNewPerson, { ...step.options, name, email: undefined, askAgain } satisfies NewPersonOptions);
            // "nein, stattdessen bitte mich selbst", "doch lieber Lea Fischer": the member named is the new contact; one who already is a contact is said to be.
            const named = await this.memberNamed(step.context, text, correcting(text, turnInfo(step.context).t));
            if (named?.member.isBillingContact) {
                return again({ key: named.self ? 'changeContact:alreadyContactSelfAskEmail' : 'changeContact:alreadyContactAskEmail', args: { name: named.member.user.name, newName: name } });
            }
            if (named) {
                return step.endDialog({ userId: named.member.user.id, name: named.member.user.name } satisfies NewContact);
            }
            // The name written anew at the address question ("nein, lieber peter schmidt"): taken, and the address asked for the right name.
            const { t } = turnInfo(step.context);
            const corrected = writtenAnew(text, name, t) ?? (correcting(text, t) ? nameAfterCorrection(text, t) : undefined);
            if (corrected === undefined && yesNoAnswer(step.context, text, 'whole') !== undefined) {
                // "ja": no address; what is needed said once more, in other words.
                return again({ key: 'changeContact:askEmailNeeded', args: { name } });
            }
            // A question asked again in words of the old name ("Max Mustermann ist kein Mitglied …") is not asked for the new one.
            return step.replaceDialog(DialogIds.changeContactNewPerson, { ...step.options, name: corrected ?? name, email: undefined, askAgain: corrected === undefined ? step.options.askAgain : undefined } satisfies NewPersonOptions);
        }
        const email = step.result;
        // "she left last month, it's lea.fischer@…": the address, and the reason told with it.
        const identity = turnInfo(step.context).profile.identity;
        const said = stepValues<{ addressAsked?: boolean }>(step).addressAsked ? submittedText(step.context.activity) ?? '' : '';
        const members = said !== '' && identity?.accountId ? await this.services.accounts.members(identity.accountId) : [];
        const reason = said === '' ? undefined : reasonInRequest(said, turnInfo(step.context).t, [...members.map((m) => m.user.name), name]);
        const member = await this.knownMember(step.context, name, email);
        const person = member ? { userId: member.user.id, name: member.user.name } : { name, email };
        return step.endDialog({ ...person, ...(reason !== undefined ? { reason } : {}) } satisfies NewPerson);
    }

    /** Only admins may ask: says so, names the admins (never their emails), offers the other ways. */
    private async refuseNonAdmin(context: TurnContext, account: Account, members: readonly Member[], me: Member): Promise<TaskResult> {
        const { t } = turnInfo(context);
        const admins = members.filter((m) => m.isAdmin).map((m) => m.user.name);
        // A billing contact is the one such an email would reach, so it is offered only to others; nor is a mail sent in this conversation offered again.
        const contacts = members.filter((m) => m.isBillingContact).map((m) => m.user.id);
        const canEmail = !me.isBillingContact && contacts.length > 0 && !emailedAll(context, contacts);
        recordAction(context, 'change-request-refused', 'not an admin');
        if (admins.length === 0) {
            await context.sendActivity(t('changeContact:adminsOnlyNoAdmins', { account: account.name }));
            return offerNext({ key: 'changeContact:otherWays' }, ['talk-to-human', 'thanks']);
        }
        await context.sendActivity(t('changeContact:adminsOnly', { account: account.name, names: this.list(context, admins), count: admins.length }));
        return offerNext({ key: 'changeContact:otherWays' }, canEmail ? ['email-billing-admin', 'talk-to-human', 'thanks'] : ['talk-to-human', 'thanks']);
    }

    /**
     * The member of the verified person's account an answer names as the new contact ({@link memberNamedAsContact}), with
     * whether it is the person themselves; by a first name only where `byFirstName` ("klaus" at the choice, "doch lieber lea").
     */
    private async memberNamed(context: TurnContext, text: string, byFirstName: boolean): Promise<{ readonly member: Member; readonly self: boolean } | undefined> {
        const identity = turnInfo(context).profile.identity;
        const members = identity?.accountId ? await this.services.accounts.members(identity.accountId) : [];
        const me = members.find((m) => m.user.id === identity?.userId);
        const member = me && memberNamedAsContact(text, members, me, turnInfo(context).t, byFirstName);
        return member && me ? { member, self: member === me } : undefined;
    }

    /**
     * True when the new contact chosen is a person who already is a billing contact ("Anna Müller" typed, read as someone
     * not listed; "mich selbst" from a billing contact; "klaus"): says so, and that the person may stop.
     */
    private async namesCurrentContact(prompt: PromptValidatorContext<string>): Promise<boolean> {
        const chosen = prompt.recognized.value;
        if (chosen !== undefined && chosen !== SOMEONE_ELSE) {
            return false;
        }
        const named = await this.memberNamed(prompt.context, submittedText(prompt.context.activity) ?? '', true);
        if (!named?.member.isBillingContact) {
            return false;
        }
        const account = await this.services.accounts.get(turnInfo(prompt.context).profile.identity?.accountId ?? '');
        retryWith(prompt.state, { key: named.self ? 'changeContact:alreadyContactSelf' : 'changeContact:alreadyContact', args: { name: named.member.user.name, account: account?.name ?? '' } });
        return true;
    }

    /**
     * True when `text` opens with a correction's first words only ("actually", "no wait": `changeContact:correction.starts`
     * and `.fillers`, up to the first comma or stop) and the rest is a clear cancel ("forget it, don't file anything").
     */
    private async stopsAfterOpening(context: TurnContext, text: string): Promise<boolean> {
        const { t, lang } = turnInfo(context);
        const opening = /^[^,;:.!?–-]*[,;:.!?–-]+/u.exec(text)?.[0] ?? '';
        const openers = new Set([...phraseList(t, 'changeContact:correction.starts'), ...phraseList(t, 'changeContact:correction.fillers')].flatMap(wordsOf));
        const rest = text.slice(opening.length);
        if (wordsOf(opening).length === 0 || !wordsOf(opening).every((word) => openers.has(word)) || wordsOf(rest).length === 0) {
            return false;
        }
        const read = await this.services.recognizer.recognize(rest, lang);
        return read.intent === 'cancel' && read.score >= UNDERSTANDING_POLICY.cancel;
    }

    /** True when the verified person is a billing contact of the account `accountId`. */
    private async isBillingContactThemselves(context: TurnContext, accountId: string): Promise<boolean> {
        const userId = turnInfo(context).profile.identity?.userId;
        return (await this.services.accounts.members(accountId)).some((m) => m.user.id === userId && m.isBillingContact);
    }

    /** The member of the verified person's account whose full name `name` is ({@link memberOfFullName}). */
    private async memberOfFullName(context: TurnContext, name: string): Promise<Member | undefined> {
        const accountId = turnInfo(context).profile.identity?.accountId;
        return accountId ? memberOfFullName(await this.services.accounts.members(accountId), name) : undefined;
    }

    /**
     * The member of the verified person's account (no other account is looked at) that the new person's name and address
     * given name, when not yet a billing contact: by full name ("Eva Schulz"; another address written with it is another
     * person), or by their address with a name that fits it ("Lea", lea.fischer@…). Its names are those the choice shows.
     */
    private async knownMember(context: TurnContext, name: string, email: string | undefined): Promise<Member | undefined> {
        const accountId = turnInfo(context).profile.identity?.accountId;
        const members = accountId ? await this.services.accounts.members(accountId) : [];
        const byName = memberOfFullName(members, name);
        const byAddress = email === undefined ? undefined : members.find((m) => m.user.email.toLowerCase() === email.toLowerCase());
        const member = byName && (email === undefined || byName === byAddress) ? byName : byAddress && namesPartly(name, byAddress.user.name) ? byAddress : undefined;
        return member?.isBillingContact ? undefined : member;
    }

    /** At the new person's name, a current billing contact by full name ("Anna Müller"): says they already are one; the name is asked again. */
    private async namesContactAsNewPerson(prompt: PromptValidatorContext<TextInput>): Promise<boolean> {
        const member = await this.memberOfFullName(prompt.context, typedName(prompt.recognized.value?.text ?? '', turnInfo(prompt.context).t));
        if (!member?.isBillingContact) {
            return false;
        }
        const self = member.user.id === turnInfo(prompt.context).profile.identity?.userId;
        retryWith(prompt.state, { key: self ? 'changeContact:alreadyContactSelfAskName' : 'changeContact:alreadyContactAskName', args: { name: member.user.name } });
        return true;
    }

    /**
     * At the choice of the new contact, a correction that names a person who is no member of the account ("nein, lieber Max
     * Mustermann", "no, rather John Smith"): chosen as "someone else", whom the next step asks the address of.
     */
    private async namesNonMember(prompt: PromptValidatorContext<string>): Promise<boolean> {
        const { t } = turnInfo(prompt.context);
        const text = submittedText(prompt.context.activity) ?? '';
        const accountId = turnInfo(prompt.context).profile.identity?.accountId;
        if (!correcting(text, t) || !accountId) {
            return false;
        }
        const members = await this.services.accounts.members(accountId);
        const account = await this.services.accounts.get(accountId);
        const name = newPersonNamed(text, '', findEmail(text, turnInfo(prompt.context).lang), members, t);
        if (name === undefined || phraseOf(name) === phraseOf(account?.name ?? '')) {
            return false;
        }
        prompt.recognized.value = SOMEONE_ELSE;
        return true;
    }

    /** True when an answer at the new person's address gives none but says something the next step reads: a bare yes or no, a member named instead. */
    private async answersWithoutAddress(context: TurnContext): Promise<boolean> {
        const text = submittedText(context.activity) ?? '';
        return yesNoAnswer(context, text, 'whole') !== undefined || (await this.memberNamed(context, text, correcting(text, turnInfo(context).t))) !== undefined;
    }

    /** At whom the new contact replaces, an answer that chooses nobody ("beide", "the one in accounting"): says why; always false (the choice is asked again). */
    private async notReplacing(prompt: PromptValidatorContext<string>): Promise<boolean> {
        const { t } = turnInfo(prompt.context);
        const said = replacesWords(submittedText(prompt.context.activity) ?? '', t);
        const asked = prompt.options.validations as { name?: string; contacts?: string[] } | undefined;
        if (said && asked?.name !== undefined) {
            retryWith(prompt.state, { key: said === 'both' ? 'changeContact:replacesBoth' : 'changeContact:replacesUnplaced', args: { name: asked.name, contacts: asked.contacts ?? [] } });
        }
        return false;
    }

    /** Members who could become the billing contact: not one already, the requester included. */
    private candidates(members: readonly Member[]): Member[] {
        return members.filter((m) => !m.isBillingContact).slice(0, MAX_MEMBER_BUTTONS);
    }

    /** "ok. Sarah takes over finance from January", "ja, aber der Grund ist: …": the yes in front of a reason is no part of it. */
    private withoutYes(context: TurnContext, typed: string): string {
        const lead = leadingAnswer(context, typed);
        return lead?.value === true && wordsOf(lead.rest).length >= MIN_REASON_AFTER_YES ? lead.rest : typed;
    }

    /**
     * The reason in a yes at the summary that says more than yes ("ok. Anna geht zum Jahresende in Rente"): the words after
     * the yes, when they are a sentence of their own and no word of filing or approval (`changeContact:fileWords`:
     * "yes, please file it", "ja, passt so") stands in them; undefined otherwise.
     */
    private reasonAfterYes(context: TurnContext, text: string): string | undefined {
        const { t } = turnInfo(context);
        const lead = leadingAnswer(context, text);
        if (lead?.value !== true || wordsOf(lead.rest).length < MIN_REASON_AFTER_YES || containsPhrase(lead.rest, phraseList(t, 'changeContact:fileWords'))) {
            return undefined;
        }
        return this.asReason(context, lead.rest);
    }

    /**
     * A new reason typed at the summary without a lead-in ("Peter left the company", "Anna geht Ende des Monats in Rente"):
     * a statement of at least `MIN_REASON_AFTER_YES` words, two of them not capitalised (no name alone: "Tom Hughes bitte"),
     * with no yes or no in front, no address, no question, no correction, no word of filing and no never-mind (`common:neverMind`).
     */
    private plainReason(context: TurnContext, text: string): string | undefined {
        const { t, lang } = turnInfo(context);
        const said = text.trim();
        const words = said.split(/\s+/u).filter((word) => /\p{L}/u.test(word));
        const plain = words.filter((word) => !/^\p{Lu}/u.test(word));
        if (words.length < MIN_REASON_AFTER_YES || plain.length < 2 || askedOfTheBot(said, t) || findEmail(said, lang) !== undefined || leadingAnswer(context, said) !== undefined) {
            return undefined;
        }
        if (correcting(said, t) || namesReplacement(said, t) || containsPhrase(said, phraseList(t, 'changeContact:fileWords')) || containsPhrase(said, phraseList(t, 'common:neverMind'))) {
            return undefined;
        }
        return this.asReason(context, said);
    }

    /** `text` as a reason written anew at the summary: without its lead-in, capitalised; undefined when it gives no reason. */
    private asReason(context: TurnContext, text: string): string | undefined {
        const { t, lang } = turnInfo(context);
        const reason = clauseAsReason(withoutLeadIn(text, t), t, lang);
        return this.noReason(context, reason) ? undefined : reason.charAt(0).toLocaleUpperCase() + reason.slice(1);
    }

    /** True when `text` gives no reason: empty, a bare yes or no, "ok", "danke", "thanks", "looks good", also after a yes or no ("Ja, so passt es"). */
    private noReason(context: TurnContext, text: string): boolean {
        const said = phraseOf(text);
        const notReasons = phraseList(turnInfo(context).t, 'changeContact:notAReason');
        const rest = leadingAnswer(context, text)?.rest;
        return (
            said === '' ||
            yesNoAnswer(context, text, 'whole') !== undefined ||
            notReasons.includes(said) ||
            (rest !== undefined && notReasons.includes(phraseOf(rest))) ||
            asksOnlyToFile(turnInfo(context).t, text)
        );
    }

    /** The summary's line on whom the new contact replaces (with its line break), empty with fewer than two current contacts. */
    private replacesLine(context: TurnContext, options: ReviewOptions): string {
        const { t } = turnInfo(context);
        if (options.replaces === ALONGSIDE) {
            return `\n${t('changeContact:summaryAlongside', { name: options.newContact.name })}`;
        }
        const kept = keptAlone(options);
        if (kept) {
            return `\n${t('changeContact:summaryKeeps', { removed: kept.name, name: options.newContact.name })}`;
        }
        const replaced = options.currentContacts.find((c) => c.id === options.replaces);
        return replaced ? `\n${t('changeContact:summaryReplaces', { name: replaced.name })}` : '';
    }

    /** The current billing contacts' names joined in the turn's language, or "nobody". */
    private currentNames(context: TurnContext, names: readonly string[]): string {
        return this.list(context, names) || turnInfo(context).t('changeContact:nobody');
    }

    /**
     * The new contact a correction in the turn's message names, when it is one
     * (see {@link correcting}): another member by full name, or for a new
     * person a name or an address written anew. Undefined when it corrects nothing.
     */
    private async correctionIn(context: TurnContext, accountId: string, current: NewContact): Promise<NewContact | undefined> {
        const text = submittedText(context.activity) ?? '';
        const { t, lang } = turnInfo(context);
        const candidates = this.candidates(await this.services.accounts.members(accountId));
        // "nein, nicht lea, stattdessen jonas", "actually make it sarah lee": a short correction names the member by first name too.
        const short = memberInShortCorrection(text, candidates.filter((m) => m.user.id !== current.userId), t);
        if (short) {
            return { userId: short.user.id, name: short.user.name };
        }
        if (!correcting(text, t)) {
            return undefined;
        }
        const named = namedMember(candidates, text) ?? (namesOneselfInCorrection(text, t) ? candidates.find((m) => m.user.id === turnInfo(context).profile.identity?.userId) : undefined);
        if (named) {
            return named.user.id === current.userId ? undefined : { userId: named.user.id, name: named.user.name };
        }
        const email = findEmail(text, lang);
        if (current.userId !== undefined) {
            // "no, instead make it a new person: Jane Doe, jane.doe@…": a person who is no member replaces the member chosen.
            const members = await this.services.accounts.members(accountId);
            const member = email === undefined ? undefined : members.find((m) => m.user.email.toLowerCase() === email.toLowerCase());
            if (member) {
                // "ne, falsche Adresse, jonas.weber@…" from Jonas himself names nobody new: what can be corrected is said.
                const own = member.user.id === turnInfo(context).profile.identity?.userId;
                return member.isBillingContact || own || member.user.id === current.userId ? undefined : { userId: member.user.id, name: member.user.name };
            }
            const name = newPersonNamed(text, current.name, email, members, t);
            return name === undefined ? undefined : { name, ...(email !== undefined ? { email } : {}) };
        }
        // "no that's wrong, should be john miller (john.miller@…)": a name in small letters beside its address names another person.
        const name = writtenAnew(text, current.name, t) ?? (email !== undefined ? spokenNameOf(text, email, t) : undefined);
        return email || name ? { ...current, name: name ?? current.name, email: email ?? current.email } : undefined;
    }

    private list(context: TurnContext, items: readonly string[]): string {
        return conjunctionList(turnInfo(context).lang).format(items);
    }
}

/**
 * The one address in a request that is not the requester's own ("make anna the billing contact,
 * anna.k@…"): a member's, who is then named, or a new person's. Undefined without such an address,
 * or with several.
 */
function addressedInRequest(text: string, members: readonly Member[], me: Member, lang: Lang): { readonly member?: Member; readonly email?: string } | undefined {
    const others = [...new Set(findEmails(text, lang).map((email) => email.toLowerCase()))].filter((email) => email !== me.user.email.toLowerCase());
    if (others.length !== 1) {
        return undefined;
    }
    const member = members.find((m) => m.user.email.toLowerCase() === others[0]);
    return member ? { member } : { email: others[0] };
}

/**
 * The new person's name in a request that gives their address: the one full name written with capitals
 * that is no member's ("Lea Fischer, lea@…"), else the words that begin the address ("make anna …,
 * anna.k@…" → "Anna"); undefined when neither is there (the name is then asked).
 */
function nameOfAddress(text: string, email: string, members: readonly Member[], me: Member, t: TFunction): string | undefined {
    const plain = withoutIntroduction(text.replace(/\S*@\S*/g, ' '), me, t);
    const memberNames = new Set(members.map((m) => phraseOf(m.user.name)));
    // "… an jemand Neues übergeben: Julia Schmidt, julia.schmidt@…": among several written names, the one in the clause right before the address.
    const before = text.slice(0, Math.max(0, text.toLowerCase().indexOf(email.toLowerCase()))).split(/[:;]/).at(-1) ?? '';
    const written = writtenAnew(text.replace(/\S*@\S*/g, ' '), '', t) ?? writtenAnew(before.replace(/\S*@\S*/g, ' '), '', t);
    if (written && !memberNames.has(phraseOf(written)) && phraseOf(plain).includes(phraseOf(written))) {
        return written;
    }
    // "neuer kontakt soll max mustermann sein, max@firma.de": the words around the address's part, written without capitals.
    const spoken = spokenNameOf(plain, email, t, text);
    if (spoken && !memberNames.has(phraseOf(spoken))) {
        return spoken;
    }
    // The address's parts ("anna", "k") that the request also says, in the address's order.
    const said = new Set(wordsOf(plain));
    const parts = (email.split('@')[0] ?? '').split(/[._-]+/).filter((part) => part.length >= 2 && said.has(part.toLowerCase()) && mayBeName(part, t));
    return parts.length > 0 ? parts.map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase()).join(' ') : undefined;
}

/**
 * The reason and the address of the sentences after it that give one ("he left the company; My email is …", "Sie hat
 * übernommen. Ihre Adresse: …"); undefined when no later sentence holds an address or nothing else is left.
 */
function addressAfterReason(text: string, lang: Lang): { reason: string; email: string } | undefined {
    const sentences = sentencesOf(text);
    const reason = sentences.filter((sentence, index) => index === 0 || !findEmail(sentence, lang));
    const email = sentences.slice(1).map((sentence) => findEmail(sentence, lang)).find((found) => found !== undefined);
    const kept = reason.join(' ').replace(/[;,]+$/, '').trim();
    return email && kept !== '' && !findEmail(kept, lang) ? { reason: kept, email } : undefined;
}

/** True when `typed` gives a member's first or last name as its own ("Lea", "Lea Fisher", "Frau Fischer" for Lea Fischer). */
function namesPartly(typed: string, name: string): boolean {
    const words = wordsOf(folded(typed));
    const own = wordsOf(folded(name));
    return words.length > 0 && (words[0] === own[0] || words.at(-1) === own.at(-1));
}

/** The name typed at the new person's name question, without an address, courtesies and a title ("Frau Eva Schulz, bitte" → "Eva Schulz"). */
function typedName(typed: string, t: TFunction): string {
    // "no wait, instead a new person: Bob Stone", "nope, jane doe": the name the correction gives, without its words.
    const corrected = correcting(typed, t) ? (writtenAnew(typed, '', t) ?? nameInCorrection(typed, t)) : undefined;
    if (corrected !== undefined) {
        return withoutTitle(corrected, t);
    }
    return withoutTitle(withoutCourtesies(typed.replace(/\S*@\S*/g, ' ').replace(/[,;:]+/g, ' ').trim().replace(/\s+/g, ' '), t), t);
}

/** `text` without the courtesies before or after it (`changeContact:courtesies`: "Petra Klein please", "Bitte Petra Klein, danke"): no part of a name. */
function withoutCourtesies(text: string, t: TFunction): string {
    const courtesies = phraseList(t, 'changeContact:courtesies');
    const words = text.split(/\s+/).filter((word) => word !== '');
    const said = (from: number, to: number): string => phraseOf(words.slice(from, to).join(' '));
    for (let trimmed = true; trimmed && words.length > 1; ) {
        trimmed = false;
        for (const size of [2, 1]) {
            if (words.length > size && courtesies.includes(said(words.length - size, words.length))) {
                words.splice(words.length - size, size);
                trimmed = true;
                break;
            }
            if (words.length > size && courtesies.includes(said(0, size))) {
                words.splice(0, size);
                trimmed = true;
                break;
            }
        }
    }
    return words.join(' ').replace(/[.!,;]+$/, '');
}

/** "Herrn Peter Krause" → "Peter Krause": the titles of `changeContact:titles` taken off the front. */
function withoutTitle(name: string, t: TFunction): string {
    const titles = phraseList(t, 'changeContact:titles');
    const words = name.split(' ');
    while (words.length > 1 && titles.includes(phraseOf(words[0]))) {
        words.shift();
    }
    return withoutJobTitle(words, t).join(' ');
}

/** The new person's name written anew at the question for their address ("sorry, her name is spelled Priya Nayar, not Nair"), if it is. */
function respelled(prompt: PromptValidatorContext<string>): string | undefined {
    const { t } = turnInfo(prompt.context);
    const text = submittedText(prompt.context.activity) ?? '';
    const name = (prompt.options.validations as { name?: string } | undefined)?.name ?? '';
    return correcting(text, t) ? writtenAnew(text, name, t) : undefined;
}

/**
 * The name of a person who is no member of the account, given in a correction instead of `old` ("no, instead make it a new
 * person: Jane Doe", "nee, lieber max mustermann, max@…"): written with capitals, or in small letters next to `email` or
 * after the words of correction; without a title, of two words at least. No member's name (a reason that names the
 * current contact, "nein, Anna Müller geht in Rente", names no new person).
 */
function newPersonNamed(text: string, old: string, email: string | undefined, members: readonly Member[], t: TFunction): string | undefined {
    const said = writtenAnew(text, old, t) ?? (email !== undefined ? spokenNameOf(text, email, t) : nameInCorrection(text, t));
    const name = said === undefined ? undefined : withoutTitle(said, t);
    if (name === undefined || wordsOf(name).length < 2 || phraseOf(name) === phraseOf(old)) {
        return undefined;
    }
    return members.some((m) => phraseOf(folded(m.user.name)) === phraseOf(folded(name))) ? undefined : name;
}

/**
 * The name a correction gives in small letters ("nope, jane doe", "nein, lieber max mustermann"), when none of its words is
 * one a name never has here (`changeContact:notNameWords`: "no i meant someone new" names nobody).
 */
function nameInCorrection(text: string, t: TFunction): string | undefined {
    const name = nameAfterCorrection(text.replace(/\S*@\S*/g, ' '), t);
    const never = new Set(phraseList(t, 'changeContact:notNameWords'));
    return name !== undefined && !wordsOf(name).some((word) => never.has(word)) ? name : undefined;
}

/**
 * True when `text` is a correction that names a person by a full name written with capitals ("nein warte, stattdessen eine
 * neue Person: Bernd Bauer"); small letters are not enough ("nein, einen mitarbeiter" asks for customer service).
 */
function namesPersonInCorrection(text: string, t: TFunction): boolean {
    return correcting(text, t) && writtenAnew(text, '', t) !== undefined;
}

/** A person's name: 2 to 100 characters with at least one letter and no link in it; an address given with it is not part of it. */
function isPersonName(prompt: PromptValidatorContext<TextInput>): boolean {
    const text = typedName(prompt.recognized.value?.text ?? '', turnInfo(prompt.context).t);
    // "Taylor Consulting": the account's name names no person.
    const notNames = ((prompt.options.validations as { notNames?: readonly string[] } | undefined)?.notNames ?? []).map(phraseOf);
    return text.length >= 2 && text.length <= 100 && /\p{L}/u.test(text) && !/[@<>/\\]|https?:/i.test(text) && mayBeName(text, turnInfo(prompt.context).t) && !notNames.includes(phraseOf(text));
}


/**
 * The new person's name in what was typed at the choice of the new contact:
 * the one full name written with capitals ("instead a new person: Linda Park,
 * linda.park@…"), else the whole answer when it is short and holds no address
 * ("eva schulz"); undefined otherwise (the name is then asked).
 */
function nameTyped(text: string, t: TFunction): string | undefined {
    const written = writtenAnew(text, '', t);
    if (written) {
        return written;
    }
    const plain = text.trim();
    const email = /\S+@\S+/.exec(plain)?.[0];
    if (email) {
        // "neuer kontakt soll max mustermann sein, max@firma.de": the name said with its address.
        return spokenNameOf(plain.replace(/\S*@\S*/g, ' '), email, t, plain);
    }
    return wordsOf(plain).length <= MAX_NAME_WORDS && mayBeName(plain, t) ? plain : undefined;
}

/**
 * A name written without capitals next to its address ("max mustermann", "max@firma.de"): the word
 * that is a part of the address's local part, with the neighbouring words that may be a name (none of
 * `common:nonNameWords`, `changeContact:correction.fillers`, `changeContact:notNameWords`), two to
 * {@link MAX_NAME_WORDS} words, capitalized.
 */
function spokenNameOf(text: string, email: string, t: TFunction, written: string = text): string | undefined {
    const parts = new Set((email.split('@')[0] ?? '').toLowerCase().split(/[._+-]+/).filter((part) => part.length >= 2));
    const stop = new Set([...phraseList(t, 'common:nonNameWords'), ...phraseList(t, 'changeContact:correction.fillers'), ...phraseList(t, 'changeContact:notNameWords')]);
    const words = wordsOf(text.replace(/\S*@\S*/g, ' '));
    const at = words.findIndex((word) => parts.has(word) && !stop.has(word));
    if (at < 0) {
        return undefined;
    }
    const nameWord = (word: string | undefined): boolean => word !== undefined && /^\p{L}[\p{L}'’-]+$/u.test(word) && !stop.has(word);
    let from = at;
    let to = at + 1;
    // "to my colleague Jane Doe, jane.doe@…, effective July 1": a name ends where the written message has a comma or a sentence's end.
    const breaks = clauseBreaks(written);
    while (to - from < MAX_NAME_WORDS && nameWord(words[to]) && !breaks.has(`${words[to - 1]} ${words[to]}`)) {
        to++;
    }
    while (to - from < MAX_NAME_WORDS && nameWord(words[from - 1]) && !breaks.has(`${words[from - 1]} ${words[from]}`)) {
        from--;
    }
    const name = words.slice(from, to);
    return name.length >= 2 ? name.map((word) => word.charAt(0).toLocaleUpperCase() + word.slice(1)).join(' ') : undefined;
}

/** The pairs of words ("doe effective") that a comma, a colon or a sentence's end stands between in `text` (an address counts as a comma). */
function clauseBreaks(text: string): Set<string> {
    const clauses = text
        .replace(/\S*@\S*/g, ',')
        .split(/[,;:!?()]|\.(?=\s|$)/u)
        .map((clause) => wordsOf(clause))
        .filter((words) => words.length > 0);
    return new Set(clauses.slice(1).map((words, index) => `${clauses[index].at(-1)} ${words[0]}`));
}

/** True when `reason` names someone by a word of `old` that `now` does not have ("Tom knows the invoices", Tom Hughes → Sarah Lee). */
function namesOtherThan(reason: string, old: string, now: string): boolean {
    const said = new Set(wordsOf(reason));
    const kept = new Set(wordsOf(now));
    return wordsOf(old).some((word) => said.has(word) && !kept.has(word));
}

/**
 * At whom the new contact replaces, a correction that names another person as the new contact ("nein, doch nicht ich,
 * sondern Peter Krause"): chosen as {@link INSTEAD} and the name. No current contact's name is such a person.
 */
function newContactInstead(prompt: PromptValidatorContext<string>): boolean {
    const { t } = turnInfo(prompt.context);
    const text = submittedText(prompt.context.activity) ?? '';
    const asked = prompt.options.validations as { name?: string; contacts?: string[] } | undefined;
    const name = correcting(text, t) ? writtenAnew(text, asked?.name ?? '', t) : undefined;
    if (name === undefined || (asked?.contacts ?? []).some((contact) => contact.startsWith(`${name} (`) || contact === name)) {
        return false;
    }
    prompt.recognized.value = `${INSTEAD}${name}`;
    return true;
}

/** True when `text` is an email address and nothing more (no reason words). */
function addressOnly(text: string, lang: Lang): boolean {
    const email = findEmail(text, lang);
    return email !== undefined && !/\p{L}{2,}/u.test(text.replace(/\S*@\S*/g, ' '));
}

/** The fewest words a reason after a yes needs to be one ("ok. Sarah takes over"); "ok danke" is none. */
const MIN_REASON_AFTER_YES = 3;

/** The fewest words of a reason written anew at the summary ("der Grund ist: …"). */
const REASON_WORDS_MIN = 2;

/** The reason after `changeContact:correction.reasonStarts` ("the reason is …", "Grund: …"), when the message gives one. */
function reasonWrittenAnew(text: string, t: TFunction, lang: Lang): string | undefined {
    const lower = text.toLowerCase();
    for (const start of phraseList(t, 'changeContact:correction.reasonStarts')) {
        const at = lower.indexOf(start);
        if (at >= 0 && (at === 0 || /[\s,.;:!?–-]/.test(lower[at - 1]))) {
            const rest = reasonClause(text.slice(at + start.length).replace(/^[\s:,.–-]+/, '').trim(), t, lang);
            if (wordsOf(rest).length >= REASON_WORDS_MIN && rest.length <= MAX_REASON_LENGTH) {
                return rest;
            }
        }
    }
    return undefined;
}

/**
 * A reason as written after its lead-in, without the pauses before it ("übrigens", "btw";
 * `common:interjections`, `common:sideQuestion.heard.pauses`) and the word that opens it as a clause
 * (`changeContact:correction.reasonClauseMarkers`: "that", "dass"): "übrigens, dass sie in Elternzeit
 * geht" → "Sie geht in Elternzeit" (a German clause, whose verb stands last, set as a sentence where its verb is certain).
 */
function reasonClause(text: string, t: TFunction, lang: Lang): string {
    const markers = phraseList(t, 'changeContact:correction.reasonClauseMarkers');
    const paused = pausesAtStart(text, t);
    let rest = paused > 0 ? afterWordsOf(text, paused) : text;
    const marker = markers.find((one) => wordsOf(rest)[0] === one);
    if (marker !== undefined && wordsOf(rest).length > 1) {
        const clause = afterWordsOf(rest, 1);
        rest = (lang === 'de' ? clauseAsSentence(clause, 'dass', phraseList(t, 'changeContact:titles')) : undefined) ?? clause;
    }
    return rest.charAt(0).toLocaleUpperCase() + rest.slice(1);
}

/** A reason typed as a clause ("Dass Herr Bergmann in Rente geht", "that she took over") as {@link reasonClause} sets it; any other as written. */
function clauseAsReason(text: string, t: TFunction, lang: Lang): string {
    const opens = phraseList(t, 'changeContact:correction.reasonClauseMarkers').includes(wordsOf(text)[0] ?? '');
    return opens && wordsOf(text).length > 1 ? reasonClause(text, t, lang) : text;
}

/** `text` after its first `count` words and the punctuation after them. */
function afterWordsOf(text: string, count: number): string {
    const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
    const last = words[count - 1];
    return last === undefined ? text : text.slice((last.index ?? 0) + last[0].length).replace(/^[\s,.;:!?–-]+/u, '').trim();
}

/**
 * Whom the words say the new contact replaces: the one current contact named by full name, or by a
 * first name only one of them has ("replace Maria"), or {@link ALONGSIDE} for "zusätzlich", "in addition".
 * The requester's own name is not read as an answer where they may just introduce themselves.
 */
function replacedIn(text: string, current: readonly ContactSnapshot[], newContact: NewContact, requesterId: string | undefined, t: TFunction): string | undefined {
    const said = ` ${wordsOf(text.replace(/\S+@\S+/g, ' ')).join(' ')} `;
    // "klaus soll ersetzt werden, nicht maria": the one ruled out is not chosen, nor counted against the other.
    const others = current.filter((c) => c.id !== requesterId && c.id !== newContact.userId && !namedAsNot(text, c.name, t));
    const byFullName = others.filter((c) => said.includes(` ${wordsOf(c.name).join(' ')} `));
    if (byFullName.length === 1) {
        return byFullName[0].id;
    }
    const words = new Set(wordsOf(text));
    const newWords = new Set(wordsOf(newContact.name));
    const byFirstName = others.filter((c) => {
        const first = wordsOf(c.name)[0] ?? '';
        return words.has(first) && !newWords.has(first) && current.filter((o) => wordsOf(o.name)[0] === first).length === 1;
    });
    if (byFullName.length === 0 && byFirstName.length === 1) {
        return byFirstName[0].id;
    }
    if (phraseList(t, 'changeContact:synonyms.alongside').some((phrase) => said.includes(` ${phrase} `))) {
        return ALONGSIDE;
    }
    // "Ich bin nicht mehr zuständig, ab sofort macht Eva das", "eva soll statt mir abrechnungskontakt werden": the writer, one of
    // the contacts, gives the role up to the new one.
    const writer = current.find((c) => c.id === requesterId && c.id !== newContact.userId);
    const givesUp = [...phraseList(t, 'main:appointmentWords.selfStepsDown'), ...phraseList(t, 'changeContact:insteadOfMe')];
    return writer !== undefined && containsPhrase(text, givesUp) ? writer.id : undefined;
}

/**
 * "klaus soll raus, nur noch maria", "remove Klaus, Maria stays", "Maria entfernen, Klaus bleibt": of two current
 * billing contacts, the one named in a clause that removes (`main:removalWords.remove`, `.out`) and the other, named
 * in a clause that keeps (`.stays`), or the one not removed. Undefined unless exactly that is said.
 */
function removedAndKept(text: string, contacts: readonly ContactSnapshot[], t: TFunction): { readonly removed: ContactSnapshot; readonly stays: ContactSnapshot } | undefined {
    if (contacts.length !== 2) {
        return undefined;
    }
    const list = (key: string): readonly string[] => phraseList(t, `main:removalWords.${key}`);
    // Clauses at punctuation and at the words that join requests ("Maria raus und Klaus bleibt").
    const joiners = new Set(phraseList(t, 'main:requestJoiners'));
    const clauses = text.split(/[,;.!?\n]+/u).flatMap((part) => splitAtJoiners(wordsOf(part), joiners));
    const removing = [...list('remove'), ...list('out')];
    if (!clauses.some((clause) => hasWords(clause, list('stays'))) || !clauses.some((clause) => hasWords(clause, removing))) {
        return undefined;
    }
    const named = (clause: string): ContactSnapshot[] => contacts.filter((c) => hasWords(clause, [phraseOf(c.name), wordsOf(c.name)[0] ?? '']));
    const removedIn = clauses.filter((clause) => hasWords(clause, removing) && !hasWords(clause, list('stays'))).flatMap(named);
    const keptIn = clauses.filter((clause) => hasWords(clause, list('stays'))).flatMap(named);
    const removed = new Set(removedIn.map((c) => c.id));
    const kept = new Set(keptIn.map((c) => c.id));
    const [first, second] = contacts;
    const other = (c: ContactSnapshot): ContactSnapshot => (c === first ? second : first);
    if (removed.size === 1 && !kept.has([...removed][0])) {
        const gone = contacts.find((c) => removed.has(c.id)) as ContactSnapshot;
        return { removed: gone, stays: other(gone) };
    }
    if (removed.size === 0 && kept.size === 1) {
        const stays = contacts.find((c) => kept.has(c.id)) as ContactSnapshot;
        return { removed: other(stays), stays };
    }
    return undefined;
}

/**
 * "Ich bin nicht mehr für die Abrechnung zuständig, bitte tragen Sie mich aus" from one of two billing contacts
 * (`main:appointmentWords.selfStepsDown`): the writer goes and the other stays, as "remove Klaus, Maria stays" says.
 * Undefined when the words name anyone of the account but the two (a successor is meant), or the writer is no contact.
 */
function writerStepsDown(text: string, contacts: readonly ContactSnapshot[], writerId: string, members: readonly Member[], t: TFunction): { readonly removed: ContactSnapshot; readonly stays: ContactSnapshot } | undefined {
    const removed = contacts.find((c) => c.id === writerId);
    const stays = contacts.find((c) => c.id !== writerId);
    if (contacts.length !== 2 || removed === undefined || stays === undefined || !containsPhrase(text, phraseList(t, 'main:appointmentWords.selfStepsDown'))) {
        return undefined;
    }
    const people = members.map((m) => m.user);
    const said = phraseOf(text);
    const successor = people.some((user) => !contacts.some((c) => c.id === user.id) && namesOf(user, people).some((name) => hasPhrase(said, name)));
    return successor ? undefined : { removed, stays };
}

/**
 * Whom a correction says the new contact replaces: the one removed where one goes and the other stays ("Maria soll raus, Klaus
 * bleibt"), nobody ({@link ALONGSIDE}) for "zusätzlich, Maria soll bleiben", else the one contact named ("nicht Maria, Klaus").
 */
function replacementIn(text: string, options: ReviewOptions, t: TFunction): string | undefined {
    const goes = removedAndKept(text, options.currentContacts, t);
    if (goes !== undefined) {
        return goes.removed.id;
    }
    const said = ` ${wordsOf(text).join(' ')} `;
    if (phraseList(t, 'changeContact:synonyms.alongside').some((phrase) => said.includes(` ${wordsOf(phrase).join(' ')} `))) {
        return ALONGSIDE;
    }
    return replacedIn(text, options.currentContacts, options.newContact, undefined, t);
}

/** The phrases between the words that join requests ("und", "and"). */
function splitAtJoiners(words: readonly string[], joiners: ReadonlySet<string>): string[] {
    const clauses: string[][] = [[]];
    for (const word of words) {
        if (joiners.has(word)) {
            clauses.push([]);
        } else {
            clauses[clauses.length - 1].push(word);
        }
    }
    return clauses.map((clause) => clause.join(' '));
}

function hasWords(clause: string, phrases: readonly string[]): boolean {
    return containsPhrase(clause, phrases.filter((phrase) => phrase !== ''));
}

/** The current contact removed when the new contact is one of the current ones, who stays alone. */
function keptAlone(options: ReviewOptions): ContactSnapshot | undefined {
    const isCurrent = options.currentContacts.some((c) => c.id === options.newContact.userId);
    return isCurrent ? options.currentContacts.find((c) => c.id === options.replaces) : undefined;
}

/** True when a request asks to remove someone (`main:removalWords.remove`: "entfernen", "remove"). */
function removes(text: string, t: TFunction): boolean {
    return containsPhrase(text, phraseList(t, 'main:removalWords.remove'));
}

/** True when a message at the summary speaks of whom the new contact replaces ("Klaus ersetzen", "add her alongside"). */
function namesReplacement(text: string, t: TFunction): boolean {
    return containsPhrase(text, phraseList(t, 'changeContact:replaceWords'));
}

/**
 * The reason without the words that lead into it ("nein, Grund bitte: …", "soll lauten: …",
 * "the reason is …", "make it: …"): `changeContact:reasonLeadIns` taken off the start, with their
 * punctuation, as long as one is there. The whole text when nothing would be left.
 */
function withoutLeadIn(text: string, t: TFunction): string {
    const raw = t('changeContact:reasonLeadIns', { returnObjects: true }) as unknown;
    // Written with their punctuation ("nein," "grund:"): a bare "no" may begin a reason ("No one else does billing").
    const leadIns = (Array.isArray(raw) ? raw.filter((item): item is string => typeof item === 'string') : []).map((item) => item.toLowerCase()).sort((a, b) => b.length - a.length);
    let rest = text.trim();
    for (let changed = true; changed;) {
        changed = false;
        const lower = rest.toLowerCase();
        for (const leadIn of leadIns) {
            const after = lower.slice(leadIn.length);
            if (lower.startsWith(leadIn) && (after === '' || /[,.;:!–-]$/.test(leadIn) || /^[\s,.;:!–-]/.test(after))) {
                rest = rest.slice(leadIn.length).replace(/^[\s,.;:!–-]+/, '');
                changed = true;
                break;
            }
        }
    }
    rest = rest.trim();
    return rest === '' || rest === text.trim() ? text.trim() : rest.charAt(0).toUpperCase() + rest.slice(1);
}

import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type PromptValidatorContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import { recordAction, turnInfo } from '../bot/turn';
import type { Account, Member } from '../data/model';
import type { NewContact } from '../data/repositories/changeRequestRepository';
import type { BotServices } from '../services/botServices';
import { offerNext } from './actions';
import { IdentifyDialog } from './identifyDialog';
import { DialogIds, PromptIds } from './ids';
import { EmailPrompt } from './prompts/emailPrompt';
import { localized, type PromptButton } from './prompts/localizedPrompt';
import { PickPrompt } from './prompts/pickPrompt';
import { TextInputPrompt, type TextInput } from './prompts/textInputPrompt';
import { YesNoPrompt } from './prompts/yesNoPrompt';
import { stepValues } from './stepValues';
import type { ChangeContactOptions, IdentifyOptions, IdentifyResult, TaskResult } from './types';
import { wordsOf } from '../core/words';

/** Longest reason the bot passes on. */
const MAX_REASON_LENGTH = 500;

/** Members offered as buttons; beyond that the person types a new contact. */
const MAX_MEMBER_BUTTONS = 8;

const SOMEONE_ELSE = 'someone-else';

/** What the waterfall keeps between its steps. */
interface ChangeValues {
    identity: IdentifyResult;
    account: Account;
    currentNames: string;
    /** Number of current billing contacts for the plural forms (1 when there is nobody: "it is nobody"). */
    currentCount: number;
    newContact: NewContact;
    reason: string;
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
    public constructor(private readonly services: BotServices) {
        super(DialogIds.changeContact);
        this.addDialog(new IdentifyDialog(services));
        this.addDialog(new PickPrompt(PromptIds.pick));
        this.addDialog(new EmailPrompt(PromptIds.email));
        this.addDialog(new YesNoPrompt(PromptIds.yesNo));
        this.addDialog(new TextInputPrompt(PromptIds.name, async (prompt) => isPersonName(prompt)));
        this.addDialog(new TextInputPrompt(PromptIds.reason, async (prompt) => (prompt.recognized.value?.text.length ?? 0) <= MAX_REASON_LENGTH));
        this.addDialog(
            new WaterfallDialog(DialogIds.changeContactFlow, [
                this.identifyStep.bind(this),
                this.checkAdminStep.bind(this),
                this.newContactStep.bind(this),
                this.askReasonStep.bind(this),
                this.confirmStep.bind(this),
                this.submitStep.bind(this)
            ])
        );
        this.addDialog(new WaterfallDialog(DialogIds.changeContactNewPerson, [this.askNameStep.bind(this), this.askEmailStep.bind(this), this.newPersonDoneStep.bind(this)]));
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
        if (!me.isAdmin) {
            return step.endDialog(await this.refuseNonAdmin(step.context, account, members, me));
        }
        await step.context.sendActivity(t('changeContact:intro'));
        const values = stepValues<ChangeValues>(step);
        values.identity = identity;
        values.account = account;
        const current = members.filter((m) => m.isBillingContact).map((m) => m.user.name);
        values.currentNames = this.list(step.context, current) || t('changeContact:nobody');
        values.currentCount = Math.max(1, current.length);
        const candidates = this.candidates(members);
        if (candidates.length === 0) {
            return step.next(SOMEONE_ELSE);
        }
        // "Kontakt ändern, auf Lea Fischer": the member named when asking needs no second question.
        const named = namedMember(candidates, step.options.question ?? '');
        if (named) {
            return step.next(named.user.id);
        }
        const buttons: PromptButton[] = [
            // The requester's own button also answers "mich selbst" / "myself".
            ...candidates.map((m) => ({ value: m.user.id, label: m.user.name, literal: true, synonyms: m.user.id === me.user.id ? 'changeContact:synonyms.me' : undefined })),
            { value: SOMEONE_ELSE, label: 'changeContact:button.someoneElse', synonyms: 'changeContact:synonyms.someoneElse' }
        ];
        return step.prompt(PromptIds.pick, localized({
            text: { key: 'changeContact:askNewContact', args: { account: account.name, current: values.currentNames, count: values.currentCount } },
            retryText: { key: 'changeContact:askNewContactRetry' },
            buttons
        }));
    }

    private async newContactStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const choice = step.result as string;
        if (choice === SOMEONE_ELSE) {
            return step.beginDialog(DialogIds.changeContactNewPerson, {});
        }
        const member = (await this.services.accounts.members(stepValues<ChangeValues>(step).account?.id ?? '')).find((m) => m.user.id === choice);
        return step.next(member ? ({ userId: member.user.id, name: member.user.name } satisfies NewContact) : undefined);
    }

    private async askReasonStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const newContact = step.result as NewContact | undefined;
        if (!newContact) {
            return step.endDialog();
        }
        stepValues<ChangeValues>(step).newContact = newContact;
        return step.prompt(PromptIds.reason, localized({
            text: { key: 'changeContact:askReason', args: { name: newContact.name } },
            retryText: { key: 'changeContact:askReasonRetry', args: { max: MAX_REASON_LENGTH } },
            freeText: true
        }));
    }

    private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const values = stepValues<ChangeValues>(step);
        values.reason = (step.result as TextInput).text.trim();
        const { t } = turnInfo(step.context);
        await step.context.sendActivity(
            t('changeContact:summary', {
                account: values.account?.name ?? '',
                current: values.currentNames ?? '',
                count: values.currentCount ?? 1,
                newContact: this.services.changeRequests.newContactText({ newContact: values.newContact ?? { name: '' } }),
                reason: values.reason
            })
        );
        const pending = values.account ? await this.services.changeRequests.pendingFor(values.account.id) : [];
        if (pending.length > 0) {
            await step.context.sendActivity(
                t('changeContact:alreadyPending', {
                    count: pending.length,
                    references: this.list(step.context, pending.map((request) => request.reference)),
                    account: values.account?.name ?? ''
                })
            );
        }
        return step.prompt(PromptIds.yesNo, YesNoPrompt.options({ key: 'changeContact:confirm' }));
    }

    private async submitStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const { t, lang, conversationKey } = turnInfo(step.context);
        const { identity, account, newContact, reason } = stepValues<ChangeValues>(step);
        if (step.result !== true) {
            await step.context.sendActivity(t('changeContact:notFiled'));
            return step.endDialog();
        }
        const requester = identity && (await this.services.users.get(identity.userId));
        if (!requester || !account || !newContact || reason === undefined) {
            return step.endDialog();
        }
        const dedupeKey = `change-request:${conversationKey}:${step.context.activity.id ?? this.services.clock.now().getTime()}`;
        const outcome = await this.services.changeRequests.submit(
            { requester, account, newContact, reason, lang, channel: step.context.activity.channelId ?? 'unknown', conversationKey },
            dedupeKey
        );
        if (outcome.kind === 'rate-limited') {
            await step.context.sendActivity(t('changeContact:rateLimited'));
            return step.endDialog(offerNext({ key: 'changeContact:otherWays' }, ['talk-to-human', 'thanks']) satisfies TaskResult);
        }
        const { request, notified } = outcome;
        recordAction(step.context, 'change-request-filed', request.reference);
        const names = this.list(step.context, notified.map((u) => u.name));
        await step.context.sendActivity(
            t(notified.length > 0 ? 'changeContact:filed' : 'changeContact:filedNoNotice', { reference: request.reference, email: requester.email, names, count: notified.length })
        );
        return step.endDialog();
    }

    private async askNameStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        return step.prompt(PromptIds.name, localized({ text: { key: 'changeContact:askName' }, retryText: { key: 'changeContact:askNameRetry' } }));
    }

    private async askEmailStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const name = (step.result as TextInput).text.trim().replace(/\s+/g, ' ');
        stepValues<{ name: string }>(step).name = name;
        return step.prompt(PromptIds.email, localized({ text: { key: 'changeContact:askEmail', args: { name } }, retryText: { key: 'changeContact:askEmailRetry' } }));
    }

    private async newPersonDoneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const email = step.result as string;
        const name = stepValues<{ name: string }>(step).name ?? '';
        return step.endDialog({ name, email } satisfies NewContact);
    }

    /** Only admins may ask: says so, names the admins (never their emails), offers the other ways. */
    private async refuseNonAdmin(context: TurnContext, account: Account, members: readonly Member[], me: Member): Promise<TaskResult> {
        const { t } = turnInfo(context);
        const admins = members.filter((m) => m.isAdmin).map((m) => m.user.name);
        // A billing contact is the one such an email would reach, so it is offered only to others.
        const canEmail = !me.isBillingContact && members.some((m) => m.isBillingContact);
        recordAction(context, 'change-request-refused', 'not an admin');
        if (admins.length === 0) {
            await context.sendActivity(t('changeContact:adminsOnlyNoAdmins', { account: account.name }));
            return offerNext({ key: 'changeContact:otherWays' }, ['talk-to-human', 'thanks']);
        }
        await context.sendActivity(t('changeContact:adminsOnly', { account: account.name, names: this.list(context, admins), count: admins.length }));
        return offerNext({ key: 'changeContact:otherWays' }, canEmail ? ['email-billing-admin', 'talk-to-human', 'thanks'] : ['talk-to-human', 'thanks']);
    }

    /** Members who could become the billing contact: not one already, the requester included. */
    private candidates(members: readonly Member[]): Member[] {
        return members.filter((m) => !m.isBillingContact).slice(0, MAX_MEMBER_BUTTONS);
    }

    private list(context: TurnContext, items: readonly string[]): string {
        return new Intl.ListFormat(turnInfo(context).lang, { type: 'conjunction' }).format(items);
    }
}

/** A person's name: 2 to 100 characters with at least one letter and no address or link in it. */
function isPersonName(prompt: PromptValidatorContext<TextInput>): boolean {
    const text = prompt.recognized.value?.text.trim() ?? '';
    return text.length >= 2 && text.length <= 100 && /\p{L}/u.test(text) && !/[@<>/\\]|https?:/i.test(text);
}

/** The one member whose full name `text` holds ("… auf Lea Fischer"), if exactly one. */
function namedMember(members: readonly Member[], text: string): Member | undefined {
    const said = ` ${wordsOf(text).join(' ')} `;
    const named = members.filter((m) => said.includes(` ${wordsOf(m.user.name).join(' ')} `));
    return named.length === 1 ? named[0] : undefined;
}

import { getLogger } from '../core/logger';
import type { AccountRepository } from '../data/repositories/accountRepository';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { noteInsight } from '../services/insights/insightsRecorder';
import { recordAction, turnInfo } from '../turn/turn';
import type { Clock } from '../core/clock';
import type { UserRepository } from '../data/repositories/userRepository';
import type { ChangeRequestService } from '../services/changeRequestService';
import type { VerificationService } from '../services/verificationService';
import type { ChannelIdentity } from '../turn/channelIdentity';
import { DialogIds, PromptIds } from './ids';
import { PickPrompt } from './prompts/pickPrompt';
import { CODE_MAIL_QUESTIONS, CodePrompt, type CodeInput } from './prompts/codePrompt';
import { actionButton } from './actions';
import { EmailPrompt } from './prompts/emailPrompt';
import { localized, type LocalizedText } from './prompts/localizedPrompt';
import { stepValues } from './stepValues';
import { namedAccount } from './accountChoice';
import { submittedText } from '../turn/activityText';
import { ownEmail } from '../language/ownEmail';
import { answerPendingStatus } from './statusAnswer';
import { readPendingAhead } from './pendingReadAhead';
import type { IdentifyOptions, IdentifyResult } from './types';
import { EscalateOfferDialog, type EscalateOfferOptions } from './escalateOfferDialog';

/** Options of the verify loop; each pass either asks for the email, sends a code, or waits for one. */
interface VerifyOptions {
    readonly email?: string;
    /** A code was sent already: go straight to asking for it. */
    readonly awaitingCode?: boolean;
    /** Shown instead of the plain code question (wrong or expired code). */
    readonly notice?: LocalizedText;
    /** The code has not come though the person waited: a person is offered beside the code's buttons. */
    readonly withPerson?: boolean;
}

const CODE_BUTTONS = [
    { value: 'resend', label: 'identify:button.resend', synonyms: 'identify:synonyms.resend' },
    { value: 'other-email', label: 'identify:button.otherEmail', synonyms: 'identify:synonyms.otherEmail' }
] as const;

const log = getLogger('dialogs.identify');

/** What the identify dialog uses. */
export interface IdentifyDeps {
    readonly clock: Clock;
    readonly users: UserRepository;
    readonly accounts: AccountRepository;
    readonly verification: VerificationService;
    /** Answers the statuses asked about before the code was right. */
    readonly changeRequests: ChangeRequestService;
    /** Identity a channel vouches for (Teams sign-in); absent where none does. */
    readonly channelIdentity?: ChannelIdentity;
}

/**
 * "Who are you?": email → one-time code to the email on file → (several
 * accounts) which account. Reveals no account data before the code is right,
 * and answers the same whether or not the email is on file.
 */
export class IdentifyDialog extends ComponentDialog {
    public constructor(private readonly services: IdentifyDeps) {
        super(DialogIds.identify);
        this.addDialog(new EmailPrompt(PromptIds.email));
        this.addDialog(new CodePrompt(PromptIds.code, services.verification.policy.codeLength));
        this.addDialog(new PickPrompt(PromptIds.pick));
        // The offer replaces this dialog's flow, so it lives in this dialog's set: a prompt shown again here (after "help",
        // a question it cannot answer) is found without the parents (botbuilder reprompts without them).
        this.addDialog(new EscalateOfferDialog());
        this.addDialog(new WaterfallDialog(DialogIds.identifyFlow, [this.verifyStep.bind(this), this.accountStep.bind(this), this.finishStep.bind(this)]));
        this.addDialog(
            new WaterfallDialog(DialogIds.identifyVerify, [this.askEmailStep.bind(this), this.sendCodeStep.bind(this), this.askCodeStep.bind(this), this.checkCodeStep.bind(this)])
        );
        this.addDialog(new WaterfallDialog(DialogIds.identifyAccount, [this.askAccountStep.bind(this), this.saveAccountStep.bind(this)]));
        this.initialDialogId = DialogIds.identifyFlow;
    }

    private async verifyStep(step: WaterfallStepContext<IdentifyOptions>): Promise<DialogTurnResult> {
        const { profile, t } = turnInfo(step.context);
        if (profile.identity) {
            return step.next(profile.identity.userId);
        }
        const known = await this.services.channelIdentity?.recognise(step.context);
        if (known) {
            profile.reverify = undefined;
            profile.identity = { userId: known.user.id, method: known.method, verifiedAt: this.services.clock.now().getTime() };
            noteInsight(step.context, 'verified');
            recordAction(step.context, 'verified', known.user.id);
            await step.context.sendActivity(t('identify:recognised', { name: known.user.name, email: known.user.email }));
            return step.next(known.user.id);
        }
        // After a verification ran out, the person hears why they are asked again; otherwise why they are asked, unless the task said so.
        if (profile.reverify || !step.options?.saidWhy) {
            await step.context.sendActivity(t(profile.reverify ? 'identify:verifyAgain' : 'identify:intro'));
        }
        profile.reverify = undefined;
        // "hi, i'm sarah.lee@northwind.example, am i …": the address introduced in the question gets the code without asking again.
        return step.beginDialog(DialogIds.identifyVerify, { email: ownEmail(submittedText(step.context.activity) ?? '', turnInfo(step.context)) } satisfies VerifyOptions);
    }

    private async accountStep(step: WaterfallStepContext<IdentifyOptions>): Promise<DialogTurnResult> {
        const userId = step.result as string | undefined;
        if (!userId) {
            return step.endDialog(undefined);
        }
        if (step.options.verifyOnly) {
            return step.endDialog(userId);
        }
        const { profile } = turnInfo(step.context);
        // A question that names one of the person's accounts is about that one, whichever was chosen before.
        const memberships = await this.services.users.memberships(userId);
        // "Guten Tag, Chris Taylor hier": the person's own name names no account ("Taylor Consulting").
        const ownName = memberships.length > 1 ? (await this.services.users.get(userId))?.name : undefined;
        const named = namedAccount(submittedText(step.context.activity) ?? '', memberships, ownName) ?? namedAccount(step.options.question ?? '', memberships, ownName);
        if (named && profile.identity) {
            profile.identity = { ...profile.identity, accountId: named };
        }
        if (profile.identity?.accountId) {
            return step.next(profile.identity.accountId);
        }
        return step.beginDialog(DialogIds.identifyAccount, { userId });
    }

    private async finishStep(step: WaterfallStepContext<IdentifyOptions>): Promise<DialogTurnResult> {
        const accountId = step.result as string | undefined;
        const { profile } = turnInfo(step.context);
        if (!accountId || !profile.identity) {
            return step.endDialog(undefined);
        }
        return step.endDialog({ userId: profile.identity.userId, accountId } satisfies IdentifyResult);
    }

    private async askEmailStep(step: WaterfallStepContext<VerifyOptions>): Promise<DialogTurnResult> {
        const { conversationKey, profile, t } = turnInfo(step.context);
        if (!profile.noCodeYet && (await this.services.verification.isLocked(conversationKey))) {
            await step.context.sendActivity(t('identify:locked'));
            return this.offerCustomerService(step, 'verification-locked');
        }
        if (step.options.email) {
            return step.next(step.options.email);
        }
        return step.prompt(PromptIds.email, localized({ text: { key: 'identify:askEmail' }, retryText: { key: 'identify:askEmailRetry' }, nothingToLose: true }));
    }

    private async sendCodeStep(step: WaterfallStepContext<VerifyOptions>): Promise<DialogTurnResult> {
        const email = step.result as string;
        stepValues<{ email: string }>(step).email = email;
        if (step.options.awaitingCode) {
            return step.next();
        }
        const { conversationKey, lang, t, profile } = turnInfo(step.context);
        delete profile.noCodeYet;
        const outcome = await this.services.verification.sendCode(conversationKey, email, lang, step.context.activity.id);
        if (outcome === 'locked') {
            await step.context.sendActivity(t('identify:locked'));
            return this.offerCustomerService(step, 'verification-locked');
        }
        if (outcome === 'rate-limited') {
            await step.context.sendActivity(t('identify:rateLimited'));
            return step.endDialog(undefined);
        }
        // Never awaited: the reply is the same, as soon, whether or not the address is on file.
        void readAheadForCode(this.services, email);
        await step.context.sendActivity(t('identify:codeSent', { email, minutes: Math.round(this.services.verification.policy.codeTtlMs / 60_000) }));
        return step.next();
    }

    private async askCodeStep(step: WaterfallStepContext<VerifyOptions>): Promise<DialogTurnResult> {
        return step.prompt(PromptIds.code, localized({
            text: step.options.notice ?? { key: 'identify:askCode' },
            retryText: { key: 'identify:askCodeRetry' },
            buttons: step.options.withPerson ? [...CODE_BUTTONS, actionButton('talk-to-human')] : [...CODE_BUTTONS]
        }));
    }

    private async checkCodeStep(step: WaterfallStepContext<VerifyOptions>): Promise<DialogTurnResult> {
        const input = step.result as CodeInput;
        const email = stepValues<{ email: string }>(step).email;
        if (input.kind === 'button' && input.value === CODE_MAIL_QUESTIONS.notArrived) {
            // "still no email after 5 min": what to check and the ways on, not a code sent silently again.
            return step.replaceDialog(DialogIds.identifyVerify, { email, awaitingCode: true, withPerson: true, notice: { key: 'identify:notArrived', args: { email: email ?? '' } } } satisfies VerifyOptions);
        }
        if (input.kind === 'button' && input.value === CODE_MAIL_QUESTIONS.arrival) {
            return step.replaceDialog(DialogIds.identifyVerify, { email, awaitingCode: true, notice: { key: 'identify:arrival' } } satisfies VerifyOptions);
        }
        if (input.kind === 'button') {
            return step.replaceDialog(DialogIds.identifyVerify, (input.value === 'resend' ? { email } : {}) satisfies VerifyOptions);
        }
        if (input.kind === 'email') {
            // A corrected address replaces the one typed before: the code goes there.
            return step.replaceDialog(DialogIds.identifyVerify, { email: input.email } satisfies VerifyOptions);
        }
        const { conversationKey, t, profile } = turnInfo(step.context);
        delete profile.noCodeYet;
        // The answer after a right code reads the open change requests of the person's account: with the one account the
        // read-ahead kept for the address, that read goes along with the code's check instead of after it.
        const accountIds = email ? this.services.users.accountIdsKept(email) : undefined;
        if (accountIds?.length === 1) {
            readPendingAhead(step.context, this.services.changeRequests, accountIds[0]);
        }
        const outcome = await this.services.verification.checkCode(conversationKey, input.code, step.context.activity.id);
        switch (outcome.kind) {
            case 'verified':
                profile.identity = { userId: outcome.user.id, method: 'email-code', verifiedAt: this.services.clock.now().getTime() };
                noteInsight(step.context, 'verified');
                recordAction(step.context, 'verified', outcome.user.id);
                await step.context.sendActivity(t('identify:verified', { name: outcome.user.name }));
                await answerPendingStatus(step.context, this.services.changeRequests, outcome.user.id);
                return step.endDialog(outcome.user.id);
            case 'wrong':
                return step.replaceDialog(DialogIds.identifyVerify, { email, awaitingCode: true, notice: { key: 'identify:wrongCode', args: { count: outcome.triesLeft } } } satisfies VerifyOptions);
            case 'expired':
                return step.replaceDialog(DialogIds.identifyVerify, { email, awaitingCode: true, notice: { key: 'identify:expired' } } satisfies VerifyOptions);
            case 'no-code':
                return step.replaceDialog(DialogIds.identifyVerify, { email } satisfies VerifyOptions);
            case 'locked':
                recordAction(step.context, 'verification-locked');
                await step.context.sendActivity(t('identify:locked'));
                return this.offerCustomerService(step, 'verification-locked');
        }
    }

    /** Ends identification without a result and offers customer service instead. */
    private async offerCustomerService(step: WaterfallStepContext, reason: string): Promise<DialogTurnResult> {
        return step.replaceDialog(DialogIds.escalateOffer, { reason } satisfies EscalateOfferOptions);
    }

    private async askAccountStep(step: WaterfallStepContext<{ userId: string }>): Promise<DialogTurnResult> {
        const memberships = await this.services.users.memberships(step.options.userId);
        const { t, profile } = turnInfo(step.context);
        if (profile.identity?.userId === step.options.userId) {
            // Read here anyway: whether the menu may offer the change of billing contact needs no read of its own later.
            profile.identity = { ...profile.identity, admin: memberships.some((membership) => membership.isAdmin) };
        }
        if (memberships.length === 0) {
            await step.context.sendActivity(t('identify:noAccount'));
            return this.offerCustomerService(step, 'no-account');
        }
        if (memberships.length === 1) {
            return step.next(memberships[0].account.id);
        }
        return step.prompt(PromptIds.pick, localized({
            text: { key: 'identify:chooseAccount', args: { count: memberships.length } },
            retryText: { key: 'identify:chooseAccountRetry' },
            buttons: memberships.map((m) => ({ value: m.account.id, label: m.account.name, literal: true })),
            // The verification stays with the conversation: "no thanks, bye" here ends without asking whether to drop anything.
            nothingToLose: true
        }));
    }

    private async saveAccountStep(step: WaterfallStepContext<{ userId: string }>): Promise<DialogTurnResult> {
        const accountId = step.result as string;
        const { profile } = turnInfo(step.context);
        if (profile.identity) {
            profile.identity = { ...profile.identity, accountId };
        }
        return step.endDialog(accountId);
    }
}

/**
 * While the person reads their mail: the directory look-ups the turn with the
 * right code will make (the person's memberships and, with one account, its
 * members) read in the background in one statement, so the directory cache
 * keeps them and that turn does not wait for them one after another. That turn still sees every
 * change of the directory committed before it began: the statement that
 * checks the code reads the directory's version, and what is kept is
 * forgotten when it moved. A failed read is only logged: the look-up is made
 * again when needed.
 */
async function readAheadForCode(services: Pick<IdentifyDeps, 'users'>, email: string): Promise<void> {
    try {
        await services.users.personWithAccounts(email);
    } catch (err) {
        log.warn('reading ahead for the code failed', { error: (err as Error).message });
    }
}

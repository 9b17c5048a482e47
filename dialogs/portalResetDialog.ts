import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { noteInsight } from '../services/insights/insightsRecorder';
import { didAction, lastActionDetail, recordAction, turnInfo } from '../turn/turn';
import type { Clock } from '../core/clock';
import type { UserRepository } from '../data/repositories/userRepository';
import type { IntentRecognizer } from '../language/nlu';
import type { PortalResetService } from '../services/portalResetService';
import type { BillingRoleService } from '../services/billingRoleService';
import { LINKS } from '../core/links';
import type { TurnContext } from 'botbuilder';
import { continueWith, offerNext } from './actions';
import { DialogIds, PromptIds } from './ids';
import { localized, type PromptButton } from './prompts/localizedPrompt';
import { PortalUserIdPrompt, type PortalUserIdInput } from './prompts/portalUserIdPrompt';
import type { PortalResetOptions, TaskResult } from './types';
import { conjunctionList } from '../core/listFormat';

/** Where to go when no reset link arrives: the article's other paths. */
const OTHER_PATHS = offerNext({ key: 'portalReset:otherPaths' }, ['am-i-billing-contact', 'talk-to-human', 'thanks'], { askedFirst: true });

/** What the portal-password-reset dialog uses. */
export interface PortalResetDeps {
    readonly clock: Clock;
    readonly users: UserRepository;
    readonly recognizer: IntentRecognizer;
    readonly portalReset: PortalResetService;
    /** The verified person's role in the chosen account: the introduction says what the portal means for them. */
    readonly billingRole: BillingRoleService;
}

/**
 * Corporate Billing Portal password reset (article §1.4 d): explains that the
 * portal only accepts billing contacts, asks for the billing-contact user ID
 * (and where to find it), and has the portal mail a reset link to that billing
 * contact's address on file. The chat answer is the same, to the byte, whether
 * or not the user ID exists; the link never appears in the chat.
 */
export class PortalResetDialog extends ComponentDialog {
    public constructor(private readonly services: PortalResetDeps) {
        super(DialogIds.portalReset);
        this.addDialog(new PortalUserIdPrompt(PromptIds.portalUserId, services.recognizer));
        this.addDialog(new WaterfallDialog(DialogIds.portalResetFlow, [this.askUserIdStep.bind(this), this.requestStep.bind(this)]));
        this.initialDialogId = DialogIds.portalResetFlow;
    }

    private async askUserIdStep(step: WaterfallStepContext<PortalResetOptions>): Promise<DialogTurnResult> {
        const { t, profile } = turnInfo(step.context);
        const userId = profile.identity?.userId;
        // A verified billing contact's own user ID is known: the link is asked for it at once (nothing is revealed they don't know).
        const own = userId === undefined ? undefined : await this.services.users.portalLogin(userId);
        // The verified person's own address named as the user ID ("reset my portal password, I'm peter.brooks@…"): their user ID on file.
        const named = step.options.login;
        const me = own && userId !== undefined && named ? await this.services.users.get(userId) : undefined;
        const login = me && named?.toLocaleLowerCase() === me.email.toLocaleLowerCase() ? undefined : named;
        if (this.alreadySent(step, login ?? own?.login)) {
            // A link asked for in this conversation is not asked for again unless the person plainly wants a new one ("send it again").
            await step.context.sendActivity(t('portalReset:alreadySent', { minutes: this.services.portalReset.linkValidMinutes }));
            return step.endDialog();
        }
        if (own && !login) {
            await step.context.sendActivity(t('portalReset:usingOwnUserId', { login: own.login }));
            return step.next({ kind: 'login', login: own.login, own: true } satisfies PortalUserIdInput);
        }
        if (!step.options.again) {
            await step.context.sendActivity(await this.introduction(step.context));
        }
        if (login) {
            // Prompt or skip: "yeah go ahead, my username is pbrooks" named it already.
            return step.next({ kind: 'login', login } satisfies PortalUserIdInput);
        }
        const buttons: PromptButton[] = [];
        buttons.push({ value: 'where', label: 'portalReset:button.where', synonyms: 'portalReset:synonyms.where' });
        buttons.push({ value: 'am-i-billing-contact', label: 'actions:am-i-billing-contact' });
        return step.prompt(PromptIds.portalUserId, localized({ text: { key: 'portalReset:askUserId' }, retryText: { key: 'portalReset:askUserIdRetry' }, buttons, nothingToLose: true }));
    }

    /** True when a link was asked for in this conversation for the user ID this request would use (`login`), and no new one is wanted. */
    private alreadySent(step: WaterfallStepContext<PortalResetOptions>, login: string | undefined): boolean {
        if (step.options.fresh || step.options.again || !didAction(step.context, 'portal-reset-requested')) {
            return false;
        }
        return login === undefined || login.toLocaleLowerCase() === lastActionDetail(step.context, 'portal-reset-requested')?.toLocaleLowerCase();
    }

    /**
     * What the portal means for the person: for a verified member of an
     * online account that it has none, for one who is not a billing contact of
     * their corporate account that they cannot sign in there (the link goes to
     * the billing contact, named); otherwise the article's general line.
     */
    private async introduction(context: TurnContext): Promise<string> {
        const { t, lang, profile } = turnInfo(context);
        const identity = profile.identity;
        const known = identity?.accountId ? await this.services.billingRole.evaluate(identity.userId, identity.accountId) : undefined;
        if (known && (known.case === 'a' || known.case === 'b')) {
            return t('portalReset:introOnline', { account: known.account.name, myAccountUrl: LINKS.myAccount });
        }
        if (known?.case === 'bd' && known.otherBillingContacts.length > 0) {
            const names = conjunctionList(lang).format(known.otherBillingContacts.map((user) => user.name));
            return t('portalReset:introNotContact', { account: known.account.name, names });
        }
        return t('portalReset:intro');
    }

    private async requestStep(step: WaterfallStepContext<PortalResetOptions>): Promise<DialogTurnResult> {
        const input = step.result as PortalUserIdInput;
        const { t, conversationKey } = turnInfo(step.context);
        if (input.kind === 'button' && input.value === 'where') {
            await step.context.sendActivity(t('portalReset:whereToFind'));
            return step.replaceDialog(DialogIds.portalResetFlow, { again: true } satisfies PortalResetOptions);
        }
        if (input.kind === 'button' && input.value === 'validity') {
            // "wie lange gilt der Link?" at the question: answered, and the question stays open.
            await step.context.sendActivity(t('portalReset:linkValidityGeneral', { minutes: this.services.portalReset.linkValidMinutes }));
            return step.replaceDialog(DialogIds.portalResetFlow, { again: true } satisfies PortalResetOptions);
        }
        if (input.kind === 'button' && input.value === 'am-i-billing-contact') {
            return step.endDialog(continueWith('am-i-billing-contact'));
        }
        const login = input.kind === 'login' ? input.login : input.value;
        const dedupeKey = `portal-reset:${conversationKey}:${step.context.activity.id ?? this.services.clock.now().getTime()}`;
        const outcome = await this.services.portalReset.request(conversationKey, login, dedupeKey);
        if (outcome === 'rate-limited') {
            await step.context.sendActivity(t('portalReset:rateLimited'));
            return step.endDialog(OTHER_PATHS satisfies TaskResult);
        }
        noteInsight(step.context, 'task-completed', 'portal-reset');
        recordAction(step.context, 'portal-reset-requested', login);
        // The verified person's own user ID on file: the link goes to them, without the "if this is a billing contact's ID" of an ID typed in.
        const own = input.kind === 'login' && input.own === true;
        await step.context.sendActivity(t(own ? 'portalReset:requestedOwn' : 'portalReset:requested', { minutes: this.services.portalReset.linkValidMinutes }));
        // A verified person's role is known: no offer to check it, just "anything else?".
        return turnInfo(step.context).profile.identity ? step.endDialog() : step.endDialog(OTHER_PATHS satisfies TaskResult);
    }
}

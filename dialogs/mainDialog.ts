import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { switchLanguage, turnInfo } from '../bot/turn';
import { understandTurn } from '../bot/understand';
import type { Intent, Understanding } from '../bot/nlu';
import type { BotServices } from '../services/botServices';
import { LINKS } from '../services/links';
import { BillingRoleDialog } from './billingRoleDialog';
import { EscalateDialog } from './escalateDialog';
import { EscalateOfferDialog } from './escalateOfferDialog';
import { DialogIds, PromptIds } from './ids';
import { InterruptibleDialog } from './interruptibleDialog';
import { localized, type PromptButton } from './prompts/localizedPrompt';
import { TextInputPrompt, type TextInput } from './prompts/textInputPrompt';
import type { BillingRoleOptions, MainMenuOptions } from './types';

/** The menu: each button's value is the intent it stands for. */
const MENU_BUTTONS: readonly PromptButton[] = [
    { value: 'who-is-billing-contact', label: 'main:menu.whoIs' },
    { value: 'am-i-billing-contact', label: 'main:menu.amI' },
    { value: 'talk-to-human', label: 'main:menu.talkToHuman' },
    { value: 'switch-language', label: 'main:menu.otherLanguage' }
];

/** Intents answered by the billing-role dialog. */
const BILLING_ROLE_INTENTS: ReadonlySet<Intent> = new Set(['who-is-billing-contact', 'am-i-billing-contact', 'email-billing-admin']);

/**
 * The root dialog: greets, shows the menu, accepts free text, routes to the
 * task dialogs and comes back to "anything else?". Interruptions are handled
 * by {@link InterruptibleDialog} for every dialog below it.
 */
export class MainDialog extends InterruptibleDialog {
    public constructor(services: BotServices) {
        super(DialogIds.main, services, DialogIds.mainMenu);
        this.addDialog(new TextInputPrompt(PromptIds.text));
        this.addDialog(new BillingRoleDialog(services));
        this.addDialog(new EscalateDialog(services));
        this.addDialog(new EscalateOfferDialog());
        this.addDialog(new WaterfallDialog(DialogIds.mainMenu, [this.showMenuStep.bind(this), this.routeStep.bind(this), this.againStep.bind(this)]));
        this.initialDialogId = DialogIds.mainMenu;
    }

    private async showMenuStep(step: WaterfallStepContext<MainMenuOptions>): Promise<DialogTurnResult> {
        const { t } = turnInfo(step.context);
        const options = step.options ?? {};
        if (options.welcome) {
            await step.context.sendActivity(t(turnInfo(step.context).profile.langSource === 'default' ? 'main:welcomeAnyLanguage' : 'main:welcome'));
        }
        if (options.understood && options.understood.intent !== 'none') {
            return step.next(options.understood);
        }
        const key = options.restart ? 'main:restart' : options.again ? 'main:anythingElse' : 'main:menuPrompt';
        return step.prompt(PromptIds.text, localized({ text: { key }, retryText: { key: 'main:menuPrompt' }, buttons: MENU_BUTTONS }));
    }

    private async routeStep(step: WaterfallStepContext<MainMenuOptions>): Promise<DialogTurnResult> {
        const understood = await this.understanding(step);
        const { t } = turnInfo(step.context);
        if (BILLING_ROLE_INTENTS.has(understood.intent)) {
            return step.beginDialog(DialogIds.billingRole, { intent: understood.intent } satisfies BillingRoleOptions);
        }
        switch (understood.intent) {
            case 'switch-language': {
                const target = understood.targetLanguage ?? (turnInfo(step.context).lang === 'de' ? 'en' : 'de');
                switchLanguage(step.context, target, 'switch');
                await step.context.sendActivity(turnInfo(step.context).t('common:languageSwitched'));
                break;
            }
            case 'greeting':
                await step.context.sendActivity(t('main:greetingReply'));
                return step.replaceDialog(DialogIds.mainMenu, {} satisfies MainMenuOptions);
            case 'thanks':
                await step.context.sendActivity(t('main:thanksReply'));
                break;
            case 'help':
                await step.context.sendActivity(t('main:help'));
                return step.replaceDialog(DialogIds.mainMenu, {} satisfies MainMenuOptions);
            case 'cancel':
                await step.context.sendActivity(t('main:nothingToCancel'));
                return step.replaceDialog(DialogIds.mainMenu, {} satisfies MainMenuOptions);
            case 'start-over':
                return step.replaceDialog(DialogIds.mainMenu, { restart: true } satisfies MainMenuOptions);
            case 'talk-to-human':
                return step.beginDialog(DialogIds.escalate, step.options?.escalate ?? {});
            case 'none':
                await step.context.sendActivity(t('main:notUnderstood'));
                return step.replaceDialog(DialogIds.mainMenu, {} satisfies MainMenuOptions);
            default: {
                const links = { supportUrl: LINKS.support, adminCenterUrl: LINKS.adminCenter, myAccountUrl: LINKS.myAccount };
                const key = understood.intent.startsWith('topic-') ? `topics:${understood.intent}` : `main:interim.${understood.intent}`;
                await step.context.sendActivity(t(key, links));
                break;
            }
        }
        return step.next();
    }

    private async againStep(step: WaterfallStepContext<MainMenuOptions>): Promise<DialogTurnResult> {
        return step.replaceDialog(DialogIds.mainMenu, { again: true } satisfies MainMenuOptions);
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
        return (await understandTurn(step.context, this.services.recognizer)) ?? { intent: 'none', score: 0, language: lang };
    }
}

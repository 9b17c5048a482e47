import { ActivityTypes, type TurnContext } from 'botbuilder';
import { ComponentDialog, Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { understandTurn } from '../bot/understand';
import { switchLanguage, turnInfo } from '../bot/turn';
import type { Understanding } from '../bot/nlu';
import type { BotServices } from '../services/botServices';
import { submittedText } from '../bot/activityText';
import { findReference } from '../bot/entities';
import { DialogIds } from './ids';
import { RequestStatusDialog } from './requestStatusDialog';
import { LocalizedPrompt, type LocalizedPromptOptions } from './prompts/localizedPrompt';
import type { MainMenuOptions, RequestStatusOptions } from './types';

/** Interruptions fire only when the classifier is this sure. */
const INTERRUPT_MIN_SCORE = 0.8;

/** In free-text answers (a message to the billing admin) only short commands interrupt. */
const FREE_TEXT_MAX_WORDS = 3;

/**
 * The one place where interruptions are handled, at any step of any child
 * dialog: help, cancel, start over, language switch, "talk to a person", and
 * "Status BC-…" (the status is looked up on top of the task, which then asks
 * its question again). Subclasses say which waterfall is their menu and may
 * add interruptions of their own.
 */
export abstract class InterruptibleDialog extends ComponentDialog {
    protected constructor(dialogId: string, protected readonly services: BotServices, private readonly menuId: string) {
        super(dialogId);
        this.addDialog(new RequestStatusDialog(services));
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
        // An answer the open question can use is no interruption: then the classifier need not run at all.
        if (!(await this.mayInterrupt(innerDc, context))) {
            return undefined;
        }
        const reference = findReference(submittedText(context.activity) ?? '');
        if (reference) {
            return innerDc.beginDialog(DialogIds.requestStatus, { reference } satisfies RequestStatusOptions);
        }
        const understood = await understandTurn(context, this.services.recognizer);
        if (!understood || understood.score < INTERRUPT_MIN_SCORE) {
            return undefined;
        }
        return this.onInterruption(innerDc, understood);
    }

    /** Reacts to an understood interruption; returns undefined when the intent is not one. */
    protected async onInterruption(innerDc: DialogContext, understood: Understanding): Promise<DialogTurnResult | undefined> {
        const context = innerDc.context;
        const { t } = turnInfo(context);
        switch (understood.intent) {
            case 'help':
                await context.sendActivity(t(this.isAtMenu(innerDc) ? 'main:help' : 'main:helpInTask'));
                return this.reprompt(innerDc);
            case 'cancel':
                if (this.isAtMenu(innerDc)) {
                    await context.sendActivity(t('main:nothingToCancel'));
                    return this.reprompt(innerDc);
                }
                await innerDc.cancelAllDialogs();
                await context.sendActivity(t('main:cancelled'));
                return innerDc.beginDialog(this.menuId, { again: true } satisfies MainMenuOptions);
            case 'start-over':
                await innerDc.cancelAllDialogs();
                return innerDc.beginDialog(this.menuId, { restart: true } satisfies MainMenuOptions);
            case 'switch-language': {
                const target = understood.targetLanguage ?? (turnInfo(context).lang === 'de' ? 'en' : 'de');
                if (target === turnInfo(context).lang) {
                    await context.sendActivity(t('common:languageAlready'));
                } else {
                    switchLanguage(context, target, 'switch');
                    await context.sendActivity(turnInfo(context).t('common:languageSwitched'));
                }
                return this.reprompt(innerDc);
            }
            case 'talk-to-human':
                // Already on the way to an agent: the escalation's own step answers.
                if (this.isOnStack(innerDc, DialogIds.escalate)) {
                    return undefined;
                }
                await innerDc.cancelAllDialogs();
                return innerDc.beginDialog(this.menuId, { understood } satisfies MainMenuOptions);
            default:
                return undefined;
        }
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
    protected isAtMenu(innerDc: DialogContext): boolean {
        // The stack grows at its end: the first entry is the bottom.
        const [bottom, ...above] = innerDc.stack;
        return bottom?.id === this.menuId && above.every((instance) => innerDc.findDialog(instance.id) instanceof LocalizedPrompt);
    }

    /** Not when the text answers the open prompt, and in free-text answers only for short commands. */
    private async mayInterrupt(innerDc: DialogContext, context: TurnContext): Promise<boolean> {
        let leaf: DialogContext = innerDc;
        while (leaf.child) {
            leaf = leaf.child;
        }
        const active = leaf.activeDialog;
        const prompt = active ? leaf.findDialog(active.id) : undefined;
        const options = active?.state?.options as LocalizedPromptOptions | undefined;
        const text = submittedText(context.activity) ?? '';
        if (prompt instanceof LocalizedPrompt && options && (await prompt.accepts(context, text, options))) {
            return false;
        }
        if (!options?.freeText) {
            return true;
        }
        return text.split(/\s+/).filter(Boolean).length <= FREE_TEXT_MAX_WORDS;
    }
}

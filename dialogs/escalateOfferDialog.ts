import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { turnInfo } from '../turn/turn';
import { DialogIds, PromptIds } from './ids';
import { YesNoPrompt } from './prompts/yesNoPrompt';
import { localized } from './prompts/localizedPrompt';
import type { EscalateOptions } from './types';

/** Options of the offer: why the bot offers customer service (shown to the agent). */
export interface EscalateOfferOptions {
    readonly reason: string;
}

/**
 * After a failure the bot cannot fix (verification locked, no account found):
 * "Shall I put you through to customer service?" and, on yes, the escalation.
 * Registered in the main dialog and in the identify dialog, whose flow it replaces.
 */
export class EscalateOfferDialog extends ComponentDialog {
    public constructor() {
        super(DialogIds.escalateOffer);
        this.addDialog(new YesNoPrompt(PromptIds.yesNo));
        this.addDialog(new WaterfallDialog(DialogIds.escalateOfferFlow, [this.offerStep.bind(this), this.answerStep.bind(this)]));
        this.initialDialogId = DialogIds.escalateOfferFlow;
    }

    private async offerStep(step: WaterfallStepContext<EscalateOfferOptions>): Promise<DialogTurnResult> {
        return step.prompt(PromptIds.yesNo, localized({ ...YesNoPrompt.options({ key: 'escalate:offer' }), offersPerson: true }));
    }

    private async answerStep(step: WaterfallStepContext<EscalateOfferOptions>): Promise<DialogTurnResult> {
        if (step.result === true) {
            return step.replaceDialog(DialogIds.escalate, { reason: step.options.reason } satisfies EscalateOptions);
        }
        await step.context.sendActivity(turnInfo(step.context).t('escalate:offerDeclined'));
        return step.endDialog();
    }
}

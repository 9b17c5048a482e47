import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { lastActionDetail, turnInfo } from '../turn/turn';
import type { IdentifyDeps } from './identifyDialog';
import { IdentifyDialog } from './identifyDialog';
import { DialogIds, PromptIds } from './ids';
import { localized } from './prompts/localizedPrompt';
import { ReferencePrompt, type ReferenceAnswer } from './prompts/referencePrompt';
import { stepValues } from './stepValues';
import { answerStatus, answerStatusOfTheirs, lastOwnOpenShown } from './statusAnswer';
import { answerObjections } from './objectionAnswer';
import type { IdentifyOptions, RequestStatusOptions } from './types';
import { offerNext } from './actions';
import { submittedText } from '../turn/activityText';
import { containsPhrase } from '../core/words';
import { phraseList } from '../language/phraseLists';
import type { IntentRecognizer } from '../language/nlu';

/** True when the turn's message asks to withdraw a request (`requestStatus:withdrawWords`: "withdraw", "zurückziehen"), which the bot cannot do. */
export function asksToWithdraw(context: TurnContext): boolean {
    return containsPhrase(submittedText(context.activity) ?? '', phraseList(turnInfo(context).t, 'requestStatus:withdrawWords'));
}

/** A reference the dialog knows without asking, as the reference question would have given it. */
function referenced(reference: string): ReferenceAnswer {
    return { kind: 'reference', reference };
}

/** What the request-status dialog uses: the identify dialog's parts (its change requests answer the status), and the classifier for the reference question. */
export interface RequestStatusDeps extends IdentifyDeps {
    readonly recognizer: IntentRecognizer;
}

/**
 * "Status BC-2026-000123": tells a verified requester, or a billing contact of
 * the request's account, where the request stands. Anyone else gets the same
 * "not found" answer as for a reference that does not exist. With
 * `objection`, a billing contact of the request's account objects to it instead.
 */
export class RequestStatusDialog extends ComponentDialog {
    public constructor(private readonly services: RequestStatusDeps) {
        super(DialogIds.requestStatus);
        this.addDialog(new IdentifyDialog(services));
        this.addDialog(new ReferencePrompt(PromptIds.reference, services.recognizer));
        this.addDialog(new WaterfallDialog(DialogIds.requestStatusFlow, [this.askReferenceStep.bind(this), this.identifyStep.bind(this), this.answerStep.bind(this)]));
        this.initialDialogId = DialogIds.requestStatusFlow;
    }

    private async askReferenceStep(step: WaterfallStepContext<RequestStatusOptions>): Promise<DialogTurnResult> {
        // "What's the status of my request?", "can I still cancel it?" right after filing one: that request.
        // So is the request of their own whose status was just answered ("can I cancel it?" after it).
        const filed = step.options.objection ? undefined : (lastOwnOpenShown(step.context) ?? lastActionDetail(step.context, 'change-request-filed'));
        if (!step.options.objection && asksToWithdraw(step.context)) {
            // "withdraw my request BC-…", "Antrag BC-… zurückziehen": no status answer; withdrawing is customer service's, offered right away.
            const { t } = turnInfo(step.context);
            const reference = step.options.reference ?? filed;
            await step.context.sendActivity(reference ? t('requestStatus:withdraw', { reference }) : t('requestStatus:withdrawNoReference'));
            return step.endDialog(offerNext({ key: 'requestStatus:withdrawOffer' }, ['talk-to-human', 'thanks'], { askedFirst: true }));
        }
        if (step.options.reference) {
            return step.next(referenced(step.options.reference));
        }
        if (step.options.objection) {
            // "Wie kann ich das stoppen?": after verification, the one open request against the person is meant.
            return step.next(undefined);
        }
        if (filed) {
            return step.next(referenced(filed));
        }
        const userId = turnInfo(step.context).profile.identity?.userId;
        if (userId) {
            // A verified person who names no reference: their requests, not the reference question again and again.
            await answerStatusOfTheirs(step.context, this.services.changeRequests, userId);
            return step.endDialog();
        }
        return step.prompt(PromptIds.reference, localized({ text: { key: 'requestStatus:askReference' }, retryText: { key: 'requestStatus:askReferenceRetry' }, nothingToLose: true }));
    }

    private async identifyStep(step: WaterfallStepContext<RequestStatusOptions>): Promise<DialogTurnResult> {
        const answer = step.result as ReferenceAnswer | undefined;
        const { profile, t } = turnInfo(step.context);
        if (answer?.kind === 'without') {
            // "hab ich nicht", "I don't have it": on without it; once the person is verified, their own requests are listed.
            await step.context.sendActivity(t('requestStatus:noReference.withoutIt'));
            return step.beginDialog(DialogIds.identify, { verifyOnly: true } satisfies IdentifyOptions);
        }
        if (answer?.kind === 'none') {
            // Another question at the reference question: where the reference is, then the menu (with a person), never the same question again.
            await step.context.sendActivity(t('requestStatus:noReference.answer'));
            return step.endDialog();
        }
        if (answer?.kind === 'email') {
            // The identify dialog takes the address from this message: the code goes there, no question asked again.
            return step.beginDialog(DialogIds.identify, { verifyOnly: true } satisfies IdentifyOptions);
        }
        stepValues<{ reference?: string }>(step).reference = answer?.reference;
        if (!profile.identity) {
            await step.context.sendActivity(t(step.options.objection ? 'requestStatus:objectionVerifyFirst' : 'requestStatus:verifyFirst'));
        }
        return step.beginDialog(DialogIds.identify, { verifyOnly: true, saidWhy: true } satisfies IdentifyOptions);
    }

    private async answerStep(step: WaterfallStepContext<RequestStatusOptions>): Promise<DialogTurnResult> {
        const userId = turnInfo(step.context).profile.identity?.userId;
        const reference = stepValues<{ reference?: string }>(step).reference;
        if (step.result && userId && step.options.objection) {
            const { moreReferences = [], words } = step.options;
            return step.endDialog(await answerObjections(step.context, this.services.changeRequests, reference === undefined ? [] : [reference, ...moreReferences], userId, words));
        }
        if (step.result && userId && reference) {
            await answerStatus(step.context, this.services.changeRequests, reference, userId);
        } else if (step.result && userId) {
            // Verified by the address given at the reference question: their requests, as for a verified person.
            await answerStatusOfTheirs(step.context, this.services.changeRequests, userId);
        }
        return step.endDialog();
    }
}

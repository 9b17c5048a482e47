import type { TurnContext } from 'botbuilder';
import type { PromptRecognizerResult, PromptValidator } from 'botbuilder-dialogs';
import { turnInfo } from '../../turn/turn';
import { LocalizedPrompt, type LocalizedPromptOptions } from './localizedPrompt';
import { yesNoAnswer } from './yesNoAnswer';
import { correctsTheDraft } from '../draftCorrection';
import { draftChange, newDraftSentence } from '../answerContent';

/** The yes and no buttons every yes/no prompt shows. */
export const YES_NO_BUTTONS = [
    { value: 'yes', label: 'common:yes', answers: 'yes' },
    { value: 'no', label: 'common:no', answers: 'no' }
] as const;

/** Yes or no, by button or in words ("ja, bitte", "klar doch", "passt so", "nope"), in the turn's language. */
export class YesNoPrompt extends LocalizedPrompt<boolean> {
    public constructor(dialogId: string, validator?: PromptValidator<boolean>, takes?: (context: TurnContext, text: string) => boolean) {
        super(dialogId, validator, takes);
    }

    /** Prompt options with the yes/no buttons added. */
    public static options(text: LocalizedPromptOptions['text'], retryText?: LocalizedPromptOptions['retryText']): LocalizedPromptOptions {
        return { text, retryText: retryText ?? { key: 'common:yesNoRetry' }, buttons: [...YES_NO_BUTTONS] };
    }

    protected async recognize(context: TurnContext, text: string, options: LocalizedPromptOptions): Promise<PromptRecognizerResult<boolean>> {
        const { t } = turnInfo(context);
        if (options.amends && (draftChange(context, text) || correctsTheDraft(context, text))) {
            // "ergänze: …" at "Shall I send it?": not sent as it is; the dialog changes the draft and shows it again.
            return { succeeded: true, value: false };
        }
        const lower = text.toLocaleLowerCase();
        if (lower === t('common:yes').toLocaleLowerCase()) {
            return { succeeded: true, value: true };
        }
        if (lower === t('common:no').toLocaleLowerCase()) {
            return { succeeded: true, value: false };
        }
        // The buttons are shown numbered where a channel has none: 1 is yes, 2 is no.
        const number = /^\s*([12])\s*[.)]?\s*$/.exec(text)?.[1];
        if (number) {
            return { succeeded: true, value: number === '1' };
        }
        if (options.amends && newDraftSentence(context, text, '')) {
            // "we need the march invoice as pdf", "bitte auch die Rechnung vom März" at "Shall I send it?": not sent;
            // the dialog changes the draft and shows it again.
            return { succeeded: true, value: false };
        }
        const value = yesNoAnswer(context, text, 'start');
        return value === undefined ? { succeeded: false } : { succeeded: true, value };
    }
}

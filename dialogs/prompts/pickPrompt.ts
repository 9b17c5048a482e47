import type { TurnContext } from 'botbuilder';
import { recognizeChoices, type PromptRecognizerResult } from 'botbuilder-dialogs';
import { cultureOf } from '../../core/language';
import { turnInfo } from '../../bot/turn';
import { buttonLabel, LocalizedPrompt, matchButton, type LocalizedPromptOptions } from './localizedPrompt';

/**
 * One of the buttons, chosen by clicking, typing its label or part of it, or
 * its number ("2", "the second one"). Returns the button's value.
 */
export class PickPrompt extends LocalizedPrompt<string> {
    public constructor(dialogId: string) {
        super(dialogId);
    }

    protected async recognize(context: TurnContext, text: string, options: LocalizedPromptOptions): Promise<PromptRecognizerResult<string>> {
        const buttons = options.buttons ?? [];
        const exact = matchButton(context, buttons, text);
        if (exact) {
            return { succeeded: true, value: exact.value };
        }
        const choices = buttons.map((b) => ({ value: b.value, synonyms: [buttonLabel(context, b)] }));
        const found = recognizeChoices(text, choices, { locale: cultureOf(turnInfo(context).lang), allowPartialMatches: false });
        const best = found[0]?.resolution;
        return best ? { succeeded: true, value: best.value } : { succeeded: false };
    }
}

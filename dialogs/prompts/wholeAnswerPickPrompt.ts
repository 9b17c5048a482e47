import type { TurnContext } from 'botbuilder';
import { recognizeChoices, type PromptRecognizerResult } from 'botbuilder-dialogs';
import { cultureOf } from '../../core/language';
import { turnInfo } from '../../bot/turn';
import { buttonLabel, type LocalizedPromptOptions } from './localizedPrompt';
import { PickPrompt } from './pickPrompt';
import { wordsOf } from '../../core/words';

/** Words that may stand around a number or ordinal ("the second one", "Nummer 2", "die erste bitte"). */
const AROUND_NUMBERS = new Set(['the', 'one', 'number', 'no', 'nr', 'option', 'choice', 'please', 'der', 'die', 'das', 'den', 'nummer', 'bitte', 'eins', 'ok', 'okay']);

/**
 * A {@link PickPrompt} that takes a number or ordinal only when it is the
 * whole answer: "the other one" holds the number "one" but is no pick of the
 * first button, so it is asked again.
 */
export class WholeAnswerPickPrompt extends PickPrompt {
    public constructor(dialogId: string) {
        super(dialogId);
    }

    protected override async recognize(context: TurnContext, text: string, options: LocalizedPromptOptions): Promise<PromptRecognizerResult<string>> {
        const result = await super.recognize(context, text, options);
        return result.succeeded && this.numberInSentence(context, text, options) ? { succeeded: false } : result;
    }

    /** True when the pick came from a number or ordinal with other words around it. */
    private numberInSentence(context: TurnContext, text: string, options: LocalizedPromptOptions): boolean {
        const labels = (options.buttons ?? []).map((b) => buttonLabel(context, b));
        const labelWords = new Set(labels.flatMap(wordsOf));
        const found = recognizeChoices(text, labels.map((label, index) => ({ value: String(index), synonyms: [label] })), {
            locale: cultureOf(turnInfo(context).lang),
            allowPartialMatches: false
        })[0];
        if (!found || wordsOf(found.text).every((word) => labelWords.has(word))) {
            return false;
        }
        const around = wordsOf(`${text.slice(0, found.start)} ${text.slice(found.end + 1)}`);
        return around.some((word) => !AROUND_NUMBERS.has(word) && !labelWords.has(word));
    }
}


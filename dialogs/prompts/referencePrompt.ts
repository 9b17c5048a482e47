import type { TurnContext } from 'botbuilder';
import type { PromptRecognizerResult } from 'botbuilder-dialogs';
import { findEmail, findReference } from '../../language/entities';
import type { IntentRecognizer } from '../../language/nlu';
import { UNDERSTANDING_POLICY } from '../../language/understandingPolicy';
import { phraseList } from '../../language/phraseLists';
import { containsPhrase } from '../../core/words';
import { turnInfo } from '../../turn/turn';
import { understandTurn } from '../../turn/understand';
import { asksQuestion, yesNoAnswer } from './yesNoAnswer';
import { LocalizedPrompt } from './localizedPrompt';

/** The answer to "which request do you mean?": its reference, or that the person has none to give. */
export type ReferenceAnswer =
    | { readonly kind: 'reference'; readonly reference: string }
    | { readonly kind: 'none' }
    | { readonly kind: 'without' }
    | { readonly kind: 'email'; readonly email: string };

/** What the prompt counts in its state (kept by {@link LocalizedPrompt}): answers it could not use. */
interface ReferenceAttempts {
    failures?: number;
}

/**
 * A change-request reference (`BC-2026-000123`) anywhere in the answer, any
 * case, or the person's email address (their own requests are meant). A person who has none is not asked again and again: words that say so
 * (`requestStatus:noReference.heard`: "I don't have it", "keine Ahnung") are "without": the
 * person's own requests are meant. A question about something else the classifier places
 * nowhere, or a second answer without a try at a reference (no digits, no bare yes or no) is "none".
 */
export class ReferencePrompt extends LocalizedPrompt<ReferenceAnswer> {
    public constructor(dialogId: string, private readonly recognizer: IntentRecognizer) {
        super(dialogId);
    }

    protected async recognize(context: TurnContext, text: string, _options: unknown, state: object): Promise<PromptRecognizerResult<ReferenceAnswer>> {
        const reference = findReference(text);
        if (reference) {
            return { succeeded: true, value: { kind: 'reference', reference } };
        }
        const email = findEmail(text, turnInfo(context).lang);
        if (email) {
            // "peter.brooks@…": the person answers who they are; their own requests are listed once verified.
            return { succeeded: true, value: { kind: 'email', email } };
        }
        if (/\d/.test(text) || yesNoAnswer(context, text, 'whole') !== undefined) {
            // "BC 2026 123": a try at the reference, shown how it looks; a bare "yes" says it is coming.
            return { succeeded: false };
        }
        if (containsPhrase(text, phraseList(turnInfo(context).t, 'requestStatus:noReference.heard'))) {
            return { succeeded: true, value: { kind: 'without' } };
        }
        const understood = await understandTurn(context, this.recognizer);
        const placed = understood !== undefined && understood.intent !== 'none' && understood.intent !== 'out-of-scope' && understood.score >= UNDERSTANDING_POLICY.interrupt;
        const failedBefore = ((state as ReferenceAttempts).failures ?? 0) > 0;
        return !placed && (failedBefore || asksQuestion(context, text)) ? { succeeded: true, value: { kind: 'none' } } : { succeeded: false };
    }
}

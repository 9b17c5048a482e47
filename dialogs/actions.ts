import type { Intent } from '../language/nlu';
import type { LocalizedText, PromptButton } from './prompts/localizedPrompt';
import type { FollowUp, TaskResult } from './types';

/** Intents that can be offered as a next step; each has a label `actions:<intent>`. */
export type ActionIntent =
    | 'am-i-billing-contact'
    | 'change-billing-contact'
    | 'portal-password-reset'
    | 'email-billing-admin'
    | 'request-status'
    | 'talk-to-human'
    | 'more-topics'
    | 'thanks';

/** Intents whose button is also chosen by other words (`actions:synonyms.<intent>`: "yes, customer service"). */
const WITH_SYNONYMS: ReadonlySet<ActionIntent> = new Set(['talk-to-human']);

/** A button that starts what `intent` stands for when the main menu gets it. */
export function actionButton(intent: ActionIntent): PromptButton {
    return { value: intent, label: `actions:${intent}`, ...(WITH_SYNONYMS.has(intent) ? { synonyms: `actions:synonyms.${intent}` } : {}) };
}

/**
 * A task result that offers next steps: the question `text` with one button
 * per intent. A bare "no" chooses `thanks`; with `askedFirst` ("Shall I …?"
 * asks for the first intent) a bare "yes" chooses the first.
 */
export function offerNext(text: LocalizedText, intents: readonly ActionIntent[], options: { readonly askedFirst?: boolean } = {}): TaskResult {
    const answers = (intent: ActionIntent, index: number): PromptButton['answers'] =>
        intent === 'thanks' ? 'no' : options.askedFirst && index === 0 ? 'yes' : undefined;
    const followUp: FollowUp = { text, buttons: intents.map((intent, index) => ({ ...actionButton(intent), answers: answers(intent, index) })) };
    return { followUp };
}

/**
 * A task result that goes straight on with another intent (a button chosen inside the task);
 * `offerDeclined` when the same message first declined the task's offer.
 */
export function continueWith(next: Intent, offerDeclined = false): TaskResult {
    return offerDeclined ? { next, offerDeclined } : { next };
}

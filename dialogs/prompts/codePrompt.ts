import type { TurnContext } from 'botbuilder';
import type { PromptRecognizerResult } from 'botbuilder-dialogs';
import { findCode, findEmail } from '../../language/entities';
import { turnInfo } from '../../turn/turn';
import { mailStillMissing } from '../../language/mailArrival';
import { portalQuestion } from '../../language/portalQuestions';
import { LocalizedPrompt, matchButton, type LocalizedPromptOptions } from './localizedPrompt';

/** A typed one-time code, or one of the prompt's buttons (resend, other email). */
export type CodeInput =
    | { readonly kind: 'code'; readonly code: string }
    | { readonly kind: 'button'; readonly value: string }
    /** "falsche Adresse, ich meinte jonas.weber@…": the code goes to this address instead. */
    | { readonly kind: 'email'; readonly email: string };

/** What the code question answers itself: the mail with the code is still not there, or when it comes. */
export const CODE_MAIL_QUESTIONS = { notArrived: 'not-arrived', arrival: 'arrival' } as const;

/**
 * Six digits (spaces and dashes ignored), a corrected email address, or a button; anything else re-prompts.
 * "still no email after 5 min" and "how long until the email arrives?" are answered there (as the values of
 * {@link CODE_MAIL_QUESTIONS}): what to check, or when it comes; a plain "I didn't get a code" is the resend button.
 */
export class CodePrompt extends LocalizedPrompt<CodeInput> {
    public constructor(dialogId: string, private readonly length: number) {
        super(dialogId);
    }

    protected async recognize(context: TurnContext, text: string, options: LocalizedPromptOptions): Promise<PromptRecognizerResult<CodeInput>> {
        const code = findCode(text, this.length);
        if (code) {
            return { succeeded: true, value: { kind: 'code', code } };
        }
        const email = findEmail(text, turnInfo(context).lang);
        if (email) {
            return { succeeded: true, value: { kind: 'email', email } };
        }
        const { t } = turnInfo(context);
        if (mailStillMissing(t, text)) {
            return { succeeded: true, value: { kind: 'button', value: CODE_MAIL_QUESTIONS.notArrived } };
        }
        if (portalQuestion(t, text) === 'arrival') {
            return { succeeded: true, value: { kind: 'button', value: CODE_MAIL_QUESTIONS.arrival } };
        }
        const button = matchButton(context, options.buttons ?? [], text);
        return button ? { succeeded: true, value: { kind: 'button', value: button.value } } : { succeeded: false };
    }
}

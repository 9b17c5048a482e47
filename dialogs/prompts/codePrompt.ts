import type { TurnContext } from 'botbuilder';
import type { PromptRecognizerResult } from 'botbuilder-dialogs';
import { findCode, findEmail } from '../../language/entities';
import { turnInfo } from '../../turn/turn';
import { LocalizedPrompt, matchButton, type LocalizedPromptOptions } from './localizedPrompt';

/** A typed one-time code, or one of the prompt's buttons (resend, other email). */
export type CodeInput =
    | { readonly kind: 'code'; readonly code: string }
    | { readonly kind: 'button'; readonly value: string }
    /** "falsche Adresse, ich meinte jonas.weber@…": the code goes to this address instead. */
    | { readonly kind: 'email'; readonly email: string };

/** Six digits (spaces and dashes ignored), a corrected email address, or a button; anything else re-prompts. */
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
        const button = matchButton(context, options.buttons ?? [], text);
        return button ? { succeeded: true, value: { kind: 'button', value: button.value } } : { succeeded: false };
    }
}

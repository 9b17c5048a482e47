import type { TurnContext } from 'botbuilder';
import type { PromptRecognizerResult, PromptValidator } from 'botbuilder-dialogs';
import { LocalizedPrompt, matchButton, type LocalizedPromptOptions } from './localizedPrompt';

/** Longest free text the bot accepts in one answer. */
export const MAX_TEXT_LENGTH = 2000;

/** What a {@link TextInputPrompt} returns: the text, or the value of a button it matched. */
export interface TextInput {
    readonly text: string;
    readonly button?: string;
}

/** Free text (up to {@link MAX_TEXT_LENGTH} characters), with optional shortcut buttons. */
export class TextInputPrompt extends LocalizedPrompt<TextInput> {
    /** @param takes texts that count as an answer when deciding about interruptions ("nein, stattdessen eine neue Person: Bernd Bauer" at the name question). */
    public constructor(dialogId: string, validator?: PromptValidator<TextInput>, private readonly takesText?: (context: TurnContext, text: string) => boolean) {
        super(dialogId, validator);
    }

    /** Any text is a valid answer, but only a button (or what `takes` takes) counts as one when deciding about interruptions. */
    public override async accepts(context: TurnContext, text: string, options: LocalizedPromptOptions): Promise<boolean> {
        return matchButton(context, options.buttons ?? [], text, options.freeText) !== undefined || (this.takesText?.(context, text) ?? false);
    }

    protected async recognize(context: TurnContext, text: string, options: LocalizedPromptOptions): Promise<PromptRecognizerResult<TextInput>> {
        if (text.length > MAX_TEXT_LENGTH) {
            return { succeeded: false };
        }
        const button = matchButton(context, options.buttons ?? [], text, options.freeText);
        return { succeeded: true, value: { text, button: button?.value } };
    }
}

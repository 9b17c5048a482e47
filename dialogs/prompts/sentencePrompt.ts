import type { TurnContext } from 'botbuilder';
import type { PromptValidator } from 'botbuilder-dialogs';
import type { LocalizedPromptOptions } from './localizedPrompt';
import { TextInputPrompt, type TextInput } from './textInputPrompt';

/**
 * A short free-text answer such as a reason ("Anna quit"): anything of two or
 * more words is the answer and never taken as a command, because short
 * sentences with a name in them read like commands to the classifier. A
 * single word ("cancel", "Hilfe") may still interrupt.
 */
export class SentencePrompt extends TextInputPrompt {
    public constructor(dialogId: string, validator?: PromptValidator<TextInput>) {
        super(dialogId, validator);
    }

    public override async accepts(context: TurnContext, text: string, options: LocalizedPromptOptions): Promise<boolean> {
        return text.trim().split(/\s+/).length > 1 || (await super.accepts(context, text, options));
    }
}

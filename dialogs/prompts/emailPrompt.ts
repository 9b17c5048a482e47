import type { TurnContext } from 'botbuilder';
import type { PromptRecognizerResult, PromptValidator } from 'botbuilder-dialogs';
import { findEmail } from '../../language/entities';
import { turnInfo } from '../../turn/turn';
import { LocalizedPrompt } from './localizedPrompt';

/** An email address anywhere in the answer ("it's anna@example.com"), in the turn's culture. */
export class EmailPrompt extends LocalizedPrompt<string> {
    /** @param takes answers without an address that the dialog reads, which no interruption takes as another request. */
    public constructor(dialogId: string, validator?: PromptValidator<string>, takes?: (context: TurnContext, text: string) => boolean) {
        super(dialogId, validator, takes);
    }

    protected async recognize(context: TurnContext, text: string): Promise<PromptRecognizerResult<string>> {
        const email = findEmail(text, turnInfo(context).lang);
        return email ? { succeeded: true, value: email } : { succeeded: false };
    }
}

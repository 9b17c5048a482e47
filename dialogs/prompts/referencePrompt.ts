import type { TurnContext } from 'botbuilder';
import type { PromptRecognizerResult } from 'botbuilder-dialogs';
import { findReference } from '../../language/entities';
import { LocalizedPrompt } from './localizedPrompt';

/** A change-request reference (`BC-2026-000123`) anywhere in the answer, any case. */
export class ReferencePrompt extends LocalizedPrompt<string> {
    public constructor(dialogId: string) {
        super(dialogId);
    }

    protected async recognize(_context: TurnContext, text: string): Promise<PromptRecognizerResult<string>> {
        const reference = findReference(text);
        return reference ? { succeeded: true, value: reference } : { succeeded: false };
    }
}

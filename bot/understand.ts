import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { IntentRecognizer, Understanding } from './nlu';
import { turnInfo } from './turn';
import { submittedText } from './activityText';

/** The turn's message understood in the conversation's language, once per turn. */
export async function understandTurn(context: TurnContext, recognizer: IntentRecognizer): Promise<Understanding | undefined> {
    const info = turnInfo(context);
    if (context.activity.type !== ActivityTypes.Message) {
        return undefined;
    }
    if (info.understanding?.language === info.lang) {
        return info.understanding;
    }
    const text = submittedText(context.activity);
    if (text === undefined) {
        return undefined;
    }
    info.understanding = await recognizer.recognize(text, info.lang);
    return info.understanding;
}

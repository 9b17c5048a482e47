import { CardFactory, InputHints, MessageFactory, type Activity, type CardAction, type TurnContext } from 'botbuilder';
import { supportsCardActions, supportsSuggestedActions } from 'botbuilder-dialogs';

/**
 * A question with answer buttons, shaped for the turn's channel: suggested
 * actions where the channel has them (Web Chat, Direct Line, Emulator), card
 * buttons where it has only those (Teams), a numbered list otherwise. Unlike
 * ChoiceFactory it keeps buttons for labels longer than 20 characters.
 */
export function renderChoices(context: TurnContext, text: string, labels: readonly string[]): Partial<Activity> {
    const channelId = context.activity.channelId ?? '';
    const actions: CardAction[] = labels.map((label) => ({ type: 'imBack', title: label, value: label }));
    let activity: Partial<Activity>;
    if (supportsSuggestedActions(channelId, labels.length)) {
        activity = MessageFactory.suggestedActions(actions, text);
    } else if (supportsCardActions(channelId, labels.length)) {
        activity = MessageFactory.attachment(CardFactory.heroCard('', text, undefined, actions));
        activity.text = '';
        activity.summary = text;
    } else {
        activity = MessageFactory.text([text, '', ...labels.map((label, i) => `${i + 1}. ${label}`)].join('\n'));
    }
    activity.inputHint = InputHints.ExpectingInput;
    return activity;
}

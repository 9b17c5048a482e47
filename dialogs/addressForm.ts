import { ActivityTypes, type TurnContext } from 'botbuilder';
import { addressFormOffer } from '../language/addressForm';
import { readOnWith, turnInfo } from '../turn/turn';

/** What a message said besides the offer of a form of address: nothing, or more that the dialogs read on. */
export type AddressFormSaid = 'only' | 'more';

/**
 * Small talk about how to address the person ("du kannst mich duzen", "wir
 * können uns duzen", "you can call me Tom"): one friendly line that takes it
 * up (the bot stays with "Sie", as it does with everyone), and the flow goes
 * on where it was. When the message says more ("call me Tom, who is our
 * billing contact?"), the rest is what the dialogs read this turn.
 * @returns undefined when the message makes no such offer (nothing is sent).
 */
export async function acknowledgeAddressForm(context: TurnContext): Promise<AddressFormSaid | undefined> {
    const text = context.activity.text;
    if (context.activity.type !== ActivityTypes.Message || typeof text !== 'string') {
        return undefined;
    }
    const info = turnInfo(context);
    const offer = addressFormOffer(text, info.t);
    if (!offer) {
        return undefined;
    }
    await context.sendActivity(offer.name ? info.t('common:addressForm.replyName', { name: offer.name }) : info.t('common:addressForm.reply'));
    if (offer.rest === '') {
        return 'only';
    }
    // What follows this turn reads the rest.
    readOnWith(context, offer.rest);
    return 'more';
}

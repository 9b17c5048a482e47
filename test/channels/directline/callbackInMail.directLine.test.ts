import * as assert from 'assert';
import { botSaysAfter, botTextsSince, draftAtOfferToAnna, firstMessageAnswered, useDirectLineChats } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';
import { TOM } from '../../helpers/demoPeople';

/** What the bot says when customer service is to call back or take the chat: not said to a call back asked of the billing side. */
const TO_SERVICE = /get back to you|bei Ihnen melden|nobody from customer service|niemand vom Kundendienst/;

/**
 * A call back asked of the billing side in a mail ("please email our billing admin and ask him to call me back at 3pm
 * today", "schreib bitte der Anna, sie soll mich morgen um 9 zurückrufen") is that mail. Before, the words "call me
 * back"/"zurückrufen" won: the person was offered a call back from customer service, and in the English case the next
 * answer filed one without asking. A call back asked of our own people ("tell support to call me back") still goes to
 * customer service. Found in an exploratory pass; through botframework-directlinejs against the started server.
 */
describe('A call back asked of the billing side is a mail to them (Direct Line)', () => {
    const chats = useDirectLineChats();

    it('[en] "please email our billing admin and ask him to call me back at 3pm today" drafts that mail to Peter Brooks', async () => {
        const chat = await firstMessageAnswered(chats, 'en', 'please email our billing admin and ask him to call me back at 3pm today', TOM, PHRASES.en.preview, TO_SERVICE);
        assert.match(botTextsSince(chat, 0), /\n\s*Please call me back at 3pm today\.\n/);
    });

    it('[de] "ok, schreib bitte der Anna, sie soll mich morgen um 9 zurückrufen" at the offer to write drafts the mail to Anna Müller', async () => {
        const draft = await draftAtOfferToAnna(chats, 'ok, schreib bitte der Anna, sie soll mich morgen um 9 zurückrufen');
        assert.match(draft, /\n\s*Bitte mich morgen um 9 zurückrufen\.\n/);
        assert.doesNotMatch(draft, TO_SERVICE);
    });

    it('[en] "can you tell support to call me back" still goes to customer service', async () => {
        const chat = await chats.chatOn('en');
        const from = chat.all.length;
        await chat.say('can you tell support to call me back', localeOf('en'));
        await botSaysAfter(chat, from, TO_SERVICE);
        assert.doesNotMatch(botTextsSince(chat, from), /Which email address do you use/);
    });
});

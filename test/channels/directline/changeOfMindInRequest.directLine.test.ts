import * as assert from 'assert';
import { botSaysAfter, botTextsSince, useDirectLineChats, verifyAs } from '../../helpers/directLineChats';
import { localeOf } from '../../helpers/script';
import { ANNA, SARAH } from '../../helpers/demoPeople';

/**
 * Words people use in a change request that are no reason for it. "hab's mir anders überlegt, doch lieber Lea" at the
 * reason question names another new contact: the request is now for Lea, and the reason is asked for her. Before, the
 * words were taken as the reason and the request stayed for Jonas. "my email is …" beside the request only gives the
 * address: the reason is asked. Before, "My email is" was taken as the reason. Through botframework-directlinejs
 * against the started server.
 */
describe('A change of mind and an address are no reason for a change request (Direct Line)', () => {
    const chats = useDirectLineChats();

    it('[de] "hab\'s mir anders ueberlegt, doch lieber Lea" at the reason question asks the reason for Lea', async () => {
        const chat = await chats.chatOn('de');
        await chat.say('Ich möchte den Abrechnungskontakt auf Jonas ändern', localeOf('de'));
        await verifyAs(chats, chat, 'de', ANNA);
        await chat.botSays(/Warum soll Jonas Weber Abrechnungskontakt werden\?/);
        const from = chat.all.length;
        await chat.say("hab's mir anders ueberlegt, doch lieber Lea", localeOf('de'));
        await botSaysAfter(chat, from, /Warum soll Lea Fischer Abrechnungskontakt werden\?/);
        await chat.say('Anna geht in Elternzeit', localeOf('de'));
        await botSaysAfter(chat, from, /Soll ich den Antrag stellen\?/);
        const summary = botTextsSince(chat, from);
        assert.match(summary, /Neuer Abrechnungskontakt: Lea Fischer/);
        assert.match(summary, /Grund: Anna geht in Elternzeit/);
        assert.doesNotMatch(summary, /überlegt|ueberlegt/);
    });

    it('[en] "please make me the billing contact. my email is …" asks the reason instead of taking "My email is"', async () => {
        const chat = await chats.chatOn('en');
        await chat.say(`please make me the billing contact. my email is ${SARAH}`, localeOf('en'));
        await chat.botSays(/I've just sent a 6-digit code/);
        const from = chat.all.length;
        await chat.say(await chats.running().latestCode(SARAH), localeOf('en'));
        await botSaysAfter(chat, from, /Why should Sarah Lee become the billing contact\?/);
        assert.doesNotMatch(botTextsSince(chat, from), /Reason: My email is/);
    });
});

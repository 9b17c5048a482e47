import * as assert from 'assert';
import { botSaysAfter, botTextsSince, useDirectLineChats, verifyAs } from '../../helpers/directLineChats';
import { ANNA } from '../../helpers/demoPeople';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';

/**
 * A first message that opens with a greeting and who writes, in small letters, before a comma ("hi im anna, i want to
 * hand over billing to jonas. anna.mueller@…", "hallo ich bin anna, ich möchte die abrechnung an jonas übergeben"): the
 * request after it is taken, with the address in the message. Before, the English read as a greeting ("Hello! Good to have
 * you here." and the menu, the request and the address lost), the German as "am I the billing contact?".
 * Through botframework-directlinejs against the started server.
 */
describe('A greeting and an introduction before the request in one first message (Direct Line)', () => {
    const chats = useDirectLineChats();

    it('[en] "hi im anna, i want to hand over billing to jonas. <address>": verified with that address, then asked why Jonas Weber', async () => {
        const chat = await chats.chatOn('en');
        const from = chat.all.length;
        await chat.say(`hi im anna, i want to hand over billing to jonas. ${ANNA}`, localeOf('en'));
        await chat.botSays(PHRASES.en.codeSent);
        await chat.say(await chats.running().latestCode(ANNA), localeOf('en'));
        await botSaysAfter(chat, from, /Why should Jonas Weber become the billing contact\?/);
        const said = botTextsSince(chat, from);
        assert.doesNotMatch(said, /Good to have you here/);
        assert.doesNotMatch(said, PHRASES.en.askEmail);
    });

    it('[de] "hallo ich bin anna, ich möchte die abrechnung an jonas übergeben": verified, then asked why Jonas Weber', async () => {
        const chat = await chats.chatOn('de');
        const from = chat.all.length;
        await chat.say('hallo ich bin anna, ich möchte die abrechnung an jonas übergeben', localeOf('de'));
        await verifyAs(chats, chat, 'de', ANNA);
        await botSaysAfter(chat, from, /Warum soll Jonas Weber Abrechnungskontakt werden\?/);
        assert.doesNotMatch(botTextsSince(chat, from), /Sie sind (der|ein) Abrechnungskontakt/);
    });
});

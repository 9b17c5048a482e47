import * as assert from 'assert';
import { botSaysAfter, botTextsSince, useDirectLineChats, verifiedChat } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';
import { LEA } from '../../helpers/demoPeople';

/**
 * "leiten Sie mich bitte weiter", "just transfer me please" (main:fieldSynonyms.transferMe) ask for a person, wherever
 * they are typed. Before, the German one at the offer to email the billing contact became the mail's text ("Dann
 * leiten Sie mich bitte weiter", "Soll ich sie senden?"), and the English one at the email question got "That doesn't
 * look like an email address". Through botframework-directlinejs against the started server.
 */
describe('"Transfer me" asks for a person (Direct Line)', () => {
    const chats = useDirectLineChats();

    it('[de] "ok, dann leiten Sie mich bitte weiter" at the offer to email the billing contact', async () => {
        const chat = await verifiedChat(chats, 'de', LEA, PHRASES.de.offerEmail);
        const from = chat.all.length;
        await chat.say('ok, dann leiten Sie mich bitte weiter', localeOf('de'));
        await botSaysAfter(chat, from, /Kundendienst/);
        const said = botTextsSince(chat, from);
        assert.doesNotMatch(said, PHRASES.de.confirm);
        assert.doesNotMatch(said, /leiten Sie mich/);
    });

    it('[en] "fine, just transfer me please" at the email question', async () => {
        const chat = await chats.chatOn('en');
        await chat.say(PHRASES.en.whoIs, localeOf('en'));
        await chat.botSays(PHRASES.en.askEmail);
        const from = chat.all.length;
        await chat.say('fine, just transfer me please', localeOf('en'));
        await botSaysAfter(chat, from, /customer service/);
        assert.doesNotMatch(botTextsSince(chat, from), /doesn't look like an email address/);
    });
});

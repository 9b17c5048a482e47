import * as assert from 'assert';
import { botSaysAfter, botTextsSince, useDirectLineChats, verifyAs, verifiedChat } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';
import { JONAS, MARIA, PETER } from '../../helpers/demoPeople';

/**
 * What the bot told a moment ago, asked for again in few words: the portal user ID ("what was my user id again?",
 * "wie war nochmal meine Benutzer-ID?") after the answer to a billing contact of a corporate account, and the
 * reference ("welche Nummer hatte das nochmal?") after a change request was filed. Before: "I can't answer that
 * question here" and "Das habe ich leider nicht verstanden". Through botframework-directlinejs against the started server.
 */
describe('Told again: the portal user ID and the request reference (Direct Line)', () => {
    const chats = useDirectLineChats();

    it('[en] "what was my user id again?" after the answer to Peter Brooks', async () => {
        const chat = await verifiedChat(chats, 'en', PETER, PHRASES.en.caseC);
        const from = chat.all.length;
        await chat.say('what was my user id again?', localeOf('en'));
        await botSaysAfter(chat, from, /Your user ID for the Corporate Billing Portal is pbrooks\./);
        assert.doesNotMatch(botTextsSince(chat, from), /can't answer that/);
    });

    it('[de] "wie war nochmal meine Benutzer-ID?" after the answer to Maria Bergmann', async () => {
        const chat = await verifiedChat(chats, 'de', MARIA, PHRASES.de.caseC);
        const from = chat.all.length;
        await chat.say('wie war nochmal meine Benutzer-ID?', localeOf('de'));
        await botSaysAfter(chat, from, /Ihre Benutzer-ID für das Corporate Billing Portal lautet mbergmann-billing\./);
        assert.doesNotMatch(botTextsSince(chat, from), /nicht beantworten/);
    });

    it('[de] "welche Nummer hatte das nochmal?" right after a change request was filed', async () => {
        const chat = await chats.chatOn('de');
        await chat.say('Ich möchte den Abrechnungskontakt auf Lea Fischer ändern, Anna geht in Elternzeit', localeOf('de'));
        await verifyAs(chats, chat, 'de', JONAS);
        await chat.botSays(/Soll ich den Antrag stellen\?/);
        await chat.say('ja', localeOf('de'));
        await chat.botSays(/Referenz (BC-\d{4}-\d{6})/);
        const reference = /BC-\d{4}-\d{6}/.exec(botTextsSince(chat, 0))?.[0] ?? '';
        const from = chat.all.length;
        await chat.say('welche Nummer hatte das nochmal?', localeOf('de'));
        await botSaysAfter(chat, from, new RegExp(`Ihr Antrag hat die Referenz ${reference}\\.`));
        assert.doesNotMatch(botTextsSince(chat, from), PHRASES.de.notUnderstood);
    });
});

import * as assert from 'assert';
import { botSaysAfter, botTextsSince, useDirectLineChats, verifyAs } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';
import { ANNA, KLAUS } from '../../helpers/demoPeople';

/**
 * "gotta go, I'll be back later", "bin gleich wieder da" in the middle of a task: the bot says to answer when back,
 * takes nothing from the words, and the open question goes on. Before, at a change request's summary the words became
 * the request's reason ("Reason: Gotta go, I'll be back later"). Through botframework-directlinejs against the started server.
 */
describe('"Back later" in the middle of a task (Direct Line)', () => {
    const chats = useDirectLineChats();

    it('[en] at the summary of a change request: the reason stays, and a yes files it', async () => {
        const chat = await chats.chatOn('en');
        await chat.say('I want to change the billing contact', localeOf('en'));
        await verifyAs(chats, chat, 'en', KLAUS);
        await chat.botSays(/Who should become the billing contact/);
        await chat.say('Eva Schulz', localeOf('en'));
        await chat.botSays(/Whom should Eva Schulz replace/);
        await chat.say('Klaus Bergmann', localeOf('en'));
        await chat.botSays(/Why should Eva Schulz become the billing contact\?/);
        await chat.say('Klaus is retiring', localeOf('en'));
        await chat.botSays(/Shall I file this request\?/);
        let from = chat.all.length;
        await chat.say("gotta go, I'll be back later", localeOf('en'));
        await botSaysAfter(chat, from, /No problem – just reply here when you're back\./);
        assert.doesNotMatch(botTextsSince(chat, from), /Reason:/);
        from = chat.all.length;
        await chat.say('yes', localeOf('en'));
        await botSaysAfter(chat, from, /your request has the reference BC-\d{4}-\d{6}/);
        const filed = (await chats.running().app.db.all<{ reason: string }>('SELECT reason FROM change_requests', [])).map((row) => row.reason);
        assert.deepStrictEqual(filed, ['Klaus is retiring']);
    });

    it('[de] at the email question: the question goes on with the address', async () => {
        const chat = await chats.chatOn('de');
        await chat.say(PHRASES.de.whoIs, localeOf('de'));
        await chat.botSays(PHRASES.de.askEmail);
        const from = chat.all.length;
        await chat.say('bin gleich wieder da', localeOf('de'));
        await botSaysAfter(chat, from, /Kein Problem\. Antworten Sie einfach hier, wenn Sie zurück sind\./);
        assert.doesNotMatch(botTextsSince(chat, from), PHRASES.de.notUnderstood);
        await chat.say(ANNA, localeOf('de'));
        await botSaysAfter(chat, from, PHRASES.de.codeSent);
    });
});

import * as assert from 'assert';
import { botSaysAfter, botTextsSince, useDirectLineChats } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';
import { LEA } from '../../helpers/demoPeople';

/**
 * Contractions typed without their apostrophe, as people type on a phone: "didnt get the code", "havent received
 * anything" at the code question send a new code, as "I didn't get the code" does; "wheres my user id" at the user-ID
 * question says where to find it. Before, both were re-prompted ("Please type the 6-digit code …", "Please type the
 * user ID …"). Through botframework-directlinejs against the started server.
 */
describe('Contractions without their apostrophe (Direct Line)', () => {
    const chats = useDirectLineChats();

    it('[en] "didnt get the code", "havent received anything": a new code each time', async () => {
        const chat = await chats.chatOn('en');
        const p = PHRASES.en;
        await chat.say(p.whoIs, localeOf('en'));
        await chat.botSays(p.askEmail);
        await chat.say(LEA, localeOf('en'));
        await chat.botSays(p.codeSent);
        for (const words of ['didnt get the code', 'havent received anything']) {
            const from = chat.all.length;
            await chat.say(words, localeOf('en'));
            await botSaysAfter(chat, from, p.codeSent);
        }
        const from = chat.all.length;
        await chat.say(await chats.running().latestCode(LEA), localeOf('en'));
        await botSaysAfter(chat, from, p.verified);
    });

    it('[en] "wheres my user id" at the user-ID question: where to find it', async () => {
        const chat = await chats.chatOn('en');
        await chat.say('reset my portal password', localeOf('en'));
        await chat.botSays(/Please type the user ID of the billing-contact account/);
        const from = chat.all.length;
        await chat.say('wheres my user id', localeOf('en'));
        await botSaysAfter(chat, from, /Your user ID is on every invoice we email to the billing contact/);
        assert.doesNotMatch(botTextsSince(chat, from), /Please type just the user ID/);
    });
});

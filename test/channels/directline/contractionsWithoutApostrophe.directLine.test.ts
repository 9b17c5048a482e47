import * as assert from 'assert';
import { botTextsSince, useDirectLineChats } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';

/**
 * "nope thats it", "no thats it": a contraction typed without its apostrophe
 * made the message unknown ("Sorry, I didn't quite get that" and the menu) or
 * outside what the bot does, though "nope that's it" says goodbye. English
 * contractions that are no other word without it ("thats", "dont", "didnt";
 * never "im", "id", "its") are now read with their apostrophe as well, and
 * that reading counts when it understands the message at least as surely.
 * Through botframework-directlinejs against the started server.
 */
describe('English contractions typed without their apostrophe (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const text of ['nope thats it', 'no thats it']) {
        it(`[en] "${text}" as the first message is a goodbye`, async () => {
            const chat = await chats.chatOn('en');
            const from = chat.all.length;
            await chat.say(text, localeOf('en'));
            await chat.botSays(/did this conversation help you\?/);
            const said = botTextsSince(chat, from);
            assert.match(said, /Goodbye/, said);
            assert.doesNotMatch(said, PHRASES.en.menu, said);
        });
    }
});

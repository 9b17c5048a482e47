import * as assert from 'assert';
import { botTextsSince, useDirectLineChats } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';

/**
 * Asking leave to write in the other language is asking to switch to it:
 * "kann ich auch englisch schreiben?" was read as a wish to email the billing
 * administrator (its "schreiben") and started the verification; "can i write
 * in german here?" too (its "here" made one word too many for a switch). Now
 * the bot goes on in the language asked for, also in the middle of a question.
 * Through botframework-directlinejs against the started server.
 */
describe('Leave asked to write in the other language (Direct Line)', () => {
    const chats = useDirectLineChats();

    it('[de] "kann ich auch englisch schreiben?" as the first message: the bot goes on in English', async () => {
        const chat = await chats.chatOn('de');
        const from = chat.all.length;
        await chat.say('kann ich auch englisch schreiben?', localeOf('de'));
        await chat.botSays(PHRASES.en.menu);
        const said = botTextsSince(chat, from);
        assert.match(said, /let's continue in English/, said);
        assert.doesNotMatch(said, PHRASES.de.askEmail, said);
    });

    it('[en] "can i write in german here?" as the first message: the bot goes on in German', async () => {
        const chat = await chats.chatOn('en');
        const from = chat.all.length;
        await chat.say('can i write in german here?', localeOf('en'));
        await chat.botSays(PHRASES.de.menu);
        const said = botTextsSince(chat, from);
        assert.match(said, /machen wir auf Deutsch weiter/, said);
        assert.doesNotMatch(said, PHRASES.en.askEmail, said);
    });

    it('[en] "is it ok if i type in german instead?" at the email question: asked again in German', async () => {
        const chat = await chats.chatOn('en');
        await chat.say(PHRASES.en.whoIs, localeOf('en'));
        await chat.botSays(PHRASES.en.askEmail);
        const from = chat.all.length;
        await chat.say('is it ok if i type in german instead?', localeOf('en'));
        await chat.botSays(PHRASES.de.askEmail);
        assert.match(botTextsSince(chat, from), /machen wir auf Deutsch weiter/);
    });

    it('[de] "kannst du der maria auf englisch schreiben" is still a mail, not a switch', async () => {
        const chat = await chats.chatOn('de');
        const from = chat.all.length;
        await chat.say('kannst du der maria auf englisch schreiben', localeOf('de'));
        await chat.botSays(PHRASES.de.askEmail);
        assert.doesNotMatch(botTextsSince(chat, from), /continue in English/);
    });
});

import * as assert from 'assert';
import { botSaysAfter, botTextsSince, useDirectLineChats, verifyAs } from '../../helpers/directLineChats';
import { localeOf } from '../../helpers/script';
import { TASK_PHRASES } from '../../helpers/taskPhrases';
import { EVA, SARAH } from '../../helpers/demoPeople';

/**
 * A new billing contact named with their job before the name ("our new Finance Manager Julia Stone",
 * "unsere neue Buchhalterin Julia Stein") is filed under the name alone (changeContact:jobTitleWords); before,
 * "Why should Finance Manager Julia Stone become the billing contact?" and the request under that name.
 * Through botframework-directlinejs against the started server.
 */
describe('A job title before the new contact\'s name is no part of it (Direct Line)', () => {
    const chats = useDirectLineChats();

    it('[en] "… to our new Finance Manager Julia Stone (julia.stone@…)" asks why Julia Stone should become it', async () => {
        const chat = await chats.chatOn('en');
        await chat.say('please change our billing contact to our new Finance Manager Julia Stone (julia.stone@northwind.example)', localeOf('en'));
        const from = chat.all.length;
        await verifyAs(chats, chat, 'en', SARAH);
        await botSaysAfter(chat, from, /Why should Julia Stone become the billing contact\?/);
        assert.doesNotMatch(botTextsSince(chat, from), /Manager/);
    });

    it('[de] the name asked for, typed "Buchhalterin Julia Stein", is Julia Stein', async () => {
        const chat = await chats.chatOn('de');
        await chat.say('Ich möchte den Abrechnungskontakt ändern', localeOf('de'));
        await verifyAs(chats, chat, 'de', EVA);
        await chat.botSays(TASK_PHRASES.de.changeIntro);
        const from = chat.all.length;
        await chat.say('jemand Neues', localeOf('de'));
        await botSaysAfter(chat, from, TASK_PHRASES.de.askName);
        const named = chat.all.length;
        await chat.say('Buchhalterin Julia Stein', localeOf('de'));
        await botSaysAfter(chat, named, /Julia Stein/);
        assert.doesNotMatch(botTextsSince(chat, named), /Buchhalterin Julia/);
    });
});

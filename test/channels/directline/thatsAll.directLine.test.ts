import * as assert from 'assert';
import { botSaysAfter, botTextsSince, useDirectLineChats } from '../../helpers/directLineChats';
import { localeOf } from '../../helpers/script';
import type { Lang } from '../../../core/language';

const ROWS: ReadonlyArray<{ readonly lang: Lang; readonly unclear: string; readonly notUnderstood: RegExp; readonly done: string; readonly closing: RegExp; readonly welcomeOnly: RegExp }> = [
    { lang: 'en', unclear: 'hmm okay so', notUnderstood: /didn't quite get that/, done: "that's all", closing: /All right\. If you need anything else, just write to me\. Goodbye!/, welcomeOnly: /^You're welcome!$/m },
    { lang: 'en', unclear: 'blue widgets on tuesday maybe', notUnderstood: /not something I can help with/, done: 'ok thats all, thanks', closing: /Goodbye/, welcomeOnly: /^You're welcome!$/m },
    { lang: 'de', unclear: 'naja also', notUnderstood: /nicht verstanden/, done: "danke, das war's", closing: /Gern geschehen! Auf Wiedersehen und einen schönen Tag noch\./, welcomeOnly: /^Gern geschehen!$/m },
    { lang: 'de', unclear: 'blaue Dinger am Dienstag vielleicht', notUnderstood: /Dabei kann ich Ihnen leider nicht helfen/, done: 'das wars schon', closing: /Auf Wiedersehen/, welcomeOnly: /^Gern geschehen!$/m }
];

/**
 * "That's all", "danke, das war's", "das wars schon" after the bot did not understand a message (at its menu, or at its
 * offer of a person): the conversation closes with a goodbye. Before, the bot answered "You're welcome!"/"Gern geschehen!" alone and kept the menu open, as if thanked
 * for something, and read "das wars schon" as a question about a request's status. Through botframework-directlinejs against the started server.
 */
describe('"That\'s all" closes the conversation (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const row of ROWS) {
        it(`[${row.lang}] "${row.done}" after a message the bot did not understand says goodbye`, async () => {
            const chat = await chats.chatOn(row.lang);
            let from = chat.all.length;
            await chat.say(row.unclear, localeOf(row.lang));
            await botSaysAfter(chat, from, row.notUnderstood);
            from = chat.all.length;
            await chat.say(row.done, localeOf(row.lang));
            await botSaysAfter(chat, from, row.closing);
            assert.doesNotMatch(botTextsSince(chat, from), row.welcomeOnly);
        });
    }
});

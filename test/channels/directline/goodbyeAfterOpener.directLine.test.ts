import { botSaysAfter, botTextsSince, useDirectLineChats } from '../../helpers/directLineChats';
import { localeOf } from '../../helpers/script';
import { PHRASES } from '../../helpers/phrases';
import * as assert from 'assert';
import type { Lang } from '../../../core/language';

const ROWS: ReadonlyArray<{ readonly lang: Lang; readonly ask: string; readonly leave: string; readonly goodbye: RegExp; readonly asked: RegExp }> = [
    { lang: 'de', ask: 'Wer ist mein Abrechnungskontakt?', leave: 'ach wissen Sie was, ich mach das später. Tschüss', goodbye: /Auf Wiedersehen und einen schönen Tag noch!/, asked: /sieht nicht nach einer E-Mail-Adresse aus/ },
    { lang: 'en', ask: 'who is my billing contact?', leave: "you know what, I'll do this later. bye", goodbye: /Goodbye, and have a nice day!/, asked: /You can answer the question below/ },
    { lang: 'en', ask: 'who is my billing contact?', leave: "I'll do this later. bye", goodbye: /Goodbye, and have a nice day!/, asked: /doesn't look like an email address/ }
];

/**
 * Leaving at the question for the email address with an opener in front ("ach wissen Sie was, …", "you know what, …")
 * or putting it off in English ("I'll do this later. bye"): a goodbye. Before, the German was told it was no email
 * address, the English asked the question again. Through botframework-directlinejs against the started server.
 */
describe('A goodbye after an opener or a "later" is a goodbye (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const row of ROWS) {
        it(`[${row.lang}] "${row.leave}" at the email question says goodbye`, async () => {
            const chat = await chats.chatOn(row.lang);
            await chat.say(row.ask, localeOf(row.lang));
            await chat.botSays(PHRASES[row.lang].askEmail);
            const from = chat.all.length;
            await chat.say(row.leave, localeOf(row.lang));
            await botSaysAfter(chat, from, row.goodbye);
            assert.doesNotMatch(botTextsSince(chat, from), row.asked);
        });
    }
});

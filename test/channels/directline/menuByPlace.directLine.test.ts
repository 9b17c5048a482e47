import * as assert from 'assert';
import { botSaysAfter, botTextsSince, useDirectLineChats } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';
import type { Lang } from '../../../core/language';

const ASK_USER_ID: Readonly<Record<Lang, RegExp>> = {
    en: /Please type the user ID of the billing-contact account/,
    de: /Bitte geben Sie die Benutzer-ID des Abrechnungskontakts ein/
};

const NOT_UNDERSTOOD: Readonly<Record<Lang, RegExp>> = {
    en: /Sorry, I didn't quite get that/,
    de: /Das habe ich leider nicht verstanden/
};

const ROWS: ReadonlyArray<{ readonly lang: Lang; readonly said: string; readonly then: RegExp }> = [
    { lang: 'de', said: 'die vierte', then: ASK_USER_ID.de },
    { lang: 'en', said: '4', then: ASK_USER_ID.en },
    { lang: 'en', said: 'the fourth one please', then: ASK_USER_ID.en },
    { lang: 'de', said: 'Nummer 1 bitte', then: PHRASES.de.askEmail },
    { lang: 'en', said: '42', then: NOT_UNDERSTOOD.en }
];

/**
 * A menu option named by its place ("die vierte", "Nummer 1", "4"), as people answer a list: that option. Before, the bot
 * did not understand it. A number beyond the options is still not understood. Through botframework-directlinejs against
 * the started server.
 */
describe('A menu option named by its place (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const row of ROWS) {
        it(`[${row.lang}] "${row.said}" at the menu`, async () => {
            const chat = await chats.chatOn(row.lang);
            const from = chat.all.length;
            await chat.say(row.said, localeOf(row.lang));
            await botSaysAfter(chat, from, row.then);
            if (row.then !== NOT_UNDERSTOOD[row.lang]) {
                assert.doesNotMatch(botTextsSince(chat, from), NOT_UNDERSTOOD[row.lang]);
            }
        });
    }
});

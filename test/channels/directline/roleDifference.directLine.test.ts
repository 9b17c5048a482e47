import * as assert from 'assert';
import { botTextsSince, useDirectLineChats } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';
import type { Lang } from '../../../core/language';

/** Questions how an admin and the billing contact differ, and the article's answer: what the billing contact may do that admins may not. */
const ROWS: ReadonlyArray<{ readonly lang: Lang; readonly text: string }> = [
    { lang: 'en', text: 'whats the diff between admin and billing contact' },
    { lang: 'en', text: "what's the difference between an admin and the billing contact?" },
    { lang: 'de', text: 'was ist der unterschied zwischen admin und abrechnungskontakt' }
];

const ANSWER: Readonly<Record<Lang, RegExp>> = {
    en: /Admins who are not the billing contact cannot do this/,
    de: /Administratoren, die nicht Abrechnungskontakt sind, können das nicht/
};

/**
 * "whats the diff between admin and billing contact": read by the classifier as a mail to the admin (the address
 * question), a change of billing contact, or, in German, the difference of the account types. A word of difference,
 * one of admins and the role named ask how the two differ: the article's answer what the billing contact may do, no
 * verification, then the question what else. Through botframework-directlinejs against the started server.
 */
describe('A question how an admin and the billing contact differ (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const row of ROWS) {
        it(`[${row.lang}] "${row.text}" is answered with what the billing contact may do`, async () => {
            const chat = await chats.chatOn(row.lang);
            const from = chat.all.length;
            await chat.say(row.text, localeOf(row.lang));
            await chat.botSays(ANSWER[row.lang]);
            const said = botTextsSince(chat, from);
            assert.doesNotMatch(said, PHRASES[row.lang].askEmail, said);
        });
    }
});

import * as assert from 'assert';
import { botSaysAfter, botTextsSince, useDirectLineChats, verifiedChat } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';
import { EVA } from '../../helpers/demoPeople';
import type { Lang } from '../../../core/language';

const ROWS: ReadonlyArray<{ readonly lang: Lang; readonly asked: string; readonly whomReplaced: RegExp; readonly notAnswered: RegExp }> = [
    { lang: 'de', asked: 'und kann ich das auf mich aendern lassen?', whomReplaced: /Wen soll Eva Schulz als Abrechnungskontakt ersetzen\?/, notAnswered: /nicht beantworten|Kennwort/ },
    { lang: 'en', asked: 'ok, can you switch it to me?', whomReplaced: /Whom should Eva Schulz replace/, notAnswered: /can't answer that|password/ }
];

/**
 * Right after the answer who the billing contact is, an admin asks to have it changed to themselves in few words
 * ("und kann ich das auf mich aendern lassen?", "can you switch it to me?"): the change request starts with the admin
 * as the new contact. Before, the German one was read as a portal password reset and got "Diese Frage kann ich Ihnen an
 * dieser Stelle leider nicht beantworten". Through botframework-directlinejs against the started server, as Eva Schulz
 * (admin of Bergmann & Söhne, whose two billing contacts are Klaus and Maria Bergmann).
 */
describe('"Kann ich das auf mich ändern lassen?" after the answer (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const row of ROWS) {
        it(`[${row.lang}] "${row.asked}" starts the change to the admin herself`, async () => {
            const chat = await verifiedChat(chats, row.lang, EVA, PHRASES[row.lang].offerEmail);
            const from = chat.all.length;
            await chat.say(row.asked, localeOf(row.lang));
            await botSaysAfter(chat, from, row.whomReplaced);
            assert.doesNotMatch(botTextsSince(chat, from), row.notAnswered);
        });
    }
});

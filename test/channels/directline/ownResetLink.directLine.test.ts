import * as assert from 'assert';
import { botSaysAfter, botTextsSince, useDirectLineChats, verifiedChat } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';
import { KLAUS, PETER } from '../../helpers/demoPeople';
import type { Lang } from '../../../core/language';

const ROWS: ReadonlyArray<{ readonly lang: Lang; readonly who: string; readonly reset: string; readonly done: RegExp; readonly guarded: RegExp }> = [
    { lang: 'en', who: PETER, reset: 'Reset my portal password', done: /Done: I've asked the portal to send a password reset link to your billing-contact email address on file\./, guarded: /If this is the user ID/ },
    { lang: 'de', who: KLAUS, reset: 'Portal-Kennwort zurücksetzen', done: /Erledigt: Für Ihre Benutzer-ID habe ich das Portal gebeten, einen Link zum Zurücksetzen des Kennworts an Ihre hinterlegte E-Mail-Adresse als Abrechnungskontakt zu senden\./, guarded: /Wenn dies die Benutzer-ID/ }
];

/**
 * A verified billing contact whose own portal user ID the bot took from the directory ("I'll use your billing-contact
 * user ID pbrooks") is told plainly that the link goes to their address on file. Before, they got the reply for a
 * user ID typed in by anyone ("If this is the user ID of a billing contact, …; otherwise the user ID is not right"),
 * which doubted the ID the bot had just named. Through botframework-directlinejs against the started server.
 */
describe('The reset link for the verified person\'s own user ID (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const row of ROWS) {
        it(`[${row.lang}] "${row.reset}" after the answer`, async () => {
            const chat = await verifiedChat(chats, row.lang, row.who, PHRASES[row.lang].caseC);
            const from = chat.all.length;
            await chat.say(row.reset, localeOf(row.lang));
            await botSaysAfter(chat, from, row.done);
            assert.doesNotMatch(botTextsSince(chat, from), row.guarded);
        });
    }
});

import * as assert from 'assert';
import { botSaysAfter, botTextsSince, useDirectLineChats } from '../../helpers/directLineChats';
import { localeOf } from '../../helpers/script';
import type { Lang } from '../../../core/language';

const ROWS: ReadonlyArray<{ readonly lang: Lang; readonly ask: string; readonly askUserId: RegExp; readonly elsewhere: string; readonly stopped: RegExp; readonly misread: RegExp }> = [
    {
        lang: 'de',
        ask: 'passwort portal zurücksetzen',
        askUserId: /Bitte geben Sie die Benutzer-ID des Abrechnungskontakts ein/,
        elsewhere: 'ach nein, lassen Sie, ich frage lieber Maria aus der Buchhaltung',
        stopped: /In Ordnung, ich habe den Vorgang abgebrochen/,
        misread: /Benutzer-ID ein|E-Mail-Adresse|Was soll ich/
    },
    {
        lang: 'en',
        ask: 'reset my corporate billing portal password please',
        askUserId: /Please type the user ID of the billing-contact account/,
        elsewhere: "never mind, I'll ask Maria from accounting instead",
        stopped: /All right, I've stopped that/,
        misread: /user ID|email address|subscription plan/
    }
];

/**
 * At the portal's user-ID question, a stop followed by whom the person will ask instead ("ach nein, lassen Sie, ich frage
 * lieber Maria aus der Buchhaltung"): the reset is stopped. Before, the German started the check for a mail to the
 * billing contact and the English got the subscription plan's topic. Through botframework-directlinejs against the
 * started server.
 */
describe('A stop to ask someone else instead (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const row of ROWS) {
        it(`[${row.lang}] "${row.elsewhere}" at the user-ID question stops the reset`, async () => {
            const chat = await chats.chatOn(row.lang);
            await chat.say(row.ask, localeOf(row.lang));
            await chat.botSays(row.askUserId);
            const from = chat.all.length;
            await chat.say(row.elsewhere, localeOf(row.lang));
            await botSaysAfter(chat, from, row.stopped);
            assert.doesNotMatch(botTextsSince(chat, from), row.misread);
        });
    }
});

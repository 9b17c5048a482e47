import * as assert from 'assert';
import { botSaysAfter, botTextsSince, useDirectLineChats, verifiedChat } from '../../helpers/directLineChats';
import { localeOf } from '../../helpers/script';
import { KLAUS, PETER } from '../../helpers/demoPeople';
import type { Lang } from '../../../core/language';

interface Row {
    readonly lang: Lang;
    readonly who: string;
    /** The offer after the answer: a reset link for the portal. */
    readonly offer: RegExp;
    readonly declined: string;
    /** What the "No, thanks" button of the offer is answered with. */
    readonly noThanks: RegExp;
    readonly nothingToCancel: RegExp;
}

const ROWS: readonly Row[] = [
    { lang: 'de', who: KLAUS, offer: /Soll ich Ihnen gleich einen Link/, declined: 'nee lass mal', noThanks: /In Ordnung\. Wenn Sie noch etwas brauchen/, nothingToCancel: /nichts abzubrechen/ },
    { lang: 'en', who: PETER, offer: /Shall I have a reset link|reset link/, declined: 'never mind', noThanks: /All right\. If you need anything else/, nothingToCancel: /nothing to cancel/ }
];

/**
 * Words that would cancel a task ("nee lass mal", "never mind") typed at an offer after the answer ("Soll ich Ihnen
 * gleich einen Link … senden lassen?") decline the offer, as its "No, thanks" does. Before, the bot answered "there's
 * nothing to cancel right now" and asked the same question again. Through botframework-directlinejs against the
 * started server, as a billing contact of a corporate account (offered a reset link).
 */
describe('Cancel words at an offer decline it (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const row of ROWS) {
        it(`[${row.lang}] "${row.declined}" at the offer of a reset link`, async () => {
            const chat = await verifiedChat(chats, row.lang, row.who, row.offer);
            const from = chat.all.length;
            await chat.say(row.declined, localeOf(row.lang));
            await botSaysAfter(chat, from, row.noThanks);
            assert.doesNotMatch(botTextsSince(chat, from), row.nothingToCancel);
        });
    }
});

import * as assert from 'assert';
import { botSaysAfter, botTextsSince, useDirectLineChats, verifiedChat } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';
import { LEA, TOM } from '../../helpers/demoPeople';
import type { Lang } from '../../../core/language';

interface Row {
    readonly lang: Lang;
    readonly who: string;
    /** Typed at "What would you like me to tell …?" or as the first message after the verification. */
    readonly typed: string;
    /** The mail's message as the preview shows it. */
    readonly message: RegExp;
    /** What the message must not read like: the reported words as they were typed. */
    readonly not: RegExp;
}

/** What the recipient is asked to do, in reported words after "tell him"/"sag ihr": the mail asks it of them. */
const AT_MESSAGE_QUESTION: readonly Row[] = [
    { lang: 'en', who: TOM, typed: 'tell him to add 5 licences', message: /\n\nPlease add 5 licences\.\n/, not: /To add 5 licences/ },
    { lang: 'en', who: TOM, typed: 'ask him to send me the March invoice as PDF!', message: /\n\nPlease send me the March invoice as PDF\.\n/, not: /To send me/ },
    { lang: 'de', who: LEA, typed: 'sag ihr, sie soll 2 Lizenzen hinzufügen', message: /\n\nBitte 2 Lizenzen hinzufügen\.\n/, not: /Sie soll 2 Lizenzen/ },
    { lang: 'de', who: LEA, typed: 'Richten Sie ihr aus, sie soll die Rechnung noch einmal schicken.', message: /\n\nBitte die Rechnung noch einmal schicken\.\n/, not: /[Ss]ie soll die Rechnung/ }
];

/**
 * A member asks the bot to pass a request on in reported words ("tell him to add 5 licences",
 * "sag ihr, sie soll 2 Lizenzen hinzufügen"): the mail asks the recipient ("Please add 5 licences.",
 * "Bitte 2 Lizenzen hinzufügen."). Before, it read "To add 5 licences" and "Sie soll 2 Lizenzen
 * hinzufügen" (the recipient spoken of in the third person). Through botframework-directlinejs against
 * the started server; the preview is what would be sent.
 */
describe('A request passed on in reported words (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const row of AT_MESSAGE_QUESTION) {
        it(`[${row.lang}] "${row.typed}" at the mail's text question`, async () => {
            const p = PHRASES[row.lang];
            const chat = await verifiedChat(chats, row.lang, row.who, p.offerEmail);
            await chat.say(p.emailButton, localeOf(row.lang));
            await chat.botSays(p.askMessage);
            const from = chat.all.length;
            await chat.say(row.typed, localeOf(row.lang));
            await botSaysAfter(chat, from, p.confirm);
            const preview = botTextsSince(chat, from);
            assert.match(preview, row.message);
            assert.doesNotMatch(preview, row.not);
        });
    }
});

import { botSaysAfter, firstMessageAnswered, useDirectLineChats } from '../../helpers/directLineChats';
import { localeOf } from '../../helpers/script';
import { TASK_PHRASES } from '../../helpers/taskPhrases';
import { ANNA, PETER, SARAH } from '../../helpers/demoPeople';
import type { Lang } from '../../../core/language';

/** A first message with a slip in a word only the rules know, who answers the code, what the bot then asks, and what it said before. */
const ROWS: ReadonlyArray<{ readonly lang: Lang; readonly text: string; readonly who: string; readonly asks: RegExp; readonly wasRead: RegExp }> = [
    { lang: 'de', text: 'Hallo, ab nächstem Monat übernimt Jonas das mit der Abrechnung', who: ANNA, asks: /Warum soll Jonas Weber Abrechnungskontakt werden\?/, wasRead: /Schön, dass Sie da sind/ },
    { lang: 'en', text: 'remove Peter Brooks as billing contcat', who: SARAH, asks: /Who should become the billing contact of Northwind Traders Ltd/, wasRead: /The billing contact of .* is Peter Brooks/ },
    { lang: 'en', text: 'from May Sarah will hanlde billing', who: PETER, asks: /Why should Sarah Lee become the billing contact\?/, wasRead: /Go to Billing/ }
];

/**
 * A slip of typing in a word only the bot's rules know ("übernimt", "contcat", "hanlde"), not its training phrases:
 * the rules read the message's words with their slips mended, to their own words too (`main:*Words`), as the
 * classifier does. Before, the German handover was answered as the greeting alone, the removal as the question who
 * the billing contact is, the English handover as how to sign in to Billing: each request lost. Through
 * botframework-directlinejs against the started server, as Web Chat sends it.
 */
describe('A slip of typing in a word of the rules keeps the request (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const row of ROWS) {
        it(`[${row.lang}] "${row.text}" is the change of billing contact`, async () => {
            await firstMessageAnswered(chats, row.lang, row.text, row.who, row.asks, row.wasRead);
        });
    }

    it('[en] the handover with a slip is filed after its reason and a yes', async () => {
        const chat = await firstMessageAnswered(chats, 'en', 'from May Sarah will hanlde billing', PETER, /Why should Sarah Lee become the billing contact\?/, /Go to Billing/);
        const from = chat.all.length;
        await chat.say('I am leaving the company in May', localeOf('en'));
        await botSaysAfter(chat, from, TASK_PHRASES.en.summary);
        const yes = chat.all.length;
        await chat.say('yes', localeOf('en'));
        await botSaysAfter(chat, yes, TASK_PHRASES.en.filed);
    });
});

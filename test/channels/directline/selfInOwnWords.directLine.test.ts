import * as assert from 'assert';
import { botSaysAfter, botTextsSince, useDirectLineChats, verifyAs } from '../../helpers/directLineChats';
import { localeOf } from '../../helpers/script';
import type { Lang } from '../../../core/language';

const EVA = 'eva.schulz@bergmann-soehne.example';

const ROWS: ReadonlyArray<{ readonly lang: Lang; readonly ask: string; readonly then: RegExp; readonly whoNew: RegExp }> = [
    {
        lang: 'de',
        ask: 'ich will mich als abrechnungskontakt eintragen lassen statt klaus bergmann weil er in rente geht',
        then: /Warum soll Eva Schulz|Wen soll Eva Schulz|Soll ich den Antrag stellen/,
        whoNew: /Wer soll Abrechnungskontakt von Bergmann/
    },
    {
        lang: 'de',
        ask: 'Ich möchte Abrechnungskontakt werden.',
        then: /Warum soll Eva Schulz|Wen soll Eva Schulz|Soll ich den Antrag stellen/,
        whoNew: /Wer soll Abrechnungskontakt von Bergmann/
    },
    {
        lang: 'en',
        ask: 'I want to become the billing contact instead of Klaus Bergmann because he is retiring',
        then: /Why should Eva Schulz|Whom should Eva Schulz replace|Shall I file this request/,
        whoNew: /Who should become the billing contact of Bergmann/
    }
];

/**
 * An admin asking in words of their own to become the billing contact ("ich will mich als abrechnungskontakt eintragen
 * lassen statt …", "I want to become the billing contact …"): after the code, the request goes on with them as the new
 * contact. Before, the bot asked who should become the contact. Through botframework-directlinejs against the started
 * server.
 */
describe('Oneself as the new contact, in own words (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const row of ROWS) {
        it(`[${row.lang}] "${row.ask}": Eva Schulz is the new contact, not asked for`, async () => {
            const chat = await chats.chatOn(row.lang);
            await chat.say(row.ask, localeOf(row.lang));
            const from = chat.all.length;
            await verifyAs(chats, chat, row.lang, EVA);
            await botSaysAfter(chat, from, row.then);
            assert.doesNotMatch(botTextsSince(chat, from), row.whoNew);
        });
    }
});

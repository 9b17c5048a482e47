import * as assert from 'assert';
import { botSaysAfter, botTextsSince, useDirectLineChats, verifyAs } from '../../helpers/directLineChats';
import { localeOf } from '../../helpers/script';
import { EVA, JONAS } from '../../helpers/demoPeople';

const ROWS: ReadonlyArray<{ readonly who: string; readonly ask: string; readonly reason: string }> = [
    { who: EVA, ask: 'ich will mich als abrechnungskontakt eintragen lassen statt klaus bergmann weil er in rente geht', reason: 'Er geht in rente' },
    { who: JONAS, ask: 'bitte lea fischer als abrechnungskontakt eintragen, weil anna müller nächsten monat das unternehmen verlässt', reason: 'Anna Müller verlässt nächsten monat das unternehmen' },
    // "denn" is followed by a main clause already: kept as written.
    { who: JONAS, ask: 'lea fischer soll abrechnungskontakt werden, denn anna geht in rente', reason: 'Anna geht in rente' }
];

/**
 * A German reason given with the request as a clause after "weil" ("… weil er in rente geht"), whose verb stands last,
 * is shown in the summary as a sentence of its own ("Grund: Er geht in rente"), its subject a pronoun or one of the
 * account's people by name. Before, the summary read "Grund: Er in rente geht". Through botframework-directlinejs
 * against the started server.
 */
describe('A reason given as a German "weil" clause, in the summary (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const row of ROWS) {
        it(`[de] "${row.ask}": "Grund: ${row.reason}"`, async () => {
            const chat = await chats.chatOn('de');
            await chat.say(row.ask, localeOf('de'));
            const from = chat.all.length;
            await verifyAs(chats, chat, 'de', row.who);
            await botSaysAfter(chat, from, /Soll ich den Antrag stellen\?/);
            const said = botTextsSince(chat, from);
            assert.ok(said.includes(`- Grund: ${row.reason}\n`), said);
        });
    }
});

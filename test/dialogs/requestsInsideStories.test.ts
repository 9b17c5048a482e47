import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { ANNA, LEA } from '../helpers/demoPeople';

const en = PHRASES.en;
const de = PHRASES.de;

/**
 * Issue 12 (a thirteenth set of single messages, written blind): long messages whose request to pass something on to the
 * billing contact stands in a later sentence ("… Bitte richten Sie Frau Müller aus, dass …", "… let her know that …"). The
 * sentence that asks for the mail is the request; the sentences before it say why, and their words (licences, the plan) do
 * not turn it into a topic or a change of contact.
 */
const ROWS: readonly ConversationRow[] = [
    {
        name: '„Guten Morgen. … Ich darf das selbst nicht bestellen. Bitte richten Sie Frau Müller aus, dass …“: die Mail an die Abrechnungskontaktin',
        lang: 'de', email: LEA,
        steps: [
            { say: 'hallo', expect: [de.menu] },
            {
                say: 'Guten Morgen. Wir haben nächste Woche eine große Kundenschulung und es fehlen uns vier Lizenzen. Ich darf das selbst nicht bestellen. Bitte richten Sie Frau Müller aus, dass wir dringend mehr Lizenzen brauchen.',
                expect: [de.askEmail],
                absent: [/Wer soll Abrechnungskontakt|Tarif/]
            },
            { say: LEA, expect: [de.codeSent] },
            { say: CODE, expect: [de.preview, /Wir brauchen dringend mehr Lizenzen/, de.confirm], absent: [/Wer soll Abrechnungskontakt/] },
            { say: 'ja', expect: [de.sent] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /Wir brauchen dringend mehr Lizenzen/ } }
    },
    {
        name: '"We are short of seats. My manager says only the billing person can fix it. Could you email Anna and let her know that …": the mail to Anna with those words',
        lang: 'en', email: LEA,
        steps: [
            { say: 'hi', expect: [en.menu] },
            { say: 'who is our billing contact', expect: [en.askEmail] },
            { say: LEA, expect: [en.codeSent] },
            { say: CODE, expect: [en.caseB, en.offerEmail] },
            { say: 'no thanks' },
            {
                say: 'We are short of seats for the training next week. My manager says only the billing person can fix it. Could you let her know that we need four more licences?',
                expect: [en.preview, /We need four more licences\./, en.confirm],
                absent: [/Who should become|Only account admins/]
            },
            { say: 'yes', expect: [en.sent] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /We need four more licences\./ } }
    }
];

describe('A request to pass something on inside a longer story (issue 12)', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }
});

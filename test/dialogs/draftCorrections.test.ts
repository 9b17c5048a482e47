import { useHarness } from '../helpers/botHarness';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { ANNA, JONAS, PETER } from '../helpers/demoPeople';
import { playRow, type ConversationRow } from '../helpers/conversationTable';

const SARAH = 'sarah.lee@northwind.example';
const de = PHRASES.de;
const en = PHRASES.en;

/** The words `words` in a mail that holds none of `gone`. */
function only(words: string, ...gone: string[]): RegExp {
    return new RegExp(`^${gone.map((word) => `(?![\\s\\S]*${word})`).join('')}[\\s\\S]*${words}`);
}

/**
 * A number corrected at the mail's send question ("actually make it 4 seats", "nein, 3 Lizenzen statt 5") changes
 * that number in the draft, which is shown back corrected before it is sent; the correction's own words are not
 * added to the mail. A new sentence with a number of something else is still added.
 */
const ROWS: readonly ConversationRow[] = [
    {
        name: 'Jonas asks for five licences, then "nein, 3 lizenzen statt 5", then "doch lieber 8" (no cancel)',
        lang: 'de', email: JONAS,
        steps: [{ say: 'wer ist unser abrechnungskontakt?' }, { say: JONAS }, { say: CODE, expect: [de.offerEmail] },
            { say: 'ja bitte', expect: [de.askMessage] }, { say: 'Bitte buchen Sie fünf weitere Lizenzen für das Vertriebsteam.', expect: [de.preview, de.confirm] },
            { say: 'nein, 3 lizenzen statt 5', expect: [de.preview, /Bitte buchen Sie 3 weitere Lizenzen für das Vertriebsteam\./, de.confirm], absent: [/statt 5/, /fünf weitere/, de.notSent] },
            { say: 'doch lieber 8', expect: [/Bitte buchen Sie 8 weitere Lizenzen für das Vertriebsteam\./, de.confirm], absent: [/abgebrochen/, /lieber 8/] },
            { say: 'ja', expect: [de.sent] }],
        outcome: { mailTo: { to: [ANNA], words: only('Bitte buchen Sie 8 weitere Lizenzen für das Vertriebsteam', 'statt', 'fünf', 'lieber') } }
    },
    {
        name: 'Sarah: "actually make it 4 seats" after asking for 5 more licences',
        lang: 'en', email: SARAH,
        steps: [{ say: 'who is our billing contact' }, { say: SARAH }, { say: CODE, expect: [en.offerEmail] },
            { say: 'yes, tell him we need 5 more licences for the sales team', expect: [en.preview, /We need 5 more licences for the sales team/] },
            { say: 'actually make it 4 seats', expect: [en.preview, /We need 4 more licences for the sales team/, en.confirm], absent: [/make it 4 seats/, /need 5 more/] },
            { say: 'yes', expect: [en.sent] }],
        outcome: { mailTo: { to: [PETER], words: only('We need 4 more licences for the sales team', 'make it', '5 more') } }
    },
    {
        name: 'Jonas: "not 5 but 6" corrects the number; "we also need 2 webcams" is added, not a correction',
        lang: 'en', email: JONAS,
        steps: [{ say: 'who is the billing admin?' }, { say: JONAS }, { say: CODE, expect: [en.offerEmail] },
            { say: 'yes please', expect: [en.askMessage] }, { say: 'please add five licences for the support team', expect: [en.preview] },
            { say: 'sorry, not 5 but 6', expect: [/[Pp]lease add 6 licences for the support team/], absent: [/not 5 but 6/] },
            { say: 'we also need 2 webcams', expect: [/[Pp]lease add 6 licences for the support team[\s\S]*We also need 2 webcams/] },
            { say: 'yes send it', expect: [en.sent] }],
        outcome: { mailTo: { to: [ANNA], words: only('[Pp]lease add 6 licences for the support team\\s+We also need 2 webcams', 'five', 'not 5') } }
    }
];

describe('A number corrected at the send question changes the draft', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => playRow(harnessOf(), row));
    }
});

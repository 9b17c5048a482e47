import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { JONAS, MARIA } from '../helpers/demoPeople';

const TOM = 'tom.hughes@northwind.example';
/** What the bot says about the details an invoice shows, and that only admins may ask for a change: neither was asked. */
const UNASKED = {
    en: [/What your invoices show and where they are sent/, /Only account admins can ask for a change/],
    de: [/Was auf Ihren Rechnungen steht und wohin sie gehen/, /Eine Änderung des Abrechnungskontakts können nur Kontoadministratoren beantragen/]
};

/**
 * A newcomer says who they are ("ich bin die neue Buchhalterin bei …", "I'm the new bookkeeper at …") and asks who gets the
 * invoices, giving their own address: the role is answered, not the details of an invoice nor a change of the billing contact.
 */
const ROWS: readonly ConversationRow[] = [
    {
        name: '„ich bin die neue buchhalterin bei bergmann & söhne und muss wissen wer … zuständig ist. meine adresse ist …“: Maria erfährt, dass sie Abrechnungskontakt ist',
        lang: 'de', email: MARIA,
        steps: [
            { say: `hallo, ich bin die neue buchhalterin bei bergmann & söhne und muss wissen wer bei uns für die rechnungen zuständig ist. meine adresse ist ${MARIA}`, expect: [PHRASES.de.codeSent], absent: UNASKED.de },
            { say: CODE, expect: [PHRASES.de.caseC], absent: UNASKED.de }
        ],
        outcome: { noRequest: 'ACC-3003', noHandoff: true }
    },
    {
        name: '„Hallo, ich bin der neue Mitarbeiter bei Müller Design und wollte fragen, wer bei uns der Abrechnungskontakt ist?“: Jonas erfährt, wer es ist',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'Hallo, ich bin der neue Mitarbeiter bei Müller Design und wollte fragen, wer bei uns der Abrechnungskontakt ist?', expect: [PHRASES.de.askEmail], absent: UNASKED.de },
            { say: JONAS, expect: [PHRASES.de.codeSent] },
            { say: CODE, expect: [PHRASES.de.caseB, /Anna Müller/], absent: UNASKED.de }
        ],
        outcome: { noRequest: 'ACC-1001', noHandoff: true }
    },
    {
        name: '"hi, im the new bookkeeper at northwind and i need to know who gets our invoices. my email is …": Tom hears who it is',
        lang: 'en', email: TOM,
        steps: [
            { say: `hi, im the new bookkeeper at northwind and i need to know who gets our invoices. my email is ${TOM}`, expect: [PHRASES.en.codeSent], absent: UNASKED.en },
            { say: CODE, expect: [PHRASES.en.caseB, /Peter Brooks/], absent: UNASKED.en }
        ],
        outcome: { noRequest: 'ACC-2002', noHandoff: true }
    }
];

describe('A newcomer says who they are and asks who gets the invoices: the role is answered', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }
});

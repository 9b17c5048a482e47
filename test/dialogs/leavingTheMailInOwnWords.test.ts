import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { JONAS, PETER } from '../helpers/demoPeople';

const TOM = 'tom.hughes@northwind.example';
const ANNA = 'anna.mueller@mueller-design.example';
const en = PHRASES.en;
const de = PHRASES.de;

/**
 * Issue 12: an "ok" before an off-topic question at the offer of a mail accepts nothing, and a no with thanks at
 * "Shall I send it?" adds nothing to the draft: no mail is drafted from "whats the weather tomorrow" or "thats all, cheers".
 */
const ROWS: readonly ConversationRow[] = [
    {
        name: '"ok whats the weather tomorrow" at "Shall I email Peter Brooks?": what the bot can do, no mail drafted',
        lang: 'en', email: TOM,
        steps: [
            { say: 'who is our billing contact', expect: [en.askEmail] },
            { say: TOM, expect: [en.codeSent] },
            { say: CODE, expect: [en.caseBD, en.offerEmail] },
            { say: 'ok whats the weather tomorrow', expect: [/not something I can help with/], absent: [/This is the email to/, /Whats the weather/] }
        ],
        outcome: { noMailTo: PETER }
    },
    {
        name: '„ok, wie wird das wetter morgen?“ beim Angebot der Mail: was der Bot kann, keine Mail entworfen',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'wer ist unser abrechnungskontakt', expect: [de.askEmail] },
            { say: JONAS, expect: [de.codeSent] },
            { say: CODE, expect: [de.caseB, de.offerEmail] },
            { say: 'ok, wie wird das wetter morgen?', absent: [de.preview, /Wie wird das wetter/i] }
        ],
        outcome: { noMailTo: ANNA }
    },
    {
        name: '"ok. and who are our admins?" at "Shall I email Peter Brooks?": their names, no mail drafted',
        lang: 'en', email: TOM,
        steps: [
            { say: 'who is our billing contact', expect: [en.askEmail] },
            { say: TOM, expect: [en.codeSent] },
            { say: CODE, expect: [en.caseBD, en.offerEmail] },
            { say: 'ok. and who are our admins?', expect: [/The admins of Northwind Traders Ltd are .*Peter Brooks.*Sarah Lee/], absent: [en.preview, /peter\.brooks@/] }
        ],
        outcome: { noMailTo: PETER }
    },
    {
        name: '„ok. und wer sind unsere admins?“ beim Angebot der Mail: ihre Namen, keine Mail entworfen',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'wer ist unser abrechnungskontakt', expect: [de.askEmail] },
            { say: JONAS, expect: [de.codeSent] },
            { say: CODE, expect: [de.caseB, de.offerEmail] },
            { say: 'ok. und wer sind unsere admins?', expect: [/Anna Müller/, /Jonas Weber/], absent: [de.preview] }
        ],
        outcome: { noMailTo: ANNA }
    },
    {
        name: '"no thats all, cheers" at "Shall I send it?": not sent, and no new draft saying "thats all"',
        lang: 'en', email: TOM,
        steps: [
            { say: 'who is our billing contact', expect: [en.askEmail] },
            { say: TOM, expect: [en.codeSent] },
            { say: CODE, expect: [en.caseBD, en.offerEmail] },
            { say: 'yes', expect: [/What would you like me to tell/] },
            { say: 'we need 3 more licenses', expect: [/This is the email to Peter Brooks/, /Shall I send it\?/] },
            { say: 'no thats all, cheers', expect: [en.notSent], absent: [/This is the email to/, /Thats all, cheers/] }
        ],
        outcome: { noMailTo: PETER }
    },
    // A no with the goodbye at "Shall I send it?": the person hears that nothing went out, then the goodbye.
    {
        name: '„nee das wars, ciao“ bei „Soll ich sie senden?“: nichts gesendet, und das wird gesagt, dann der Abschied',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'wer ist unser abrechnungskontakt', expect: [de.askEmail] },
            { say: JONAS, expect: [de.codeSent] },
            { say: CODE, expect: [de.caseB, de.offerEmail] },
            { say: 'ja', expect: [de.askMessage] },
            { say: 'wir brauchen zwei Lizenzen mehr', expect: [de.preview, de.confirm] },
            { say: 'nee das wars, ciao', expect: [/ich habe nichts gesendet/, /Auf Wiedersehen/] }
        ],
        outcome: { noMailTo: ANNA }
    },
    {
        name: '"no, that\'s all, bye" at "Shall I send it?": nothing sent, and it says so before the goodbye',
        lang: 'en', email: TOM,
        steps: [
            { say: 'who is our billing contact', expect: [en.askEmail] },
            { say: TOM, expect: [en.codeSent] },
            { say: CODE, expect: [en.caseBD, en.offerEmail] },
            { say: 'yes', expect: [en.askMessage] },
            { say: 'we need two more licences', expect: [en.preview, en.confirm] },
            { say: "no, that's all, bye", expect: [/I haven't sent anything/, /Goodbye/] }
        ],
        outcome: { noMailTo: PETER }
    }
];

describe('Leaving the mail in customers\' own words (issue 12)', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }
});

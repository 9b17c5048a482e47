import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE, type Step } from '../helpers/script';
import { ANNA, EVA, JONAS, PETER, SARAH } from '../helpers/demoPeople';
import { TASK_PHRASES as TASK } from '../helpers/taskPhrases';

const CHRIS = 'chris.taylor@taylor-consulting.example';
const TASK_NOT_FILED = { en: /I haven't filed anything/, de: /ich habe keinen Antrag gestellt/ } as const;
const FILE = { en: /Shall I file this request\?/, de: /Soll ich den Antrag stellen\?/ } as const;

/** `first` as the first message, then verified as `email`. */
function signedIn(lang: 'de' | 'en', first: string, email: string, after: Step['expect']): Step[] {
    const p = PHRASES[lang];
    return [
        { say: first, expect: [p.askEmail] },
        { say: email, expect: [p.codeSent] },
        { say: CODE, expect: after }
    ];
}

/** Eva's story at Bergmann & Söhne: Maria retires, Eva takes over; the summary says she replaces Maria. */
const EVA_STORY = {
    de: 'Maria Bergmann geht Ende des Monats in Rente, ich übernehme dann die Abrechnung und soll Abrechnungskontakt werden',
    en: 'Maria Bergmann retires at the end of the month, please make me the billing contact in her place'
} as const;
const REPLACES = { de: (name: string) => new RegExp(`Ersetzt: ${name}`), en: (name: string) => new RegExp(`Replaces: ${name}`) } as const;

/**
 * Corrections of whom the request is for, made at a later step than where it was first said: the new contact corrected at
 * the reason question or at the summary (by first name, or in a clause that is too long to open as a correction), whom the
 * new contact replaces corrected with the wrong one named after "nicht"/"not", and the reason of a long first message
 * taken from the sentence that says why, not from one that says who the person is.
 */
const ROWS: readonly ConversationRow[] = [
    {
        name: '„nein, nicht lea, stattdessen jonas“ bei der Frage nach dem Grund: Jonas Weber wird der neue Kontakt, kein Grund daraus',
        lang: 'de', email: ANNA,
        steps: [
            ...signedIn('de', 'abrechnungskontakt soll lea fischer werden', ANNA, [/Warum soll Lea Fischer Abrechnungskontakt werden\?/]),
            { say: 'nein, nicht lea, stattdessen jonas', expect: [/Warum soll Jonas Weber Abrechnungskontakt werden\?/], absent: [TASK.de.summary] },
            { say: 'er macht jetzt die Buchhaltung', expect: [/Neuer Abrechnungskontakt: Jonas Weber/, FILE.de] },
            { say: 'ja', expect: [TASK.de.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /Jonas Weber/, reason: /Buchhaltung/ } }
    },
    {
        name: '"no, not lea, make it jonas instead" at the reason question: Jonas Weber becomes the new contact',
        lang: 'en', email: ANNA,
        steps: [
            ...signedIn('en', 'the billing contact should be lea fischer', ANNA, [/Why should Lea Fischer become the billing contact\?/]),
            { say: 'no, not lea, make it jonas instead', expect: [/Why should Jonas Weber become the billing contact\?/], absent: [TASK.en.summary] },
            { say: 'he does the bookkeeping now', expect: [/New billing contact: Jonas Weber/, FILE.en] },
            { say: 'yes', expect: [TASK.en.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /Jonas Weber/, reason: /bookkeeping/ } }
    },
    {
        name: '"actually make it sarah lee" at the summary: Sarah Lee becomes the new contact, the reason kept',
        lang: 'en', email: CHRIS,
        steps: [
            ...signedIn('en', 'change the northwind billing contact to tom hughes', CHRIS, [/Why should Tom Hughes become the billing contact\?/]),
            { say: 'he runs finance now', expect: [/New billing contact: Tom Hughes/, FILE.en] },
            { say: 'actually make it sarah lee', expect: [/New billing contact: Sarah Lee/, FILE.en], absent: [/Reason: Actually/i] },
            { say: 'yes', expect: [TASK.en.filed] }
        ],
        outcome: { request: { account: 'ACC-2002', newContact: /Sarah Lee/, reason: /^(?!.*make it)/i } }
    },
    {
        name: '„eigentlich doch lieber jonas weber“ bei der Zusammenfassung: Jonas Weber wird der neue Kontakt',
        lang: 'de', email: ANNA,
        steps: [
            ...signedIn('de', 'abrechnungskontakt soll lea fischer werden', ANNA, [/Warum soll Lea Fischer Abrechnungskontakt werden\?/]),
            { say: 'sie macht jetzt die Buchhaltung', expect: [/Neuer Abrechnungskontakt: Lea Fischer/, FILE.de] },
            { say: 'ach nee, mach doch jonas weber draus', expect: [/Neuer Abrechnungskontakt: Jonas Weber/, FILE.de], absent: [/Grund: Ach/] },
            { say: 'ja', expect: [TASK.de.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /Jonas Weber/, reason: /^(?!.*draus)/ } }
    },
    {
        name: '„nein, warte, lieber ich selbst“ bei der Zusammenfassung: Jonas Weber selbst wird der neue Kontakt, nichts abgebrochen',
        lang: 'de', email: JONAS,
        steps: [
            ...signedIn('de', 'abrechnungskontakt soll lea fischer werden', JONAS, [/Warum soll Lea Fischer Abrechnungskontakt werden\?/]),
            { say: 'sie macht jetzt die Buchhaltung', expect: [/Neuer Abrechnungskontakt: Lea Fischer/, FILE.de] },
            { say: 'nein, warte, lieber ich selbst', expect: [/Neuer Abrechnungskontakt: Jonas Weber/, FILE.de], absent: [TASK_NOT_FILED.de] },
            { say: 'ja', expect: [TASK.de.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /Jonas Weber/ } }
    },
    {
        name: '"no wait, me instead" at the summary: Sarah Lee herself becomes the new contact, nothing cancelled',
        lang: 'en', email: SARAH,
        steps: [
            ...signedIn('en', 'the billing contact should be tom hughes', SARAH, [/Why should Tom Hughes become the billing contact\?/]),
            { say: 'he runs finance now', expect: [/New billing contact: Tom Hughes/, FILE.en] },
            { say: 'no wait, me instead', expect: [/New billing contact: Sarah Lee/, FILE.en], absent: [TASK_NOT_FILED.en] },
            { say: 'yes', expect: [TASK.en.filed] }
        ],
        outcome: { request: { account: 'ACC-2002', newContact: /Sarah Lee/ } }
    },
    {
        name: '„nein, lieber ich selbst“ von Anna, die schon Abrechnungskontakt ist: das wird gesagt, der Antrag für Lea Fischer noch einmal gefragt',
        lang: 'de', email: ANNA,
        steps: [
            ...signedIn('de', 'abrechnungskontakt soll lea fischer werden', ANNA, [/Warum soll Lea Fischer Abrechnungskontakt werden\?/]),
            { say: 'sie macht jetzt die Buchhaltung', expect: [/Neuer Abrechnungskontakt: Lea Fischer/, FILE.de] },
            { say: 'nein, lieber ich selbst', expect: [/Sie sind bereits Abrechnungskontakt von Müller Design GmbH/, /Neuer Abrechnungskontakt: Lea Fischer/, FILE.de], absent: [TASK_NOT_FILED.de] },
            { say: 'nein', expect: [TASK_NOT_FILED.de] }
        ],
        outcome: { noRequest: 'ACC-1001' }
    },
    {
        name: '"no, me instead" from Peter, who already is the billing contact: said so, the request for Tom Hughes asked about again',
        lang: 'en', email: PETER,
        steps: [
            ...signedIn('en', 'the billing contact should be tom hughes', PETER, [/Why should Tom Hughes become the billing contact\?/]),
            { say: 'he runs finance now', expect: [/New billing contact: Tom Hughes/, FILE.en] },
            { say: 'no, me instead', expect: [/You are already a billing contact of Northwind Traders Ltd/, /New billing contact: Tom Hughes/, FILE.en], absent: [TASK_NOT_FILED.en] },
            { say: 'yes', expect: [TASK.en.filed] }
        ],
        outcome: { request: { account: 'ACC-2002', newContact: /Tom Hughes/ } }
    },
    {
        name: '„moment, eigentlich soll klaus ersetzt werden, nicht maria“ bei der Zusammenfassung: Klaus wird ersetzt',
        lang: 'de', email: EVA,
        steps: [
            ...signedIn('de', EVA_STORY.de, EVA, [REPLACES.de('Maria Bergmann'), FILE.de]),
            { say: 'moment, eigentlich soll klaus ersetzt werden, nicht maria', expect: [REPLACES.de('Klaus Bergmann'), FILE.de], absent: [REPLACES.de('Maria')] },
            { say: 'ja', expect: [TASK.de.filed] }
        ],
        outcome: { request: { account: 'ACC-3003', newContact: /Eva Schulz/, replaces: /Klaus Bergmann/ } }
    },
    {
        name: '„nein warte, doch lieber maria ersetzen“ bei der Zusammenfassung: Maria wird ersetzt, keine neue Person „Maria Ersetzen“',
        lang: 'de', email: EVA,
        steps: [
            ...signedIn('de', 'Hallo, ich bin Admin bei Bergmann & Söhne und möchte mich selbst als Abrechnungskontakt eintragen lassen, anstelle von Klaus Bergmann. Grund: Klaus geht Ende des Jahres in Rente.', EVA, [REPLACES.de('Klaus Bergmann'), FILE.de]),
            { say: 'nein warte, doch lieber maria ersetzen', expect: [REPLACES.de('Maria Bergmann'), FILE.de], absent: [/Ersetzen/, /E-Mail-Adresse von/] },
            { say: 'ja', expect: [TASK.de.filed] }
        ],
        outcome: { request: { account: 'ACC-3003', newContact: /Eva Schulz/, replaces: /Maria Bergmann/ } }
    },
    {
        name: '"no wait, rather replace klaus" at the summary: Klaus is replaced, no new person "Replace Klaus"',
        lang: 'en', email: EVA,
        steps: [
            ...signedIn('en', EVA_STORY.en, EVA, [REPLACES.en('Maria Bergmann'), FILE.en]),
            { say: 'no wait, rather replace klaus', expect: [REPLACES.en('Klaus Bergmann'), FILE.en], absent: [/email address of/i] },
            { say: 'yes', expect: [TASK.en.filed] }
        ],
        outcome: { request: { account: 'ACC-3003', newContact: /Eva Schulz/, replaces: /Klaus Bergmann/ } }
    },
    {
        name: '"wait, klaus should be replaced, not maria" at the summary: Klaus is replaced',
        lang: 'en', email: EVA,
        steps: [
            ...signedIn('en', EVA_STORY.en, EVA, [REPLACES.en('Maria Bergmann'), FILE.en]),
            { say: 'wait, actually klaus should be replaced, not maria', expect: [REPLACES.en('Klaus Bergmann'), FILE.en], absent: [REPLACES.en('Maria')] },
            { say: 'yes', expect: [TASK.en.filed] }
        ],
        outcome: { request: { account: 'ACC-3003', newContact: /Eva Schulz/, replaces: /Klaus Bergmann/ } }
    },
    {
        name: 'a long first message from Chris: the reason is the sentence that says Peter left, not the one about his accounts',
        lang: 'en', email: CHRIS,
        steps: [
            ...signedIn(
                'en',
                "Hey there. I'm an admin on two accounts, my own consulting one and Northwind. Peter Brooks who handles billing at Northwind left the company last week. I need the billing contact at Northwind changed to Dana Smith, dana.smith@northwind.example.",
                CHRIS,
                [/New billing contact: Dana Smith/, /Reason: Peter Brooks .*left the company last week/, FILE.en]
            ),
            { say: 'yes', expect: [TASK.en.filed] }
        ],
        outcome: { request: { account: 'ACC-2002', newContact: /Dana Smith/, reason: /^(?!.*consulting)/ } }
    },
    {
        name: 'eine lange erste Nachricht von Anna: der Grund ist der Satz, der sagt, warum, nicht der über ihre Firmen',
        lang: 'de', email: ANNA,
        steps: [
            ...signedIn(
                'de',
                'Guten Tag. Ich bin Administratorin bei zwei Firmen, bei Müller Design und bei einer Agentur. Ich gehe Ende des Monats in Elternzeit. Bitte tragen Sie Lea Fischer als Abrechnungskontakt ein.',
                ANNA,
                [/Neuer Abrechnungskontakt: Lea Fischer/, /Grund: Ich gehe Ende des Monats in Elternzeit/, FILE.de]
            ),
            { say: 'ja', expect: [TASK.de.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /Lea Fischer/, reason: /^(?!.*Agentur)/ } }
    }
];

describe('Corrections of whom the request is for, and the reason of a long first message, in own words', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }
});

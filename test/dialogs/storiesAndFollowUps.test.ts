import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE, type Step } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { JONAS, KLAUS, LEA } from '../helpers/demoPeople';

const de = { p: PHRASES.de, task: TASK_PHRASES.de };
const SARAH = 'sarah.lee@northwind.example';
const TOM = 'tom.hughes@northwind.example';
const CHRIS = 'chris.taylor@taylor-consulting.example';
/** Chris Taylor's two accounts: the answer for the one he named, never for the other. */
const TAYLOR = { en: /billing contact of your online account Taylor Consulting/, de: /Abrechnungskontakt Ihres Online-Kontos Taylor Consulting/ };
const NORTHWIND = /Northwind Traders Ltd/;

/** Greetings, thanks, sign-offs, asking for help and feelings in a story are never the reason of a request. */
const FRAME_DE = /Grund: .*(helfen|Dank|Grüßen|ärgerlich|Problem|Jonas Weber)/;

/** The first message, the person's address and their code: the steps of every verified conversation here. */
function signedIn(first: string, email: string, atCode: Omit<Step, 'say'> = {}): Step[] {
    return [{ say: first }, { say: email }, { say: CODE, ...atCode }];
}

/** Customers' own stories and follow-up questions, found in an exploratory pass (issue 12). */
const ROWS: readonly ConversationRow[] = [
    {
        name: 'eine lange Geschichte mit „ich hoffe, Sie können mir helfen“ und „Zur Abrechnung: …“: der Grund ist der sinnvolle Teil',
        lang: 'de', email: JONAS,
        steps: [
            ...signedIn('Hallo zusammen, ich hoffe, Sie können mir helfen. Unsere Buchhalterin Anna Müller ist nicht mehr bei uns. Lea Fischer soll das übernehmen. Zur Abrechnung: bitte umstellen.', JONAS, { expect: [de.task.summary, /Grund: Unsere Buchhalterin Anna Müller ist nicht mehr bei uns$/m], absent: [FRAME_DE] }),
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /^Lea Fischer/, reason: /^Unsere Buchhalterin Anna Müller ist nicht mehr bei uns$/ } }
    },
    {
        name: 'Dank im Voraus ist kein Grund: „Vielen Dank im Voraus für Ihre Mühe. Zur Abrechnung: …“',
        lang: 'de', email: JONAS,
        steps: [
            ...signedIn('Guten Tag, Frau Müller hat gekündigt. Lea Fischer soll der neue Abrechnungskontakt werden. Vielen Dank im Voraus für Ihre Mühe. Zur Abrechnung: bitte umstellen.', JONAS, { expect: [de.task.summary, /Grund: Frau Müller hat gekündigt$/m], absent: [FRAME_DE] })
        ],
        outcome: { noRequest: 'ACC-1001' }
    },
    {
        name: 'nur Ärger und der Weg zu „Zur Abrechnung“ in der Geschichte: der Grund wird gefragt, nicht erfunden',
        lang: 'de', email: JONAS,
        steps: [
            ...signedIn('Anna Müller ist weg, Lea Fischer übernimmt. Zur Abrechnung kommt bei uns niemand mehr rein, das ist ziemlich ärgerlich. Bitte Kontakt ändern.', JONAS, { expect: [/Warum soll Lea Fischer Abrechnungskontakt werden/], absent: [de.task.summary] }),
            { say: 'sie macht jetzt die buchhaltung', expect: [de.task.summary, /Grund: sie macht jetzt die buchhaltung$/m] }
        ],
        outcome: { noRequest: 'ACC-1001' }
    },
    {
        name: 'die Unterschrift „Mit freundlichen Grüßen Jonas Weber“ nennt weder den neuen Kontakt noch den Grund',
        lang: 'de', email: JONAS,
        steps: [
            ...signedIn('Moin, kurze Sache: Anna hat uns verlassen und Lea macht ab jetzt die Buchhaltung. Zur Abrechnung also bitte Lea eintragen. Mit freundlichen Grüßen Jonas Weber', JONAS, { expect: [de.task.summary, /Neuer Abrechnungskontakt: Lea Fischer/, /Grund: Anna hat uns verlassen$/m], absent: [FRAME_DE] })
        ],
        outcome: { noRequest: 'ACC-1001' }
    },
    {
        name: '"the taylor one" at the account picker is Taylor Consulting, not the first account',
        lang: 'en', email: CHRIS,
        steps: [
            ...signedIn('who is our billing contact', CHRIS, { expect: [/You belong to 2 accounts/] }),
            { say: 'the taylor one', expect: [TAYLOR.en], absent: [NORTHWIND] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '„für taylr consulting bitte“ (vertippt, im Satz) wählt Taylor Consulting',
        lang: 'de', email: CHRIS,
        steps: [
            ...signedIn('wer ist unser abrechnungskontakt', CHRIS, { expect: [/Sie gehören zu 2 Konten/] }),
            { say: 'für taylr consulting bitte', expect: [TAYLOR.de], absent: [NORTHWIND, /Bitte wählen Sie eines der Konten/] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '"its about nortwind traders pls" picks Northwind Traders',
        lang: 'en', email: CHRIS,
        steps: [
            ...signedIn('am i the billing contact', CHRIS, { expect: [/You belong to 2 accounts/] }),
            { say: 'its about nortwind traders pls', expect: [/not the billing contact of your corporate account Northwind Traders Ltd/] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '"no, instead make it Tom Hughes" to "anything else?" goes on with a change to Tom, it does not close',
        lang: 'en', email: SARAH,
        steps: [
            ...signedIn('who is our billing contact', SARAH),
            { say: 'no thanks', expect: [/anything else/] },
            { say: 'no, instead make it Tom Hughes', expect: [/Why should Tom Hughes become the billing contact/], absent: [/Goodbye/] },
            { say: 'he runs our accounts now', expect: [/Please check your request/] },
            { say: 'yes', expect: [/your request has the reference/] }
        ],
        outcome: { request: { account: 'ACC-2002', newContact: /^Tom Hughes/, reason: /he runs our accounts now/ } }
    },
    {
        name: '„nein, stattdessen bitte Jonas Weber“ nach einem abgelehnten Antrag: der Antrag geht mit Jonas Weber weiter',
        lang: 'de', email: JONAS,
        steps: [
            ...signedIn('ich möchte den abrechnungskontakt ändern', JONAS),
            { say: 'Lea Fischer' },
            { say: 'sie macht jetzt die buchhaltung', expect: [de.task.summary] },
            { say: 'nein', expect: [/Kann ich sonst noch etwas für Sie tun/] },
            { say: 'nein, stattdessen bitte Jonas Weber', expect: [/Warum soll Jonas Weber Abrechnungskontakt werden/], absent: [/Auf Wiedersehen/] }
        ],
        outcome: { noRequest: 'ACC-1001' }
    },
    {
        name: '"no, I\'d rather not" to "anything else?" still closes',
        lang: 'en', email: SARAH,
        steps: [
            ...signedIn('who is our billing contact', SARAH),
            { say: 'no thanks', expect: [/anything else/] },
            { say: 'no, I\'d rather not', expect: [/Goodbye/] }
        ],
        outcome: { noRequest: 'ACC-2002' }
    },
    {
        name: '„neuer kontakt soll max mustermann sein, max@firma.de“ (klein geschrieben) bei der Auswahl: Name und Adresse bleiben',
        lang: 'de', email: JONAS,
        steps: [
            ...signedIn('abrechnungskontakt ändern', JONAS, { expect: [de.task.askNewContact] }),
            { say: 'neuer kontakt soll max mustermann sein, max@firma.de', expect: [/Warum soll Max Mustermann Abrechnungskontakt werden/], absent: [de.task.askNewContactRetry] },
            { say: 'er macht jetzt die buchhaltung', expect: [/Neuer Abrechnungskontakt: Max Mustermann \(max@firma\.de\)/] },
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /^Max Mustermann \(max@firma\.de\)/, reason: /buchhaltung/ } }
    },
    {
        name: '"change billing contact, new contact should be jane doe, jane.doe@firm.example" in one message keeps the whole name',
        lang: 'en', email: SARAH,
        steps: [
            ...signedIn('change billing contact, new contact should be jane doe, jane.doe@firm.example', SARAH, { expect: [/Why should Jane Doe become the billing contact/] }),
            { say: 'she runs our accounts now', expect: [/New billing contact: Jane Doe \(jane\.doe@firm\.example\)/] }
        ],
        outcome: { noRequest: 'ACC-2002' }
    },
    {
        name: '"how do I see our invoices" is answered from the article (Go to Billing), not refused as out of scope',
        lang: 'en',
        steps: [{ say: 'how do I see our invoices', expect: [/finds past invoices under "Go to Billing"/], absent: [/not something I can help with/] }],
        outcome: { noHandoff: true }
    },
    {
        name: '„wie kann ich unsere rechnungen einsehen“ wird aus dem Artikel beantwortet',
        lang: 'de',
        steps: [{ say: 'wie kann ich unsere rechnungen einsehen', expect: [/findet frühere Rechnungen unter „Zur Abrechnung“/] }],
        outcome: { noHandoff: true }
    },
    {
        name: '„Maria als Kontakt entfernen“: ein Konto braucht immer einen Abrechnungskontakt; gefragt wird, wer an ihre Stelle tritt',
        lang: 'de', email: KLAUS,
        steps: [
            ...signedIn('Maria als Kontakt entfernen', KLAUS, { expect: [/Jedes Konto braucht einen/, /Wer soll Abrechnungskontakt von Bergmann & Söhne AG werden/] }),
            { say: 'Eva Schulz', expect: [/Warum soll Eva Schulz Abrechnungskontakt werden/] }
        ],
        outcome: { noRequest: 'ACC-3003' }
    },
    {
        name: '"remove Peter Brooks as billing contact" is a change: explained, and the replacement is asked for',
        lang: 'en', email: SARAH,
        steps: [
            { say: 'remove Peter Brooks as billing contact', absent: [/You are not the billing contact/] },
            { say: SARAH },
            { say: CODE, expect: [/An account always needs a billing contact/, /Who should become the billing contact of Northwind Traders Ltd/] },
            { say: 'Tom Hughes', expect: [/Why should Tom Hughes become the billing contact/] },
            { say: 'he runs our accounts now' },
            { say: 'yes', expect: [/your request has the reference/] }
        ],
        outcome: { request: { account: 'ACC-2002', newContact: /^Tom Hughes/, reason: /he runs our accounts now/ } }
    },
    {
        name: '„wo sehe ich das?“ nach der Antwort wird beantwortet (Admin Center, „Zur Abrechnung“), das Angebot bleibt',
        lang: 'de', email: LEA,
        steps: [
            ...signedIn('wer ist unser abrechnungskontakt', LEA, { expect: [de.p.caseB] }),
            { say: 'wo sehe ich das?', expect: [/Admin Center/, /Lizenzen hinzufügen/, /Zur Abrechnung/, /Soll ich Anna Müller für Sie eine E-Mail schreiben/], absent: [/nicht beantworten/] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '"where can i see that myself?" at "anything else?" is answered the article\'s way',
        lang: 'en', email: TOM,
        steps: [
            ...signedIn('who is our billing contact', TOM),
            { say: 'where do I see that?', expect: [/Admin Center/, /Add licenses/, /Go to Billing/], absent: [/can't answer that/] },
            { say: 'no thanks', expect: [/anything else/] },
            { say: 'where can i see that myself?', expect: [/Add licenses/, /anything else/] }
        ],
        outcome: { noHandoff: true }
    },
];

describe('Stories and follow-ups in customers\' own words', () => {
    const harness = useHarness();
    for (const row of ROWS) {
        it(row.name, async () => {
            await playRow(harness(), row);
        });
    }
});

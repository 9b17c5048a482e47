import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE, type Step } from '../helpers/script';
import { TASK_PHRASES as TASK } from '../helpers/taskPhrases';
import { JONAS, KLAUS, LEA } from '../helpers/demoPeople';

const SARAH = 'sarah.lee@northwind.example';
const ASK_NORTHWIND = /Who should become the billing contact of Northwind Traders Ltd\?/;

/** `first` as the first message, then verified as `email`. */
function signedIn(lang: 'de' | 'en', first: string, email: string, after: Step['expect'], absent?: Step['absent']): Step[] {
    const p = PHRASES[lang];
    return [
        { say: first, expect: [p.askEmail] },
        { say: email, expect: [p.codeSent] },
        { say: CODE, expect: after, absent }
    ];
}

/** Jonas at the summary of a request for Lea Fischer. */
const jonasAtSummary = {
    en: [
        ...signedIn('en', TASK.en.changeContact, JONAS, [TASK.en.askNewContact]),
        { say: 'Lea Fischer', expect: [/Why should Lea Fischer become the billing contact/] },
        { say: 'she does the invoices now', expect: [TASK.en.summary, TASK.en.confirm] }
    ],
    de: [
        ...signedIn('de', TASK.de.changeContact, JONAS, [TASK.de.askNewContact]),
        { say: 'Lea Fischer', expect: [/Warum soll Lea Fischer Abrechnungskontakt werden/] },
        { say: 'sie macht jetzt die Rechnungen', expect: [TASK.de.summary, TASK.de.confirm] }
    ]
} as const;

/**
 * Who becomes the new billing contact, said in the person's own words: a new person named at the summary replaces the
 * contact of the summary (and the request is filed for them, never for the one before); the example of the correction
 * hint names nobody of another account; "I'll take it over" names the speaker; a wish names the new contact; a person
 * named at the choice who is no member is said to be none and added as a new person; a departed bookkeeper starts the change.
 */
const ROWS: readonly ConversationRow[] = [
    {
        name: '"no, instead make it a new person: Jane Doe, jane.doe@…" at the summary: the summary shows Jane Doe, and yes files her, not Lea',
        lang: 'en', email: JONAS,
        steps: [...jonasAtSummary.en,
            { say: 'no, instead make it a new person: Jane Doe, jane.doe@example.com', expect: [/New billing contact: Jane Doe/, TASK.en.confirm], absent: [/New billing contact: Lea Fischer/] },
            { say: 'yes', expect: [TASK.en.filed] }],
        outcome: { request: { account: 'ACC-1001', newContact: /^Jane Doe.*jane\.doe@example\.com/, reason: /invoices now/ }, noHandoff: true }
    },
    {
        name: '„nein, stattdessen bitte eine neue Person: Max Mustermann, max@…“ bei der Zusammenfassung: ja stellt den Antrag für Max Mustermann',
        lang: 'de', email: JONAS,
        steps: [...jonasAtSummary.de,
            { say: 'nein, stattdessen bitte eine neue Person: Max Mustermann, max@mustermann.example', expect: [/Neuer Abrechnungskontakt: Max Mustermann/, TASK.de.confirm], absent: [/Neuer Abrechnungskontakt: Lea Fischer/] },
            { say: 'ja', expect: [TASK.de.filed] }],
        outcome: { request: { account: 'ACC-1001', newContact: /^Max Mustermann.*max@mustermann\.example/, reason: /Rechnungen/ }, noHandoff: true }
    },
    {
        name: '„nee, lieber max mustermann, max@…“ klein geschrieben bei der Zusammenfassung: der Antrag geht auf Max Mustermann',
        lang: 'de', email: JONAS,
        steps: [...jonasAtSummary.de,
            { say: 'nee, lieber max mustermann, max@mustermann.example', expect: [/Neuer Abrechnungskontakt: Max Mustermann/, TASK.de.confirm], absent: [/Neuer Abrechnungskontakt: Lea Fischer/] },
            { say: 'ja', expect: [TASK.de.filed] }],
        outcome: { request: { account: 'ACC-1001', newContact: /^Max Mustermann.*max@mustermann\.example/ }, noHandoff: true }
    },
    {
        name: '"no that\'s wrong, should be john miller (john.miller@…)" at the summary of a new person: John Miller with his address, not Jane Doe with it',
        lang: 'en', email: JONAS,
        steps: [...jonasAtSummary.en,
            { say: 'No. Jane Doe, jane.doe@example.com', expect: [/New billing contact: Jane Doe \(jane\.doe@example\.com\)/, TASK.en.confirm] },
            { say: "no that's wrong, should be john miller (john.miller@example.com)", expect: [/New billing contact: John Miller \(john\.miller@example\.com\)/, TASK.en.confirm] },
            { say: 'yes', expect: [TASK.en.filed] }],
        outcome: { request: { account: 'ACC-1001', newContact: /^John Miller.*john\.miller@example\.com/ }, noHandoff: true }
    },
    {
        name: '"no, make it a new person instead: Jane Doe" without an address at the summary: her address is asked, then the summary shows her',
        lang: 'en', email: JONAS,
        steps: [...jonasAtSummary.en,
            { say: 'no, make it a new person instead: Jane Doe', expect: [/email address of Jane Doe/], absent: [TASK.en.filed, /New billing contact: Lea Fischer/] },
            { say: 'jane.doe@example.com', expect: [/New billing contact: Jane Doe/, TASK.en.confirm] },
            { say: 'yes', expect: [TASK.en.filed] }],
        outcome: { request: { account: 'ACC-1001', newContact: /^Jane Doe.*jane\.doe@example\.com/ }, noHandoff: true }
    },
    {
        name: '"no, instead jane.doe@example.com" at the summary: a person known by address only replaces Lea; her name is asked',
        lang: 'en', email: JONAS,
        steps: [...jonasAtSummary.en,
            { say: 'no, instead jane.doe@example.com', expect: [TASK.en.askName], absent: [TASK.en.filed, /Nothing has been filed yet/] },
            { say: 'Jane Doe', expect: [/New billing contact: Jane Doe \(jane\.doe@example\.com\)/, TASK.en.confirm] },
            { say: 'yes', expect: [TASK.en.filed] }],
        outcome: { request: { account: 'ACC-1001', newContact: /^Jane Doe.*jane\.doe@example\.com/, reason: /invoices now/ }, noHandoff: true }
    },
    {
        name: '"no, wrong address, tom.h@…" at Northwind\'s summary: the hint of what can be corrected names nobody of another account',
        lang: 'en', email: SARAH,
        steps: [
            ...signedIn('en', TASK.en.changeContact, SARAH, [ASK_NORTHWIND]),
            { say: 'Tom Hughes', expect: [/Why should Tom Hughes become the billing contact/] },
            { say: 'he took over finance', expect: [TASK.en.summary] },
            { say: 'no, wrong address, tom.h@northwind.example', expect: [/Nothing has been filed yet/, TASK.en.confirm], absent: [/Lea Fischer/, /Anna Müller/, /Jonas Weber/] },
            { say: 'yes', expect: [TASK.en.filed] }],
        outcome: { request: { account: 'ACC-2002', newContact: /^Tom Hughes/ }, noHandoff: true }
    },
    {
        name: '„nein, falsche Adresse, eva@…“ bei Bergmann & Söhne: der Hinweis nennt niemanden eines anderen Kontos',
        lang: 'de', email: KLAUS,
        steps: [
            ...signedIn('de', 'Eva Schulz soll Abrechnungskontakt werden', KLAUS, [/Wen soll Eva Schulz als Abrechnungskontakt ersetzen/]),
            { say: 'Klaus Bergmann', expect: [/Warum soll Eva Schulz Abrechnungskontakt werden/] },
            { say: 'sie macht jetzt die Buchhaltung', expect: [TASK.de.summary] },
            { say: 'nein, falsche Adresse, eva@bergmann.example', expect: [/Ich habe noch nichts eingereicht/, TASK.de.confirm], absent: [/Lea Fischer/, /Anna Müller/, /Jonas Weber/] }],
        outcome: { noRequest: 'ACC-3003', noHandoff: true }
    },
    {
        name: '„ab sofort übernehme ich die Rechnungen“ von Jonas, Admin: der Antrag geht auf Jonas selbst, nach der Prüfung',
        lang: 'de', email: JONAS,
        steps: [
            ...signedIn('de', 'ab sofort übernehme ich die Rechnungen', JONAS, [/Warum soll Jonas Weber Abrechnungskontakt werden|Neuer Abrechnungskontakt: Jonas Weber/], [TASK.de.askNewContact]),
            { say: 'Anna geht in Elternzeit', expect: [TASK.de.summary, /Neuer Abrechnungskontakt: Jonas Weber/] },
            { say: 'ja', expect: [TASK.de.filed] }],
        outcome: { request: { account: 'ACC-1001', newContact: /^Jonas Weber/ }, noHandoff: true }
    },
    {
        name: '„das übernehme ab sofort ich“ von Jonas: die Änderung beginnt, mit Jonas als neuem Kontakt',
        lang: 'de', email: JONAS,
        steps: [
            ...signedIn('de', 'das übernehme ab sofort ich', JONAS, [/Warum soll Jonas Weber Abrechnungskontakt werden|Neuer Abrechnungskontakt: Jonas Weber/], [TASK.de.askNewContact]),
            { say: 'Anna geht in Elternzeit', expect: [TASK.de.summary, /Neuer Abrechnungskontakt: Jonas Weber/] },
            { say: 'ja', expect: [TASK.de.filed] }],
        outcome: { request: { account: 'ACC-1001', newContact: /^Jonas Weber/ }, noHandoff: true }
    },
    {
        name: '"I\'ll be the billing contact from now on" from Sarah, admin: the request is for Sarah herself',
        lang: 'en', email: SARAH,
        steps: [
            ...signedIn('en', "I'll be the billing contact from now on", SARAH, [/Why should Sarah Lee become the billing contact|New billing contact: Sarah Lee/], [ASK_NORTHWIND]),
            { say: 'Peter is moving to sales', expect: [TASK.en.summary, /New billing contact: Sarah Lee/] },
            { say: 'yes', expect: [TASK.en.filed] }],
        outcome: { request: { account: 'ACC-2002', newContact: /^Sarah Lee/ }, noHandoff: true }
    },
    {
        name: '„ab jetzt übernehm ich die rechnungen“ von Eva, Admin: Eva ist die neue, gefragt wird nur, wen sie ersetzt',
        lang: 'de', email: 'eva.schulz@bergmann-soehne.example',
        steps: [
            ...signedIn('de', 'ab jetzt übernehm ich die rechnungen', 'eva.schulz@bergmann-soehne.example', [/Wen soll Eva Schulz als Abrechnungskontakt ersetzen/], [/Wer soll Abrechnungskontakt von/]),
            { say: 'Maria Bergmann', expect: [/Warum soll Eva Schulz Abrechnungskontakt werden/] },
            { say: 'Maria geht in Rente', expect: [/Neuer Abrechnungskontakt: Eva Schulz/, TASK.de.confirm] },
            { say: 'ja', expect: [TASK.de.filed] }],
        outcome: { request: { account: 'ACC-3003', newContact: /^Eva Schulz/, replaces: /Maria Bergmann/ }, noHandoff: true }
    },
    {
        name: '"i\'m gonna be the billing contact now" from Sarah: the request is for Sarah',
        lang: 'en', email: SARAH,
        steps: [
            ...signedIn('en', "i'm gonna be the billing contact now", SARAH, [/Why should Sarah Lee become the billing contact|New billing contact: Sarah Lee/], [ASK_NORTHWIND]),
            { say: 'Peter moved to sales', expect: [TASK.en.summary, /New billing contact: Sarah Lee/] },
            { say: 'yes', expect: [TASK.en.filed] }],
        outcome: { request: { account: 'ACC-2002', newContact: /^Sarah Lee/ }, noHandoff: true }
    },
    {
        name: '"make me the billing contact" from Jonas: the request is for Jonas',
        lang: 'en', email: JONAS,
        steps: [
            ...signedIn('en', 'make me the billing contact', JONAS, [/Why should Jonas Weber become the billing contact|New billing contact: Jonas Weber/], [TASK.en.askNewContact]),
            { say: 'Anna is on parental leave', expect: [TASK.en.summary, /New billing contact: Jonas Weber/] },
            { say: 'yes', expect: [TASK.en.filed] }],
        outcome: { request: { account: 'ACC-1001', newContact: /^Jonas Weber/ }, noHandoff: true }
    },
    {
        name: '„ab sofort übernehme ich die Rechnungen“ von Lea, keine Admin: sie erfährt, wer den Antrag stellen kann; nichts wird beantragt',
        lang: 'de', email: LEA,
        steps: signedIn('de', 'ab sofort übernehme ich die Rechnungen', LEA, [TASK.de.adminsOnly, /Anna Müller/]),
        outcome: { noRequest: 'ACC-1001', noHandoff: true }
    },
    {
        name: '"I\'d like Lea to be our billing contact" from Jonas: Lea Fischer is the new contact, not asked again',
        lang: 'en', email: JONAS,
        steps: [
            ...signedIn('en', "I'd like Lea to be our billing contact", JONAS, [/Why should Lea Fischer become the billing contact/], [TASK.en.askNewContact]),
            { say: 'Anna moved to another team', expect: [TASK.en.summary] },
            { say: 'yes', expect: [TASK.en.filed] }],
        outcome: { request: { account: 'ACC-1001', newContact: /^Lea Fischer/ }, noHandoff: true }
    },
    {
        name: '„eva soll das machen, ich geh in rente“ von Klaus: Eva Schulz ist die neue, sie ersetzt Klaus',
        lang: 'de', email: KLAUS,
        steps: [
            ...signedIn('de', 'eva soll das machen, ich geh in rente', KLAUS, [/Eva Schulz/], [/Wer soll Abrechnungskontakt von/]),
            { say: 'Klaus Bergmann', expect: [/Neuer Abrechnungskontakt: Eva Schulz/, TASK.de.confirm] },
            { say: 'ja', expect: [TASK.de.filed] }],
        outcome: { request: { account: 'ACC-3003', newContact: /^Eva Schulz/, replaces: /Klaus Bergmann/ }, noHandoff: true }
    },
    {
        name: '„nein, lieber Max Mustermann“ bei der Wahl: er ist kein Mitglied, seine Adresse wird gefragt, um ihn als neue Person einzutragen',
        lang: 'de', email: JONAS,
        steps: [
            ...signedIn('de', TASK.de.changeContact, JONAS, [TASK.de.askNewContact]),
            { say: 'nein, lieber Max Mustermann', expect: [/Max Mustermann ist kein Mitglied/, /E-Mail-Adresse von Max Mustermann/], absent: [TASK.de.askNewContactRetry] },
            { say: 'max@mustermann.example', expect: [/Warum soll Max Mustermann Abrechnungskontakt werden/] },
            { say: 'er übernimmt die Buchhaltung', expect: [TASK.de.summary] },
            { say: 'ja', expect: [TASK.de.filed] }],
        outcome: { request: { account: 'ACC-1001', newContact: /^Max Mustermann.*max@mustermann\.example/ }, noHandoff: true }
    },
    {
        name: '"no, rather John Smith" at the choice: he is no member, his address is asked to add him as a new person',
        lang: 'en', email: SARAH,
        steps: [
            ...signedIn('en', TASK.en.changeContact, SARAH, [ASK_NORTHWIND]),
            { say: 'no, rather John Smith', expect: [/John Smith is not a member/, /email address of John Smith/], absent: [/Please pick one of the people/] },
            { say: 'john.smith@northwind.example', expect: [/Why should John Smith become the billing contact/] },
            { say: 'he runs finance now', expect: [TASK.en.summary] },
            { say: 'yes', expect: [TASK.en.filed] }],
        outcome: { request: { account: 'ACC-2002', newContact: /^John Smith.*john\.smith@northwind\.example/ }, noHandoff: true }
    },
    {
        name: '"nope, jane doe" at the choice, then "no wait, instead a new person: Bob Stone" at her address: Bob Stone is filed',
        lang: 'en', email: SARAH,
        steps: [
            ...signedIn('en', TASK.en.changeContact, SARAH, [ASK_NORTHWIND]),
            { say: 'nope, jane doe', expect: [/email address of Jane Doe/], absent: [TASK.en.askName] },
            { say: 'no wait, instead a new person: Bob Stone', expect: [/email address of Bob Stone/], absent: [/Please type the person's first and last name/] },
            { say: 'bob.stone@northwind.example', expect: [/Why should Bob Stone become the billing contact/] },
            { say: 'he runs finance now', expect: [TASK.en.summary] },
            { say: 'yes', expect: [TASK.en.filed] }],
        outcome: { request: { account: 'ACC-2002', newContact: /^Bob Stone.*bob\.stone@northwind\.example/ }, noHandoff: true }
    },
    {
        name: '„nein warte, stattdessen eine neue Person: Bernd Bauer“ bei der Frage nach dem Namen: Bernd Bauer, kein Kundendienst',
        lang: 'de', email: JONAS,
        steps: [
            ...signedIn('de', TASK.de.changeContact, JONAS, [TASK.de.askNewContact]),
            { say: TASK.de.someoneElse, expect: [TASK.de.askName] },
            { say: 'nein warte, stattdessen eine neue Person: Bernd Bauer', expect: [/E-Mail-Adresse von Bernd Bauer/], absent: [/Kundendienst/] },
            { say: 'bernd.bauer@mueller-design.example', expect: [/Warum soll Bernd Bauer Abrechnungskontakt werden/] },
            { say: 'er übernimmt die Buchhaltung', expect: [TASK.de.summary] },
            { say: 'ja', expect: [TASK.de.filed] }],
        outcome: { request: { account: 'ACC-1001', newContact: /^Bernd Bauer.*bernd\.bauer@mueller-design\.example/ }, noHandoff: true }
    },
    {
        name: '„nein, einen Mitarbeiter bitte“ bei der Frage nach dem Namen bleibt der Wunsch nach einem Menschen, kein Name',
        lang: 'de', email: JONAS,
        steps: [
            ...signedIn('de', TASK.de.changeContact, JONAS, [TASK.de.askNewContact]),
            { say: TASK.de.someoneElse, expect: [TASK.de.askName] },
            { say: 'nein, einen Mitarbeiter bitte', absent: [/E-Mail-Adresse von/, TASK.de.askReason] }],
        outcome: { noRequest: 'ACC-1001' }
    },
    {
        name: '"our finance guy quit" starts the change of billing contact',
        lang: 'en', email: SARAH,
        steps: signedIn('en', 'our finance guy quit', SARAH, [ASK_NORTHWIND]),
        outcome: { noRequest: 'ACC-2002', noHandoff: true }
    },
    {
        name: '„unsere Buchhalterin ist weg“ beginnt die Änderung des Abrechnungskontakts',
        lang: 'de', email: JONAS,
        steps: signedIn('de', 'unsere Buchhalterin ist weg', JONAS, [TASK.de.askNewContact]),
        outcome: { noRequest: 'ACC-1001', noHandoff: true }
    }
];

describe('Who becomes the billing contact, in the person\'s own words: corrections at the summary, oneself, a wish, a non-member', () => {
    const harness = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harness(), row);
        });
    }
});

import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { ANNA, LEA, PETER } from '../helpers/demoPeople';

const TOM = 'tom.hughes@northwind.example';
const en = PHRASES.en;
const de = PHRASES.de;

/** Lines that end the conversation, none of which a dropped mail may say. */
const GOODBYE = { en: /Goodbye/, de: /Auf Wiedersehen|Tschüss/ };

/**
 * Issue 12 (found through Direct Line): the mail to the billing contact in customers' own words. A wish to write
 * something to a named person, without "that"/":", starts the mail; a correction of whom to write to at the offer
 * keeps the mail going; "to Anna: …" at the offer is the mail with that text; a never-mind given as the mail's text
 * drops the mail, and the conversation goes on.
 */
const ROWS: readonly ConversationRow[] = [
    {
        name: '"could you pass something on to anna" at the menu after verification: the mail to the billing contact, not a change of contact',
        lang: 'en', email: LEA,
        steps: [
            { say: 'hi', expect: [en.menu] },
            { say: 'who is our billing contact', expect: [en.askEmail] },
            { say: LEA, expect: [en.codeSent] },
            { say: CODE, expect: [en.caseB, en.offerEmail] },
            { say: 'no thanks' },
            { say: 'could you pass something on to anna', expect: [/What would you like me to tell Anna Müller\?/], absent: [/only send this email/, /Only account admins/, en.preview] },
            { say: 'we need two more licences for the new interns', expect: [en.preview, /two more licences for the new interns/, en.confirm] },
            { say: 'yes', expect: [en.sent] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /two more licences for the new interns/ } }
    },
    {
        name: '„ich möchte anna was schreiben“ am Menü: die Mail an die Abrechnungskontaktin, der Text nach der Bestätigung gefragt',
        lang: 'de', email: LEA,
        steps: [
            { say: 'hallo', expect: [de.menu] },
            { say: 'ich möchte anna was schreiben', expect: [de.askEmail], absent: [/Ich kann Ihnen bei/] },
            { say: LEA, expect: [de.codeSent] },
            { say: CODE, expect: [/Was soll ich Anna Müller ausrichten\?/], absent: [de.preview] },
            { say: 'wir brauchen zwei Lizenzen mehr für die neuen Praktikanten', expect: [de.preview, /zwei Lizenzen mehr für die neuen Praktikanten/, de.confirm] },
            { say: 'ja', expect: [de.sent] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /zwei Lizenzen mehr für die neuen Praktikanten/ } }
    },
    {
        name: '„kannst du jonas was ausrichten“ nach der Bestätigung: die Mail an die Abrechnungskontaktin, nur an sie',
        lang: 'de', email: LEA,
        steps: [
            { say: 'hallo', expect: [de.menu] },
            { say: 'wer ist unser abrechnungskontakt', expect: [de.askEmail] },
            { say: LEA, expect: [de.codeSent] },
            { say: CODE, expect: [de.caseB, de.offerEmail] },
            { say: 'nein danke' },
            { say: 'kannst du jonas was ausrichten', expect: [/nur an den Abrechnungskontakt des Kontos senden \(Anna Müller\)/, /Was soll ich Anna Müller ausrichten\?/], absent: [/Ich helfe Ihnen bei Fragen/] },
            { say: 'wir brauchen zwei Lizenzen mehr', expect: [de.preview, /zwei Lizenzen mehr/, de.confirm] },
            { say: 'ja', expect: [de.sent] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /zwei Lizenzen mehr/ } }
    },
    {
        name: '"i\'d like to send sarah a quick message" after verification: the mail to the billing contact, only to him',
        lang: 'en', email: TOM,
        steps: [
            { say: 'hi', expect: [en.menu] },
            { say: 'who is our billing contact', expect: [en.askEmail] },
            { say: TOM, expect: [en.codeSent] },
            { say: CODE, expect: [en.caseBD, en.offerEmail] },
            { say: 'no thanks' },
            { say: 'i\'d like to send sarah a quick message', expect: [/only send this email to the account's billing contact \(Peter Brooks\)/, /What would you like me to tell Peter Brooks\?/], absent: [/I can help you with/] },
            { say: 'we need two more licences', expect: [en.preview, /two more licences/, en.confirm] },
            { say: 'yes', expect: [en.sent] }
        ],
        outcome: { mailTo: { to: [PETER], words: /two more licences/ } }
    },
    {
        name: '„nein, stattdessen an jonas“ beim Angebot der Mail: die Mail geht weiter, nur an die Abrechnungskontaktin',
        lang: 'de', email: LEA,
        steps: [
            { say: 'hallo', expect: [de.menu] },
            { say: 'wer ist unser abrechnungskontakt', expect: [de.askEmail] },
            { say: LEA, expect: [de.codeSent] },
            { say: CODE, expect: [de.caseB, de.offerEmail] },
            { say: 'nein, stattdessen an jonas', expect: [/nur an die Abrechnungskontaktin|nur an den Abrechnungskontakt/, /Anna Müller/, de.askMessage], absent: [/Auf Wiedersehen/] },
            { say: 'wir brauchen zwei Lizenzen mehr', expect: [de.preview, /zwei Lizenzen mehr/, de.confirm] },
            { say: 'ja', expect: [de.sent] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /zwei Lizenzen mehr/ } }
    },
    {
        name: '"no, send it to sarah instead" at the offer of a mail: the mail goes on, only to the billing contact',
        lang: 'en', email: TOM,
        steps: [
            { say: 'hi', expect: [en.menu] },
            { say: 'who is our billing contact', expect: [en.askEmail] },
            { say: TOM, expect: [en.codeSent] },
            { say: CODE, expect: [en.caseBD, en.offerEmail] },
            { say: 'no, send it to sarah instead', expect: [/only send this email to the account's billing contact \(Peter Brooks\)/, en.askMessage], absent: [GOODBYE.en] },
            { say: 'we need two more licences', expect: [en.preview, /two more licences/, en.confirm] },
            { say: 'yes', expect: [en.sent] }
        ],
        outcome: { mailTo: { to: [PETER], words: /two more licences/ } }
    },
    {
        name: '„ok dann an anna: wir brauchen 2 lizenzen mehr“ beim Angebot der Mail: die Mail mit diesem Text, nicht das Thema Tarif',
        lang: 'de', email: LEA,
        steps: [
            { say: 'hallo', expect: [de.menu] },
            { say: 'wer ist unser abrechnungskontakt', expect: [de.askEmail] },
            { say: LEA, expect: [de.codeSent] },
            { say: CODE, expect: [de.caseB, de.offerEmail] },
            { say: 'ok dann an anna: wir brauchen 2 lizenzen mehr', expect: [de.preview, /wir brauchen 2 lizenzen mehr/i, de.confirm], absent: [de.askMessage, /dann an anna/i] },
            { say: 'ja', expect: [de.sent] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /wir brauchen 2 lizenzen mehr/i } }
    },
    {
        name: '"ok, to peter then: we need 2 more licenses" at the offer of a mail: the mail with that text, not the plan topic',
        lang: 'en', email: TOM,
        steps: [
            { say: 'hi', expect: [en.menu] },
            { say: 'who is our billing contact', expect: [en.askEmail] },
            { say: TOM, expect: [en.codeSent] },
            { say: CODE, expect: [en.caseBD, en.offerEmail] },
            { say: 'ok, to peter then: we need 2 more licenses', expect: [en.preview, /we need 2 more licenses/i, en.confirm], absent: [en.askMessage, /to peter then/i] },
            { say: 'yes', expect: [en.sent] }
        ],
        outcome: { mailTo: { to: [PETER], words: /we need 2 more licenses/i } }
    },
    {
        name: '"oh, never mind then" as the mail\'s text: nothing sent, the conversation goes on',
        lang: 'en', email: TOM,
        steps: [
            { say: 'hi', expect: [en.menu] },
            { say: 'who is our billing contact', expect: [en.askEmail] },
            { say: TOM, expect: [en.codeSent] },
            { say: CODE, expect: [en.caseBD, en.offerEmail] },
            { say: 'yes', expect: [en.askMessage] },
            { say: 'oh, never mind then', expect: [en.notSent], absent: [en.preview, GOODBYE.en, /Never mind/] },
            { say: 'how do I reset my portal password?', absent: [en.notUnderstood, en.preview] }
        ],
        outcome: { noMailTo: PETER }
    },
    {
        name: '„ach, vergiss es“ als Text der Mail: nichts gesendet, das Gespräch geht weiter',
        lang: 'de', email: LEA,
        steps: [
            { say: 'hallo', expect: [de.menu] },
            { say: 'wer ist unser abrechnungskontakt', expect: [de.askEmail] },
            { say: LEA, expect: [de.codeSent] },
            { say: CODE, expect: [de.caseB, de.offerEmail] },
            { say: 'ja', expect: [de.askMessage] },
            { say: 'ach, vergiss es', expect: [de.notSent], absent: [de.preview, GOODBYE.de, /vergiss es/i] },
            { say: 'wie setze ich mein Portal-Passwort zurück?', absent: [de.notUnderstood, de.preview] }
        ],
        outcome: { noMailTo: ANNA }
    },
    {
        name: '"we need 3 more licences for the interns, can you tell her?" in the first message: a mail to the billing contact with those words, not the plan topic',
        lang: 'en', email: LEA,
        steps: [
            { say: 'hi', expect: [en.menu] },
            { say: 'we need 3 more licences for the interns, can you tell her?', expect: [en.askEmail], absent: [/Only the billing contact can change the subscription plan/] },
            { say: LEA, expect: [en.codeSent] },
            { say: CODE, expect: [en.preview, /We need 3 more licences for the interns/, en.confirm], absent: [/can you tell her/] },
            { say: 'yes', expect: [en.sent] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /We need 3 more licences for the interns/ } }
    },
    {
        name: '„wir brauchen zwei Lizenzen mehr, können Sie ihr das ausrichten?“ als erste Nachricht: die Mail mit diesen Worten, nicht das Thema Tarif',
        lang: 'de', email: LEA,
        steps: [
            { say: 'hi', expect: [de.menu] },
            { say: 'wir brauchen zwei Lizenzen mehr, können Sie ihr das ausrichten?', expect: [de.askEmail], absent: [/Abonnementplan/] },
            { say: LEA, expect: [de.codeSent] },
            { say: CODE, expect: [de.preview, /Wir brauchen zwei Lizenzen mehr/, de.confirm], absent: [/ausrichten/] },
            { say: 'ja', expect: [de.sent] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /Wir brauchen zwei Lizenzen mehr/ } }
    }
];

describe('Writing to someone in customers\' own words (issue 12)', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }
});

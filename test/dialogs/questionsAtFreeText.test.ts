import * as assert from 'assert';
import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { JONAS, KLAUS, PETER } from '../helpers/demoPeople';

const TOM = 'tom.hughes@northwind.example';
const SARAH = 'sarah.lee@northwind.example';
const de = { p: PHRASES.de, task: TASK_PHRASES.de };
const en = { p: PHRASES.en, task: TASK_PHRASES.en };

/** The answers to a question asked beside the open one: what a billing contact may do, what a change request means. */
const PERMISSIONS = { en: /has special permissions/, de: /hat besondere Berechtigungen/ };
const PROCESS = { en: /Nothing changes until a LogMeIn staff member has reviewed the request/, de: /Bis ein Mitarbeiter von LogMeIn den Antrag geprüft hat, ändert sich nichts/ };
const MAIL_REPLY = { en: /When the billing contact answers is up to them/, de: /Wann der Abrechnungskontakt antwortet, liegt bei ihm/ };
const OFF_TOPIC = { en: /not something I can help with/, de: /Dabei kann ich Ihnen leider nicht helfen/ };

/** A question, or a remark about something else, at a free-text prompt is answered and never becomes the reason or the message. */
const ROWS: ReadonlyArray<ConversationRow & { readonly noResetTo?: string }> = [
    {
        name: 'das Wetter ist kein Grund; eine Frage zum Antrag bei der Zusammenfassung wird beantwortet, der Antrag bleibt offen und wird mit dem echten Grund gestellt',
        lang: 'de', email: KLAUS,
        steps: [
            { say: 'abrechnungskontakt ändern bitte', expect: [de.p.askEmail] },
            { say: KLAUS, expect: [de.p.codeSent] },
            { say: CODE, expect: [/Wer soll Abrechnungskontakt von Bergmann & Söhne AG werden/] },
            { say: 'eine andere Person', expect: [/vollständige Name/] },
            { say: 'Jürgen Krause, j.krause@bergmann-soehne.example', expect: [/Wen soll Jürgen Krause als Abrechnungskontakt ersetzen/] },
            { say: 'Klaus Bergmann', expect: [de.task.askReason] },
            { say: 'wie wird eigentlich das wetter morgen?', expect: [OFF_TOPIC.de, de.task.askReason], absent: [de.task.summary] },
            { say: 'was passiert dann mit mir, bin ich dann kein abrechnungskontakt mehr?', expect: [PROCESS.de, de.task.askReason], absent: [de.task.summary] },
            { say: 'Ich übergebe die Buchhaltung an Jürgen', expect: [de.task.summary, /Grund: Ich übergebe die Buchhaltung an Jürgen$/m] },
            { say: 'moment, was passiert dann mit mir?', expect: [PROCESS.de, /Soll ich den Antrag stellen/] },
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: 'ACC-3003', newContact: /^Jürgen Krause/, reason: /^Ich übergebe die Buchhaltung an Jürgen$/ }, noHandoff: true },
        noResetTo: KLAUS
    },
    {
        name: 'a question at the reason is answered; "ok. Sarah takes over …" is then the reason, without the ok',
        lang: 'en', email: PETER,
        steps: [
            { say: 'change billing contact', expect: [en.p.askEmail] },
            { say: PETER, expect: [en.p.codeSent] },
            { say: CODE, expect: [/Who should become the billing contact of Northwind/] },
            { say: 'Sarah Lee', expect: [en.task.askReason] },
            { say: 'wait, will I lose access to billing then?', expect: [PROCESS.en, en.task.askReason], absent: [en.task.summary] },
            { say: 'ok. Sarah takes over finance from January', expect: [en.task.summary, /Reason: Sarah takes over finance from January$/m] },
            { say: 'yes', expect: [en.task.filed] }
        ],
        outcome: { request: { account: 'ACC-2002', newContact: /^Sarah Lee/, reason: /^Sarah takes over finance from January$/ }, noHandoff: true }
    },
    {
        name: '"peter is retiring" in the first message is the reason, kept through a correction of the new contact',
        lang: 'en', email: SARAH,
        steps: [
            { say: 'please change the billing contact to tom hughes, peter is retiring', expect: [en.p.askEmail] },
            { say: SARAH, expect: [en.p.codeSent] },
            { say: CODE, expect: [en.task.summary, /Reason: Peter is retiring$/m] },
            { say: 'no wait, make it chris taylor instead', expect: [en.task.summary, /New billing contact: Chris Taylor/, /Reason: Peter is retiring$/m] },
            { say: 'yes', expect: [en.task.filed] }
        ],
        outcome: { request: { account: 'ACC-2002', newContact: /^Chris Taylor/, reason: /^Peter is retiring$/ }, noHandoff: true }
    },
    {
        name: 'a question about what a billing contact can do is answered, not mailed; the mail carries what follows "ok. tell him"',
        lang: 'en', email: TOM,
        steps: [
            { say: "who's my billing admin", expect: [en.p.askEmail] },
            { say: TOM, expect: [en.p.codeSent] },
            { say: CODE, expect: [en.p.caseB, en.p.offerEmail] },
            { say: 'yes email him', expect: [en.p.askMessage] },
            { say: 'wait, what can a billing contact actually do?', expect: [PERMISSIONS.en, en.p.askMessage], absent: [en.p.preview] },
            { say: 'ok. tell him we need the invoice for october resent to accounts@northwind.example', expect: [en.p.preview], absent: [/tell him/] },
            { say: 'yes', expect: [en.p.sent] }
        ],
        outcome: { mailTo: { to: [PETER], words: /We need the invoice for october resent to accounts@northwind\.example/ }, noHandoff: true }
    },
    {
        name: 'eine Frage, was der Abrechnungskontakt darf, wird beantwortet und nicht an Peter geschickt',
        lang: 'de', email: TOM,
        steps: [
            { say: 'wer ist mein abrechnungskontakt', expect: [de.p.askEmail] },
            { say: TOM, expect: [de.p.codeSent] },
            { say: CODE, expect: [de.p.caseB, de.p.offerEmail] },
            { say: 'ja bitte eine mail', expect: [de.p.askMessage] },
            { say: 'moment, was darf der abrechnungskontakt eigentlich alles?', expect: [PERMISSIONS.de, de.p.askMessage], absent: [de.p.preview] },
            { say: 'wie wird das wetter morgen?', expect: [OFF_TOPIC.de, de.p.askMessage], absent: [de.p.preview] },
            { say: 'Können Sie mir die Rechnung vom Oktober noch einmal schicken?', expect: [de.p.preview] },
            { say: 'ja', expect: [de.p.sent] }
        ],
        outcome: { mailTo: { to: [PETER], words: /Rechnung vom Oktober noch einmal schicken/ }, noHandoff: true }
    },
    {
        name: 'when the billing contact will answer, asked at the message and at "Shall I send it?", is answered and never mailed; "lol ok bye" sends nothing',
        lang: 'en', email: TOM,
        steps: [
            { say: "who's my billing admin", expect: [en.p.askEmail] },
            { say: TOM, expect: [en.p.codeSent] },
            { say: CODE, expect: [en.p.caseB, en.p.offerEmail] },
            { say: 'yes email him', expect: [en.p.askMessage] },
            { say: 'how long until he answers?', expect: [MAIL_REPLY.en, en.p.askMessage], absent: [en.p.preview] },
            { say: 'we need two more licences for the new interns', expect: [en.p.preview] },
            { say: 'and when will he get back to me?', expect: [MAIL_REPLY.en, /Shall I send it\?/], absent: [en.p.sent] },
            { say: 'lol ok bye', absent: [en.p.sent] }
        ],
        outcome: { noMailTo: PETER, noHandoff: true }
    },
    {
        name: 'wann der Abrechnungskontakt antwortet, wird bei der Nachricht beantwortet und nicht geschickt',
        lang: 'de', email: TOM,
        steps: [
            { say: 'wer ist mein abrechnungskontakt', expect: [de.p.askEmail] },
            { say: TOM, expect: [de.p.codeSent] },
            { say: CODE, expect: [de.p.caseB, de.p.offerEmail] },
            { say: 'ja bitte eine mail', expect: [de.p.askMessage] },
            { say: 'und wann meldet er sich dann bei mir?', expect: [MAIL_REPLY.de, de.p.askMessage], absent: [de.p.preview] },
            { say: 'Wir brauchen zwei Lizenzen mehr für die Praktikanten.', expect: [de.p.preview] },
            { say: 'ja', expect: [de.p.sent] }
        ],
        outcome: { mailTo: { to: [PETER], words: /zwei Lizenzen mehr für die Praktikanten/ }, noHandoff: true }
    },
    {
        name: '„ja, aber der Grund ist: …“ verliert Ja und Rahmen; „ok. Anna geht …“ bei der Zusammenfassung ist ein neuer Grund, kein Ja; eine Frage mit „ok“ davor stellt nichts',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'ich möchte den abrechnungskontakt ändern', expect: [de.p.askEmail] },
            { say: JONAS, expect: [de.p.codeSent] },
            { say: CODE, expect: [/Wer soll Abrechnungskontakt von Müller Design GmbH werden/] },
            { say: 'Lea Fischer', expect: [de.task.askReason] },
            { say: 'ja, aber der Grund ist: Anna wechselt in eine andere Abteilung', expect: [de.task.summary, /Grund: Anna wechselt in eine andere Abteilung$/m] },
            { say: 'ok. Anna geht zum Jahresende in Rente', expect: [de.task.summary, /Grund: Anna geht zum Jahresende in Rente$/m], absent: [de.task.filed] },
            { say: 'ok, und was passiert dann mit Anna?', expect: [PROCESS.de, /Soll ich den Antrag stellen/], absent: [de.task.filed] },
            { say: 'ja, bitte stellen', expect: [de.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /^Lea Fischer/, reason: /^Anna geht zum Jahresende in Rente$/ }, noHandoff: true }
    },
    {
        name: '"thank u, bye" at the reason is a goodbye, never the reason',
        lang: 'en', email: SARAH,
        steps: [
            { say: 'i want to change the billing contact', expect: [en.p.askEmail] },
            { say: SARAH, expect: [en.p.codeSent] },
            { say: CODE, expect: [/Who should become the billing contact of Northwind/] },
            { say: 'Tom Hughes', expect: [en.task.askReason] },
            { say: 'thank u, bye', expect: [/Shall I drop it and end here\?/], absent: [en.task.summary] },
            { say: 'yes', expect: [/Goodbye/] }
        ],
        outcome: { noRequest: 'ACC-2002', noHandoff: true }
    },
    {
        name: 'the words to the bot before "that" are no part of the mail, at the offer and at the message question; "I wanted to ask whether …" stays whole',
        lang: 'en', email: TOM,
        steps: [
            { say: 'who is my billing contact', expect: [en.p.askEmail] },
            { say: TOM, expect: [en.p.codeSent] },
            { say: CODE, expect: [en.p.caseB, en.p.offerEmail] },
            { say: 'Then pls email peter that I need access to the invoices', expect: [en.p.preview], absent: [/pls email/i, en.p.askMessage] },
            { say: 'no', expect: [/haven't sent/] },
            { say: 'email peter please', expect: [en.p.askMessage] },
            { say: 'I wanted to ask whether you could add me to the billing emails', expect: [en.p.preview, /I wanted to ask whether you could add me/] },
            { say: 'yes', expect: [en.p.sent] }
        ],
        outcome: { mailTo: { to: [PETER], words: /I wanted to ask whether you could add me to the billing emails/ }, noHandoff: true }
    }
];

describe('Questions at free-text prompts (issue 12): answered, never taken as the reason or the message', () => {
    const harness = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harness(), row);
            if (row.noResetTo) {
                assert.strictEqual((await harness().mails(row.noResetTo)).filter((m) => m.kind === 'portal-reset').length, 0, 'no reset link');
            }
            for (const mail of await harness().mails(PETER)) {
                assert.doesNotMatch(mail.text, /what can a billing contact|was darf|wetter|will I lose/i, 'no question mailed');
            }
        });
    }
});

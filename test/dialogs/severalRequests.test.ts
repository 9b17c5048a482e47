import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import { ANNA, JONAS, KLAUS, MARIA, PETER } from '../helpers/demoPeople';

const de = { p: PHRASES.de, task: TASK_PHRASES.de, h: HANDOFF_PHRASES.de };
const en = { p: PHRASES.en, task: TASK_PHRASES.en, h: HANDOFF_PHRASES.en };

/** Said before the bot takes up the next request of the same message. */
const NEXT = { en: /Now to your next question/, de: /Nun zu Ihrer nächsten Frage/ };
/** The closing line after a "no" to "anything else?". */
const CLOSED = { en: /If you need anything else, just write to me\. Goodbye!/, de: /Wenn Sie noch etwas brauchen, schreiben Sie mir einfach\. Auf Wiedersehen!/ };
/** The answers of two topics, as the topic texts begin. */
const PAYMENT_METHOD = { en: /changes the payment method in My Account/, de: /ändert die Zahlungsmethode in „Mein Konto“/ };
const INVOICE_HISTORY = { en: /finds past invoices under "Go to Billing"/, de: /findet frühere Rechnungen unter „Zur Abrechnung“/ };

/** `agent`: someone from customer service is online, so a request for a person is queued. */
type Row = ConversationRow & { readonly noLocale?: boolean; readonly agent?: boolean };

const ROWS: readonly Row[] = [
    // Several requests in one message: all are taken up, in order.
    {
        name: '"who is our billing contact and how do I reset my portal password": the role answer, then the reset, then the closing',
        lang: 'en', email: PETER,
        steps: [
            { say: 'who is our billing contact and how do I reset my portal password', expect: [en.p.askEmail], absent: [en.task.resetIntro] },
            { say: PETER, expect: [en.p.codeSent] },
            { say: CODE, expect: [en.p.caseC, NEXT.en, /pbrooks/, en.task.resetRequested], absent: [en.task.askUserId] },
            { say: 'no', expect: [CLOSED.en] }
        ],
        outcome: { resetTo: PETER, noHandoff: true }
    },
    {
        name: '"wer ist unser Rechnungskontakt und ich möchte ihn ändern": the answer (Anna), then the change request, filed in German',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'wer ist unser Rechnungskontakt und ich möchte ihn ändern', expect: [de.p.askEmail] },
            { say: JONAS, expect: [de.p.codeSent] },
            { say: CODE, expect: [de.p.caseB, /Anna Müller/, NEXT.de, de.task.askNewContact] },
            { say: 'Lea Fischer', expect: [de.task.askReason] },
            { say: 'Anna wechselt in eine andere Abteilung.', expect: [de.task.summary, /andere Abteilung/] },
            { say: 'ja', expect: [de.task.filed] },
            { say: 'nein danke', expect: [CLOSED.de] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /Lea Fischer/, lang: 'de', reason: /andere Abteilung/ }, noMailTo: ANNA, noHandoff: true }
    },
    {
        name: 'two topics in one message are both answered in one reply, in the order asked',
        lang: 'en',
        steps: [
            { say: 'how do I change the payment method and where can I find old invoices?', expect: [new RegExp(`${PAYMENT_METHOD.en.source}[\\s\\S]*${INVOICE_HISTORY.en.source}`)], absent: [en.p.notUnderstood] },
            { say: 'no thanks', expect: [CLOSED.en] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: 'zwei Themen in zwei Sätzen werden beide beantwortet, in der gefragten Reihenfolge',
        lang: 'de',
        steps: [
            { say: 'Wo finde ich alte Rechnungen? Außerdem möchte ich die Zahlungsmethode ändern.', expect: [new RegExp(`${INVOICE_HISTORY.de.source}[\\s\\S]*${PAYMENT_METHOD.de.source}`)], absent: [de.p.notUnderstood] },
            { say: 'nein', expect: [CLOSED.de] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: 'a topic and a task: the topic is answered at once, then the reset starts',
        lang: 'de', email: MARIA,
        steps: [
            { say: 'wo finde ich alte rechnungen und ich habe mein passwort fürs portal vergessen', expect: [INVOICE_HISTORY.de, NEXT.de, de.task.askUserId] },
            { say: 'mbergmann-billing', expect: [de.task.resetRequested] }
        ],
        outcome: { resetTo: MARIA, noHandoff: true }
    },
    {
        name: 'a task and a question: the reset first, then verification and the role answer',
        lang: 'en', email: PETER,
        steps: [
            { say: 'hello! I forgot my portal password. also, who is our billing contact?', expect: [en.task.askUserId], absent: [en.p.askEmail] },
            { say: 'pbrooks', expect: [en.task.resetRequested, NEXT.en, en.p.askEmail] },
            { say: PETER, expect: [en.p.codeSent] },
            { say: CODE, expect: [en.p.caseC] }
        ],
        outcome: { resetTo: PETER, noHandoff: true }
    },
    // A greeting in front of the question, with no locale from the client: the question is answered in its language.
    {
        name: '"hi whos our billing contact??" without a client locale: answered in English',
        lang: 'en', email: JONAS, noLocale: true,
        steps: [
            { say: 'hi whos our billing contact??', expect: [en.p.askEmail], absent: [de.p.askEmail, en.p.notUnderstood] },
            { say: JONAS, expect: [en.p.codeSent] },
            { say: CODE, expect: [en.p.caseB, /Anna Müller/] },
            { say: 'thanks bye', expect: [/Goodbye/] }
        ],
        outcome: { noMailTo: ANNA, noRequest: 'ACC-1001', noHandoff: true }
    },
    {
        name: '"Hallo, wie ändere ich den Rechnungskontakt?" ohne Locale: die Änderung beginnt, auf Deutsch, bis zum Antrag',
        lang: 'de', email: JONAS, noLocale: true,
        steps: [
            { say: 'Hallo, wie ändere ich den Rechnungskontakt?', expect: [de.p.askEmail], absent: [en.p.askEmail, de.p.notUnderstood] },
            { say: JONAS, expect: [de.p.codeSent] },
            { say: CODE, expect: [de.task.askNewContact] },
            { say: 'Lea Fischer', expect: [de.task.askReason] },
            { say: 'Anna geht in Rente.', expect: [de.task.summary] },
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /Lea Fischer/, lang: 'de', reason: /Anna geht in Rente/ } }
    },
    {
        name: '"good morning! am i the billing contact?" is answered, not greeted back',
        lang: 'en', email: PETER,
        steps: [{ say: 'good morning! am i the billing contact?', expect: [en.p.askEmail] }, { say: PETER }, { say: CODE, expect: [en.p.caseC] }],
        outcome: { noHandoff: true }
    },
    {
        name: '"Hi, bin ich der Abrechnungskontakt?" ohne Locale: Deutsch, obwohl "Hi" in beiden Sprachen vorkommt',
        lang: 'de', email: KLAUS, noLocale: true,
        steps: [{ say: 'Hi, bin ich der Abrechnungskontakt?', expect: [de.p.askEmail], absent: [en.p.askEmail] }, { say: KLAUS, expect: [de.p.codeSent] }, { say: CODE, expect: [de.p.caseC] }],
        outcome: { noHandoff: true }
    },
    {
        name: '"am i admin" without a client locale stays English',
        lang: 'en', email: PETER, noLocale: true,
        steps: [{ say: 'am i admin', expect: [en.p.askEmail], absent: [de.p.askEmail] }, { say: PETER, expect: [en.p.codeSent] }, { say: CODE, expect: [en.p.caseC] }],
        outcome: { noHandoff: true }
    },
    // A bare email address starts the identification; it is not asked for again.
    {
        name: 'a bare address as the first message starts verification with it; the role answer follows',
        lang: 'en', email: PETER,
        steps: [
            { say: PETER, expect: [en.p.codeSent], absent: [en.p.askEmail, en.p.notUnderstood] },
            { say: CODE, expect: [en.p.caseC] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: 'eine E-Mail-Adresse allein im Menü startet die Bestätigung ohne erneute Frage nach der Adresse',
        lang: 'de', email: KLAUS,
        steps: [
            { say: 'hallo', expect: [de.p.menu] },
            { say: KLAUS, expect: [de.p.codeSent], absent: [de.p.askEmail, de.p.notUnderstood] },
            { say: CODE, expect: [de.p.caseC] }
        ],
        outcome: { noHandoff: true }
    },
    // A request for a person that names the topic: the topic is the description.
    {
        name: '"I want to talk to an agent about a wrong invoice": queued at once, the agents read the topic',
        lang: 'en',
        steps: [{ say: 'I want to talk to an agent about a wrong invoice', expect: [en.h.queuedNext], absent: [en.h.askDescription] }],
        outcome: { handoff: { description: /wrong invoice/ } }, agent: true
    },
    {
        name: '"Ich möchte mit einem Mitarbeiter über eine doppelte Abbuchung sprechen": ohne Rückfrage in die Warteschlange',
        lang: 'de',
        steps: [{ say: 'Ich möchte mit einem Mitarbeiter über eine doppelte Abbuchung sprechen', expect: [de.h.queuedNext], absent: [de.h.askDescription] }],
        outcome: { handoff: { description: /doppelte Abbuchung/ } }, agent: true
    },
    {
        name: 'a bare request for a person still asks what it is about',
        lang: 'en',
        steps: [{ say: 'agent please', expect: [en.h.askDescription] }, { say: 'our invoice has the wrong address', expect: [en.h.queuedNext] }],
        outcome: { handoff: { description: /wrong address/ } }, agent: true
    },
    // A corrected user ID after the reset starts it again with the new one.
    {
        name: '"sorry, my user ID is actually pbrooks" after a reset for a wrong ID sends the link for the right one',
        lang: 'en', email: PETER,
        steps: [
            { say: en.task.resetQuestion, expect: [en.task.askUserId] },
            { say: 'pbrooksx', expect: [en.task.resetRequested] },
            { say: 'sorry, my user ID is actually pbrooks', expect: [en.task.resetRequested], absent: [en.p.notUnderstood] }
        ],
        outcome: { resetTo: PETER, noHandoff: true }
    },
    {
        name: '"Entschuldigung, meine Benutzer-ID ist eigentlich mbergmann-billing" nach dem Zurücksetzen: neuer Link an Maria',
        lang: 'de', email: MARIA,
        steps: [
            { say: de.task.resetQuestion, expect: [de.task.askUserId] },
            { say: 'mbergman', expect: [de.task.resetRequested] },
            { say: 'Entschuldigung, meine Benutzer-ID ist eigentlich mbergmann-billing', expect: [de.task.resetRequested], absent: [de.p.notUnderstood] },
            { say: 'nein danke', expect: [CLOSED.de] }
        ],
        outcome: { resetTo: MARIA, noHandoff: true }
    }
];

describe('Several requests, greetings, bare addresses, people and corrections in customers\' own words', () => {
    const harness = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            if (row.agent) {
                await harness().agentOnline('erika');
            }
            await playRow(harness(), row);
        });
    }
});

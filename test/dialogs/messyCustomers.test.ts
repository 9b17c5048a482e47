import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE, type Step } from '../helpers/script';
import type { Lang } from '../../core/language';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { HANDOFF_PHRASES as HANDOFF } from '../helpers/handoffPhrases';
import { ANNA, JONAS, KLAUS, PETER } from '../helpers/demoPeople';

const de = { p: PHRASES.de, task: TASK_PHRASES.de };
const en = { p: PHRASES.en, task: TASK_PHRASES.en };

/** The help text's opening: what the bot does. */
const WHAT_I_DO = { en: /I help with billing contacts of LogMeIn and GoToMeeting accounts/, de: /Ich helfe Ihnen bei Fragen zum Abrechnungskontakt/ };
/** Said before the bot takes up the next request of the same message. */
const NEXT = { en: /Now to your next question/, de: /Nun zu Ihrer nächsten Frage/ };
/** The answer about old invoices, as it begins. */
/** The invoice-history answer for a verified person who is not the billing contact (Jonas): only Anna sees them. */
const INVOICE_HISTORY = { en: /only its billing contact sees past invoices under "Go to Billing"\. Please ask your billing contact, Anna Müller/, de: /frühere Rechnungen sieht nur der Abrechnungskontakt unter „Zur Abrechnung“\. Wenden Sie sich bitte an Ihren Abrechnungskontakt Anna Müller/ };
/** The answer to a message outside the bot's field, and the beginning of a topic answer it must not guess. */
const OUT_OF_SCOPE = { en: /not something I can help with|outside what I can help with/, de: /dabei kann ich Ihnen leider nicht helfen|Dabei kann ich Ihnen leider nicht helfen/ };
const TOPIC_ANSWER = { en: /Go to Billing|payment method|invoice/i, de: /Zur Abrechnung|Zahlungsmethode|Rechnung/ };
/** The other billing contact of Bergmann & Söhne, as the bot names her. */
const MARIA_NAMED = /Maria Bergmann/;

/** "Am I the billing contact?", the address and the code: what `after` says comes with the role answer. */
function roleAsked(lang: Lang, email: string, after: readonly RegExp[]): Step[] {
    return [
        { say: lang === 'en' ? 'am i the billing contact' : 'bin ich abrechnungskontakt', expect: [PHRASES[lang].askEmail] },
        { say: email, expect: [PHRASES[lang].codeSent] },
        { say: CODE, expect: after }
    ];
}

/** The role asked, a yes to the email offer and a message: the draft is shown back with "Shall I send it?". */
function draftShown(lang: Lang, email: string, message: string): Step[] {
    const p = PHRASES[lang];
    return [
        ...roleAsked(lang, email, [p.caseB, p.offerEmail]),
        { say: lang === 'en' ? 'yes' : 'ja', expect: [p.askMessage] },
        { say: message, expect: [p.preview, p.confirm] }
    ];
}

const ROWS: readonly ConversationRow[] = [
    // 1. An address inside a sentence says who the person is, at the menu and at the email question.
    {
        name: '"it\'s sarah.lee@… btw" at the menu starts the verification with that address',
        lang: 'en', email: 'sarah.lee@northwind.example',
        steps: [
            { say: "it's sarah.lee@northwind.example btw", expect: [en.p.codeSent], absent: [en.p.notUnderstood, en.p.askEmail] },
            { say: CODE, expect: [en.p.caseB] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '"meine mail ist jonas.weber@…" im Menü: der Code geht an Jonas, keine Mail an den Admin',
        lang: 'de', email: JONAS,
        steps: [
            { say: `meine mail ist ${JONAS}`, expect: [de.p.codeSent], absent: [de.p.notUnderstood, de.p.askEmail, de.p.askMessage] },
            { say: CODE, expect: [de.p.caseB, /Anna Müller/] }
        ],
        outcome: { noMailTo: ANNA, noHandoff: true }
    },
    {
        name: '"hier, meine mail ist jonas.weber@… danke" bei der Frage nach der Adresse wird genommen',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'wer ist mein abrechnungskontakt', expect: [de.p.askEmail] },
            { say: `hier, meine mail ist ${JONAS} danke`, expect: [de.p.codeSent], absent: [de.p.invalidEmail] },
            { say: CODE, expect: [de.p.caseB] }
        ],
        outcome: { noHandoff: true }
    },
    // 2. A long message with several requests: all are answered, in order.
    {
        name: 'a five-sentence message with three requests: the role, the old invoices, then the change request',
        lang: 'en', email: JONAS,
        steps: [
            { say: `Hi. I'm ${JONAS}. I want to know who our billing contact is. Also, where can I find old invoices? And I need to change the billing contact.`, expect: [en.p.codeSent] },
            { say: CODE, expect: [en.p.caseB, /Anna Müller/, NEXT.en, INVOICE_HISTORY.en, en.task.askNewContact] },
            { say: 'Lea Fischer', expect: [en.task.askReason] },
            { say: 'Anna is moving to another department', expect: [en.task.summary] },
            { say: 'yes', expect: [en.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /Lea Fischer/, lang: 'en', reason: /another department/ }, noHandoff: true }
    },
    {
        name: 'eine lange Nachricht mit drei Anliegen: die Rolle, alte Rechnungen, dann der Änderungsantrag',
        lang: 'de', email: JONAS,
        steps: [
            { say: `Guten Tag. Hier ist ${JONAS}. Ich möchte wissen, wer unser Abrechnungskontakt ist. Außerdem: wo finde ich alte Rechnungen? Und ich möchte den Abrechnungskontakt ändern.`, expect: [de.p.codeSent] },
            { say: CODE, expect: [de.p.caseB, /Anna Müller/, NEXT.de, INVOICE_HISTORY.de, de.task.askNewContact] },
            { say: 'Lea Fischer', expect: [de.task.askReason] },
            { say: 'Anna wechselt die Abteilung', expect: [de.task.summary] },
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /Lea Fischer/, lang: 'de', reason: /Abteilung/ }, noHandoff: true }
    },
    {
        name: '"guten tag, ich bin jonas.weber@… und möchte den abrechnungskontakt ändern": nur der Änderungsantrag, keine ungefragte Rollenauskunft; "tschau" verabschiedet',
        lang: 'de', email: JONAS,
        steps: [
            { say: `guten tag, ich bin ${JONAS} und moechte den abrechnungskontakt aendern`, expect: [de.p.codeSent] },
            { say: CODE, expect: [de.task.askNewContact], absent: [de.p.caseB, NEXT.de] },
            { say: 'Lea Fischer', expect: [de.task.askReason] },
            { say: 'anna geht in elternzeit', expect: [de.task.summary] },
            { say: 'ja passt', expect: [de.task.filed] },
            { say: 'tschau', expect: [/Auf Wiedersehen/], absent: [de.p.notUnderstood] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /Lea Fischer/, lang: 'de', reason: /elternzeit/ }, noHandoff: true }
    },
    // 3. Handing billing over names the new contact.
    {
        name: '"ich möchte die Abrechnung an Lea Fischer abgeben": ein Änderungsantrag mit Lea Fischer',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'ich moechte die Abrechnung an Lea Fischer abgeben', expect: [de.p.askEmail] },
            { say: JONAS, expect: [de.p.codeSent] },
            { say: CODE, expect: [de.task.askReason] },
            { say: 'Anna geht in Rente.', expect: [de.task.summary, /Lea Fischer/] },
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /Lea Fischer/, lang: 'de', reason: /Rente/ }, noHandoff: true }
    },
    {
        name: '"i want to hand billing over to Lea Fischer": a change request naming Lea',
        lang: 'en', email: JONAS,
        steps: [
            { say: 'i want to hand billing over to Lea Fischer', expect: [en.p.askEmail] },
            { say: JONAS, expect: [en.p.codeSent] },
            { say: CODE, expect: [en.task.askReason] },
            { say: 'Anna is retiring', expect: [en.task.summary, /Lea Fischer/] },
            { say: 'yes', expect: [en.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /Lea Fischer/, lang: 'en', reason: /retiring/ }, noHandoff: true }
    },
    {
        name: '"eva schulz", not a member, typed at the choice of the new contact: taken as someone else, only her address is asked',
        lang: 'en', email: JONAS,
        steps: [
            { say: 'i want to change the billing contact', expect: [en.p.askEmail] },
            { say: JONAS, expect: [en.p.codeSent] },
            { say: CODE, expect: [en.task.askNewContact] },
            { say: 'eva schulz', expect: [/what is the email address of eva schulz/i], absent: [en.task.askNewContactRetry, en.task.askName] },
            { say: 'eva.schulz@example.com', expect: [en.task.askReason] },
            { say: 'she takes over accounting', expect: [en.task.summary] },
            { say: 'yes', expect: [en.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /eva schulz/i, lang: 'en' }, noHandoff: true }
    },
    {
        name: '"Eva Schulz", kein Mitglied, bei der Wahl des neuen Kontakts: als andere Person genommen, nur ihre Adresse wird gefragt',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'ich möchte den abrechnungskontakt ändern', expect: [de.p.askEmail] },
            { say: JONAS, expect: [de.p.codeSent] },
            { say: CODE, expect: [de.task.askNewContact] },
            { say: 'Eva Schulz', expect: [/wie lautet die E-Mail-Adresse von Eva Schulz/], absent: [de.task.askNewContactRetry, de.task.askName] }
        ],
        outcome: { noRequest: 'ACC-1001', noHandoff: true }
    },
    // 4. Who else is a billing contact.
    {
        name: '"wer ist außer mir noch Abrechnungskontakt": Klaus erfährt, dass es Maria Bergmann ist',
        lang: 'de', email: KLAUS,
        steps: [
            ...roleAsked('de', KLAUS, [de.p.caseC]),
            { say: 'wer ist außer mir noch Abrechnungskontakt', expect: [MARIA_NAMED], absent: [de.p.saidBefore, de.p.notUnderstood] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '"who else besides me is a billing contact": Klaus hears it is Maria Bergmann',
        lang: 'en', email: KLAUS,
        steps: [
            ...roleAsked('en', KLAUS, [en.p.caseC]),
            { say: 'who else besides me is a billing contact?', expect: [MARIA_NAMED], absent: [en.p.saidBefore, en.p.notUnderstood] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '"is anyone else a billing contact apart from me?" to Peter, the only one: there is no other',
        lang: 'en', email: PETER,
        steps: [
            ...roleAsked('en', PETER, [en.p.caseC]),
            { say: 'is anyone else a billing contact apart from me?', expect: [/no other billing contact|only billing contact/], absent: [en.p.saidBefore, en.p.notUnderstood] }
        ],
        outcome: { noHandoff: true }
    },
    // 7. Typos and indirect questions.
    ...(['can you tell me if im the billing contact', 'am i teh biling contact'] as const).map((say): ConversationRow => ({
        name: `"${say}" asks for the address to check the role`,
        lang: 'en', email: PETER,
        steps: [
            { say, expect: [en.p.askEmail], absent: [en.p.notUnderstood] },
            { say: PETER, expect: [en.p.codeSent] },
            { say: CODE, expect: [en.p.caseC] }
        ],
        outcome: { noHandoff: true }
    })),
    ...(['wer is mein abrechnugskontakt', 'kannst du mir sagen ob ich der rechnungskontakt bin'] as const).map((say): ConversationRow => ({
        name: `"${say}" fragt nach der Adresse und beantwortet die Rolle`,
        lang: 'de', email: JONAS,
        steps: [
            { say, expect: [de.p.askEmail], absent: [de.p.notUnderstood] },
            { say: JONAS, expect: [de.p.codeSent] },
            { say: CODE, expect: [de.p.caseB] }
        ],
        outcome: { noHandoff: true }
    })),
    // 8. Who the bot is: said plainly, without a verification.
    {
        name: '"who r u" says what the bot does, without asking for an address',
        lang: 'en',
        steps: [{ say: 'who r u', expect: [WHAT_I_DO.en], absent: [en.p.askEmail] }],
        outcome: { noHandoff: true }
    },
    {
        name: '"wer bist du" sagt, was der Bot tut, ohne nach der Adresse zu fragen',
        lang: 'de',
        steps: [{ say: 'wer bist du', expect: [WHAT_I_DO.de], absent: [de.p.askEmail] }],
        outcome: { noHandoff: true }
    },
    // 10. The words of another menu's button at a yes/no question are the request.
    {
        name: '"Portal-Kennwort zurücksetzen" getippt bei einer Ja/Nein-Frage startet das Zurücksetzen',
        lang: 'de', email: JONAS,
        steps: [
            ...roleAsked('de', JONAS, [de.p.offerEmail]),
            // Jonas is verified for an online account: the reset starts with what the portal means for him.
            { say: 'Portal-Kennwort zurücksetzen', expect: [/Müller Design GmbH ist ein Online-Konto und hat kein Corporate Billing Portal/, /Bitte geben Sie die Benutzer-ID des Abrechnungskontakts ein/], absent: [/Bitte wählen Sie eine der Optionen/] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '"reset my portal password" typed at a yes/no question starts the reset',
        lang: 'en', email: JONAS,
        steps: [
            ...roleAsked('en', JONAS, [en.p.offerEmail]),
            { say: 'reset my portal password', expect: [/Müller Design GmbH is an online account and has no Corporate Billing Portal/, /Please type the user ID of the billing-contact account/], absent: [/Please choose one of the options/] }
        ],
        outcome: { noHandoff: true }
    },
    // 5. A verified billing contact's user ID is known: the link goes out without asking for it.
    {
        name: 'Peter, verified as billing contact, says yes to the reset offer: the link goes to him, no user ID asked',
        lang: 'en', email: PETER,
        steps: [
            ...roleAsked('en', PETER, [en.p.caseC, en.task.offerReset]),
            { say: 'yes please', expect: [/pbrooks/, en.task.resetRequested], absent: [en.task.askUserId] }
        ],
        outcome: { resetTo: PETER, noHandoff: true }
    },
    {
        name: 'Klaus, bestätigt, fragt nach dem Zurücksetzen des Portal-Kennworts: der Link geht an ihn, ohne Frage nach der Benutzer-ID',
        lang: 'de', email: KLAUS,
        steps: [
            ...roleAsked('de', KLAUS, [de.p.caseC]),
            { say: 'ich komme nicht ins portal, bitte kennwort zuruecksetzen', expect: [de.task.resetRequested], absent: [de.task.askUserId] }
        ],
        outcome: { resetTo: KLAUS, noHandoff: true }
    },
    // 6. A language request at a free-text step switches and asks again.
    {
        name: '"can we continue in English" at the message to the admin switches and asks again; the mail holds the real message',
        lang: 'de', email: JONAS,
        steps: [
            ...roleAsked('de', JONAS, [de.p.offerEmail]),
            { say: de.p.emailButton, expect: [de.p.askMessage] },
            { say: 'can we continue in English', expect: [en.p.askMessage], absent: [de.p.preview, en.p.preview] },
            { say: 'please add 5 licences', expect: [en.p.preview, /5 licences/] },
            { say: 'yes', expect: [en.p.sent] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /5 licences/ }, noHandoff: true }
    },
    {
        name: '"auf Deutsch bitte" beim Grund des Antrags wechselt die Sprache und fragt erneut',
        lang: 'en', email: JONAS,
        steps: [
            { say: 'I want to change the billing contact to Lea Fischer', expect: [en.p.askEmail] },
            { say: JONAS, expect: [en.p.codeSent] },
            { say: CODE, expect: [en.task.askReason] },
            { say: 'auf Deutsch bitte', expect: [de.task.askReason], absent: [en.task.summary, de.task.summary] },
            { say: 'Anna geht in Rente', expect: [de.task.summary] },
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /Lea Fischer/, reason: /Rente/ }, noHandoff: true }
    },
    {
        name: '"sorry, can you speak english" at the message to the admin switches and asks again; a message that mentions English stays the message',
        lang: 'de', email: JONAS,
        steps: [
            ...roleAsked('de', JONAS, [de.p.offerEmail]),
            { say: de.p.emailButton, expect: [de.p.askMessage] },
            { say: 'sorry, can you speak english', expect: [en.p.askMessage], absent: [de.p.preview, en.p.preview] },
            { say: 'Please write to me in English from now on, we need 5 more licences.', expect: [en.p.preview, /5 more licences/] },
            { say: 'yes', expect: [en.p.sent] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /in English from now on, we need 5 more licences/ }, noHandoff: true }
    },
    {
        name: '"können wir das auf Deutsch machen?" beim Grund des Antrags wechselt die Sprache und fragt erneut',
        lang: 'en', email: JONAS,
        steps: [
            { say: 'I want to change the billing contact to Lea Fischer', expect: [en.p.askEmail] },
            { say: JONAS, expect: [en.p.codeSent] },
            { say: CODE, expect: [en.task.askReason] },
            { say: 'können wir das auf Deutsch machen?', expect: [de.task.askReason], absent: [en.task.summary, de.task.summary] },
            { say: 'Anna geht in Rente', expect: [de.task.summary] },
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /Lea Fischer/, reason: /Rente/ }, noHandoff: true }
    },
    {
        name: '"ok can you email them" to the email offer asks for the message instead of sending those words',
        lang: 'en', email: 'tom.hughes@northwind.example',
        steps: [
            ...roleAsked('en', 'tom.hughes@northwind.example', [en.p.caseB, en.p.offerEmail]),
            { say: 'ok can you email them', expect: [en.p.askMessage], absent: [en.p.preview] },
            { say: 'we need the march invoice as pdf', expect: [en.p.preview, /march invoice as pdf/i] },
            { say: 'yes', expect: [en.p.sent] }
        ],
        outcome: { mailTo: { to: [PETER], words: /march invoice as pdf/i }, noHandoff: true }
    },
    {
        name: '"ja, schreiben Sie ihr bitte eine Mail" auf das Angebot fragt nach der Nachricht, statt diese Worte zu senden',
        lang: 'de', email: JONAS,
        steps: [
            ...roleAsked('de', JONAS, [de.p.caseB, de.p.offerEmail]),
            { say: 'ja, schreiben Sie ihr bitte eine Mail', expect: [de.p.askMessage], absent: [de.p.preview] },
            { say: 'Wir brauchen die Rechnung vom März als PDF.', expect: [de.p.preview, /Rechnung vom März als PDF/] },
            { say: 'ja', expect: [de.p.sent] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /Rechnung vom März als PDF/ }, noHandoff: true }
    },
    // 8. Off topic after verification: what the bot does, no guessed topic.
    {
        name: 'verified Jonas asks about the weather and a restaurant: the bot says what it can do, no topic answer',
        lang: 'en', email: JONAS,
        steps: [
            ...roleAsked('en', JONAS, [en.p.caseB]),
            { say: 'no thanks', expect: [] },
            { say: "what's the weather like in berlin tomorrow?", expect: [OUT_OF_SCOPE.en], absent: [TOPIC_ANSWER.en] },
            { say: 'can you recommend a good restaurant near our office', expect: [OUT_OF_SCOPE.en], absent: [TOPIC_ANSWER.en] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: 'bestätigter Jonas fragt nach dem Wetter und der Fußball-WM: der Bot sagt, was er kann, keine Themenantwort',
        lang: 'de', email: JONAS,
        steps: [
            ...roleAsked('de', JONAS, [de.p.caseB]),
            { say: 'nein danke', expect: [] },
            { say: 'wie wird das wetter morgen in münchen?', expect: [OUT_OF_SCOPE.de], absent: [TOPIC_ANSWER.de] },
            { say: 'wer hat die letzte fussball wm gewonnen', expect: [OUT_OF_SCOPE.de], absent: [TOPIC_ANSWER.de] }
        ],
        outcome: { noHandoff: true }
    },
    // 9. A mail draft corrected at the send question: replaced or added to, shown back before it goes.
    {
        name: '"add: …" at the send question adds to the draft and shows it back; the mail holds both',
        lang: 'en', email: JONAS,
        steps: [
            ...roleAsked('en', JONAS, [en.p.offerEmail]),
            { say: en.p.emailButton, expect: [en.p.askMessage] },
            { say: 'We need 5 more licences for the design team.', expect: [en.p.preview, en.p.confirm] },
            { say: 'add: please send the invoice as PDF', expect: [en.p.preview, /5 more licences[\s\S]*invoice as PDF/, en.p.confirm], absent: [en.p.sent] },
            { say: 'yes', expect: [en.p.sent] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /5 more licences[\s\S]*invoice as PDF/ }, noHandoff: true }
    },
    {
        name: '"Ergänze: …" bei der Sendefrage ergänzt den Entwurf und zeigt ihn; "statt dessen: …" ersetzt ihn',
        lang: 'de', email: JONAS,
        steps: [
            ...roleAsked('de', JONAS, [de.p.offerEmail]),
            { say: de.p.emailButton, expect: [de.p.askMessage] },
            { say: 'Wir brauchen 5 weitere Lizenzen.', expect: [de.p.preview, de.p.confirm] },
            { say: 'ergänze: die Rechnung bitte als PDF', expect: [de.p.preview, /5 weitere Lizenzen[\s\S]*Rechnung bitte als PDF/, de.p.confirm], absent: [de.p.sent] },
            { say: 'nein, statt dessen: Wir brauchen 7 weitere Lizenzen.', expect: [de.p.preview, /7 weitere Lizenzen/, de.p.confirm], absent: [/5 weitere Lizenzen/, de.p.sent] },
            { say: 'ja', expect: [de.p.sent] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /^(?![\s\S]*5 weitere)[\s\S]*7 weitere Lizenzen/ }, noHandoff: true }
    },
    // 11b. A sentence of its own at "Shall I send it?" is more to say: the new draft is shown, nothing goes without a yes.
    {
        name: '"we need the march invoice as pdf" at "Shall I send it?" is added to the draft, which is shown again; sent only after the yes',
        lang: 'en', email: 'tom.hughes@northwind.example',
        steps: [
            ...draftShown('en', 'tom.hughes@northwind.example', 'Please add 5 licences for the sales team.'),
            { say: 'we need the march invoice as pdf', expect: [en.p.preview, /5 licences for the sales team\.\s+We need the march invoice as pdf/, en.p.confirm], absent: [en.p.sent, INVOICE_HISTORY.en] },
            { say: 'yes', expect: [en.p.sent] }
        ],
        outcome: { mailTo: { to: [PETER], words: /5 licences for the sales team[\s\S]*march invoice as pdf/ }, noHandoff: true }
    },
    {
        name: '"bitte auch die Rechnung vom März als PDF" bei „Soll ich sie senden?“ ergänzt den Entwurf; gesendet wird erst nach dem Ja',
        lang: 'de', email: JONAS,
        steps: [
            ...draftShown('de', JONAS, 'Bitte fügen Sie 5 Lizenzen für das Vertriebsteam hinzu.'),
            { say: 'bitte auch die Rechnung vom März als PDF', expect: [de.p.preview, /Vertriebsteam hinzu\.\s+Bitte auch die Rechnung vom März als PDF/, de.p.confirm], absent: [de.p.sent, INVOICE_HISTORY.de] },
            { say: 'ja, passt so, schicken Sie es ab', expect: [de.p.sent] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /5 Lizenzen für das Vertriebsteam[\s\S]*Rechnung vom März als PDF/ }, noHandoff: true }
    },
    {
        name: 'the draft said again in other words at "Shall I send it?" replaces it',
        lang: 'en', email: 'tom.hughes@northwind.example',
        steps: [
            ...draftShown('en', 'tom.hughes@northwind.example', 'Please add 5 licences for the sales team.'),
            { say: 'please order 7 licences for the sales team by friday', expect: [en.p.preview, /order 7 licences for the sales team by friday/], absent: [en.p.sent, /5 licences/] },
            { say: 'yes send it', expect: [en.p.sent] }
        ],
        outcome: { mailTo: { to: [PETER], words: /^(?![\s\S]*5 licences)[\s\S]*7 licences/ }, noHandoff: true }
    },
    {
        name: '„wer ist mein Abrechnungskontakt?“ bei „Soll ich sie senden?“ wird beantwortet, nichts wird gesendet',
        lang: 'de', email: JONAS,
        steps: [
            ...draftShown('de', JONAS, 'Bitte fügen Sie 5 Lizenzen für das Vertriebsteam hinzu.'),
            { say: 'wer ist mein abrechnungskontakt?', expect: [/Anna Müller \(anna\.mueller@mueller-design\.example\)/], absent: [de.p.sent, de.p.preview] }
        ],
        outcome: { noMailTo: ANNA, noHandoff: true }
    },
    {
        name: '"who is my billing contact?" at "Shall I send it?" is answered, nothing is sent',
        lang: 'en', email: 'tom.hughes@northwind.example',
        steps: [
            ...draftShown('en', 'tom.hughes@northwind.example', 'Please add 5 licences for the sales team.'),
            { say: 'who is my billing contact?', expect: [/Peter Brooks \(peter\.brooks@northwind\.example\)/], absent: [en.p.sent, en.p.preview] }
        ],
        outcome: { noMailTo: PETER, noHandoff: true }
    },
    // 11c. Another request typed in a sentence at a yes/no question is taken up instead.
    {
        name: '„ich möchte lieber mein Portal-Kennwort zurücksetzen“ bei „Soll ich sie senden?“ startet das Zurücksetzen, nichts wird gesendet',
        lang: 'de', email: JONAS,
        steps: [
            ...draftShown('de', JONAS, 'Bitte fügen Sie 5 Lizenzen für das Vertriebsteam hinzu.'),
            { say: 'ich möchte lieber mein Portal-Kennwort zurücksetzen', expect: [de.task.askUserId], absent: [de.p.sent, de.p.preview] }
        ],
        outcome: { noMailTo: ANNA, noHandoff: true }
    },
    {
        name: '"actually I want to change the billing contact instead" at "Shall I send it?" files the change request, nothing is mailed',
        lang: 'en', email: JONAS,
        steps: [
            ...draftShown('en', JONAS, 'Please add 5 licences for the sales team.'),
            { say: 'actually I want to change the billing contact instead', expect: [en.task.askNewContact], absent: [en.p.sent, en.p.preview] },
            { say: 'Lea Fischer', expect: [en.task.askReason] },
            { say: 'Anna is moving to another department', expect: [en.task.summary] },
            { say: 'yes', expect: [en.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /Lea Fischer/, lang: 'en', reason: /another department/ }, noMailTo: ANNA, noHandoff: true }
    },
    {
        name: '„okay, aber ändern Sie den Text“ bleibt beim Entwurf; „ich will lieber den Abrechnungskontakt ändern“ startet den Antrag',
        lang: 'de', email: JONAS,
        steps: [
            ...draftShown('de', JONAS, 'Bitte fügen Sie 5 Lizenzen für das Vertriebsteam hinzu.'),
            { say: 'okay, aber ändern Sie den Text', expect: [/Bitte antworten Sie mit „Ja“ oder „Nein“/], absent: [de.p.sent, de.task.askNewContact, de.task.askUserId] },
            { say: 'ich will lieber den Abrechnungskontakt ändern', expect: [de.task.askNewContact], absent: [de.p.sent] }
        ],
        outcome: { noMailTo: ANNA, noHandoff: true }
    },
    // 11. A callback asked for in words: its words are no description of the problem, which is asked for first.
    {
        name: '"ich brauche einen rückruf": erst wird nach dem Anliegen gefragt, dann (niemand frei) der Rückruf angeboten',
        lang: 'de',
        steps: [
            { say: 'ich brauche einen rückruf', expect: [HANDOFF.de.askDescription], absent: [HANDOFF.de.offerCallback] },
            { say: 'Unsere Rechnung vom März ist doppelt abgebucht worden.', expect: [HANDOFF.de.noAgent, HANDOFF.de.offerCallback] },
            { say: 'ja', expect: [HANDOFF.de.askEmail] },
            { say: 'kim@example.com', expect: [HANDOFF.de.callbackCreated], absent: [HANDOFF.de.askNote, /In welcher Sprache/] }
        ],
        outcome: { callback: { to: 'kim@example.com', lang: 'de' } }
    },
    {
        name: '"i need a callback": the problem is asked for first, then (nobody free) the callback is offered',
        lang: 'en',
        steps: [
            { say: 'i need a callback', expect: [HANDOFF.en.askDescription], absent: [HANDOFF.en.offerCallback] },
            { say: 'We were charged twice in March.', expect: [HANDOFF.en.noAgent, HANDOFF.en.offerCallback] },
            { say: 'yes', expect: [HANDOFF.en.askEmail] },
            { say: 'kim@example.com', expect: [HANDOFF.en.callbackCreated], absent: [HANDOFF.en.askNote, /In which language/] }
        ],
        outcome: { callback: { to: 'kim@example.com', lang: 'en' } }
    },
    // 12. The callback is in the conversation's language; another one is asked for in words.
    {
        name: 'Rückruf ohne Beschreibung: "auf englisch bitte" bei der Notiz, der Kundendienst schreibt auf Englisch',
        lang: 'de',
        steps: [
            { say: 'ich möchte mit einem mitarbeiter sprechen', expect: [HANDOFF.de.askDescription] },
            { say: HANDOFF.de.skip, expect: [HANDOFF.de.noAgent, HANDOFF.de.offerCallback] },
            { say: 'ja bitte', expect: [HANDOFF.de.askEmail] },
            { say: 'kim@example.com', expect: [HANDOFF.de.askNote], absent: [/In welcher Sprache/] },
            { say: 'auf englisch bitte', expect: [HANDOFF.en.askNote] },
            { say: 'Our March invoice was charged twice.', expect: [HANDOFF.en.callbackCreated] }
        ],
        outcome: { callback: { to: 'kim@example.com', lang: 'en' } }
    },
    {
        name: 'a callback without a description: "in german please" at the note, customer service writes in German',
        lang: 'en',
        steps: [
            { say: 'can i talk to a real person', expect: [HANDOFF.en.askDescription] },
            { say: HANDOFF.en.skip, expect: [HANDOFF.en.noAgent, HANDOFF.en.offerCallback] },
            { say: 'yes please', expect: [HANDOFF.en.askEmail] },
            { say: 'kim@example.com', expect: [HANDOFF.en.askNote], absent: [/In which language/] },
            { say: 'in german please', expect: [HANDOFF.de.askNote] },
            { say: 'Die Rechnung vom März wurde doppelt abgebucht.', expect: [HANDOFF.de.callbackCreated] }
        ],
        outcome: { callback: { to: 'kim@example.com', lang: 'de' } }
    }
];

describe('Messy customers: addresses in sentences, handing over, who else, typos, who the bot is, other buttons, language at free text', () => {
    const harness = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harness(), row);
        });
    }
});

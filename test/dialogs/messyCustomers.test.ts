import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { ANNA, JONAS, KLAUS, PETER } from '../helpers/demoPeople';

const de = { p: PHRASES.de, task: TASK_PHRASES.de };
const en = { p: PHRASES.en, task: TASK_PHRASES.en };

/** The help text's opening: what the bot does. */
const WHAT_I_DO = { en: /I help with billing contacts of LogMeIn and GoToMeeting accounts/, de: /Ich helfe Ihnen bei Fragen zum Abrechnungskontakt/ };
/** The other billing contact of Bergmann & Söhne, as the bot names her. */
const MARIA_NAMED = /Maria Bergmann/;

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
    // 4. Who else is a billing contact.
    {
        name: '"wer ist außer mir noch Abrechnungskontakt": Klaus erfährt, dass es Maria Bergmann ist',
        lang: 'de', email: KLAUS,
        steps: [
            { say: 'bin ich abrechnungskontakt', expect: [de.p.askEmail] },
            { say: KLAUS, expect: [de.p.codeSent] },
            { say: CODE, expect: [de.p.caseC] },
            { say: 'wer ist außer mir noch Abrechnungskontakt', expect: [MARIA_NAMED], absent: [de.p.saidBefore, de.p.notUnderstood] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '"who else besides me is a billing contact": Klaus hears it is Maria Bergmann',
        lang: 'en', email: KLAUS,
        steps: [
            { say: 'am i the billing contact', expect: [en.p.askEmail] },
            { say: KLAUS, expect: [en.p.codeSent] },
            { say: CODE, expect: [en.p.caseC] },
            { say: 'who else besides me is a billing contact?', expect: [MARIA_NAMED], absent: [en.p.saidBefore, en.p.notUnderstood] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '"is anyone else a billing contact apart from me?" to Peter, the only one: there is no other',
        lang: 'en', email: PETER,
        steps: [
            { say: 'am i the billing contact', expect: [en.p.askEmail] },
            { say: PETER, expect: [en.p.codeSent] },
            { say: CODE, expect: [en.p.caseC] },
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
            { say: 'bin ich abrechnungskontakt', expect: [de.p.askEmail] },
            { say: JONAS, expect: [de.p.codeSent] },
            { say: CODE, expect: [de.p.offerEmail] },
            { say: 'Portal-Kennwort zurücksetzen', expect: [de.task.resetIntro], absent: [/Bitte wählen Sie eine der Optionen/] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '"reset my portal password" typed at a yes/no question starts the reset',
        lang: 'en', email: JONAS,
        steps: [
            { say: 'am i the billing contact', expect: [en.p.askEmail] },
            { say: JONAS, expect: [en.p.codeSent] },
            { say: CODE, expect: [en.p.offerEmail] },
            { say: 'reset my portal password', expect: [en.task.resetIntro], absent: [/Please choose one of the options/] }
        ],
        outcome: { noHandoff: true }
    },
    // 6. A language request at a free-text step switches and asks again.
    {
        name: '"can we continue in English" at the message to the admin switches and asks again; the mail holds the real message',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'bin ich abrechnungskontakt', expect: [de.p.askEmail] },
            { say: JONAS, expect: [de.p.codeSent] },
            { say: CODE, expect: [de.p.offerEmail] },
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

import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { ANNA, JONAS, LEA, PETER } from '../helpers/demoPeople';

const SARAH = 'sarah.lee@northwind.example';
const de = { p: PHRASES.de, task: TASK_PHRASES.de };
const en = { p: PHRASES.en, task: TASK_PHRASES.en };
const WHY_LEA_DE = /Warum soll Lea Fischer Abrechnungskontakt werden/;
const WHY_LEA_EN = /Why should Lea Fischer become the billing contact/;

/** 'hi' or 'hallo', the task asked for, sign-in with `email` and the code: the turns before the question a row is about. */
function opening(greeting: string, task: string, email: string): ConversationRow['steps'] {
    return [{ say: greeting }, { say: task }, { say: email }, { say: CODE }];
}

/**
 * Third exploratory pass: a change of mind at the mail's text cancels the mail; an address given as a correction at
 * the reason question is no reason; a plain new reason at the change summary replaces the reason.
 */
const ROWS: readonly ConversationRow[] = [
    {
        name: '„nee doch nicht, lass mal“ beim Text der Mail an Anna: nichts entworfen, nichts gesendet, das Gespräch geht weiter',
        lang: 'de', email: LEA,
        steps: [
            ...opening('hallo', 'wer ist unser abrechnungskontakt?', LEA),
            { say: 'ja bitte', expect: [de.p.askMessage] },
            { say: 'nee doch nicht, lass mal', expect: [de.p.notSent], absent: [de.p.preview, de.p.confirm] },
            { say: 'wer ist unser abrechnungskontakt?', expect: [/Anna Müller/], absent: [de.p.preview] }
        ],
        outcome: { noMailTo: ANNA }
    },
    {
        name: '"nah forget it" at the mail\'s text: nothing drafted, nothing sent, in English',
        lang: 'en', email: LEA,
        steps: [
            ...opening('hi', 'who is our billing contact?', LEA),
            { say: 'yes please', expect: [en.p.askMessage] },
            { say: 'nah forget it', expect: [en.p.notSent], absent: [en.p.preview, en.p.confirm] }
        ],
        outcome: { noMailTo: ANNA }
    },
    {
        name: '"actually, forget about it" at the mail\'s text: no draft',
        lang: 'en', email: SARAH,
        steps: [
            ...opening('hi', 'who is our billing contact?', SARAH),
            { say: 'yes', expect: [en.p.askMessage] },
            { say: 'actually, forget about it', expect: [en.p.notSent], absent: [en.p.preview, en.p.confirm] }
        ],
        outcome: { noMailTo: PETER }
    },
    {
        name: '„ach, vergessen Sie es“ beim Text der Mail: kein Entwurf',
        lang: 'de', email: JONAS,
        steps: [
            ...opening('hallo', 'wer ist unser abrechnungskontakt?', JONAS),
            { say: 'ja', expect: [de.p.askMessage] },
            { say: 'ach, vergessen Sie es', expect: [/nichts gesendet|abgebrochen/], absent: [de.p.preview, de.p.confirm] }
        ],
        outcome: { noMailTo: ANNA }
    },
    {
        name: '„falsche adresse, ich meinte lea.fischer@…“ beim Grund: kein Grund, die Frage kommt wieder; der echte Grund wird eingereicht',
        lang: 'de', email: JONAS,
        steps: [
            ...opening('hallo', 'ich möchte den abrechnungskontakt ändern', JONAS),
            { say: 'Lea Fischer', expect: [WHY_LEA_DE] },
            { say: 'falsche adresse, ich meinte lea.fischer@mueller-design.example', expect: [WHY_LEA_DE], absent: [de.task.summary] },
            { say: 'Anna wechselt in eine andere Abteilung', expect: [de.task.summary, /Grund: Anna wechselt in eine andere Abteilung$/m] },
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /^Lea Fischer/, reason: /^Anna wechselt in eine andere Abteilung$/ }, noHandoff: true }
    },
    {
        name: '"wrong address, I meant lea.fischer@…" at the reason: no reason, asked again, in English',
        lang: 'en', email: JONAS,
        steps: [
            ...opening('hi', 'i want to change the billing contact', JONAS),
            { say: 'Lea Fischer', expect: [WHY_LEA_EN] },
            { say: 'wrong address, I meant lea.fischer@mueller-design.example', expect: [WHY_LEA_EN], absent: [en.task.summary] },
            { say: 'Anna is moving to another department', expect: [en.task.summary, /Reason: Anna is moving to another department$/m] },
            { say: 'yes', expect: [en.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /^Lea Fischer/, reason: /^Anna is moving to another department$/ }, noHandoff: true }
    },
    {
        name: '„sorry, falsche Mail, gemeint war lea.fischer@…“ beim Grund: kein Grund',
        lang: 'de', email: JONAS,
        steps: [
            ...opening('hallo', 'ich möchte den abrechnungskontakt ändern', JONAS),
            { say: 'Lea Fischer', expect: [WHY_LEA_DE] },
            { say: 'sorry, falsche mail, gemeint war lea.fischer@mueller-design.example', expect: [WHY_LEA_DE], absent: [de.task.summary] },
            { say: 'Anna geht in Rente', expect: [de.task.summary] },
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /^Lea Fischer/, reason: /^Anna geht in Rente$/ }, noHandoff: true }
    },
    {
        name: '"Peter left the company" at "Shall I file it?": the new reason, the summary again, filed with it',
        lang: 'en', email: SARAH,
        steps: [
            ...opening('hi', 'i want to change the billing contact', SARAH),
            { say: 'Tom Hughes', expect: [/Why should Tom Hughes become the billing contact/] },
            { say: 'he knows the invoices', expect: [en.task.summary] },
            { say: 'Peter left the company', expect: [en.task.summary, /Reason: Peter left the company$/m], absent: [en.task.filed] },
            { say: 'yes', expect: [en.task.filed] }
        ],
        outcome: { request: { account: 'ACC-2002', newContact: /^Tom Hughes/, reason: /^Peter left the company$/ }, noHandoff: true }
    },
    {
        name: '„Anna geht Ende des Monats in Rente“ bei „Soll ich ihn einreichen?“: der neue Grund, die Zusammenfassung wieder',
        lang: 'de', email: JONAS,
        steps: [
            ...opening('hallo', 'ich möchte den abrechnungskontakt ändern', JONAS),
            { say: 'Lea Fischer', expect: [WHY_LEA_DE] },
            { say: 'sie kennt die Rechnungen', expect: [de.task.summary] },
            { say: 'Anna geht Ende des Monats in Rente', expect: [de.task.summary, /Grund: Anna geht Ende des Monats in Rente$/m], absent: [de.task.filed] },
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /^Lea Fischer/, reason: /^Anna geht Ende des Monats in Rente$/ }, noHandoff: true }
    },
    {
        name: '"she has taken over the accounting from Anna" at the summary: the new reason',
        lang: 'en', email: JONAS,
        steps: [
            ...opening('hi', 'i want to change the billing contact', JONAS),
            { say: 'Lea Fischer', expect: [WHY_LEA_EN] },
            { say: 'she knows the invoices', expect: [en.task.summary] },
            { say: 'She has taken over the accounting from Anna', expect: [en.task.summary, /Reason: She has taken over the accounting from Anna$/m], absent: [en.task.filed] },
            { say: 'yes', expect: [en.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /^Lea Fischer/, reason: /^She has taken over the accounting from Anna$/ }, noHandoff: true }
    }
];

describe('Minds changed, addresses and reasons in own words (third exploratory pass)', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(row.name, async () => playRow(harnessOf(), row));
    }
});

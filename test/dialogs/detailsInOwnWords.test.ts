import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { ANNA, EVA, JONAS, LEA, PETER } from '../helpers/demoPeople';
import { TASK_PHRASES as TASK } from '../helpers/taskPhrases';

const SARAH = 'sarah.lee@northwind.example';
const CHRIS = 'chris.taylor@taylor-consulting.example';
const en = PHRASES.en;
const de = PHRASES.de;

/** Issue 12: what a person says in any sentence, at any step, is taken: the mail's text, a new contact, a correction. */
const ROWS: readonly ConversationRow[] = [
    // The request to write, then what to write in a sentence of its own: the draft is made from it once the person is verified.
    {
        name: '„kannst du unserer abrechnungsverantwortlichen ne nachricht schicken? ich brauch …“: die Mail wird aus dem zweiten Satz entworfen',
        lang: 'de', email: LEA,
        steps: [
            { say: 'hey, kannst du unserer abrechnungsverantwortlichen ne nachricht schicken? ich brauch die rechnung von november nochmal als pdf', expect: [de.askEmail] },
            { say: LEA, expect: [de.codeSent] },
            { say: CODE, expect: [de.preview, /rechnung von november nochmal als pdf/, /Soll ich sie senden\?/], absent: [de.askMessage] },
            { say: 'ja', expect: [de.sent] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /rechnung von november nochmal als pdf/ } }
    },
    {
        name: '"can you send our billing admin a message? I need …": the mail is drafted from the second sentence',
        lang: 'en', email: SARAH,
        steps: [
            { say: 'hey, can you send our billing admin a message? I need the november invoice again as a pdf', expect: [en.askEmail] },
            { say: SARAH, expect: [en.codeSent] },
            { say: CODE, expect: [en.preview, /november invoice again as a pdf/, /Shall I send it\?/], absent: [en.askMessage] },
            { say: 'yes', expect: [en.sent] }
        ],
        outcome: { mailTo: { to: [PETER], words: /november invoice again as a pdf/ } }
    },
    // A new person's name and address given with the request, also when it is asked second; an account's name is no person's name.
    {
        name: '"I am the billing contact … and I\'d like to hand it over to someone new: Priya Nair, priya.nair@…": name and address are not asked again',
        lang: 'en', email: CHRIS,
        steps: [
            { say: 'I am the billing contact for Taylor Consulting and I\'d like to hand it over to someone new: Priya Nair, priya.nair@taylor-consulting.example', expect: [en.askEmail] },
            { say: CHRIS, expect: [en.codeSent] },
            { say: CODE, expect: [/Why should Priya Nair become the billing contact\?/], absent: [/full name of the new billing contact/, /email address of/] },
            { say: 'she runs our accounts from January', expect: [TASK.en.summary, /Priya Nair \(priya\.nair@taylor-consulting\.example\)/] },
            { say: 'yes', expect: [TASK.en.filed] }
        ],
        outcome: { request: { account: 'ACC-4004', newContact: /^Priya Nair \(priya\.nair@taylor-consulting\.example\)/, reason: /runs our accounts/ } }
    },
    {
        name: '„… möchte das an jemand Neues übergeben: Julia Schmidt, julia.schmidt@…“: Name und Adresse werden nicht noch einmal gefragt',
        lang: 'de', email: ANNA,
        steps: [
            { say: 'Ich bin Abrechnungskontakt bei Müller Design und möchte das an jemand Neues übergeben: Julia Schmidt, julia.schmidt@mueller-design.example', expect: [de.askEmail] },
            { say: ANNA, expect: [de.codeSent] },
            { say: CODE, expect: [/Warum soll Julia Schmidt Abrechnungskontakt werden\?/], absent: [/vollständige Name/, /E-Mail-Adresse von/] },
            { say: 'sie übernimmt ab Januar die Buchhaltung', expect: [TASK.de.summary, /Julia Schmidt \(julia\.schmidt@mueller-design\.example\)/] },
            { say: 'ja', expect: [TASK.de.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /^Julia Schmidt \(julia\.schmidt@mueller-design\.example\)/, reason: /Buchhaltung/ } }
    },
    {
        name: '"Taylor Consulting" at the name question is no person\'s name; "her name is spelled Priya Nayar, not Nair" at the address question corrects it',
        lang: 'en', email: CHRIS,
        steps: [
            { say: 'change the billing contact', expect: [en.askEmail] },
            { say: CHRIS, expect: [en.codeSent] },
            { say: CODE, expect: [/Which one is this about\?/] },
            { say: 'Taylor Consulting', expect: [/full name of the new billing contact/] },
            { say: 'Taylor Consulting', absent: [/email address of Taylor Consulting/] },
            { say: 'Priya Nair', expect: [/email address of Priya Nair\?/] },
            { say: 'sorry, her name is spelled Priya Nayar, not Nair', expect: [/email address of Priya Nayar\?/], absent: [/doesn't look like an email/] },
            { say: 'priya.nayar@taylor-consulting.example', expect: [/Why should Priya Nayar become/] }
        ],
        outcome: {}
    },
    {
        name: '„Müller Design GmbH“ bei der Wahl ist kein Name; „sie heißt Julia Schmitt, nicht Schmidt“ bei der Adressfrage berichtigt ihn',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'Abrechnungskontakt ändern', expect: [de.askEmail] },
            { say: JONAS, expect: [de.codeSent] },
            { say: CODE, expect: [/Wer soll Abrechnungskontakt von Müller Design GmbH werden\?/] },
            { say: 'Müller Design GmbH', absent: [/E-Mail-Adresse von Müller Design GmbH/] },
            { say: 'Julia Schmidt', expect: [/E-Mail-Adresse von Julia Schmidt\?/] },
            { say: 'Entschuldigung, sie heißt Julia Schmitt, nicht Schmidt', expect: [/E-Mail-Adresse von Julia Schmitt\?/], absent: [/nicht nach einer E-Mail-Adresse/] },
            { say: 'julia.schmitt@mueller-design.example', expect: [/Warum soll Julia Schmitt Abrechnungskontakt werden\?/] }
        ],
        outcome: {}
    },
    // The new contact, the one replaced and the reason, all in one sentence of the request.
    {
        name: '„Herrn Bergmann durch Frau Schulz ersetzen lassen, weil er in den Ruhestand geht“: Frau Schulz und der Grund werden übernommen',
        lang: 'de', email: EVA,
        steps: [
            { say: 'ich möchte Herrn Bergmann durch Frau Schulz ersetzen lassen, weil er in den Ruhestand geht', expect: [de.askEmail] },
            { say: EVA, expect: [de.codeSent] },
            { say: CODE, expect: [/Wen soll Eva Schulz als Abrechnungskontakt ersetzen\?/], absent: [/keinen offenen Änderungsantrag/, /Wer soll Abrechnungskontakt/] },
            { say: 'Klaus Bergmann', expect: [TASK.de.summary, /Eva Schulz/, /Grund: .*Ruhestand/], absent: [/Warum soll/] },
            { say: 'ja', expect: [TASK.de.filed] }
        ],
        outcome: { request: { account: 'ACC-3003', newContact: /^Eva Schulz/, reason: /Ruhestand/ } }
    },
    {
        name: '"the billing contact should be me instead of Anna, she moved to marketing": the requester and the reason are taken',
        lang: 'en', email: JONAS,
        steps: [
            { say: 'the billing contact should be me instead of Anna, she moved to marketing', expect: [en.askEmail] },
            { say: JONAS, expect: [en.codeSent] },
            { say: CODE, expect: [TASK.en.summary, /Jonas Weber/, /Reason: She moved to marketing$/m], absent: [/Who should become the billing contact/] },
            { say: 'yes', expect: [TASK.en.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /^Jonas Weber/, reason: /moved to marketing/ } }
    }
];

describe('Details in customers\' own words (issue 12): what a message says in any sentence is taken, at any step', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }
});

import * as assert from 'assert';
import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE, localeOf, play, type Step } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { ANNA, JONAS, PETER } from '../helpers/demoPeople';

const CHRIS = 'chris.taylor@taylor-consulting.example';
import type { Lang } from '../../core/language';

const de = { p: PHRASES.de, task: TASK_PHRASES.de };
const en = { p: PHRASES.en, task: TASK_PHRASES.en };

/** Jonas asks who his billing contact is (as typed) and verifies; the bot offers to email Anna or file a change. */
function jonasAtOffer(lang: Lang, question: string): Step[] {
    return [{ say: question }, { say: JONAS }, { say: CODE, expect: [PHRASES[lang].offerEmail] }];
}

const ROWS: readonly ConversationRow[] = [
    {
        name: '"Nein, keine Mail. Also bitte den Kontakt ändern" declines the mail and starts the change request',
        lang: 'de', email: JONAS,
        steps: [...jonasAtOffer('de', 'wer ist bei uns der abrechnungskontakt'), { say: 'Nein, keine Mail. Also bitte den Kontakt ändern', expect: [de.task.askNewContact], absent: [de.p.askMessage, de.p.anythingElse] },
            { say: 'Lea Fischer', expect: [de.task.askReason] }, { say: 'Anna geht in Elternzeit.', expect: [de.task.summary, /Anna geht in Elternzeit/] }, { say: 'ja', expect: [de.task.filed] }],
        outcome: { noMailTo: ANNA, request: { account: 'ACC-1001', newContact: /Lea Fischer/ } }
    },
    {
        name: '"no, no email. please change the contact instead" declines and starts the change request',
        lang: 'en', email: JONAS,
        steps: [...jonasAtOffer('en', 'who is our billing contact'), { say: 'no, no email. please change the contact instead', expect: [en.task.askNewContact], absent: [en.p.askMessage] }],
        outcome: { noMailTo: ANNA }
    },
    {
        name: '"ja schreib ihr bitte, dass ich die rechnung vom oktober als pdf brauche" accepts, the message is shown back and sent in her words',
        lang: 'de', email: JONAS,
        steps: [...jonasAtOffer('de', 'Wer ist mein Abrechnungskontakt?'),
            { say: 'ja schreib ihr bitte, dass ich die rechnung vom oktober als pdf brauche', expect: [de.p.preview, /rechnung vom oktober als pdf/, de.p.confirm], absent: [de.p.askMessage] },
            { say: 'ja', expect: [de.p.sent] }],
        outcome: { mailTo: { to: [ANNA], words: /rechnung vom oktober als pdf/ } }
    },
    {
        name: '"yes, tell her that we need the invoice as a PDF" accepts and carries the message',
        lang: 'en', email: JONAS,
        steps: [...jonasAtOffer('en', 'who is my billing admin?'),
            { say: 'yes, tell her that we need the invoice as a PDF', expect: [en.p.preview, /we need the invoice as a PDF/i, en.p.confirm], absent: [en.p.askMessage] },
            { say: 'yes', expect: [en.p.sent] }],
        outcome: { mailTo: { to: [ANNA], words: /we need the invoice as a PDF/i } }
    },
    {
        name: '"no dont send that. tell him I need 5 more licences" replaces the draft, shows it back, sends the new words',
        lang: 'en', email: JONAS,
        steps: [...jonasAtOffer('en', 'Who is my billing contact?'), { say: en.p.emailButton }, { say: 'Please renew our plan.', expect: [en.p.confirm] },
            { say: 'no dont send that. tell him I need 5 more licences', expect: [en.p.preview, /I need 5 more licences/, en.p.confirm], absent: [en.p.notSent] },
            { say: 'yes', expect: [en.p.sent] }],
        outcome: { mailTo: { to: [ANNA], words: /^(?![\s\S]*renew our plan)[\s\S]*I need 5 more licences/ } }
    },
    {
        name: '"nein, schreiben Sie ihr, dass wir 5 weitere Lizenzen brauchen" at the send question replaces the draft',
        lang: 'de', email: JONAS,
        steps: [...jonasAtOffer('de', 'Wer ist mein Abrechnungskontakt?'), { say: de.p.emailButton }, { say: 'Bitte verlängern Sie unseren Tarif.', expect: [de.p.confirm] },
            { say: 'nein, schreiben Sie ihr, dass wir 5 weitere Lizenzen brauchen', expect: [de.p.preview, /Wir brauchen 5 weitere Lizenzen/, de.p.confirm] },
            { say: 'passt so', expect: [de.p.sent] }],
        outcome: { mailTo: { to: [ANNA], words: /Wir brauchen 5 weitere Lizenzen/ } }
    },
    {
        name: '"yeah go ahead, my username is pbrooks" accepts the reset offer and uses the user ID',
        lang: 'en', email: PETER,
        steps: [{ say: 'am i the billing contact' }, { say: PETER }, { say: CODE, expect: [en.task.offerReset] },
            { say: 'yeah go ahead, my username is pbrooks', expect: [en.task.resetRequested], absent: [en.task.askUserId, en.p.notUnderstood] }],
        outcome: { resetTo: PETER }
    },
    {
        name: '"ja gerne, meine Benutzer-ID ist pbrooks" accepts the reset offer and uses the user ID',
        lang: 'de', email: PETER,
        steps: [{ say: 'bin ich der abrechnungskontakt' }, { say: PETER }, { say: CODE, expect: [de.task.offerReset] },
            { say: 'ja gerne, meine Benutzer-ID ist pbrooks', expect: [de.task.resetRequested], absent: [de.task.askUserId] }],
        outcome: { resetTo: PETER }
    },
    {
        name: '"Kontakt ändern, auf Lea Fischer" takes Lea as the new contact without asking who',
        lang: 'de', email: JONAS,
        steps: [{ say: 'Kontakt ändern, auf Lea Fischer' }, { say: JONAS }, { say: CODE, expect: [/Warum soll Lea Fischer Abrechnungskontakt werden/], absent: [de.task.askNewContact] },
            { say: 'Anna hat das Unternehmen verlassen', expect: [de.task.summary] }, { say: 'ja bitte', expect: [de.task.filed] }],
        outcome: { request: { account: 'ACC-1001', newContact: /Lea Fischer/ } }
    },
    {
        name: '"please change the billing contact to Lea Fischer" takes Lea without asking who',
        lang: 'en', email: JONAS,
        steps: [{ say: 'please change the billing contact to Lea Fischer' }, { say: JONAS }, { say: CODE, expect: [/Why should Lea Fischer become the billing contact/], absent: [en.task.askNewContact] },
            { say: 'Anna left the company', expect: [en.task.summary] }, { say: 'yes', expect: [en.task.filed] }],
        outcome: { request: { account: 'ACC-1001', newContact: /Lea Fischer/ } }
    },
    {
        name: '"no i meant taylor consulting!" after the answer for Northwind answers for Taylor Consulting',
        lang: 'en', email: CHRIS,
        steps: [{ say: 'am I the billing contact for northwind?' }, { say: CHRIS }, { say: CODE, expect: [/Northwind Traders Ltd/, en.p.caseBD] },
            { say: 'no i meant taylor consulting!', expect: [en.p.caseA, /Taylor Consulting/], absent: [/Northwind/, en.p.notUnderstood] }],
        outcome: {}
    },
    {
        name: '"Guten Tag, Chris Taylor hier. Wer ist bei uns Abrechnungskontakt?": his own name names no account, so which one is asked',
        lang: 'de', email: CHRIS,
        steps: [{ say: 'Guten Tag, Chris Taylor hier. Wer ist bei uns Abrechnungskontakt?' }, { say: CHRIS }, { say: CODE, expect: [de.p.chooseAccount], absent: [de.p.caseA] }],
        outcome: {}
    },
    {
        name: '"nein, ich meinte Taylor Consulting" after the answer for Northwind answers for Taylor Consulting',
        lang: 'de', email: CHRIS,
        steps: [{ say: 'Bin ich Abrechnungskontakt bei Northwind?' }, { say: CHRIS }, { say: CODE, expect: [/Northwind Traders Ltd/] },
            { say: 'nein, ich meinte Taylor Consulting', expect: [de.p.caseA, /Taylor Consulting/], absent: [/Northwind/, de.p.notUnderstood] }],
        outcome: {}
    },
    {
        name: '"and what about the other account?" after the answer for Taylor Consulting answers for Northwind, the other one',
        lang: 'en', email: CHRIS,
        steps: [{ say: 'am I the billing contact for taylor consulting?' }, { say: CHRIS }, { say: CODE, expect: [en.p.caseA, /Taylor Consulting/] },
            { say: 'and what about the other account?', expect: [/Northwind Traders Ltd/, en.p.caseBD], absent: [/not something I can help with/] }],
        outcome: {}
    },
    {
        name: '"und wie sieht es beim anderen Konto aus?" nach der Antwort für Northwind antwortet für Taylor Consulting',
        lang: 'de', email: CHRIS,
        steps: [{ say: 'Bin ich Abrechnungskontakt bei Northwind?' }, { say: CHRIS }, { say: CODE, expect: [/Northwind Traders Ltd/] },
            { say: 'und wie sieht es beim anderen Konto aus?', expect: [de.p.caseA, /Taylor Consulting/], absent: [de.p.notUnderstood] }],
        outcome: {}
    },
    {
        name: '"great, thanks, that\'s everything" after a yes to "anything else?" closes instead of asking again',
        lang: 'en', email: CHRIS,
        steps: [{ say: 'am I the billing contact for taylor consulting?' }, { say: CHRIS }, { say: CODE, expect: [en.p.caseA] },
            { say: 'yes', expect: [/Sure – what can I do for you\?/] },
            { say: "great, thanks, that's everything", expect: [/Goodbye/], absent: [en.p.anythingElse] }],
        outcome: {}
    },
    {
        name: '"falsche Adresse, ich meinte jonas.weber@…" at the code question sends the code to the corrected address',
        lang: 'de', email: JONAS,
        steps: [{ say: 'wer ist mein abrechnungskontakt?' }, { say: 'jonsa.weber@mueller-design.example', expect: [de.p.codeSent] },
            { say: `falsche Adresse, ich meinte ${JONAS}`, expect: [de.p.codeSent, new RegExp(JONAS.replace(/\./g, '\\.'))], absent: [/Dieser Code stimmt nicht/] },
            { say: CODE, expect: [de.p.verified, de.p.caseB] }],
        outcome: {}
    },
    {
        name: '"wrong address, I meant jonas.weber@…" at the code question sends the code to the corrected address',
        lang: 'en', email: JONAS,
        steps: [{ say: 'Who is my billing contact?' }, { say: 'jonas.webr@mueller-design.example', expect: [en.p.codeSent] },
            { say: `oops wrong address, I meant ${JONAS}`, expect: [en.p.codeSent, new RegExp(JONAS.replace(/\./g, '\\.'))] },
            { say: CODE, expect: [en.p.verified, en.p.caseB] }],
        outcome: {}
    },
    {
        name: 'a question about account types at the account choice is answered, and the choice asked again',
        lang: 'de', email: CHRIS,
        steps: [{ say: 'bin ich der abrechnungskontakt' }, { say: CHRIS }, { say: CODE, expect: [de.p.chooseAccount] },
            { say: 'Was ist der Unterschied zwischen Online- und Unternehmenskonten?', expect: [/Online-Konten werden online gekauft und verwaltet/, /Sie gehören zu 2 Konten/] },
            { say: 'Taylor Consulting', expect: [de.p.caseA] }],
        outcome: {}
    },
    {
        name: 'a question about account types at the account choice is answered, and the choice asked again',
        lang: 'en', email: CHRIS,
        steps: [{ say: 'am i the billing contact' }, { say: CHRIS }, { say: CODE, expect: [en.p.chooseAccount] },
            { say: "what's the difference between online and corporate accounts?", expect: [/Online accounts are bought and managed online/, /You belong to 2 accounts/] },
            { say: 'the second one', absent: [en.p.notUnderstood] }],
        outcome: {}
    },
    {
        name: 'case d told in four sentences is understood as the portal password reset',
        lang: 'de', email: PETER,
        steps: [{ say: 'Ich habe mich bei Mein Konto angemeldet und unten auf Zur Abrechnung geklickt. Dann wurde ich zum Corporate Billing Portal weitergeleitet. Dort kann ich mich aber nicht anmelden. Ich glaube, ich habe mein Kennwort vergessen.',
            expect: [de.task.resetIntro, de.task.askUserId], absent: [de.p.notUnderstood, /Zur Abrechnung“ in „Mein Konto“/] },
            { say: 'pbrooks', expect: [de.task.resetRequested] }],
        outcome: { resetTo: PETER }
    },
    {
        name: 'case d told in four sentences is understood as the portal password reset',
        lang: 'en', email: PETER,
        steps: [{ say: "I clicked Go to Billing in My Account. It sent me to the Corporate Billing Portal. I can't sign in there. I think I forgot my password.",
            expect: [en.task.resetIntro, en.task.askUserId], absent: [en.p.notUnderstood] },
            { say: 'my user id is pbrooks', expect: [en.task.resetRequested] }],
        outcome: { resetTo: PETER }
    },
    {
        name: 'a long request for a change in four sentences files it for the member it names',
        lang: 'de', email: JONAS,
        steps: [{ say: 'Hallo, unsere bisherige Abrechnungskontaktin Anna ist in Elternzeit. Ich bin Administrator des Kontos. Ich möchte, dass Lea Fischer den Abrechnungskontakt übernimmt. Können Sie das veranlassen?', expect: [de.p.askEmail] },
            // The reason told in the first sentence, the current contact named by the role, is taken and not asked again.
            { say: JONAS }, { say: CODE, expect: [de.task.summary, /Grund: Unsere bisherige Abrechnungskontaktin Anna ist in Elternzeit$/m], absent: [/Warum soll Lea Fischer Abrechnungskontakt werden/] },
            { say: 'ja', expect: [de.task.filed] }],
        outcome: { request: { account: 'ACC-1001', newContact: /Lea Fischer/, reason: /Elternzeit/ } }
    }
];

describe('Whole messages: a yes or no with content is both, entities from any sentence', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }

    for (const lang of ['en', 'de'] as const) {
        const task = TASK_PHRASES[lang];
        it(`[${lang}] "${task.statusQuestion}" right after filing answers for the request just filed; a short reference (BC-2026-1) is understood`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            const turns = await play(harness, convo, [
                { say: task.changeContact }, { say: JONAS }, { say: CODE }, { say: 'Lea' },
                { say: lang === 'de' ? 'Anna ist nicht mehr im Haus.' : 'Anna has left.' }, { say: lang === 'de' ? 'ja' : 'yes', expect: [task.filed] },
                { say: task.statusQuestion, expect: [task.statusFound], absent: [task.askReference] }
            ], JONAS);
            const reference = /(BC-\d{4}-\d{6})/.exec(turns[5].map((r) => r.text).join('\n'))?.[1] ?? '';
            const short = reference.replace(/-0+(\d)/, '-$1');
            assert.notStrictEqual(short, reference);
            await play(harness, convo, [{ say: `status ${short.toLowerCase()}`, expect: [new RegExp(reference)] }]);
        });
    }
});

import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { ANNA, JONAS, KLAUS, PETER } from '../helpers/demoPeople';

const CHRIS = 'chris.taylor@taylor-consulting.example';
const SARAH = 'sarah.lee@northwind.example';
const de = { p: PHRASES.de, task: TASK_PHRASES.de };
const en = { p: PHRASES.en, task: TASK_PHRASES.en };

/** Said before the bot takes up the next request of the same message. */
const NEXT = { en: /Now to your next question/, de: /Nun zu Ihrer nächsten Frage/ };
/** The answer for each of Chris Taylor's two accounts. */
const NORTHWIND = { en: /You are not the billing contact of your corporate account Northwind Traders Ltd\. Your billing administrator is Peter Brooks/, de: /Sie sind nicht der Abrechnungskontakt Ihres Unternehmenskontos Northwind Traders Ltd\. Ihr Abrechnungsadministrator ist Peter Brooks/ };
const TAYLOR = { en: /You are the billing contact of your online account Taylor Consulting/, de: /Sie sind der Abrechnungskontakt Ihres Online-Kontos Taylor Consulting/ };
/** What the bot can do, said to a message it takes as outside its field. */
const REFUSED = { en: /not something I can help with/, de: /Dabei kann ich Ihnen leider nicht helfen/ };
/** The answers of the invoice and payment topics, as their texts begin: told in passing, never asked. */
const TOPICS = {
    en: /changes the payment method in My Account|finds past invoices under "Go to Billing"|Payments and invoices depend on your account type/,
    de: /ändert die Zahlungsmethode in „Mein Konto“|findet frühere Rechnungen unter „Zur Abrechnung“|Zahlung und Rechnungsstellung hängen von Ihrem Kontotyp ab/
};

/** Messages read by their parts: the account named, a role referred back to, a message to pass on, the question a long message asks. */
const ROWS: readonly ConversationRow[] = [
    // The account named in the message wins over the account the person's address belongs to.
    {
        name: '"whos the billing contact for northwind? im chris.taylor@…": the answer for Northwind, not Taylor Consulting; "no i meant taylor consulting!" answers for it',
        lang: 'en', email: CHRIS,
        steps: [
            { say: `whos the billing contact for northwind? im ${CHRIS}`, expect: [en.p.codeSent] },
            { say: CODE, expect: [NORTHWIND.en], absent: [/Taylor Consulting/, en.p.chooseAccount] },
            { say: 'no i meant taylor consulting!', expect: [TAYLOR.en], absent: [REFUSED.en, /Northwind/] }
        ],
        outcome: { noMailTo: PETER, noHandoff: true }
    },
    {
        name: '„wer ist der abrechnungskontakt bei northwind? ich bin chris.taylor@…“: Northwind; „nein, ich meinte taylor consulting!“ antwortet für Taylor Consulting',
        lang: 'de', email: CHRIS,
        steps: [
            { say: `wer ist der abrechnungskontakt bei northwind? ich bin ${CHRIS}`, expect: [de.p.codeSent] },
            { say: CODE, expect: [NORTHWIND.de], absent: [/Taylor Consulting/, de.p.chooseAccount] },
            { say: 'nein, ich meinte taylor consulting!', expect: [TAYLOR.de], absent: [REFUSED.de, /Auf Wiedersehen/, /Northwind/] }
        ],
        outcome: { noMailTo: PETER, noHandoff: true }
    },
    {
        name: '"hi im chris.taylor@… – am I the billing contact?" names no account: the address is who asks, so the bot asks which account',
        lang: 'en', email: CHRIS,
        steps: [
            { say: `hi im ${CHRIS}, am I the billing contact?`, expect: [en.p.codeSent] },
            { say: CODE, expect: [en.p.chooseAccount], absent: [TAYLOR.en, NORTHWIND.en] },
            { say: 'Northwind Traders Ltd', expect: [NORTHWIND.en] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '"ok, I meant taylor consulting, can you change the billing contact there?" after the answer for Northwind: the change request, for Taylor Consulting',
        lang: 'en', email: CHRIS,
        steps: [
            { say: `who is the billing contact at northwind? ${CHRIS}`, expect: [en.p.codeSent] },
            { say: CODE, expect: [NORTHWIND.en] },
            { say: 'ok, I meant taylor consulting, can you change the billing contact there?', expect: [/full name of the new billing contact/], absent: [en.p.saidBefore, TAYLOR.en, /Northwind/] },
            { say: 'Dana Miller', expect: [/email address of Dana Miller/] },
            { say: 'dana.miller@taylor-consulting.example', expect: [en.task.askReason] },
            { say: 'I am handing the billing over to our office manager.', expect: [en.task.summary, /Taylor Consulting/], absent: [/Northwind/] },
            { say: 'yes', expect: [en.task.filed] }
        ],
        outcome: { request: { account: 'ACC-4004', newContact: /Dana Miller/, lang: 'en' }, noRequest: 'ACC-2002', noHandoff: true }
    },
    {
        name: '„nein, ich meinte Taylor Consulting, bitte dort den Abrechnungskontakt ändern“ nach der Antwort für Northwind: der Antrag für Taylor Consulting',
        lang: 'de', email: CHRIS,
        steps: [
            { say: `wer ist bei northwind der abrechnungskontakt? ${CHRIS}`, expect: [de.p.codeSent] },
            { say: CODE, expect: [NORTHWIND.de] },
            { say: 'nein, ich meinte Taylor Consulting, bitte dort den Abrechnungskontakt ändern', expect: [/vollständige Name des neuen Abrechnungskontakts/], absent: [de.p.saidBefore, TAYLOR.de, /Northwind/] },
            { say: 'Dana Müller', expect: [/E-Mail-Adresse von Dana Müller/] },
            { say: 'dana.mueller@taylor-consulting.example', expect: [de.task.askReason] },
            { say: 'Unsere Büroleiterin übernimmt ab sofort die Abrechnung.', expect: [de.task.summary, /Taylor Consulting/], absent: [/Northwind/] },
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: 'ACC-4004', newContact: /Dana Müller/, lang: 'de' }, noRequest: 'ACC-2002', noHandoff: true }
    },
    // Two asks in one clause, the second referring back to the role: both answered, in order.
    {
        name: '"who is our billing contact and can I change it?": Anna, then the change request for Müller Design',
        lang: 'en', email: JONAS,
        steps: [
            { say: 'who is our billing contact and can I change it?', expect: [en.p.askEmail], absent: [REFUSED.en] },
            { say: JONAS, expect: [en.p.codeSent] },
            { say: CODE, expect: [new RegExp(`${en.p.caseB.source}[\\s\\S]*Anna Müller[\\s\\S]*${NEXT.en.source}[\\s\\S]*${en.task.askNewContact.source}`)] },
            { say: 'Lea Fischer', expect: [en.task.askReason] },
            { say: 'Anna moved to another department.', expect: [en.task.summary] },
            { say: 'yes', expect: [en.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /Lea Fischer/, lang: 'en', reason: /another department/ }, noMailTo: ANNA, noHandoff: true }
    },
    {
        name: '„wer ist unser Abrechnungskontakt und wie kann ich das ändern?“: Anna, dann der Antrag auf Änderung, auf Deutsch',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'wer ist unser Abrechnungskontakt und wie kann ich das ändern?', expect: [de.p.askEmail] },
            { say: JONAS, expect: [de.p.codeSent] },
            { say: CODE, expect: [new RegExp(`${de.p.caseB.source}[\\s\\S]*Anna Müller[\\s\\S]*${NEXT.de.source}[\\s\\S]*${de.task.askNewContact.source}`)], absent: [/Abonnementplan ändern|Tarif/] },
            { say: 'Lea Fischer', expect: [de.task.askReason] },
            { say: 'Anna ist jetzt in einer anderen Abteilung.', expect: [de.task.summary] },
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /Lea Fischer/, lang: 'de', reason: /anderen Abteilung/ }, noMailTo: ANNA, noHandoff: true }
    },
    // A question and a message to pass on: the answer, then the draft with the words, shown back before it is sent.
    {
        name: '"who\'s our billing admin? tell them I need the October invoice as PDF": Peter, then the draft holding those words, sent on yes',
        lang: 'en', email: SARAH,
        steps: [
            { say: "who's our billing admin? tell them I need the October invoice as PDF", expect: [en.p.askEmail] },
            { say: SARAH },
            { say: CODE, expect: [new RegExp(`Peter Brooks[\\s\\S]*${en.p.preview.source}[\\s\\S]*October invoice as PDF[\\s\\S]*${en.p.confirm.source}`, 'i')], absent: [en.p.askMessage, /tell them/] },
            { say: 'yes', expect: [en.p.sent] }
        ],
        outcome: { mailTo: { to: [PETER], words: /October invoice as PDF/i }, noHandoff: true }
    },
    {
        name: '"who\'s our billing admin and can you tell them I need the October invoice as PDF?": the draft states it, the question mark was for the bot',
        lang: 'en', email: SARAH,
        steps: [
            { say: "who's our billing admin and can you tell them I need the October invoice as PDF?", expect: [en.p.askEmail] },
            { say: SARAH },
            { say: CODE, expect: [new RegExp(`Peter Brooks[\\s\\S]*${en.p.preview.source}[\\s\\S]*I need the October invoice as PDF\\.`, 'i')], absent: [en.p.askMessage, /as PDF\?/] },
            { say: 'yes', expect: [en.p.sent] }
        ],
        outcome: { mailTo: { to: [PETER], words: /I need the October invoice as PDF\./ }, noHandoff: true }
    },
    {
        name: '„wer ist unser abrechnungsadmin? sag ihr bitte, dass ich die oktoberrechnung als pdf brauche“: Anna, dann der Entwurf mit diesen Worten',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'wer ist unser abrechnungsadmin? sag ihr bitte, dass ich die oktoberrechnung als pdf brauche', expect: [de.p.askEmail] },
            { say: JONAS },
            { say: CODE, expect: [new RegExp(`Anna Müller[\\s\\S]*${de.p.preview.source}[\\s\\S]*oktoberrechnung als pdf[\\s\\S]*${de.p.confirm.source}`, 'i')], absent: [de.p.askMessage, /sag ihr/] },
            { say: 'ja', expect: [de.p.sent] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /oktoberrechnung als pdf/i }, noHandoff: true }
    },
    {
        name: '"could you tell peter that we need 5 more licences?", the name in lower case: the draft to Peter with those words, no answer about the plan',
        lang: 'en', email: SARAH,
        steps: [
            { say: 'could you tell peter that we need 5 more licences?', expect: [en.p.askEmail], absent: [/Only the billing contact can change the subscription plan/] },
            { say: SARAH },
            { say: CODE, expect: [en.p.preview, /We need 5 more licences\./, en.p.confirm], absent: [en.p.askMessage, /could you tell/i] },
            { say: 'yes', expect: [en.p.sent] }
        ],
        outcome: { mailTo: { to: [PETER], words: /We need 5 more licences/ }, noHandoff: true }
    },
    {
        name: '„kannst du anna sagen, dass wir mehr lizenzen brauchen?“, der Name klein geschrieben: der Entwurf an Anna mit diesen Worten, keine Antwort zum Tarif',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'kannst du anna sagen, dass wir mehr lizenzen brauchen?', expect: [de.p.askEmail], absent: [/Nur der Abrechnungskontakt kann den Abonnementplan ändern/] },
            { say: JONAS },
            { say: CODE, expect: [de.p.preview, /Wir brauchen mehr lizenzen/, de.p.confirm], absent: [de.p.askMessage, /kannst du anna/i] },
            { say: 'ja', expect: [de.p.sent] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /Wir brauchen mehr lizenzen/ }, noHandoff: true }
    },
    // A long message that asks who the billing contact is and tells of invoices in passing: the question asked is answered.
    {
        name: 'vier Sätze, Rechnungen und eine neue Zahlungsmethode nur erwähnt, gefragt wird nach dem Abrechnungskontakt: die Antwort, kein Thema vorweg',
        lang: 'de', email: KLAUS,
        steps: [
            {
                say: 'Moin! Bei uns gibts gerade Verwirrung wegen der Rechnungen, die Zahlungsmethode wurde wohl geändert. Ich will jetzt erstmal wissen, wer bei uns der Abrechnungskontakt ist. Danke euch!',
                expect: [de.p.askEmail], absent: [TOPICS.de]
            },
            { say: KLAUS },
            { say: CODE, expect: [/Sie sind (der|ein) Abrechnungskontakt/], absent: [TOPICS.de, NEXT.de] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '„Hallo, ich schreibe wegen unseres Kontos. … Wer ist denn momentan als Abrechnungskontakt eingetragen?“: die Antwort, keine Mail',
        lang: 'de', email: JONAS,
        steps: [
            {
                say: 'Hallo, ich schreibe wegen unseres Kontos. Früher hat sich Anna um die Rechnungen gekümmert. Sie ist jetzt in einer anderen Abteilung. Wer ist denn momentan als Abrechnungskontakt eingetragen? Danke im Voraus.',
                expect: [de.p.askEmail], absent: [TOPICS.de]
            },
            { say: JONAS },
            { say: CODE, expect: [de.p.caseB, /Anna Müller/], absent: [de.p.askMessage, de.p.preview, TOPICS.de] }
        ],
        outcome: { noMailTo: ANNA, noRequest: 'ACC-1001', noHandoff: true }
    },
    {
        name: '„… Die Rechnungen bekommt wohl jemand anderes. Wer ist denn bei uns der Abrechnungskontakt? Und bin ich das vielleicht selbst?“: die Antwort, kein Antrag',
        lang: 'de', email: JONAS,
        steps: [
            {
                say: 'Guten Tag. Ich kümmere mich neuerdings um die Lizenzen. Die Rechnungen bekommt wohl jemand anderes. Wer ist denn bei uns der Abrechnungskontakt? Und bin ich das vielleicht selbst?',
                expect: [de.p.askEmail]
            },
            { say: JONAS },
            { say: CODE, expect: [de.p.caseB, /Anna Müller/], absent: [de.task.askNewContact] }
        ],
        outcome: { noRequest: 'ACC-1001', noHandoff: true }
    },
    {
        name: 'a long English message about invoices and the payment method that asks who the billing contact is: that answer, no topic first',
        lang: 'en', email: PETER,
        steps: [
            {
                say: 'Hi there. Our invoices keep going to an old mailbox, and the payment method changed last month too. Before I do anything, who is our billing contact? Thanks a lot.',
                expect: [en.p.askEmail], absent: [TOPICS.en]
            },
            { say: PETER },
            { say: CODE, expect: [en.p.caseC], absent: [TOPICS.en, NEXT.en] }
        ],
        outcome: { noHandoff: true }
    }
];

describe('Messages read by their parts: the account named, "it" for the role, a message to pass on, the question of a long message', () => {
    const harness = useHarness();
    // Each row as the first message of a conversation, and after the welcome's menu, as Web Chat starts one.
    for (const row of ROWS) {
        for (const started of [false, true]) {
            it(`[${row.lang}]${started ? ' [after the welcome]' : ''} ${row.name}`, async () => {
                await playRow(harness(), { ...row, started });
            });
        }
    }
});

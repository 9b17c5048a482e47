import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { JONAS } from '../helpers/demoPeople';
import { HANDOFF_PHRASES as HANDOFF } from '../helpers/handoffPhrases';

const en = { p: PHRASES.en, task: TASK_PHRASES.en };
const de = { p: PHRASES.de, task: TASK_PHRASES.de };

const SARAH = 'sarah.lee@northwind.example';
const TOM = 'tom.hughes@northwind.example';
const PETER = 'peter.brooks@northwind.example';

/** The name question asked again, and the email question for a person. */
const ASK_NAME_AGAIN = { en: /Please type the person's first and last name/, de: /Bitte geben Sie Vor- und Nachnamen der Person ein/ };
const ASK_EMAIL_OF = { en: (name: string) => new RegExp(`what is the email address of ${name}\\?`), de: (name: string) => new RegExp(`wie lautet die E-Mail-Adresse von ${name}\\?`) };
/** The bot asks whether to drop the open task, or says goodbye. */
const LEAVING = /Shall I drop it and end here\?|Goodbye/;

/** Sarah Lee (admin of Northwind Traders) verified and at the question who becomes the billing contact. */
const SARAH_AT_PICK = [
    { say: "I'd like to change the billing contact", expect: [en.p.askEmail] },
    { say: SARAH, expect: [en.p.codeSent] },
    { say: CODE, expect: [/Who should become the billing contact of Northwind Traders Ltd\?/] }
] as const;

/** Tom Hughes (no billing contact of Northwind Traders) verified, told Peter Brooks is, and offered the mail. */
const TOM_AT_OFFER = [
    { say: 'who is our billing contact', expect: [en.p.askEmail] },
    { say: TOM, expect: [en.p.codeSent] },
    { say: CODE, expect: [en.p.caseB, en.p.offerEmail] }
] as const;

const ROWS: readonly (ConversationRow & { readonly noLocale?: boolean })[] = [
    // Words to the bot about the mail are not put into it.
    {
        name: '"ok can you email them for me" at the offer asks for the message; it is not the message',
        lang: 'en', email: TOM,
        steps: [
            ...TOM_AT_OFFER,
            { say: 'ok can you email them for me', expect: [en.p.askMessage], absent: [en.p.preview] },
            { say: 'we need 4 more seats for the sales team by friday', expect: [en.p.preview, en.p.confirm] },
            { say: 'yes', expect: [/your email to Peter Brooks is on its way/] }
        ],
        outcome: { mailTo: { to: [PETER], words: /^we need 4 more seats for the sales team by friday$/m } }
    },
    {
        name: '"tell him …" at the offer is the message (never a payment answer); "can i ping them" asks for it; "perfect, send it" sends',
        lang: 'en', email: TOM,
        steps: [
            ...TOM_AT_OFFER,
            { say: 'tell him the card on file expired last week, need to update it asap', expect: [en.p.preview, /^The card on file expired last week, need to update it asap$/m, en.p.confirm], absent: [/pays by invoice/] },
            { say: 'perfect, send it', expect: [en.p.sent], absent: [/its invoices go by email/] }
        ],
        outcome: { mailTo: { to: [PETER], words: /^The card on file expired last week, need to update it asap$/m } }
    },
    {
        name: '"can you just forward this to him" at the offer: the matter told in the first message is the mail, without the question to the bot',
        lang: 'en', email: TOM,
        steps: [
            { say: 'Hello, our company card was replaced last month and since then the subscription shows a payment failure warning. Who is our billing contact?', expect: [en.p.askEmail] },
            { say: TOM, expect: [en.p.codeSent] },
            { say: CODE, expect: [en.p.caseB, en.p.offerEmail] },
            {
                say: 'ok so can you just forward this to him',
                expect: [en.p.preview, /^Our company card was replaced last month and since then the subscription shows a payment failure warning\.$/m, en.p.confirm],
                absent: [/forward this/, /Who is our billing contact\?/]
            },
            { say: 'yes', expect: [en.p.sent] }
        ],
        outcome: { mailTo: { to: [PETER], words: /^Our company card was replaced last month and since then the subscription shows a payment failure warning\.$/m } }
    },
    {
        name: '"ok and where can I find our old invoices?" at the offer answers the question; the mail is not written with it',
        lang: 'en', email: TOM,
        steps: [...TOM_AT_OFFER, { say: 'ok and where can I find our old invoices?', expect: [/invoices/], absent: [en.p.preview, en.p.askMessage] }],
        outcome: { noMailTo: PETER }
    },
    {
        name: '"can i ping them" at the offer asks for the message',
        lang: 'en', email: TOM,
        steps: [...TOM_AT_OFFER, { say: 'can i ping them', expect: [en.p.askMessage], absent: [/can't answer that question/] }],
        outcome: { noMailTo: PETER }
    },
    {
        name: '"wrong address, send it to sarah instead" at "Shall I send it?": the bot writes to the billing contact only, the draft is unchanged',
        lang: 'en', email: TOM,
        steps: [
            ...TOM_AT_OFFER,
            { say: 'yes please', expect: [en.p.askMessage] },
            { say: 'Can you check why we were charged twice in November?', expect: [en.p.preview, en.p.confirm] },
            { say: 'wrong address, send it to sarah instead', expect: [/I can only send this email to the account's billing contact \(Peter Brooks\), not to anyone else/, en.p.confirm], absent: [en.p.preview] },
            { say: 'ok then send it to peter', expect: [/your email to Peter Brooks is on its way/] }
        ],
        outcome: { mailTo: { to: [PETER], words: /Can you check why we were charged twice in November\?\s+Just reply/ } }
    },

    // "how long will that take?" asks about what the bot just did: never a goodbye.
    {
        name: '"how long will that take" after the portal reset: when the link comes and how long it holds',
        lang: 'en',
        steps: [
            { say: 'can you reset my portal password pls', expect: [en.task.askUserId] },
            { say: 'pbrooks', expect: [en.task.resetRequested] },
            { say: 'how long will that take', expect: [/The portal sends the reset link within a few minutes of my request\. It is valid for 60 minutes/], absent: [/Goodbye/] },
            { say: 'k thx bye', expect: [/Goodbye/] }
        ],
        outcome: { resetTo: PETER, noHandoff: true }
    },
    {
        name: '"how long will that take" after the mail to the billing contact: it went out, the reply comes to the person',
        lang: 'en', email: TOM,
        steps: [
            ...TOM_AT_OFFER,
            { say: 'yes', expect: [en.p.askMessage] },
            { say: 'please add 2 seats for our new hires', expect: [en.p.preview, en.p.confirm] },
            { say: 'yes', expect: [/your email to Peter Brooks is on its way/] },
            { say: 'how long will that take', expect: [/Your email went out right away/], absent: [/Goodbye/] }
        ],
        outcome: { mailTo: { to: [PETER], words: /2 seats for our new hires/ } }
    },
    // Giving up on a person: the words that say so end the wait, whatever else they say about it.
    {
        name: '"actually never mind, I don\'t want to wait anymore" at the question what it is about: no handoff, a goodbye',
        lang: 'en', noLocale: true,
        steps: [
            { say: 'I need to talk to a real person', expect: [HANDOFF.en.askDescription] },
            { say: "actually never mind, I don't want to wait anymore", expect: [/Goodbye/], absent: [HANDOFF.en.noAgent, HANDOFF.en.offerCallback] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '"actually forget it i dont want to wait" at the callback offer is no note for customer service',
        lang: 'en',
        steps: [
            { say: 'can you put me through to someone', expect: [HANDOFF.en.askDescription] },
            { say: 'its about our invoice address being wrong', expect: [HANDOFF.en.noAgent, HANDOFF.en.offerCallback] },
            { say: 'actually forget it i dont want to wait', expect: [/Goodbye/], absent: [/noted that for the customer service team/] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '„ach, vergessen Sie es, ich will nicht mehr warten“ beim Angebot des Rückrufs: kein Rückruf, ein Abschied',
        lang: 'de',
        steps: [
            { say: 'Ich möchte mit einem Mitarbeiter sprechen', expect: [HANDOFF.de.askDescription] },
            { say: 'Die Rechnungsadresse ist falsch', expect: [HANDOFF.de.noAgent, HANDOFF.de.offerCallback] },
            { say: 'ach, vergessen Sie es, ich will nicht mehr warten', expect: [/Auf Wiedersehen|abgebrochen/], absent: [/notiert/] }
        ],
        outcome: { noHandoff: true }
    },
    // A sentence at the name question is no person's name: neither a correction nor a goodbye is filed as the new contact.
    {
        name: '"no i meant someone new" at the name question is asked again, the name that follows is filed',
        lang: 'en', email: SARAH,
        steps: [
            ...SARAH_AT_PICK,
            { say: 'someone else', expect: [en.task.askName] },
            { say: 'no i meant someone new', expect: [ASK_NAME_AGAIN.en], absent: [/email address of no i meant/i] },
            { say: 'Jenny Park', expect: [ASK_EMAIL_OF.en('Jenny Park')] },
            { say: 'jenny.park@northwind.example', expect: [en.task.askReason] },
            { say: 'she runs the office now', expect: [en.task.summary] },
            { say: 'yes', expect: [en.task.filed] }
        ],
        outcome: { request: { account: 'ACC-2002', newContact: /^Jenny Park \(jenny\.park@northwind\.example\)/ } }
    },
    {
        name: '"she handles all our invoices now" at the name question is no name',
        lang: 'en', email: SARAH,
        steps: [
            ...SARAH_AT_PICK,
            { say: 'someone else', expect: [en.task.askName] },
            { say: 'she handles our invoices', expect: [ASK_NAME_AGAIN.en], absent: [/email address of she/i] }
        ],
        outcome: { noRequest: 'ACC-2002' }
    },
    {
        name: '"k thx bye" at the choice of the new contact is a goodbye, not a new person',
        lang: 'en', email: SARAH,
        steps: [...SARAH_AT_PICK, { say: 'k thx bye', expect: [LEAVING], absent: [/email address of k thx bye/i] }],
        outcome: { noRequest: 'ACC-2002' }
    },
    {
        name: '„Sie übernimmt die Buchhaltung“ bei der Frage nach dem Namen ist kein Name',
        lang: 'de', email: JONAS,
        steps: [
            { say: de.task.changeContact, expect: [de.p.askEmail] },
            { say: JONAS, expect: [de.p.codeSent] },
            { say: CODE, expect: [/Wer soll Abrechnungskontakt von Müller Design GmbH werden\?/] },
            { say: de.task.someoneElse, expect: [de.task.askName] },
            { say: 'Sie übernimmt die Buchhaltung', expect: [ASK_NAME_AGAIN.de], absent: [/E-Mail-Adresse von Sie/] },
            { say: 'Julia Schmidt', expect: [ASK_EMAIL_OF.de('Julia Schmidt')] }
        ],
        outcome: { noRequest: 'ACC-1001' }
    }
];

describe('English customers in their own words (issue 12): names, mails, "how long", leaving', () => {
    const harness = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harness(), row);
        });
    }
});


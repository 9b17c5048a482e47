import * as assert from 'assert';
import type { Lang } from '../../core/language';
import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE, type Step } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { ANNA, JONAS, KLAUS, LEA } from '../helpers/demoPeople';

const SARAH = 'sarah.lee@northwind.example';
const TOM = 'tom.hughes@northwind.example';
const PETER = 'peter.brooks@northwind.example';
const de = { p: PHRASES.de, task: TASK_PHRASES.de };
const en = { p: PHRASES.en, task: TASK_PHRASES.en };

/** The conversation is over: a goodbye. */
const CLOSED = { en: /Goodbye/, de: /Auf Wiedersehen/ } as const;
/** Handed towards customer service, or a mail begun anew: what "send it" after the mail must not start. */
const NEW_START = { en: /nobody from customer service|Shall customer service|This is the email to|What would you like me to tell/, de: /Kundendienst|So sieht die E-Mail an|Was soll ich .* ausrichten/ } as const;
/** What the mail shows of the person: their name and address, replies to them, sent from the assistant's address. */
const ADDRESS_ANSWER = {
    en: (email: string) => new RegExp(`Yes: the email gives your name and address \\(${email.replace(/\./g, '\\.')}\\), and replies go straight to you\\. It is sent from the Billing Contact Assistant's address`),
    de: (email: string) => new RegExp(`Ja: In der E-Mail stehen Ihr Name und Ihre Adresse \\(${email.replace(/\./g, '\\.')}\\), und Antworten gehen direkt an Sie\\. Versendet wird sie von der Adresse des Assistenten`)
} as const;

/** The first message, the address and the code: the person verified, and what the bot answers then (and must not). */
function signedIn(lang: Lang, first: string, email: string, expect: readonly RegExp[], absent: readonly RegExp[] = []): Step[] {
    const p = PHRASES[lang];
    return [{ say: first, expect: [p.askEmail] }, { say: email, expect: [p.codeSent] }, { say: CODE, expect, absent }];
}

/** Rows whose mail, when one goes out, must carry the person's address in its text and as the address replies go to. */
type Row = ConversationRow & { readonly replyTo?: { readonly to: string; readonly from: string } };

/**
 * What the person already told or the bot already knows or did, taken as such: a reason given in the first message or
 * with the new person's address is not asked again; a person of the account typed after "Someone else" is that member;
 * "no thanks, bye" at the confirm says nothing was filed; "send it" after the mail says it went out already; "will she
 * see my email address?" is answered truthfully and the mail goes on where it was.
 */
const ROWS: readonly Row[] = [
    // The reason in the first message, the current contact named by the role ("our billing contact left the company").
    {
        name: '"our billing contact left the company, can you change it to me": the reason is taken, shown, and not asked',
        lang: 'en', email: SARAH,
        steps: [
            ...signedIn('en', 'our billing contact left the company, can you change it to me', SARAH, [en.task.summary, /New billing contact: Sarah Lee/, /Reason: Our billing contact left the company$/m], [en.task.askReason]),
            { say: 'yes', expect: [en.task.filed] }
        ],
        outcome: { request: { account: 'ACC-2002', newContact: /^Sarah Lee$/, reason: /^Our billing contact left the company$/ }, noHandoff: true }
    },
    {
        name: '„unser Abrechnungskontakt hat die Firma verlassen, können Sie das auf mich umstellen?“: der Grund wird übernommen, nicht erfragt',
        lang: 'de', email: JONAS,
        steps: [
            ...signedIn('de', 'unser Abrechnungskontakt hat die Firma verlassen, können Sie das auf mich umstellen?', JONAS, [de.task.summary, /Neuer Abrechnungskontakt: Jonas Weber/, /Grund: Unser Abrechnungskontakt hat die Firma verlassen$/m], [de.task.askReason]),
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /^Jonas Weber$/, reason: /^Unser Abrechnungskontakt hat die Firma verlassen$/ }, noHandoff: true }
    },
    {
        name: '„die bisherige Abrechnungskontaktin ist in Rente, bitte Lea Fischer eintragen“: Grund und neuer Kontakt aus der einen Nachricht',
        lang: 'de', email: JONAS,
        steps: [
            ...signedIn('de', 'die bisherige Abrechnungskontaktin ist in Rente, bitte Lea Fischer eintragen', JONAS, [de.task.summary, /Neuer Abrechnungskontakt: Lea Fischer/, /Grund: Die bisherige Abrechnungskontaktin ist in Rente$/m], [de.task.askReason]),
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /^Lea Fischer$/, reason: /in Rente/ }, noHandoff: true }
    },
    {
        name: '"the billing contact is Peter Brooks, please make Tom Hughes the contact" says who, not why: the reason is asked',
        lang: 'en', email: SARAH,
        steps: [
            ...signedIn('en', 'the billing contact is Peter Brooks, please make Tom Hughes the contact', SARAH, [/Why should Tom Hughes become the billing contact/], [en.task.summary])
        ],
        outcome: { noRequest: 'ACC-2002' }
    },
    // The reason told with the new person's address: the address and the reason, both taken.
    {
        name: '"she left last month, it\'s linda.park@…" at the new person\'s address: address and reason taken',
        lang: 'en', email: SARAH,
        steps: [
            ...signedIn('en', 'change the billing contact', SARAH, [/Who should become the billing contact of Northwind/]),
            { say: 'Someone else', expect: [en.task.askName] },
            { say: 'Linda Park', expect: [/what is the email address of Linda Park/] },
            { say: "she left last month, it's linda.park@northwind.example", expect: [en.task.summary, /New billing contact: Linda Park \(linda\.park@northwind\.example\)/, /Reason: She left last month$/m], absent: [en.task.askReason] },
            { say: 'yes', expect: [en.task.filed] }
        ],
        outcome: { request: { account: 'ACC-2002', newContact: /^Linda Park \(linda\.park@northwind\.example\)$/, reason: /^She left last month$/ }, noHandoff: true }
    },
    {
        name: '„Anna ist letzten Monat ausgeschieden, es ist max.mustermann@…“ bei der Adresse: Adresse und Grund übernommen',
        lang: 'de', email: JONAS,
        steps: [
            ...signedIn('de', 'Abrechnungskontakt ändern', JONAS, [de.task.askNewContact]),
            { say: 'Eine andere Person', expect: [de.task.askName] },
            { say: 'Max Mustermann', expect: [/E-Mail-Adresse von Max Mustermann/] },
            { say: 'Anna ist letzten Monat ausgeschieden, es ist max.mustermann@mueller-design.example', expect: [de.task.summary, /Grund: Anna ist letzten Monat ausgeschieden$/m], absent: [de.task.askReason] },
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /^Max Mustermann \(max\.mustermann@mueller-design\.example\)$/, reason: /^Anna ist letzten Monat ausgeschieden$/ }, noHandoff: true }
    },
    // A person of the account typed after "Someone else" is that member; nobody of another account is looked up.
    {
        name: '"Someone else", then "Eva Schulz" of the same account: Eva is taken, her address is not asked',
        lang: 'en', email: KLAUS,
        steps: [
            ...signedIn('en', 'I want to change the billing contact', KLAUS, [/Who should become the billing contact of Bergmann/]),
            { say: 'Someone else', expect: [en.task.askName] },
            { say: 'Eva Schulz', expect: [/Whom should Eva Schulz replace as billing contact/], absent: [/email address of Eva Schulz/] },
            { say: 'Maria Bergmann', expect: [/Why should Eva Schulz become the billing contact/] },
            { say: 'Maria moves to the Hamburg office', expect: [en.task.summary, /New billing contact: Eva Schulz$/m] },
            { say: 'yes', expect: [en.task.filed] }
        ],
        outcome: { request: { account: 'ACC-3003', newContact: /^Eva Schulz$/ }, noHandoff: true }
    },
    {
        name: '„Eine andere Person“, dann „Lea Fischer“ aus demselben Konto: Lea wird übernommen, ohne Frage nach der Adresse',
        lang: 'de', email: JONAS,
        steps: [
            ...signedIn('de', 'Abrechnungskontakt ändern', JONAS, [de.task.askNewContact]),
            { say: 'Eine andere Person', expect: [de.task.askName] },
            { say: 'lea fischer', expect: [/Warum soll Lea Fischer Abrechnungskontakt werden/], absent: [/E-Mail-Adresse von/] },
            { say: 'Anna geht in Rente', expect: [de.task.summary, /Neuer Abrechnungskontakt: Lea Fischer$/m] },
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /^Lea Fischer$/ }, noHandoff: true }
    },
    {
        name: '„Eine andere Person“, „Lea“ und dann Leas Adresse: die Kollegin aus dem Konto, mit ihrem ganzen Namen',
        lang: 'de', email: ANNA,
        steps: [
            ...signedIn('de', 'Abrechnungskontakt ändern', ANNA, [/Wer soll Abrechnungskontakt von Müller Design GmbH werden/]),
            { say: 'Eine andere Person', expect: [de.task.askName] },
            { say: 'Lea', expect: [/E-Mail-Adresse von Lea\b/] },
            { say: LEA, expect: [/Warum soll Lea Fischer Abrechnungskontakt werden/] },
            { say: 'Ich gehe in Rente', expect: [de.task.summary, /Neuer Abrechnungskontakt: Lea Fischer$/m] },
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /^Lea Fischer$/ }, noHandoff: true }
    },
    {
        name: '"Someone else", then "Eva Schulz" of another account: a new person, whose address is asked (nothing of the other account shown)',
        lang: 'en', email: JONAS,
        steps: [
            ...signedIn('en', 'I want to change the billing contact', JONAS, [en.task.askNewContact]),
            { say: 'Someone else', expect: [en.task.askName] },
            { say: 'Eva Schulz', expect: [/what is the email address of Eva Schulz/], absent: [/eva\.schulz@|Bergmann/] }
        ],
        outcome: { noRequest: 'ACC-1001' }
    },
    {
        name: '„Eine andere Person“, dann „Anna Müller“, schon Abrechnungskontakt: gesagt, und der Name noch einmal erfragt',
        lang: 'de', email: JONAS,
        steps: [
            ...signedIn('de', 'Abrechnungskontakt ändern', JONAS, [de.task.askNewContact]),
            { say: 'Eine andere Person', expect: [de.task.askName] },
            { say: 'Anna Müller', expect: [/Anna Müller ist bereits Abrechnungskontakt/, de.task.askName], absent: [/E-Mail-Adresse von Anna/] },
            { say: 'Max Mustermann', expect: [/E-Mail-Adresse von Max Mustermann/] }
        ],
        outcome: { noRequest: 'ACC-1001' }
    },
    // "No thanks, bye" at the confirm: nothing filed, said so, and one goodbye.
    {
        name: '"no thanks, bye" at "Shall I file this request?": says nothing was filed, and closes',
        lang: 'en', email: JONAS,
        steps: [
            ...signedIn('en', 'I want to change the billing contact', JONAS, [en.task.askNewContact]),
            { say: 'Lea Fischer', expect: [en.task.askReason] },
            { say: 'Anna left the company', expect: [en.task.confirm] },
            { say: 'no thanks, bye', expect: [en.task.notFiled, CLOSED.en], absent: [en.task.filed, /Shall I drop it/, en.p.anythingElse] }
        ],
        outcome: { noRequest: 'ACC-1001', noHandoff: true }
    },
    {
        name: '„nein danke, tschüss“ bei „Soll ich den Antrag stellen?“: gesagt, dass nichts gestellt wurde, und verabschiedet',
        lang: 'de', email: JONAS,
        steps: [
            ...signedIn('de', 'Abrechnungskontakt ändern', JONAS, [de.task.askNewContact]),
            { say: 'Lea Fischer', expect: [de.task.askReason] },
            { say: 'Anna hat die Firma verlassen', expect: [de.task.confirm] },
            { say: 'nein danke, tschüss', expect: [de.task.notFiled, CLOSED.de], absent: [de.task.filed, /verwerfen/, de.p.anythingElse] }
        ],
        outcome: { noRequest: 'ACC-1001', noHandoff: true }
    },
    // "Send it" once the mail went out: it went out already, and nothing starts anew.
    {
        name: '"ok send it" and "ok send" after the mail went out: it was sent already, once; no handover, no new mail',
        lang: 'en', email: TOM,
        steps: [
            ...signedIn('en', 'who is our billing contact', TOM, [en.p.offerEmail]),
            { say: 'yes please', expect: [en.p.askMessage] },
            { say: 'please add 5 licenses for the new team', expect: [en.p.confirm] },
            { say: 'yes', expect: [en.p.sent] },
            { say: 'ok send it', expect: [/already gone out to Peter Brooks/, en.p.anythingElse], absent: [NEW_START.en] },
            { say: 'ok send', expect: [/already gone out to Peter Brooks/], absent: [NEW_START.en] }
        ],
        outcome: { mailTo: { to: [PETER], words: /5 licenses for the new team/ }, noHandoff: true }
    },
    {
        name: '„ja, abschicken“ und „schick sie ab“ nach dem Versand: schon unterwegs, nicht zweimal; nichts Neues begonnen',
        lang: 'de', email: LEA,
        steps: [
            ...signedIn('de', 'wer ist unser Abrechnungskontakt', LEA, [de.p.offerEmail]),
            { say: 'ja bitte', expect: [de.p.askMessage] },
            { say: 'bitte 5 Lizenzen für das neue Team hinzufügen', expect: [de.p.confirm] },
            { say: 'ja', expect: [de.p.sent] },
            { say: 'ja, abschicken', expect: [/E-Mail an Anna Müller ist bereits unterwegs/, de.p.anythingElse], absent: [NEW_START.de, /nichts abzubrechen/] },
            { say: 'schick sie ab', expect: [/bereits unterwegs/], absent: [NEW_START.de, /nichts abzubrechen/] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /5 Lizenzen für das neue Team/ }, noHandoff: true }
    },
    // "Will she see my email address?" in the mail: answered as the mail is sent, and the mail goes on where it was.
    {
        name: '"will she see my email address?" at the offer, the message and the confirm: answered truthfully, each question asked again',
        lang: 'en', email: JONAS, replyTo: { to: ANNA, from: JONAS },
        steps: [
            ...signedIn('en', 'who is our billing contact', JONAS, [en.p.offerEmail]),
            { say: 'will she see my email address?', expect: [ADDRESS_ANSWER.en(JONAS), en.p.offerEmail], absent: [en.p.askMessage] },
            { say: 'yes please', expect: [en.p.askMessage] },
            { say: 'will she see my email address?', expect: [ADDRESS_ANSWER.en(JONAS), en.p.askMessage], absent: [en.p.preview] },
            { say: 'please add 5 licenses for the new team', expect: [en.p.preview, en.p.confirm], absent: [/will she see/] },
            { say: 'wait, will she see my email address?', expect: [ADDRESS_ANSWER.en(JONAS), en.p.confirm], absent: [/can't answer that question/] },
            { say: 'yes', expect: [en.p.sent] },
            { say: 'will she see my email address?', expect: [ADDRESS_ANSWER.en(JONAS), en.p.anythingElse] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /^(?![\s\S]*see my email)[\s\S]*5 licenses for the new team/ }, noHandoff: true }
    },
    {
        name: '„sieht er meine E-Mail-Adresse?“ beim Angebot, bei der Nachricht und vor dem Senden: wahr beantwortet, es geht dort weiter',
        lang: 'de', email: TOM, replyTo: { to: PETER, from: TOM },
        steps: [
            ...signedIn('de', 'wer ist unser Abrechnungskontakt', TOM, [de.p.offerEmail]),
            { say: 'sieht er meine E-Mail-Adresse?', expect: [ADDRESS_ANSWER.de(TOM), de.p.offerEmail], absent: [/leider nicht beantworten/] },
            { say: 'ja bitte', expect: [de.p.askMessage] },
            { say: 'sieht er dann meine Mailadresse?', expect: [ADDRESS_ANSWER.de(TOM), de.p.askMessage], absent: [de.p.preview] },
            { say: 'bitte 5 Lizenzen für das neue Team hinzufügen', expect: [de.p.preview, de.p.confirm] },
            { say: 'sieht er meine E-Mail-Adresse?', expect: [ADDRESS_ANSWER.de(TOM), de.p.confirm], absent: [/leider nicht beantworten/] },
            { say: 'ja', expect: [de.p.sent] }
        ],
        outcome: { mailTo: { to: [PETER], words: /^(?![\s\S]*sieht er)[\s\S]*5 Lizenzen für das neue Team/ }, noHandoff: true }
    }
];

describe('What was told, known or done already, in the person\'s own words', () => {
    const harness = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harness(), row);
            if (row.replyTo) {
                // What the answer says is what goes out: the person's address in the text, and replies to it.
                const [mail] = (await harness().mails(row.replyTo.to)).filter((m) => m.kind === 'admin-contact');
                assert.strictEqual(mail.replyTo, row.replyTo.from);
                assert.ok(mail.text.includes(row.replyTo.from), mail.text);
            }
        });
    }
});

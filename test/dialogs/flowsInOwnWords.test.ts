import * as assert from 'assert';
import type { Lang } from '../../core/language';
import { useHarness, type BotHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE, localeOf, play } from '../helpers/script';
import { ANNA, JONAS, LEA } from '../helpers/demoPeople';

const en = PHRASES.en;
const de = PHRASES.de;

const TOM = 'tom.hughes@northwind.example';
const PETER = 'peter.brooks@northwind.example';
const SARAH = 'sarah.lee@northwind.example';

/** The bot asks whether to drop the open task, or says goodbye. */
const LEAVING = { en: /Shall I drop it and end here\?|Goodbye/, de: /Soll ich ihn verwerfen und das Gespräch beenden\?|Auf Wiedersehen/ };
/** A status answer or its verification, which a request to withdraw must not get. */
const STATUS = { en: /I can only tell the status of a request/, de: /Den Status eines Antrags nenne ich nur/ };
/** How to withdraw, and the offer of a person. */
const WITHDRAW = {
    en: [/I can't withdraw a change request in this chat\. Customer service can withdraw BC-2026-000001 for you/, /Shall I connect you with someone from customer service\?/],
    de: [/Einen Änderungsantrag kann ich im Chat leider nicht zurückziehen\. Das übernimmt der Kundendienst/, /Soll ich Sie mit jemandem vom Kundendienst verbinden\?/]
};

/** Tom Hughes (no billing contact of Northwind Traders) verified, told Peter Brooks is, and offered the mail. */
const TOM_AT_OFFER = [
    { say: 'who is our billing contact', expect: [en.askEmail] },
    { say: TOM, expect: [en.codeSent] },
    { say: CODE, expect: [en.caseB, en.offerEmail] }
] as const;

/** Lea Fischer (no billing contact of Müller Design) verified, told Anna Müller is, and offered the mail. */
const LEA_AT_OFFER = [
    { say: 'wer ist unser abrechnungskontakt', expect: [de.askEmail] },
    { say: LEA, expect: [de.codeSent] },
    { say: CODE, expect: [de.caseB, de.offerEmail] }
] as const;

const ROWS: readonly ConversationRow[] = [
    // A yes with a mail in it is the mail, whatever its words name: "… dass ich Zugriff aufs Portal brauche" is no portal reset.
    {
        name: '„ok und kannst du der anna schreiben dass ich zugriff aufs portal brauche“ beim Angebot der Mail ist die Mail an Anna',
        lang: 'de', email: LEA,
        steps: [...LEA_AT_OFFER, { say: 'ok und kannst du der anna schreiben dass ich zugriff aufs portal brauche', expect: [de.preview] }, { say: 'ja passt', expect: [de.sent] }],
        outcome: { mailTo: { to: [ANNA], words: /zugriff aufs portal/i } }
    },
    // Closings made of thanks and a wish are a goodbye, never the words of a mail.
    {
        name: '„super danke, schönes wochenende“ bei der Frage nach der Nachricht ist ein Abschied, nicht der Text der Mail',
        lang: 'de', email: LEA,
        steps: [
            ...LEA_AT_OFFER,
            { say: 'ja bitte eine mail', expect: [de.askMessage] },
            { say: 'super danke, schönes wochenende', expect: [LEAVING.de], absent: [de.preview] },
            { say: 'ja', expect: [/Auf Wiedersehen/] }
        ],
        outcome: { noMailTo: ANNA }
    },
    {
        name: '"cool thx, have a good weekend" at the question what to tell the billing contact is a goodbye, not the mail',
        lang: 'en', email: TOM,
        steps: [
            ...TOM_AT_OFFER,
            { say: 'yes', expect: [en.askMessage] },
            { say: 'cool thx, have a good weekend', expect: [LEAVING.en], absent: [en.preview] }
        ],
        outcome: { noMailTo: PETER }
    },
    {
        name: '„ok tschüss“ bei der Frage, ob das Gespräch geholfen hat, ist ein Abschied, keine Bewertung',
        lang: 'de', email: LEA,
        steps: [
            ...LEA_AT_OFFER,
            { say: 'nein danke', expect: [de.anythingElse] },
            { say: 'nein', expect: [/Hat Ihnen dieses Gespräch geholfen\?/] },
            { say: 'ok tschüss', expect: [/^In Ordnung\. Auf Wiedersehen!$/], absent: [/in einem Satz/] }
        ],
        outcome: { noMailTo: ANNA }
    },
    {
        name: '"thx bye" at "did this conversation help you?" is a goodbye, not a rating',
        lang: 'en', email: TOM,
        steps: [
            ...TOM_AT_OFFER,
            { say: 'no thanks', expect: [en.anythingElse] },
            { say: 'no', expect: [/did this conversation help you\?/] },
            { say: 'thx bye', expect: [/^All right\. Goodbye!$/], absent: [/in one sentence/] }
        ],
        outcome: { noMailTo: PETER }
    },
    // A question is a question, whatever words it shares with a goodbye.
    {
        name: '"where can i see them" at the offer of the mail is a question, not a goodbye',
        lang: 'en', email: TOM,
        steps: [...TOM_AT_OFFER, { say: 'where can i see them', absent: [/Goodbye/, /did this conversation help you/] }],
        outcome: { noMailTo: PETER, noHandoff: true }
    },
    // A new person and their address in the first message are not asked again; the summary is corrected in place.
    {
        name: '"make anna the billing contact, anna.k@…" asks only the reason; "the email is wrong, it\'s …" at the summary keeps the rest',
        lang: 'en', email: SARAH,
        steps: [
            { say: 'make anna the billing contact, anna.k@northwind.example', expect: [en.askEmail] },
            { say: SARAH, expect: [en.codeSent] },
            { say: CODE, expect: [/Why should Anna become the billing contact\?/], absent: [/Who should become the billing contact/, /full name/, /email address of/] },
            { say: 'she runs our accounts now', expect: [/Anna \(anna\.k@northwind\.example\)/, /Shall I file/] },
            { say: "the email is wrong, it's anna.king@northwind.example", expect: [/Anna \(anna\.king@northwind\.example\)/, /she runs our accounts now/], absent: [/Why should/] },
            { say: 'yes', expect: [/BC-\d{4}-\d{6}/] }
        ],
        outcome: { request: { account: 'ACC-2002', newContact: /Anna \(anna\.king@northwind\.example\)/, reason: /she runs our accounts now/ } }
    },
    {
        name: '„bitte Julia Schmidt als Abrechnungskontakt eintragen, julia.schmidt@…“ fragt nur den Grund; „nein, der Name ist Julia Schmitt“ korrigiert nur den Namen',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'bitte Julia Schmidt als Abrechnungskontakt eintragen, julia.schmidt@mueller-design.example', expect: [de.askEmail] },
            { say: JONAS, expect: [de.codeSent] },
            { say: CODE, expect: [/Warum soll Julia Schmidt Abrechnungskontakt werden\?/], absent: [/Wer soll Abrechnungskontakt/, /E-Mail-Adresse von/] },
            { say: 'sie übernimmt die Buchhaltung', expect: [/Julia Schmidt \(julia\.schmidt@mueller-design\.example\)/] },
            { say: 'nein, der Name ist Julia Schmitt', expect: [/Julia Schmitt \(julia\.schmidt@mueller-design\.example\)/, /sie übernimmt die Buchhaltung/] },
            { say: 'ja', expect: [/BC-\d{4}-\d{6}/] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /Julia Schmitt \(julia\.schmidt@mueller-design\.example\)/, reason: /Buchhaltung/ } }
    },
    // A clause that asks for a language switches; the rest of the message is still answered.
    {
        name: '"can we continue in german? who is my billing contact" switches to German and asks who the person is, in German',
        lang: 'en',
        steps: [{ say: 'hi' }, { say: 'can we continue in german? who is my billing contact', expect: [/auf Deutsch weiter/, de.askEmail], absent: [en.askEmail] }],
        outcome: { noHandoff: true }
    },
    {
        name: '„english please, wer ist mein abrechnungskontakt“ wechselt ins Englische und fragt auf Englisch, wer die Person ist',
        lang: 'de',
        steps: [{ say: 'hallo' }, { say: 'english please, wer ist mein abrechnungskontakt', expect: [/continue in English/, en.askEmail], absent: [de.askEmail] }],
        outcome: { noHandoff: true }
    },
    // Withdrawing a request is no status question.
    {
        name: '"withdraw my request BC-…" says how to withdraw and offers a person; no status answer',
        lang: 'en',
        steps: [{ say: 'withdraw my request BC-2026-000001', expect: WITHDRAW.en, absent: [STATUS.en, en.askEmail] }],
        outcome: { noHandoff: true }
    },
    {
        name: '„Antrag BC-… zurückziehen“ sagt, wie der Antrag zurückgezogen wird, und bietet einen Mitarbeiter an; keine Statusauskunft',
        lang: 'de',
        steps: [{ say: 'Antrag BC-2026-000001 zurückziehen', expect: WITHDRAW.de, absent: [STATUS.de, de.askEmail] }],
        outcome: { noHandoff: true }
    }
];

/** Files a request as Jonas Weber would have in chat: Lea Fischer instead of Anna Müller at Müller Design. */
async function filedAgainstAnna(harness: BotHarness, lang: Lang): Promise<string> {
    const { services } = harness.runtime;
    const requester = await services.users.get('U-102');
    const account = await services.accounts.get('ACC-1001');
    assert.ok(requester && account);
    const outcome = await services.changeRequests.submit({ requester, account, newContact: { userId: 'U-103', name: 'Lea Fischer' }, reason: 'Umstrukturierung', lang, channel: 'test', conversationKey: 'test:anna' }, 'test:anna');
    assert.strictEqual(outcome.kind, 'filed');
    return outcome.request.reference;
}

describe('Flows in customers\' own words (issue 12): closings, questions, withdrawing, objecting', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }

    it('[de] Anna Müller widerspricht in eigenen Worten („Damit bin ich nicht einverstanden. Bitte stoppen Sie das.“): der Widerspruch wird festgehalten, Jonas Weber informiert', async () => {
        const harness = harnessOf();
        const reference = await filedAgainstAnna(harness, 'de');
        const convo = harness.conversation(localeOf('de'));
        await play(harness, convo, [
            { say: 'Damit bin ich nicht einverstanden. Bitte stoppen Sie das.', expect: [/Bevor ich einen Widerspruch festhalte/] },
            { say: ANNA, expect: [de.codeSent] },
            { say: CODE, expect: [new RegExp(`Ich habe Ihren Widerspruch gegen den Antrag ${reference} festgehalten`)] }
        ], ANNA);
        const mails = (await harness.mails()).filter((m) => m.kind === 'change-request-objection');
        assert.ok(mails.some((m) => m.to === 'jonas.weber@mueller-design.example'), 'the requester is told');
    });
});

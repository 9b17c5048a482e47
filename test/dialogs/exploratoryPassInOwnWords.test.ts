import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import { CODE } from '../helpers/script';
import { ANNA, LEA, PETER } from '../helpers/demoPeople';

const en = PHRASES.en;
const de = PHRASES.de;

const TOM = 'tom.hughes@northwind.example';

/** Not an admin: only an admin can ask for the change; the account's admins by name (no addresses), and a person offered. */
const ADMINS_ONLY = {
    en: [/Only account admins can ask for a change of the billing contact/, /Chris Taylor, Peter Brooks, and Sarah Lee/],
    de: [/können nur Kontoadministratoren beantragen/, /Anna Müller und Jonas Weber/]
};
/** Another question the bot cannot answer at the same choice. */
const ASKED_AGAIN = { en: /I can't answer that one here either/, de: /Auch diese Frage kann ich Ihnen hier leider nicht beantworten/ };
const NOT_ANSWERED = { en: /can't answer that question here/, de: /an dieser Stelle leider nicht beantworten/ };

/** Tom Hughes (no admin, no billing contact of Northwind Traders) verified and offered the mail to Peter Brooks. */
const TOM_AT_OFFER = [
    { say: 'who is our billing contact', expect: [en.askEmail] },
    { say: TOM, expect: [en.codeSent] },
    { say: CODE, expect: [en.caseB, en.offerEmail] }
] as const;

/** Lea Fischer (no admin, no billing contact of Müller Design) verified and offered the mail to Anna Müller. */
const LEA_AT_OFFER = [
    { say: 'wer ist unser abrechnungskontakt', expect: [de.askEmail] },
    { say: LEA, expect: [de.codeSent] },
    { say: CODE, expect: [de.caseB, de.offerEmail] }
] as const;

const ROWS: readonly ConversationRow[] = [
    // A request and why in one message, at the mail offer: the request is taken up; the reason does not make it "a question I can't answer".
    {
        name: '„kann ich den kontakt aendern? anna ist nie erreichbar“ beim Angebot der Mail: nur Admins können das, die Admins werden genannt, ein Mitarbeiter angeboten',
        lang: 'de', email: LEA,
        steps: [
            ...LEA_AT_OFFER,
            { say: 'kann ich den kontakt aendern? anna ist nie erreichbar', expect: ADMINS_ONLY.de, absent: [NOT_ANSWERED.de, /anna\.mueller@.*jonas|jonas\.weber@/], buttons: ['Mit einem Mitarbeiter sprechen'] }
        ],
        outcome: { noRequest: 'ACC-1001', noMailTo: ANNA }
    },
    {
        name: '"can I change the contact? peter never answers" at the mail offer: only admins can, the admins are named, a person is offered',
        lang: 'en', email: TOM,
        steps: [
            ...TOM_AT_OFFER,
            { say: 'can I change the contact? peter never answers', expect: ADMINS_ONLY.en, absent: [NOT_ANSWERED.en, /sarah\.lee@/], buttons: ['Talk to a person'] }
        ],
        outcome: { noRequest: 'ACC-2002', noMailTo: PETER }
    },
    {
        name: '„ich möchte den rechnungskontakt ändern, weil anna nie erreichbar ist“ beim Angebot der Mail ist dieselbe Bitte mit Grund',
        lang: 'de', email: LEA,
        steps: [...LEA_AT_OFFER, { say: 'ich möchte den rechnungskontakt ändern, weil anna nie erreichbar ist', expect: ADMINS_ONLY.de, absent: [NOT_ANSWERED.de] }],
        outcome: { noRequest: 'ACC-1001', noMailTo: ANNA }
    },
    // An admin with the same words files the change, the reason taken from the message.
    {
        name: '„kann ich den kontakt aendern? anna ist nie erreichbar“ als Admin (Jonas Weber): der Antrag nimmt den Grund aus der Nachricht',
        lang: 'de', email: 'jonas.weber@mueller-design.example',
        steps: [
            { say: 'wer ist unser abrechnungskontakt', expect: [de.askEmail] },
            { say: 'jonas.weber@mueller-design.example', expect: [de.codeSent] },
            { say: CODE, expect: [de.caseB] },
            { say: 'kann ich den kontakt aendern? anna ist nie erreichbar', absent: [NOT_ANSWERED.de] },
            { say: 'lea fischer', expect: [/Anna ist nie erreichbar/] },
            { say: 'ja', expect: [/BC-\d{4}-\d{6}/] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /Lea Fischer/, reason: /nie erreichbar/ } }
    },
    // Every phrasing of "a person, please" takes the same path: a short description first, unless the message already says what it is about.
    ...(
        [
            ['de', 'ich will mit nem mitarbeiter reden'],
            ['de', 'Ich möchte mit einem Mitarbeiter sprechen'],
            ['de', 'kann ich jetzt sofort mal mit nem echten menschen reden'],
            ['en', 'i wanna talk to a human'],
            ['en', 'I would like to speak to an agent'],
            ['en', 'get me a real person asap']
        ] as const
    ).map(([lang, say]): ConversationRow => ({
        name: `"${say}" asks for a short description before the handoff`,
        lang,
        steps: [{ say, expect: [HANDOFF_PHRASES[lang].askDescription], absent: [HANDOFF_PHRASES[lang].noAgent] }],
        outcome: {}
    })),
    {
        name: '„ich will mit nem mitarbeiter reden wegen einer falschen rechnung“ sagt schon, worum es geht: keine Frage danach',
        lang: 'de',
        steps: [{ say: 'ich will mit nem mitarbeiter reden wegen einer falschen rechnung', absent: [HANDOFF_PHRASES.de.askDescription] }],
        outcome: {}
    },
    // A greeting and a language in one message: one answer in that language, not "let's switch" and "we already speak it".
    {
        name: '"Hallo, English please" in a German chat is answered once, in English',
        lang: 'de',
        steps: [{ say: 'Hallo, English please', expect: [/Billing Contact Assistant|let's continue in English/], absent: [/already speaking English/, /Sie|Ihnen/] }],
        outcome: {}
    },
    {
        name: '„Hello, Deutsch bitte“ im englischen Chat wird einmal beantwortet, auf Deutsch',
        lang: 'en',
        steps: [{ say: 'Hello, Deutsch bitte', expect: [/auf Deutsch weiter|Assistent für Abrechnungskontakte/], absent: [/Wir sprechen bereits Deutsch/, /\byou\b/i] }],
        outcome: {}
    },
    {
        name: '„moin, english please“ nach einer ersten Frage wechselt mit einer Antwort',
        lang: 'de',
        steps: [
            { say: 'hallo', expect: [de.welcome] },
            { say: 'moin, english please', expect: [/let's continue in English/], absent: [/already speaking English/] }
        ],
        outcome: {}
    },
    {
        name: '"hi, german please" after a first message switches with one answer',
        lang: 'en',
        steps: [
            { say: 'hello', expect: [en.welcome] },
            { say: 'hi, german please', expect: [/auf Deutsch weiter/], absent: [/Wir sprechen bereits Deutsch/] }
        ],
        outcome: {}
    },
    // A second question the bot cannot answer at a choice: not the same re-prompt again, but a person offered with a button.
    {
        name: '„wie lange dauert eine änderung?“, dann „und kostet das was?“ beim Angebot der Mail: beim zweiten Mal wird ein Mitarbeiter angeboten',
        lang: 'de', email: LEA,
        steps: [
            ...LEA_AT_OFFER,
            { say: 'wie lange dauert eine änderung?', expect: [NOT_ANSWERED.de, de.offerEmail] },
            { say: 'und kostet das was?', expect: [ASKED_AGAIN.de, de.offerEmail], absent: [NOT_ANSWERED.de], buttons: ['Mit einem Mitarbeiter sprechen'] },
            { say: 'Mit einem Mitarbeiter sprechen', expect: [HANDOFF_PHRASES.de.askDescription] }
        ],
        outcome: { noMailTo: ANNA }
    },
    {
        name: '"how long does a change take?", then "is that possible by tomorrow?" at the mail offer: the second time a person is offered',
        lang: 'en', email: TOM,
        steps: [
            ...TOM_AT_OFFER,
            { say: 'how long does a change take?', expect: [NOT_ANSWERED.en, en.offerEmail] },
            { say: 'is that possible by tomorrow?', expect: [ASKED_AGAIN.en, en.offerEmail], absent: [NOT_ANSWERED.en], buttons: ['Talk to a person'] }
        ],
        outcome: { noMailTo: PETER }
    },
    {
        name: '"how long does a change take?", then "does it cost anything?" at the list of topics: the second time a person is offered',
        lang: 'en',
        steps: [
            { say: 'more topics', expect: [/Here are the related topics/] },
            { say: 'how long does a change take?', expect: [NOT_ANSWERED.en] },
            { say: 'does it cost anything?', expect: [ASKED_AGAIN.en, /Here are the related topics/], absent: [NOT_ANSWERED.en], buttons: ['Talk to a person'] }
        ],
        outcome: {}
    },
    {
        name: '„wie lange dauert eine änderung?“, dann „kostet das was?“ bei den weiteren Themen: beim zweiten Mal wird ein Mitarbeiter angeboten',
        lang: 'de',
        steps: [
            { say: 'weitere themen', expect: [/Hier sind die verwandten Themen|Themen/] },
            { say: 'wie lange dauert eine änderung?', expect: [NOT_ANSWERED.de] },
            { say: 'kostet das was?', expect: [ASKED_AGAIN.de], absent: [NOT_ANSWERED.de], buttons: ['Mit einem Mitarbeiter sprechen'] }
        ],
        outcome: {}
    }
];

describe('The exploratory pass in customers\' own words (issue 12): a request with its reason at an offer, a person in any words, a greeting with a language, questions at a choice', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }
});

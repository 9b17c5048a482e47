import * as assert from 'assert';
import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { JONAS, PETER } from '../helpers/demoPeople';

const SARAH = 'sarah.lee@northwind.example';
const en = { ...TASK_PHRASES.en, ...PHRASES.en };
const de = { ...TASK_PHRASES.de, ...PHRASES.de };

/** The reference question and its retry: asked once, never again to a person who has no reference. */
const ASK_REFERENCE = { en: /Which request do you mean\?|A reference looks like/, de: /Welchen Antrag meinen Sie\?|Eine Referenz sieht so aus/ };
/** Where the reference is: the confirmation mail, by its subject. */
const WHERE_REFERENCE = { en: /confirmation email about the request: its subject begins with "Your request BC-"/, de: /Bestätigungs-E-Mail zum Antrag: Ihr Betreff beginnt mit „Ihr Antrag BC-“/ };
/** On without the reference: the person's own requests once verified. */
const WITHOUT_REFERENCE = { en: /I can look up your requests without it/, de: /ich kann Ihre Anträge auch ohne Referenz nachsehen/ };
const PERSON = { en: 'Talk to a person', de: 'Mit einem Mitarbeiter sprechen' };
/** What the bot must never say about a processing time: the help article gives none. */
const NO_TIME_PROMISED = /\b\d+\s*(?:days?|hours?|weeks?|Tage|Tagen|Stunden|Wochen|Werktage)\b/;
/** How long a reset link holds: no answer to a mail that has not come, nor to when it comes. */
const LINK_VALIDITY = { en: /valid for \d+ minutes/, de: /\d+ Minuten lang gültig/ };
/** How long a code holds. */
const CODE_VALIDITY = { en: /valid for \d+ minutes/, de: /\d+ Minuten lang gültig/ };

/** Jonas files a change of the billing contact to Lea Fischer, in German. */
const JONAS_FILES = [
    { say: 'die anna geht in rente, bitte lea fischer als rechnungskontakt eintragen', expect: [de.askEmail] },
    { say: JONAS },
    { say: CODE, expect: [de.summary] },
    { say: 'ja', expect: [de.filed] }
] as const;

/** Sarah files a change of the billing contact to Tom Hughes, in English. */
const SARAH_FILES = [
    { say: 'please make tom the billing contact, peter is leaving the company', expect: [en.askEmail] },
    { say: SARAH },
    { say: CODE, expect: [/New billing contact: Tom Hughes/] },
    { say: 'yes', expect: [en.filed] }
] as const;

/**
 * Issue 12: follow-ups in the customer's own words. A status question without a reference does not trap a person
 * who has none; after a change request, "can I still cancel it?" and "why is it taking so long?" are about that
 * request; after a reset link or a code, "still no email" and "how long until it arrives?" are about the mail.
 */
const ROWS: readonly ConversationRow[] = [
    {
        name: '"I don\'t have it" at the reference question: on without it (verification for the person\'s own requests), not the question again',
        lang: 'en',
        steps: [
            { say: "what's the status of my request?", expect: [ASK_REFERENCE.en] },
            { say: "I don't have it", expect: [WITHOUT_REFERENCE.en, en.askEmail], absent: [ASK_REFERENCE.en] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '„keine Ahnung“ bei der Frage nach der Referenz: weiter ohne sie (Anmeldung für die eigenen Anträge), nicht dieselbe Frage',
        lang: 'de',
        steps: [
            { say: 'wie ist der stand meines antrags?', expect: [ASK_REFERENCE.de] },
            { say: 'keine Ahnung', expect: [WITHOUT_REFERENCE.de, de.askEmail], absent: [ASK_REFERENCE.de] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '„weiß ich nicht“ bei der Frage nach der Referenz: weiter ohne sie, nicht dieselbe Frage',
        lang: 'de',
        steps: [
            { say: 'was ist der status meiner anfrage', expect: [ASK_REFERENCE.de] },
            { say: 'weiß ich nicht', expect: [WITHOUT_REFERENCE.de, de.askEmail], absent: [ASK_REFERENCE.de] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: 'another question at the reference question ends it: where the reference is, and the menu',
        lang: 'en',
        steps: [
            { say: 'what is the status of my request', expect: [ASK_REFERENCE.en] },
            { say: "what's the weather going to be like tomorrow?", expect: [WHERE_REFERENCE.en, en.anythingElse], absent: [ASK_REFERENCE.en], buttons: [PERSON.en] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: 'eine andere Frage bei der Frage nach der Referenz beendet sie: wo die Referenz steht, und das Menü',
        lang: 'de',
        steps: [
            { say: 'wie ist der stand meines antrags?', expect: [ASK_REFERENCE.de] },
            { say: 'wie wird das wetter morgen?', expect: [WHERE_REFERENCE.de, de.anythingElse], absent: [ASK_REFERENCE.de], buttons: [PERSON.de] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '„kann ich das noch zurückziehen?“ nach dem Antrag: der Weg zum Zurückziehen dieses Antrags',
        lang: 'de', email: JONAS,
        steps: [
            ...JONAS_FILES,
            { say: 'kann ich das noch zurückziehen?', expect: [/nicht zurückziehen/, /Antrag BC-\d{4}-\d{6} offen/, /Kundendienst verbinden\?/], absent: [/Benutzer-ID/, de.askReference], buttons: [PERSON.de] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /Lea Fischer/ } }
    },
    {
        name: '"can I still cancel it?" after the request: the withdraw path of that request',
        lang: 'en', email: SARAH,
        steps: [
            ...SARAH_FILES,
            { say: 'can I still cancel it?', expect: [/can't withdraw a change request/, /withdraw BC-\d{4}-\d{6}/, /connect you with someone from customer service\?/], absent: [/corporate account/, /nothing to cancel/] , buttons: [PERSON.en] }
        ],
        outcome: { request: { account: 'ACC-2002', newContact: /Tom Hughes/ } }
    },
    {
        name: '„warum dauert das so lange?“ nach dem Antrag: ein Mitarbeiter prüft ihn, Stand oder Mitarbeiter angeboten; „ja“ zeigt den Stand',
        lang: 'de', email: JONAS,
        steps: [
            ...JONAS_FILES,
            { say: 'warum dauert das so lange?', expect: [/Ein LogMeIn-Mitarbeiter prüft/, /BC-\d{4}-\d{6}/], absent: [NO_TIME_PROMISED], buttons: ['Stand meines Antrags anzeigen', PERSON.de] },
            { say: 'ja', expect: [/Antrag BC-\d{4}-\d{6} .* ist \*\*offen\*\*/] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /Lea Fischer/ }, noHandoff: true }
    },
    {
        name: '"why is it taking so long?" after the request: a staff member reviews it, the status or a person offered',
        lang: 'en', email: SARAH,
        steps: [
            ...SARAH_FILES,
            { say: 'why is it taking so long?', expect: [/a LogMeIn staff member reviews/, /BC-\d{4}-\d{6}/], absent: [NO_TIME_PROMISED, /can't answer that question/], buttons: ['Show the status of my request', PERSON.en] },
            { say: 'Show the status of my request', expect: [/Request BC-\d{4}-\d{6} .* is \*\*open\*\*/] }
        ],
        outcome: { request: { account: 'ACC-2002', newContact: /Tom Hughes/ }, noHandoff: true }
    },
    {
        name: '"still no email after 5 min" after a reset link: what to check, a new link or a person; "how long until the email arrives?" about arrival',
        lang: 'en',
        steps: [
            { say: en.resetQuestion, expect: [en.askUserId] },
            { say: 'pbrooks', expect: [en.resetRequested] },
            { say: 'still no email after 5 min', expect: [/spam or junk folder/, /email address on file of the billing contact/], absent: [LINK_VALIDITY.en, en.notUnderstood], buttons: ['Send a new link', PERSON.en] },
            { say: 'how long until the email arrives?', expect: [/within a few minutes/], absent: [LINK_VALIDITY.en] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '„die mail ist immer noch nicht da“ nach dem Link: was zu prüfen ist, neuer Link oder Mitarbeiter; „wie lange dauert das bis die mail kommt?“ zur Ankunft',
        lang: 'de',
        steps: [
            { say: de.resetQuestion, expect: [de.askUserId] },
            { say: 'pbrooks', expect: [de.resetRequested] },
            { say: 'die mail ist immer noch nicht da', expect: [/Spam- oder Junk-Ordner/, /hinterlegte E-Mail-Adresse des Abrechnungskontakts/], absent: [LINK_VALIDITY.de, de.notUnderstood], buttons: ['Neuen Link senden', PERSON.de] },
            { say: 'wie lange dauert das bis die mail kommt?', expect: [/innerhalb weniger Minuten/], absent: [LINK_VALIDITY.de] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '"I didn\'t get any email" after a reset link for an address typed as the user ID: what to check, a new link or a person (no waiting word needed)',
        lang: 'en',
        steps: [
            { say: en.resetQuestion, expect: [en.askUserId] },
            { say: 'peter.brooks@northwind.example', expect: [en.resetRequested] },
            { say: "I didn't get any email", expect: [/spam or junk folder/, /no email comes at all/], absent: [en.notUnderstood], buttons: ['Send a new link', PERSON.en] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '„es ist nichts angekommen“ nach dem Link: was zu prüfen ist, neuer Link oder Mitarbeiter (ohne Wort des Wartens)',
        lang: 'de',
        steps: [
            { say: de.resetQuestion, expect: [de.askUserId] },
            { say: 'kbergmann', expect: [de.resetRequested] },
            { say: 'es ist nichts angekommen', expect: [/Spam- oder Junk-Ordner/, /kommt gar keine E-Mail/], absent: [de.notUnderstood], buttons: ['Neuen Link senden', PERSON.de] }
        ],
        outcome: { noHandoff: true }
    },
    ...(['en', 'de'] as const).map((lang): ConversationRow => {
        const p = lang === 'en' ? en : de;
        const arrives = lang === 'en' ? { say: 'how long until the email arrives?', answer: /within a few minutes/ } : { say: 'wie lange dauert das bis die mail kommt?', answer: /innerhalb weniger Minuten/ };
        return {
            name: `"${arrives.say}" right after a reset link: when it comes, not how long the link holds`,
            lang,
            steps: [{ say: p.resetQuestion }, { say: 'pbrooks', expect: [p.resetRequested] }, { say: arrives.say, expect: [arrives.answer], absent: [LINK_VALIDITY[lang]] }],
            outcome: { noHandoff: true }
        };
    }),
    ...(['en', 'de'] as const).map((lang): ConversationRow => {
        const p = lang === 'en' ? en : de;
        const arrives = lang === 'en' ? { say: 'when will the email with the code arrive?', answer: /within a minute or two/ } : { say: 'wann kommt die mail mit dem code an?', answer: /innerhalb von ein, zwei Minuten/ };
        return {
            name: `"${arrives.say}" at the code question: when it comes, and the code question stays`,
            lang, email: PETER,
            steps: [{ say: p.whoIs }, { say: PETER, expect: [p.codeSent] }, { say: arrives.say, expect: [arrives.answer], absent: [CODE_VALIDITY[lang], p.codeSent] }, { say: CODE, expect: [p.verified] }],
            outcome: { noHandoff: true }
        };
    }),
    {
        name: '"still no email after 5 min" at the code: what to check (the address it went to), a new code or a person; "how long until the email arrives?" about arrival',
        lang: 'en', email: PETER,
        steps: [
            { say: 'who is my billing contact', expect: [en.askEmail] },
            { say: PETER, expect: [en.codeSent] },
            { say: 'still no email after 5 min', expect: [/peter\.brooks@northwind\.example/, /spam or junk folder/], absent: [en.codeSent], buttons: ['Send a new code', PERSON.en] },
            { say: 'how long until the email arrives?', expect: [/within a minute or two/], absent: [CODE_VALIDITY.en, /can't answer that question/] },
            { say: CODE, expect: [en.verified] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '„die mail ist immer noch nicht da“ beim Code: was zu prüfen ist, neuer Code oder Mitarbeiter; „wie lange dauert das bis die mail kommt?“ zur Ankunft',
        lang: 'de', email: PETER,
        steps: [
            { say: 'wer ist mein abrechnungskontakt', expect: [de.askEmail] },
            { say: PETER, expect: [de.codeSent] },
            { say: 'die mail ist immer noch nicht da', expect: [/peter\.brooks@northwind\.example/, /Spam- oder Junk-Ordner/], absent: [de.codeSent], buttons: ['Neuen Code senden', PERSON.de] },
            { say: 'wie lange dauert das bis die mail kommt?', expect: [/innerhalb von ein, zwei Minuten/], absent: [CODE_VALIDITY.de, /nicht beantworten/] },
            { say: CODE, expect: [de.verified] }
        ],
        outcome: { noHandoff: true }
    }
];

describe('Follow-ups in customers\' own words: no reference, a request just filed, a mail not yet there (issue 12)', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => playRow(harnessOf(), row));
    }

    for (const [lang, notThere, sendAgain] of [
        ['en', 'still no email after 5 min', 'Send a new link'],
        ['de', 'die mail ist immer noch nicht da', 'Neuen Link senden']
    ] as const) {
        it(`[${lang}] "${sendAgain}" after "${notThere}" has a new link sent for the same user ID, without asking for it again`, async () => {
            const harness = harnessOf();
            const p = lang === 'en' ? en : de;
            await playRow(harness, {
                name: sendAgain, lang,
                steps: [{ say: p.resetQuestion }, { say: 'pbrooks', expect: [p.resetRequested] }, { say: notThere }, { say: sendAgain, expect: [p.resetRequested], absent: [p.askUserId] }],
                outcome: { noHandoff: true }
            });
            assert.strictEqual((await harness.mails(PETER)).filter((m) => m.kind === 'portal-reset').length, 2, 'a second reset link');
        });
    }
});

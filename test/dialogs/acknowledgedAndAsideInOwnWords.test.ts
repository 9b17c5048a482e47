import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { KLAUS, LEA, MARIA, PETER } from '../helpers/demoPeople';

const TOM = 'tom.hughes@northwind.example';

const en = PHRASES.en;
const de = PHRASES.de;

const RESET_OFFER = { en: /Shall I have a link to reset your portal password sent/, de: /Link zum Zurücksetzen/ };
const RESET_REQUESTED = { en: /I've asked the portal to send a password reset link/, de: /habe ich das Portal gebeten/ };
const CHANGE_STARTED = { en: /I'll file the request with LogMeIn for you/, de: /Ich stelle den Antrag für Sie bei LogMeIn/ };
const ASK_USER_ID = { en: /Please type the user ID/, de: /Bitte geben Sie die Benutzer-ID/ };
const CALLBACK_OFFER = { en: /Shall customer service get back to you by email\?/, de: /Soll sich der Kundendienst per E-Mail bei Ihnen melden\?/ };
const JUST_THE_USER_ID = { en: /Please type just the user ID/, de: /Bitte geben Sie nur die Benutzer-ID ein/ };

/** Peter Brooks (billing contact and admin of Northwind Traders) verified; the reset link is offered. */
const PETER_AT_RESET_OFFER = [
    { say: 'am i the billing contact??', expect: [en.askEmail] },
    { say: PETER, expect: [en.codeSent] },
    { say: CODE, expect: [en.caseC, RESET_OFFER.en] }
] as const;

/** Klaus Bergmann (billing contact and admin of Bergmann & Söhne) verified; the reset link is offered. */
const KLAUS_AT_RESET_OFFER = [
    { say: 'bin ich der abrechnungskontakt', expect: [de.askEmail] },
    { say: KLAUS, expect: [de.codeSent] },
    { say: CODE, expect: [RESET_OFFER.de] }
] as const;

const ROWS: readonly ConversationRow[] = [
    // An acknowledgement before another request at a yes/no offer: the request is taken up, the offer is not accepted.
    ...(
        [
            ['ok i want to hand it over to sarah lee', /Sarah Lee/],
            ['yeah i want to hand it over to sarah lee', /Sarah Lee/]
        ] as const
    ).map(
        ([said, named]): ConversationRow => ({
            name: `"${said}" at the offer of a reset link: the change to the colleague is started, no link is sent`,
            lang: 'en',
            email: PETER,
            steps: [...PETER_AT_RESET_OFFER, { say: said, expect: [CHANGE_STARTED.en, named], absent: [RESET_REQUESTED.en] }],
            outcome: { noResetTo: PETER }
        })
    ),
    ...(['ja ich will es an eva schulz übergeben', 'ok, eva schulz soll das übernehmen'] as const).map(
        (said): ConversationRow => ({
            name: `„${said}“ beim Angebot des Links zum Zurücksetzen: die Änderung auf Eva wird begonnen, kein Link verschickt`,
            lang: 'de',
            email: KLAUS,
            steps: [...KLAUS_AT_RESET_OFFER, { say: said, expect: [CHANGE_STARTED.de, /Eva Schulz/], absent: [RESET_REQUESTED.de] }],
            outcome: { noResetTo: KLAUS }
        })
    ),
    // A no to the offer, then "but" a colleague is to do it from now on: the change to that colleague is started, not a goodbye.
    ...(
        [
            ['nein danke. aber ich möchte dass künftig eva das macht', /Eva Schulz/],
            ['nein danke. aber eva soll das künftig machen, ich geh in rente', /Eva Schulz/]
        ] as const
    ).map(
        ([said, named]): ConversationRow => ({
            name: `„${said}“ beim Angebot des Links: die Änderung auf Eva wird begonnen, kein Abschied`,
            lang: 'de',
            email: KLAUS,
            steps: [...KLAUS_AT_RESET_OFFER, { say: said, expect: [CHANGE_STARTED.de, named], absent: [RESET_REQUESTED.de, /Auf Wiedersehen/] }],
            outcome: { noResetTo: KLAUS }
        })
    ),
    {
        name: '"no thanks. but from now on sarah should handle it" at the offer of a reset link: the change to Sarah is started, no goodbye',
        lang: 'en',
        email: PETER,
        steps: [...PETER_AT_RESET_OFFER, { say: 'no thanks. but from now on sarah should handle it', expect: [CHANGE_STARTED.en, /Sarah Lee/], absent: [RESET_REQUESTED.en, /Goodbye/] }],
        outcome: { noResetTo: PETER }
    },
    // Fillers and acknowledgements before the user ID: the ID is taken.
    ...(['ok its pbrooks', 'ok pbrooks', 'alright, so it is pbrooks', 'um ok its pbrooks'] as const).map(
        (said): ConversationRow => ({
            name: `"${said}" at the question for the user ID: pbrooks is taken, Peter gets the link`,
            lang: 'en',
            steps: [
                { say: 'reset my portal password', expect: [ASK_USER_ID.en] },
                { say: said, expect: [RESET_REQUESTED.en], absent: [JUST_THE_USER_ID.en] }
            ],
            outcome: { resetTo: PETER }
        })
    ),
    ...(['na gut, das ist mbergmann-billing', 'ok das ist mbergmann-billing', 'ja also das ist mbergmann-billing', 'naja ok, sie lautet mbergmann-billing'] as const).map(
        (said): ConversationRow => ({
            name: `„${said}“ bei der Frage nach der Benutzer-ID: mbergmann-billing wird genommen, Maria bekommt den Link`,
            lang: 'de',
            steps: [
                { say: 'Portal-Kennwort zurücksetzen', expect: [ASK_USER_ID.de] },
                { say: said, expect: [RESET_REQUESTED.de], absent: [JUST_THE_USER_ID.de] }
            ],
            outcome: { resetTo: MARIA }
        })
    ),
    // A yes or a courtesy at the question for the user ID answers the question and names no ID: asked again, no link sent.
    ...(
        [
            ['en', 'yes please', 'pbrooks', PETER],
            ['en', 'sure, go ahead', 'pbrooks', PETER],
            ['de', 'ja bitte', 'mbergmann-billing', MARIA],
            ['de', 'klar, gerne', 'mbergmann-billing', MARIA]
        ] as const
    ).map(
        ([lang, said, userId, person]): ConversationRow => ({
            name: `"${said}" at the question for the user ID: asked again, no link; then ${userId} is taken`,
            lang,
            steps: [
                { say: lang === 'en' ? 'reset my portal password' : 'Portal-Kennwort zurücksetzen', expect: [ASK_USER_ID[lang]] },
                { say: said, expect: [JUST_THE_USER_ID[lang]], absent: [RESET_REQUESTED[lang]] },
                { say: userId, expect: [RESET_REQUESTED[lang]] }
            ],
            outcome: { resetTo: person }
        })
    ),
    // A goodbye at the end of a message that says the person has to go: a short goodbye, the question not asked again.
    ...(['ugh i have to go to a meeting, bye', 'sorry gotta run, bye', 'ok i have a call now. bye'] as const).map(
        (said): ConversationRow => ({
            name: `"${said}" at the one-time code: a goodbye, the code not asked again`,
            lang: 'en',
            email: TOM,
            steps: [
                { say: 'who is my billing contact', expect: [en.askEmail] },
                { say: TOM, expect: [en.codeSent] },
                { say: said, expect: [/Goodbye/], absent: [en.askCode, /not something I can help with/] }
            ],
            outcome: { noHandoff: true }
        })
    ),
    ...(['ich muss gleich in ein meeting, tschüss', 'sorry, hab keine zeit mehr. tschüss'] as const).map(
        (said): ConversationRow => ({
            name: `„${said}“ beim Einmalcode: ein Abschied, nach dem Code wird nicht wieder gefragt`,
            lang: 'de',
            email: LEA,
            steps: [
                { say: 'wer ist mein abrechnungskontakt', expect: [de.askEmail] },
                { say: LEA, expect: [de.codeSent] },
                { say: said, expect: [/Auf Wiedersehen/], absent: [de.askCode, /Dabei kann ich Ihnen leider nicht helfen/] }
            ],
            outcome: { noHandoff: true }
        })
    ),
    // Whether the bot is a person, asked at any question: the truth and how to reach a person, then the same question again.
    {
        name: '"wait, are you a bot or a real person?" at the offer of a mail: an automated assistant, a person on request; the offer again',
        lang: 'en',
        email: TOM,
        steps: [
            { say: 'who is my billing contact', expect: [en.askEmail] },
            { say: TOM, expect: [en.codeSent] },
            { say: CODE, expect: [en.offerEmail] },
            { say: 'wait, are you a bot or a real person?', expect: [/automated assistant/, /agent/, en.offerEmail], absent: [/not something I can help with/] },
            { say: 'no thanks' }
        ],
        outcome: { noMailTo: PETER, noHandoff: true }
    },
    {
        name: '"am i talking to a human?" at the question for the user ID: an automated assistant; the question again',
        lang: 'en',
        steps: [
            { say: 'reset my portal password', expect: [ASK_USER_ID.en] },
            { say: 'am i talking to a human?', expect: [/automated assistant/, /user ID/], absent: [JUST_THE_USER_ID.en] }
        ],
        outcome: { noResetTo: PETER }
    },
    ...(['wait, rede ich mit einem menschen oder einem bot?', 'sind sie ein mensch?'] as const).map(
        (said): ConversationRow => ({
            name: `„${said}“ bei der Frage nach der E-Mail-Adresse: ein automatischer Assistent, ein Mitarbeiter auf Wunsch; dieselbe Frage wieder`,
            lang: 'de',
            steps: [
                { say: 'wer ist mein abrechnungskontakt', expect: [de.askEmail] },
                { say: said, expect: [/automatischer Assistent/, /Mitarbeiter/, de.askEmail], absent: [/Dabei kann ich Ihnen leider nicht helfen/] }
            ],
            outcome: { noHandoff: true }
        })
    ),
    // Only a greeting at the callback question (no agent free): the yes/no question again, no "I can't answer that".
    ...(['hello?', 'hi??'] as const).map(
        (said): ConversationRow => ({
            name: `"${said}" at the callback question: the question again, nothing else`,
            lang: 'en',
            steps: [
                { say: 'can I talk to someone real' },
                { say: 'our invoice shows the wrong company address', expect: [CALLBACK_OFFER.en] },
                { say: said, expect: [CALLBACK_OFFER.en], absent: [/can't answer that/, /"agent"/] }
            ],
            outcome: {}
        })
    ),
    ...(['hallo?', 'hallo??? jemand da?'] as const).map(
        (said): ConversationRow => ({
            name: `„${said}“ bei der Frage nach dem Rückruf: dieselbe Frage wieder, sonst nichts`,
            lang: 'de',
            steps: [
                { say: 'kann ich mit einem Mitarbeiter sprechen' },
                { say: 'auf unserer Rechnung steht die falsche Firmenadresse', expect: [CALLBACK_OFFER.de] },
                { say: said, expect: [CALLBACK_OFFER.de], absent: [/nicht beantworten/, /„Mitarbeiter“/] }
            ],
            outcome: {}
        })
    ),
    // A bare yes or no is still no user ID.
    {
        name: '"ok yes" at the question for the user ID is no user ID: asked again',
        lang: 'en',
        steps: [
            { say: 'reset my portal password', expect: [ASK_USER_ID.en] },
            { say: 'ok yes', absent: [RESET_REQUESTED.en] }
        ],
        outcome: { noResetTo: PETER }
    }
];

describe('Acknowledged and aside in customers\' own words: an "ok" before another request or a user ID, a goodbye at the end, side questions at prompts', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }
});

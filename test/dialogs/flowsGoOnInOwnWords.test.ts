import * as assert from 'assert';
import { BotHarness, useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { HANDOFF_PHRASES as HANDOFF } from '../helpers/handoffPhrases';
import { PHRASES } from '../helpers/phrases';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { CODE, localeOf, play, type Step } from '../helpers/script';
import { ANNA, JONAS, LEA, PETER } from '../helpers/demoPeople';
import type { Lang } from '../../core/language';

const SARAH = 'sarah.lee@northwind.example';
const en = { ...TASK_PHRASES.en, ...PHRASES.en };
const de = { ...TASK_PHRASES.de, ...PHRASES.de };

/** The conversation is over: a goodbye, and no question or menu after it. */
const CLOSED = { en: /Goodbye|goodbye|Have a nice day/, de: /Auf Wiedersehen|schönen Tag/ } as const;
const ASKS_ON = { en: /What can I do for you\?|anything else I can help you with/, de: /Was kann ich für Sie tun\?|Kann ich sonst noch etwas für Sie tun\?/ } as const;
const REFUSED = { en: /not something I can help with/, de: /Dabei kann ich Ihnen leider nicht helfen/ } as const;
const MENU = { en: /What can I do for you\?/, de: /Was kann ich für Sie tun\?/ } as const;
const AUTOMATED = { en: /I'm an automated assistant, not a person/, de: /Ich bin ein automatischer Assistent, kein Mensch/ } as const;
/** What the bot must never say about a processing time: the help article gives none. */
const NO_TIME_PROMISED = /\b\d+\s*(?:days?|hours?|weeks?|Tage|Tagen|Stunden|Wochen|Werktage)\b/;

/** Jonas files a change of the billing contact to Lea Fischer, in German. */
const JONAS_FILES: readonly Step[] = [
    { say: 'die anna geht in rente, bitte lea fischer als rechnungskontakt eintragen', expect: [de.askEmail] },
    { say: JONAS },
    { say: CODE, expect: [de.summary] },
    { say: 'ja', expect: [de.filed] }
];

/** Sarah files a change of the billing contact to Tom Hughes, in English. */
const SARAH_FILES: readonly Step[] = [
    { say: 'please make tom the billing contact, peter is leaving the company', expect: [en.askEmail] },
    { say: SARAH },
    { say: CODE, expect: [/New billing contact: Tom Hughes/] },
    { say: 'yes', expect: [en.filed] }
];

/** Lea asks for a mail to Anna, verifies, and sees the draft and "Shall I send it?". */
const LEA_DRAFTS: readonly Step[] = [
    { say: 'schreib der anna bitte dass ich eine lizenz fuer gotomeeting brauche', expect: [de.askEmail] },
    { say: LEA },
    { say: CODE, expect: [de.preview, de.confirm] }
];

/** Sarah asks for a mail to Peter, verifies, and sees the draft and "Shall I send it?". */
const SARAH_DRAFTS: readonly Step[] = [
    { say: 'email peter that we need 5 more licences' },
    { say: SARAH },
    { say: CODE, expect: [en.preview, en.confirm] }
];

/** Sarah, verified, declines the mail to Peter and is asked "anything else?". */
const SARAH_ANYTHING_ELSE: readonly Step[] = [
    { say: 'who is our billing contact', expect: [en.askEmail] },
    { say: SARAH },
    { say: CODE, expect: [/Shall I email Peter Brooks for you/] },
    { say: 'no', expect: [en.anythingElse] }
];

/** Jonas, verified, declines the mail to Anna and is asked "anything else?". */
const JONAS_ANYTHING_ELSE: readonly Step[] = [
    { say: 'wer ist unser abrechnungskontakt', expect: [de.askEmail] },
    { say: JONAS },
    { say: CODE, expect: [/Soll ich Anna Müller für Sie eine E-Mail schreiben/] },
    { say: 'nein', expect: [de.anythingElse] }
];

const ROWS: readonly ConversationRow[] = [
    // After a goodbye the next message is a new start: a new question is answered, not closed again.
    {
        name: '„wer ist unser abrechnungskontakt?“ nach „tschüss“ wird beantwortet, nicht noch einmal verabschiedet',
        lang: 'de', email: LEA,
        steps: [
            { say: 'tschüss', expect: [CLOSED.de] },
            { say: 'wer ist unser abrechnungskontakt?', expect: [de.askEmail], absent: [CLOSED.de, /Was hat Ihnen gefehlt/] },
            { say: LEA },
            { say: CODE, expect: [/Ihr Abrechnungsadministrator ist Anna Müller/] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '"who is our billing contact?" after "thanks, bye" once verified is answered again, not closed',
        lang: 'en', email: SARAH,
        steps: [
            ...SARAH_ANYTHING_ELSE,
            { say: 'thanks, bye', expect: [CLOSED.en] },
            { say: 'who is our billing contact?', expect: [/Peter Brooks/], absent: [CLOSED.en, en.askEmail] }
        ],
        outcome: { noMailTo: PETER }
    },
    {
        name: '„nein, warte. wer ist unser abrechnungskontakt“ auf die Frage nach dem Abschied, ob es geholfen hat: die Frage wird beantwortet',
        lang: 'de',
        steps: [
            { say: 'tschüss', expect: [CLOSED.de] },
            { say: 'nein, warte. wer ist unser abrechnungskontakt', expect: [de.askEmail], absent: [/Was hat Ihnen gefehlt/] }
        ],
        outcome: { noHandoff: true }
    },
    // At the comment after a rating, a request and nothing else is a new request, no comment.
    ...([
        ['de', 'tschüss', '👍 Ja, hat geholfen', /was wir noch besser machen können/, 'wer ist unser abrechnungskontakt', /Ihr Kommentar geht an/],
        ['en', 'bye', 'yes', /what we could do even better/, 'I want to change the billing contact', /your comment goes to/]
    ] as const).map(([lang, goodbye, rating, askComment, request, commentTaken]): ConversationRow => ({
        name: `"${request}" after "${goodbye}" and "${rating}" is a new request, not a comment`,
        lang,
        steps: [
            { say: goodbye, expect: [CLOSED[lang]] },
            { say: rating, expect: [askComment] },
            { say: request, expect: [PHRASES[lang].askEmail], absent: [commentTaken] }
        ],
        outcome: { noHandoff: true }
    })),
    {
        name: '"👍 and how do I reset my portal password" at "did this help?": the rating taken, the question answered',
        lang: 'en',
        steps: [
            { say: 'thanks, bye', expect: [CLOSED.en] },
            { say: '👍 and how do I reset my portal password', expect: [/type the user ID/], absent: [/what we could do even better/] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '„hat sich erledigt, danke“ mitten in der Mail, dann „wer ist unser abrechnungskontakt?“: beantwortet',
        lang: 'de', email: LEA,
        steps: [
            ...LEA_DRAFTS,
            { say: 'hat sich erledigt, danke', expect: [CLOSED.de] },
            { say: 'wer ist unser abrechnungskontakt?', expect: [/Anna Müller/], absent: [CLOSED.de, /Was hat Ihnen gefehlt/] }
        ],
        outcome: { noMailTo: ANNA }
    },
    {
        name: '"gotta run to a meeting, bye" at the code question, then "am I the billing contact?" starts over',
        lang: 'en', email: SARAH,
        steps: [
            { say: 'who is our billing contact', expect: [en.askEmail] },
            { say: SARAH, expect: [en.codeSent] },
            { say: 'gotta run to a meeting, bye', expect: [CLOSED.en] },
            { say: 'am I the billing contact?', expect: [en.askEmail], absent: [CLOSED.en, /What was missing/] }
        ],
        outcome: { noHandoff: true }
    },
    // A decline and "that's all" to "anything else?" closes, with one friendly line.
    ...([
        ['en', 'nope im good'],
        ['en', "no thanks, that's all"],
        ['de', 'nein danke, das wars'],
        ['de', 'nö passt schon, danke']
    ] as const).map(([lang, said]): ConversationRow => ({
        name: `"${said}" to "anything else?" ends the chat`,
        lang, email: lang === 'en' ? SARAH : JONAS,
        steps: [...(lang === 'en' ? SARAH_ANYTHING_ELSE : JONAS_ANYTHING_ELSE), { say: said, expect: [CLOSED[lang]], absent: [ASKS_ON[lang], REFUSED[lang], PHRASES[lang].notUnderstood] }],
        outcome: { noMailTo: lang === 'en' ? PETER : ANNA }
    })),
    {
        name: '"nope im good" at the offer after a topic answer ends the chat, no refusal',
        lang: 'en',
        steps: [
            { say: "what's the difference between online and corporate accounts?", expect: [/Shall I check which kind of account you have\?/] },
            { say: 'nope im good', expect: [CLOSED.en], absent: [REFUSED.en, ASKS_ON.en] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '„nee, alles gut“ beim Angebot nach einer Themenantwort beendet das Gespräch',
        lang: 'de',
        steps: [
            { say: 'was ist ein abrechnungskontakt', expect: [/Soll ich prüfen, welche Art von Konto Sie haben\?/] },
            { say: 'nee, alles gut', expect: [CLOSED.de], absent: [REFUSED.de, ASKS_ON.de] }
        ],
        outcome: { noHandoff: true }
    },
    // Whether it is a bot: answered honestly, first or in the middle of a task, and the flow goes on.
    {
        name: '"r u a robot?" as the first message is answered honestly',
        lang: 'en',
        steps: [{ say: 'r u a robot?', expect: [AUTOMATED.en], absent: [REFUSED.en] }],
        outcome: { noHandoff: true }
    },
    {
        name: '"are u a bot" at the code question: answered, the code question again, the code still taken',
        lang: 'en', email: SARAH,
        steps: [
            { say: 'who is our billing contact', expect: [en.askEmail] },
            { say: SARAH, expect: [en.codeSent] },
            { say: 'are u a bot', expect: [AUTOMATED.en, /type the code/] },
            { say: CODE, expect: [/Peter Brooks/] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '„bist du n bot?“ bei der Frage nach der E-Mail-Adresse: ehrlich beantwortet, dann dieselbe Frage',
        lang: 'de',
        steps: [
            { say: 'wer ist unser abrechnungskontakt', expect: [de.askEmail] },
            { say: 'bist du n bot?', expect: [AUTOMATED.de, de.askEmail], absent: [/keine E-Mail-Adresse/] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '„sind sie ein echter mensch?“ als erste Nachricht wird ehrlich beantwortet',
        lang: 'de',
        steps: [{ say: 'sind sie ein echter mensch?', expect: [AUTOMATED.de], absent: [REFUSED.de] }],
        outcome: { noHandoff: true }
    },
    // "Don't drop it, send it" to "Shall I drop it?": the mail goes out.
    {
        name: '„nein, doch nicht abbrechen. Schicken Sie es bitte ab“ nach der Frage, ob verworfen werden soll: die Mail geht raus',
        lang: 'de', email: LEA,
        steps: [
            ...LEA_DRAFTS,
            { say: 'tschüss', expect: [/Soll ich ihn verwerfen/] },
            { say: 'nein, doch nicht abbrechen. Schicken Sie es bitte ab', expect: [de.sent], absent: [de.confirm, CLOSED.de] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /lizenz fuer gotomeeting/i } }
    },
    {
        name: '"no wait, don\'t cancel, send it" after "Shall I drop it?": the mail goes out',
        lang: 'en', email: SARAH,
        steps: [
            ...SARAH_DRAFTS,
            { say: 'bye', expect: [/Shall I drop it/] },
            { say: "no wait, don't cancel, send it", expect: [en.sent], absent: [en.confirm, CLOSED.en] }
        ],
        outcome: { mailTo: { to: [PETER], words: /5 more licences/i } }
    },
    {
        name: '„nein, bitte abschicken“ nach der Frage, ob verworfen werden soll: die Mail geht raus',
        lang: 'de', email: LEA,
        steps: [
            ...LEA_DRAFTS,
            { say: 'ok tschüss', expect: [/Soll ich ihn verwerfen/] },
            { say: 'nein, bitte abschicken', expect: [de.sent], absent: [de.confirm] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /lizenz fuer gotomeeting/i } }
    },
    // A yes in the words of sending ("send it", "bitte abschicken") to "Shall I drop it?" sends; it drops nothing.
    {
        name: '"send it" after "Shall I drop it?": the mail goes out, no goodbye',
        lang: 'en', email: SARAH,
        steps: [
            ...SARAH_DRAFTS,
            { say: 'bye', expect: [/Shall I drop it/] },
            { say: 'send it', expect: [en.sent], absent: [en.confirm, CLOSED.en] }
        ],
        outcome: { mailTo: { to: [PETER], words: /5 more licences/i } }
    },
    {
        name: '„bitte abschicken“ nach der Frage, ob verworfen werden soll: die Mail geht raus, kein Abschied',
        lang: 'de', email: LEA,
        steps: [
            ...LEA_DRAFTS,
            { say: 'tschüss', expect: [/Soll ich ihn verwerfen/] },
            { say: 'bitte abschicken', expect: [de.sent], absent: [de.confirm, CLOSED.de] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /lizenz fuer gotomeeting/i } }
    },
    {
        name: '"no, keep it" after "Shall I drop it?": nothing sent yet, the send question again',
        lang: 'en', email: SARAH,
        steps: [
            ...SARAH_DRAFTS,
            { say: 'bye', expect: [/Shall I drop it/] },
            { say: 'no, keep it', expect: [en.confirm], absent: [en.sent, CLOSED.en] }
        ],
        outcome: { noMailTo: PETER }
    },
    // A language asked for after an off-topic answer: switched, and what the bot can do, not the refusal again.
    ...([
        ['en', "what's the weather like tomorrow?", 'Deutsch bitte', /auf Deutsch weiter/],
        ['de', 'wer hat die fußball-wm gewonnen?', 'in English please', /continue in English/]
    ] as const).map(([lang, offTopic, asked, switched]): ConversationRow => {
        const other = lang === 'en' ? 'de' : 'en';
        return {
            name: `"${asked}" after an off-topic answer switches and shows what the bot can do`,
            lang,
            steps: [
                { say: offTopic, expect: [REFUSED[lang]] },
                { say: asked, expect: [switched, MENU[other]], absent: [REFUSED.de, REFUSED.en] }
            ],
            outcome: { noHandoff: true }
        };
    }),
    // How long, in more own words, after what the bot did.
    {
        name: '„wann bekomme ich Antwort?“ nach der Mail: die Antwort kommt direkt an die eigene Adresse',
        lang: 'de', email: LEA,
        steps: [
            ...LEA_DRAFTS,
            { say: 'ja', expect: [de.sent] },
            { say: 'wann bekomme ich Antwort?', expect: [/die Antwort kommt direkt an Ihre E-Mail-Adresse/], absent: [de.notUnderstood, NO_TIME_PROMISED] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /lizenz/i } }
    },
    {
        name: '"when do I get an answer?" after the change request: a staff member reviews it, no time promised',
        lang: 'en', email: SARAH,
        steps: [...SARAH_FILES, { say: 'when do I get an answer?', expect: [/a staff member reviews it/, /BC-\d{4}-\d{6}/], absent: [NO_TIME_PROMISED, en.askReference] }],
        outcome: { request: { account: 'ACC-2002', newContact: /Tom Hughes/ } }
    },
    {
        name: '„wie lange dauert das noch?“ nach dem Antrag: ein Mitarbeiter prüft ihn',
        lang: 'de', email: JONAS,
        steps: [...JONAS_FILES, { say: 'wie lange dauert das noch?', expect: [/Ein Mitarbeiter prüft ihn/], absent: [NO_TIME_PROMISED, de.askReference] }],
        outcome: { request: { account: 'ACC-1001', newContact: /Lea Fischer/ } }
    }
];

describe('Flows that go on in the customers\' own words (issue 12)', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => playRow(harnessOf(), row));
    }

    /** What the requester hears about a request the billing contact objected to. */
    const OBJECTED = {
        de: { who: /Anna Müller hat (?:diesem|Ihrem) Antrag .*widersprochen/, next: /LogMeIn-Mitarbeiter/ },
        en: { who: /Peter Brooks objected to (?:this|your) request/, next: /LogMeIn staff member/ }
    } as const;
    const cases: ReadonlyArray<{ lang: Lang; email: string; files: readonly Step[]; objector: string; account: string; asks: readonly string[] }> = [
        { lang: 'de', email: JONAS, files: JONAS_FILES, objector: 'U-101', account: 'ACC-1001', asks: ['wie ist der Stand?', 'wie lange dauert das noch?'] },
        { lang: 'en', email: SARAH, files: SARAH_FILES, objector: 'U-201', account: 'ACC-2002', asks: ["what's the status?", 'how long will it take?'] }
    ];
    for (const { lang, email, files, objector, account, asks } of cases) {
        for (const asked of asks) {
            it(`[${lang}] "${asked}" after the billing contact objected to the request just filed: the objection and what happens next`, async () => {
                const harness: BotHarness = harnessOf();
                const convo = harness.conversation(localeOf(lang));
                await play(harness, convo, files, email);
                const [request] = await harness.runtime.services.changeRequests.pendingFor(account);
                assert.strictEqual((await harness.runtime.services.changeRequests.object(request.reference, objector)).kind, 'recorded');
                await play(harness, convo, [
                    { say: asked, expect: [OBJECTED[lang].who, OBJECTED[lang].next, new RegExp(request.reference)], absent: [PHRASES[lang].notUnderstood, TASK_PHRASES[lang].askReference, PHRASES[lang].askEmail] }
                ], email);
            });
        }
    }

    for (const lang of ['de', 'en'] as const) {
        const question = lang === 'de' ? 'wer ist unser abrechnungskontakt?' : 'who is our billing contact?';
        it(`[${lang}] "${question}" after leaving the agent queue with a goodbye starts over`, async () => {
            const harness = harnessOf();
            await harness.agentOnline('erika');
            const convo = harness.conversation(localeOf(lang));
            const h = HANDOFF[lang];
            await play(harness, convo, [
                { say: h.human, expect: [h.askDescription] },
                { say: h.skip, expect: [h.waitPrompt] },
                { say: lang === 'de' ? 'tschüss' : 'bye' },
                { say: lang === 'de' ? 'ja' : 'yes', expect: [CLOSED[lang]] },
                { say: question, expect: [PHRASES[lang].askEmail], absent: [CLOSED[lang], h.stillWaiting] }
            ]);
        });
    }

    for (const lang of ['de', 'en'] as const) {
        const asked = lang === 'de' ? 'Wie lange dauert es noch?' : 'how much longer will this take?';
        it(`[${lang}] "${asked}" while waiting for an agent: the place in the queue, not "passed that on"`, async () => {
            const harness = harnessOf();
            await harness.agentOnline('erika');
            const convo = harness.conversation(localeOf(lang));
            const h = HANDOFF[lang];
            await play(harness, convo, [
                { say: h.human, expect: [h.askDescription] },
                { say: h.skip, expect: [h.waitPrompt] },
                { say: asked, expect: [lang === 'de' ? /Sie stehen an erster Stelle der Warteschlange|Nummer \d+ in der Warteschlange/ : /You're next in the queue|number \d+ in the queue/, h.estimate], absent: [h.stillWaiting] }
            ]);
        });
    }
});

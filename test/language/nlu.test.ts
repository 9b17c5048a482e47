import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { execFile } from 'child_process';
import { promisify } from 'util';
import type { NlpInstance } from '@nlpjs/nlp';
import { IntentRecognizer } from '../../language/nlu';
import type { Lang } from '../../core/language';
import { LOCALES_DIR, PROJECT_ROOT } from '../../paths';
import { Localizer } from '../../language/i18n';
import { readMessage } from '../../turn/understand';

interface Sample {
    text: string;
    language: Lang;
    intent: string;
}

/** Held-out phrasings (not in the training lists) and the intent each must reach. */
const HOLDOUT = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'intents-holdout.json'), 'utf8')) as Sample[];

const publicIntent = (intent: string): string => (intent.startsWith('switch-language-') ? 'switch-language' : intent);

describe('IntentRecognizer', () => {
    let recognizer: IntentRecognizer;
    before(async () => {
        recognizer = await IntentRecognizer.train(LOCALES_DIR);
    });

    for (const lang of ['en', 'de'] as const) {
        it(`[${lang}] routes at least 95% of held-out phrasings (messy and out-of-scope ones included) to the right intent`, async () => {
            const samples = HOLDOUT.filter((s) => s.language === lang);
            assert.ok(samples.length >= 80, 'the held-out set covers every intent');
            const wrong: string[] = [];
            for (const sample of samples) {
                const result = await recognizer.recognize(sample.text, lang);
                if (result.intent !== publicIntent(sample.intent)) {
                    wrong.push(`"${sample.text}" → ${result.intent} (expected ${sample.intent})`);
                }
            }
            const accuracy = 1 - wrong.length / samples.length;
            assert.ok(accuracy >= 0.95, `accuracy ${(accuracy * 100).toFixed(1)}%:\n${wrong.join('\n')}`);
        });
    }

    it('guesses the language of a text without letters (a code, a date) as the trigram guesser does, and of a text with letters as before', () => {
        // NLP.js's own guess, asked directly (the recognizer answers a text without letters without asking it).
        const { nlp } = recognizer as unknown as { nlp: NlpInstance };
        const byGuesser = (text: string): Lang => (/[äöüßÄÖÜ]/.test(text) ? 'de' : nlp.nluManager.guessLanguage(text) === 'de' ? 'de' : 'en');
        for (const text of ['123456', '123 456', '123-456', ' 42 ', '12.05.2026', '?!', '#1', '1234567890123', 'ja', 'Abrechnungskontakt', 'the portal', 'tschüss']) {
            assert.strictEqual(recognizer.guessLanguage(text), byGuesser(text), text);
        }
    });

    it('tells the language of a first message when the client sends no locale', async () => {
        const cases: Array<[string, Lang]> = [
            ['Wer ist der Abrechnungskontakt für mein Konto?', 'de'],
            ['Who is the billing contact for my account?', 'en'],
            ['Ich habe mein Kennwort für das Corporate Billing Portal vergessen', 'de'],
            ['I forgot my Corporate Billing Portal password', 'en'],
            ['Ich möchte mit einem Mitarbeiter sprechen', 'de']
        ];
        for (const [text, lang] of cases) {
            assert.strictEqual((await recognizer.recognize(text)).language, lang, text);
        }
    });

    it('reads a short first message in the language its words belong to, and the question after a greeting', async () => {
        const cases: Array<[string, string, Lang]> = [
            ['hi whos our billing contact??', 'who-is-billing-contact', 'en'],
            ['Hallo, wie ändere ich den Rechnungskontakt?', 'change-billing-contact', 'de'],
            ['good morning, I forgot my portal password', 'portal-password-reset', 'en'],
            ['Guten Tag, ich bin nicht sicher ob ich der Abrechnungskontakt bin', 'am-i-billing-contact', 'de'],
            ['status bitte', 'request-status', 'de'],
            ['am i admin', 'am-i-billing-contact', 'en']
        ];
        for (const [text, intent, lang] of cases) {
            const result = await recognizer.recognize(text);
            assert.deepStrictEqual([result.intent, result.language], [intent, lang], text);
        }
        assert.strictEqual((await recognizer.recognize('danke dir, hat geholfen')).intent, 'thanks', 'thanks with nothing after it stay thanks');
    });

    it('knows which language a switch asks for, in either language', async () => {
        assert.deepStrictEqual(await pick(recognizer, 'English please', 'de'), ['switch-language', 'en']);
        assert.deepStrictEqual(await pick(recognizer, 'auf Deutsch bitte', 'en'), ['switch-language', 'de']);
        assert.deepStrictEqual(await pick(recognizer, 'Können wir Englisch sprechen?', 'de'), ['switch-language', 'en']);
    });

    it('answers out-of-scope for a sentence about something else, none for a word it cannot place and for empty text', async () => {
        assert.strictEqual((await recognizer.recognize('purple elephants dance', 'en')).intent, 'out-of-scope');
        assert.strictEqual((await recognizer.recognize('blorf', 'en')).intent, 'none');
        assert.strictEqual((await recognizer.recognize('Lea Fischer', 'de')).intent, 'none');
        assert.strictEqual((await recognizer.recognize('   ', 'de')).intent, 'none');
    });

    it('knows goodbyes and off-topic questions in either language, without a language switch on a guess', async () => {
        const cases: Array<[string, Lang | undefined, string, Lang]> = [
            ["what's the weather like tomorrow?", 'en', 'out-of-scope', 'en'],
            ["what's the weather like tomorrow?", 'de', 'out-of-scope', 'de'],
            ['wer hat die fußball-wm gewonnen', 'de', 'out-of-scope', 'de'],
            ['wer hat die fußball-wm gewonnen', 'en', 'out-of-scope', 'en'],
            ['tschüss', 'de', 'goodbye', 'de'],
            ['danke, tschüss', 'de', 'goodbye', 'de'],
            ['auf Wiedersehen', 'de', 'goodbye', 'de'],
            ['thanks bye', 'en', 'goodbye', 'en'],
            ['bye', 'de', 'goodbye', 'de']
        ];
        for (const [text, lang, intent, language] of cases) {
            const result = await recognizer.recognize(text, lang);
            assert.deepStrictEqual([result.intent, result.language], [intent, language], `${text} (${lang ?? 'no language'})`);
        }
    });

    it('reads a question about the billing contact that asks about oneself as "am I", and one about someone else as "who is"', async () => {
        const cases: Array<[string, Lang, string]> = [
            ['is it me who is the billing contact for northwind', 'en', 'am-i-billing-contact'],
            ['am i the one who gets billed', 'en', 'am-i-billing-contact'],
            ['ich will wissen, ob ich der Rechnungskontakt bin', 'de', 'am-i-billing-contact'],
            ["i'm new here, who is our billing contact?", 'en', 'who-is-billing-contact'],
            ['wer ist bei uns der Abrechnungskontakt?', 'de', 'who-is-billing-contact']
        ];
        for (const [text, lang, intent] of cases) {
            assert.strictEqual((await recognizer.recognize(text, lang)).intent, intent, text);
        }
    });

    it('takes a word of "cancel" amid other words for no cancel, and a plain cancel for one', async () => {
        for (const [text, lang] of [['nee, doch lieber lea fischer', 'de'], ['weil ich ab januar in elternzeit gehe', 'de'], ['no wait, rather tom hughes then', 'en']] as const) {
            assert.notStrictEqual((await recognizer.recognize(text, lang)).intent, 'cancel', text);
        }
        for (const [text, lang] of [['brich das bitte ab', 'de'], ['vergessen Sie\'s', 'de'], ['forget it', 'en'], ['no, cancel that', 'en']] as const) {
            assert.strictEqual((await recognizer.recognize(text, lang)).intent, 'cancel', text);
        }
    });

    it('switches language only when a language is named, not for a word that merely begins like one', async () => {
        for (const text of ['wer wird deutscher meister', 'Ist die Deutsche Bank auch Kunde?', 'englischer Rasen oder deutscher Wald']) {
            assert.notStrictEqual((await recognizer.recognize(text, 'de')).intent, 'switch-language', text);
        }
        // A language's name is no word of the bot's field: the question is about something else.
        assert.strictEqual((await recognizer.recognize('wer wird deutscher meister', 'de')).intent, 'out-of-scope');
        assert.deepStrictEqual(await pick(recognizer, 'Deutsche Sprache bitte', 'en'), ['switch-language', 'de']);
        assert.deepStrictEqual(await pick(recognizer, 'auf Englisch bitte', 'de'), ['switch-language', 'en']);
    });
});

async function pick(recognizer: IntentRecognizer, text: string, lang: Lang): Promise<[string, string | undefined]> {
    const result = await recognizer.recognize(text, lang);
    return [result.intent, result.targetLanguage];
}

/**
 * A second held-out set, written after the first and never trained on: messy
 * phrasings (typos, lower case, ae/oe/ue, Du and Sie, long German, off-topic).
 * It is read as `npm run intent` reads a message without `--lang`, so the
 * language must come out right as well. Measured when written: 93.4% before
 * the training and language changes of that commit, 97.3% after. The last 31
 * come from a later probe of 264 customer messages (issue 12), each one a miss
 * fixed as a class (a language named amid a request, "who" not about oneself,
 * chat shorthand, questions about the bot itself, status and objection
 * phrasings): the code before that fix reads 88.3% of the set right.
 */
const UNSEEN = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'intents-unseen.json'), 'utf8')) as Sample[];
const UNSEEN_FLOOR = 0.95;

describe('npm run intent on unseen messages', () => {
    it(`finds the intent and the language of at least ${UNSEEN_FLOOR * 100}% of unseen messages, with no language given`, async () => {
        const [recognizer, localizer] = await Promise.all([IntentRecognizer.train(LOCALES_DIR), Localizer.load(LOCALES_DIR)]);
        assert.ok(UNSEEN.length >= 150 && new Set(UNSEEN.map((s) => s.intent)).size >= 25, 'the set covers every intent in both languages');
        const wrong: string[] = [];
        for (const sample of UNSEEN) {
            const { understood } = await readMessage(recognizer, (one) => localizer.t(one), sample.text);
            if (understood.intent !== publicIntent(sample.intent) || understood.language !== sample.language) {
                wrong.push(`"${sample.text}" → ${understood.intent}/${understood.language} (expected ${sample.intent}/${sample.language})`);
            }
        }
        const accuracy = 1 - wrong.length / UNSEEN.length;
        assert.ok(accuracy >= UNSEEN_FLOOR, `accuracy ${(accuracy * 100).toFixed(1)}%:\n${wrong.join('\n')}`);
    });
});

/**
 * A third set, written before its fixes were made (issue 12): 60 messages near the field but outside it
 * (other companies' bills, the meeting software's camera and microphone, pay, tax, small talk, questions
 * about the bot) and 100 stories of three to five sentences whose one real question asks for an intent.
 * Read as `npm run intent` reads them (the intent the bot acts on first, no language given). Measured when
 * written: 66.9% (30 of the 60 off-topic messages and 23 of the 100 stories wrong).
 */
const STORIES_AND_OFF_TOPIC = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'intents-stories-oos.json'), 'utf8')) as Sample[];

describe('npm run intent on stories and off-topic messages', () => {
    it('reads at least 95% of the set right (as the issue counts, out-of-scope included), and 95% of its off-topic messages', async () => {
        const [recognizer, localizer] = await Promise.all([IntentRecognizer.train(LOCALES_DIR), Localizer.load(LOCALES_DIR)]);
        const wrong: string[] = [];
        let offTopicWrong = 0;
        for (const offTopic of [true, false]) {
            const samples = STORIES_AND_OFF_TOPIC.filter((s) => (s.intent === 'out-of-scope') === offTopic);
            assert.ok(samples.length >= 60 && samples.filter((s) => s.language === 'de').length >= samples.length / 2 - 1, 'both kinds in both languages');
            for (const sample of samples) {
                const { lead } = await readMessage(recognizer, (one) => localizer.t(one), sample.text);
                const languageOk = sample.intent.startsWith('switch-language-') || lead.language === sample.language;
                if (lead.intent !== publicIntent(sample.intent) || !languageOk) {
                    wrong.push(`"${sample.text}" → ${lead.intent}/${lead.language} (expected ${sample.intent}/${sample.language})`);
                    offTopicWrong += offTopic ? 1 : 0;
                }
            }
        }
        const offTopicCount = STORIES_AND_OFF_TOPIC.filter((s) => s.intent === 'out-of-scope').length;
        const accuracy = 1 - wrong.length / STORIES_AND_OFF_TOPIC.length;
        assert.ok(accuracy >= 0.95, `accuracy ${(accuracy * 100).toFixed(1)}%:\n${wrong.join('\n')}`);
        assert.ok(1 - offTopicWrong / offTopicCount >= 0.95, `off-topic: ${offTopicWrong} of ${offTopicCount} wrong:\n${wrong.join('\n')}`);
    });
});

/**
 * A fourth set of 80 (30 off-topic, 50 stories and short requests), written after the fixes above and read
 * before any change made for it: 72.5% then (63.7% on the code before issue 12's out-of-scope work), 90.0%
 * after a few more off-field words and two training phrases. Its floor guards against slipping back.
 */
const SECOND_STORIES = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'intents-stories-oos-second.json'), 'utf8')) as Sample[];
const SECOND_STORIES_FLOOR = 0.95;

describe('npm run intent on a second set of stories and off-topic messages', () => {
    it(`reads at least ${SECOND_STORIES_FLOOR * 100}% of them right, intent and language`, async () => {
        const [recognizer, localizer] = await Promise.all([IntentRecognizer.train(LOCALES_DIR), Localizer.load(LOCALES_DIR)]);
        const wrong: string[] = [];
        for (const sample of SECOND_STORIES) {
            const { lead } = await readMessage(recognizer, (one) => localizer.t(one), sample.text);
            if (lead.intent !== publicIntent(sample.intent) || (!sample.intent.startsWith('switch-language-') && lead.language !== sample.language)) {
                wrong.push(`"${sample.text}" → ${lead.intent}/${lead.language} (expected ${sample.intent}/${sample.language})`);
            }
        }
        const accuracy = 1 - wrong.length / SECOND_STORIES.length;
        assert.ok(accuracy >= SECOND_STORIES_FLOOR, `accuracy ${(accuracy * 100).toFixed(1)}%:\n${wrong.join('\n')}`);
    });
});

/**
 * A fifth set of 149 short messages (both languages, every intent, typos, lower case, polite frames), written in one go
 * and read before any change made for it: 91.9% right then (137 of 149). The changes after it were classes, not its
 * sentences: other names of the billing contact (`main:fieldSynonyms`), a polite frame around the question read by the
 * clause that asks, "ich bin neu hier" as no question about oneself, an objection that tells of the change it objects
 * to. Where two intents are both a fair reading ("how do I cancel our subscription"), either counts.
 */
/** A set of messages where either of `intents` is a right reading, read as `npm run intent` reads them (no language given). */
type ReadingSet = Array<{ text: string; intents: string[] }>;

function readingSet(file: string): ReadingSet {
    return JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', file), 'utf8')) as ReadingSet;
}

async function assertReadsRight(samples: ReadingSet, floor: number): Promise<void> {
    const [recognizer, localizer] = await Promise.all([IntentRecognizer.train(LOCALES_DIR), Localizer.load(LOCALES_DIR)]);
    const wrong: string[] = [];
    for (const sample of samples) {
        const { lead } = await readMessage(recognizer, (one) => localizer.t(one), sample.text);
        if (!sample.intents.map(publicIntent).includes(publicIntent(lead.intent))) {
            wrong.push(`"${sample.text}" → ${lead.intent} (expected ${sample.intents.join(' or ')})`);
        }
    }
    const accuracy = 1 - wrong.length / samples.length;
    assert.ok(accuracy >= floor, `accuracy ${(accuracy * 100).toFixed(1)}%:\n${wrong.join('\n')}`);
}

/** Asserts that `npm run intent` leads each text with its intent (a freshly trained recognizer, as the CLI has). */
async function assertLeadsAs(cases: ReadonlyArray<readonly [string, string]>): Promise<void> {
    const [recognizer, localizer] = await Promise.all([IntentRecognizer.train(LOCALES_DIR), Localizer.load(LOCALES_DIR)]);
    for (const [text, intent] of cases) {
        const { lead } = await readMessage(recognizer, (one) => localizer.t(one), text);
        assert.strictEqual(lead.intent, intent, text);
    }
}

const FRESH = readingSet('intents-fresh-third.json');
const FRESH_FLOOR = 0.97;

describe('npm run intent on a fifth set of short messages', () => {
    it(`reads at least ${FRESH_FLOOR * 100}% of them right`, async () => {
        assert.ok(FRESH.length >= 140 && new Set(FRESH.flatMap((s) => s.intents)).size >= 25, 'the set covers every intent');
        await assertReadsRight(FRESH, FRESH_FLOOR);
    });
});

/**
 * A sixth set of 140 (both languages, every intent), written in two rounds after the fifth set's fixes and before any
 * change for it: 83.8% and 83.3% right when written; 87.9% after the shorthand, reference and objection-word changes
 * measured on the first round; 94.3% after word rules for its classes (progress, permission, appointing, case d). Its
 * floor only guards against slipping back: the classifier's reach on phrasings it has never seen is what the first
 * figures show.
 */
const BLIND = readingSet('intents-blind-sixth.json');
const BLIND_FLOOR = 0.94;

describe('npm run intent on a sixth set, written blind', () => {
    it(`reads at least ${BLIND_FLOOR * 100}% of them right`, async () => {
        await assertReadsRight(BLIND, BLIND_FLOOR);
    });
});

/**
 * A seventh set of 170 (both languages, every intent), written blind after the sixth set's fixes: 88.8% right when
 * written, 90.6% after the sixth set's word rules, 98.2% after the rules for its own classes (a who-question after
 * licenses, other products, the note at "Go to Billing", switching the role in other words).
 * Its floor only guards against slipping back.
 */
const SEVENTH = readingSet('intents-blind-seventh.json');
const SEVENTH_FLOOR = 0.95;

describe('npm run intent on a seventh set, written blind', () => {
    it(`reads at least ${SEVENTH_FLOOR * 100}% of them right`, async () => {
        await assertReadsRight(SEVENTH, SEVENTH_FLOOR);
    });
});

describe('npm run intent on the seventh set\'s classes', () => {
    it('reads a who-question after told licenses, a request after a story or in other words (umstellen), whether one handles billing, a note at Billing\'s button, other systems, a replacement refused in other words and why not online as meant', async () => {
        // Written for the classes, not taken from any fixture or training phrase.
        const cases: Array<[string, string]> = [
            ['We wanted to add two licenses but the Admin Center blocks it. Who can do that for us?', 'who-is-billing-contact'],
            ['Ich wollte gerade Lizenzen nachkaufen, das ging nicht. Wer ist denn bei uns dafür eingetragen?', 'who-is-billing-contact'],
            ['Unser Abrechnungskontakt ist ausgeschieden. Das muss jetzt auf Frau Lenz umgestellt werden.', 'change-billing-contact'],
            ['Our billing contact is on sick leave for months. The billing contact needs to be changed to Tom Field.', 'change-billing-contact'],
            ['Is there a way to tell if I am the person who handles the billing here?', 'am-i-billing-contact'],
            ['Wenn ich auf Zur Abrechnung gehe, erscheint eine Meldung. Was heißt das?', 'topic-sign-in-billing'],
            ['Pressing Go to Billing gives me a notice, what does that mean?', 'topic-sign-in-billing'],
            ['my MacBook forgot its login password, how do I reset it?', 'out-of-scope'],
            ['Wieso will man mich als Abrechnungskontakt ablösen? Bitte stoppen Sie das.', 'object-to-request'],
            ['someone wants to swap me as billing contact, please stop that', 'object-to-request'],
            ['warum können wir nicht online per Kreditkarte zahlen?', 'topic-why-not-online'],
            ["how come we can't just pay online by card?", 'topic-why-not-online'],
            ['kann man den billing contact auf meine kollegin umstellen?', 'change-billing-contact'],
            ['Ich kann das Programm auf meinem Computer nicht installieren', 'out-of-scope']
        ];
        await assertLeadsAs(cases);
    });
});

describe('npm run intent on a message named outside the field, and on why not online in other words', () => {
    it('reads the whole, not a part that alone sounds like a request ("Any fix?"); a missing card option on the website is why not online', async () => {
        // Written for the classes, not taken from any fixture or training phrase.
        const cases: Array<[string, string]> = [
            ['The meeting keeps disconnecting every 10 minutes, audio drops too. Any fix?', 'out-of-scope'],
            ['Mein Headset knistert ständig. Gibt es eine Lösung?', 'out-of-scope'],
            ['why is there no option to pay by credit card on the website for us? it just says we get invoiced', 'topic-why-not-online'],
            ['wieso geht das bezahlen mit kreditkarte bei uns nicht online? da steht nur wir bekommen eine rechnung', 'topic-why-not-online']
        ];
        await assertLeadsAs(cases);
    });
});

describe('npm run intent', function () {
    // Each case starts the command, which trains the classifier: seconds each on a busy machine.
    this.timeout(180_000);
    const run = promisify(execFile);

    it('reads other names of the billing contact, a polite frame, being new, a trained question with words around it, a reference and an objection that tells of the change as a customer means them', async () => {
        const [recognizer, localizer] = await Promise.all([IntentRecognizer.train(LOCALES_DIR), Localizer.load(LOCALES_DIR)]);
        const cases: Array<[string, string]> = [
            ['Könnten Sie mir bitte sagen, wer in unserem Konto als Rechnungsempfängerin hinterlegt ist?', 'who-is-billing-contact'],
            ['who is the invoice recipient for our account', 'who-is-billing-contact'],
            ['bitte den Abrechnungsverantwortlichen ändern, das soll jetzt Eva machen', 'change-billing-contact'],
            ['Would you mind telling me, who is the billing contact of our account?', 'who-is-billing-contact'],
            ['Hallo! Ich bin neu in der Firma und wollte wissen, wer bei uns für die Abrechnung zuständig ist.', 'who-is-billing-contact'],
            ["hello. i'm new here. what can you do for me?", 'help'],
            ['what can you do for me?', 'help'],
            ['Where are we with BC-2026-000031?', 'request-status'],
            ['whats the diff between online and corporate accounts', 'topic-online-vs-corporate'],
            ['Ich habe eine Mail bekommen, dass der Abrechnungskontakt geändert werden soll. Damit bin ich nicht einverstanden!', 'object-to-request'],
            ['someone filed a request to replace me as billing contact, I want to stop it', 'object-to-request']
        ];
        for (const [text, intent] of cases) {
            const { lead, intents } = await readMessage(recognizer, (one) => localizer.t(one), text);
            assert.strictEqual(lead.intent, intent, text);
            if (intent === 'object-to-request') {
                assert.ok(!intents.some((one) => one.intent === 'change-billing-contact'), `no change request beside the objection: ${text}`);
            }
        }
        // Being new is said, not asked: "Ich bin der neue Abrechnungskontakt" still names the role.
        const { lead } = await readMessage(recognizer, (one) => localizer.t(one), 'Ich bin der neue Abrechnungskontakt, wie melde ich mich im Portal an?');
        assert.notStrictEqual(lead.intent, 'help');
        // The tool reads it the same way.
        const cli = JSON.parse((await run(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'cli', 'intent.js'), 'Könnten Sie mir sagen, wer bei uns Rechnungsempfänger ist?'])).stdout) as { intent: string };
        assert.strictEqual(cli.intent, 'who-is-billing-contact');
    });

    it('reads classes of phrasing by their words: a change asked after, a question of permission, a billing contact who left, sums and banter, a billing cycle, a suspended account, an unreachable billing contact, Billing showing someone else, data protection (another matter, unless a change is asked for its sake), whether a person holds the role, invoice mails that stopped coming', async () => {
        const [recognizer, localizer] = await Promise.all([IntentRecognizer.train(LOCALES_DIR), Localizer.load(LOCALES_DIR)]);
        // Written for the classes, not taken from any fixture or training phrase.
        const cases: Array<[string, string]> = [
            ['has the replacement of our billing admin been processed?', 'request-status'],
            ['Ist der neue Abrechnungskontakt inzwischen durchgegangen?', 'request-status'],
            ['Bin ich befugt, weitere Lizenzen zu bestellen?', 'am-i-billing-contact'],
            ['am I permitted to update the payment card myself?', 'am-i-billing-contact'],
            ['who is allowed to change the subscription at our company?', 'who-is-billing-contact'],
            ['our billing administrator retired last year', 'change-billing-contact'],
            ['Unsere Abrechnungskontaktin ist nicht mehr im Unternehmen', 'change-billing-contact'],
            ["what's 12 times 4", 'out-of-scope'],
            ['Was ist 7 plus 5?', 'out-of-scope'],
            ['wann macht die Apotheke am Samstag auf', 'out-of-scope'],
            ['du bist echt witzig', 'out-of-scope'],
            ['can you change us over to yearly billing', 'topic-change-plan'],
            ['our account was locked because of an overdue invoice, how do we get it back?', 'topic-reactivate-plan'],
            ['Der Abrechnungsadmin antwortet einfach nicht', 'am-i-billing-contact'],
            ['Warum wird mir in der Abrechnung nur der Name einer anderen Person angezeigt?', 'topic-sign-in-billing'],
            ['what is a billing contact allowed to do?', 'who-is-billing-contact'],
            ['wer ist bei euch für datenschutz zuständig?', 'out-of-scope'],
            ['Wer kümmert sich bei Ihnen um die DSGVO?', 'out-of-scope'],
            ['who handles data protection at your company?', 'out-of-scope'],
            ['is your service GDPR compliant?', 'out-of-scope'],
            ['Aus Datenschutzgründen bitte den Abrechnungskontakt ändern', 'change-billing-contact'],
            ['for data protection reasons please change our billing contact', 'change-billing-contact'],
            ['Is Sarah also a billing contact?', 'who-is-billing-contact'],
            ['is tom a billing contact too', 'who-is-billing-contact'],
            ['Ist Herr Bergmann auch Abrechnungskontakt?', 'who-is-billing-contact'],
            ['is it possible to add a second billing contact?', 'change-billing-contact'],
            ['Is my request for a new billing contact done yet?', 'request-status'],
            ['wait, is Tom a billing contact now?', 'who-is-billing-contact'],
            ['Moment, ist Eva Schulz auch Abrechnungskontakt?', 'who-is-billing-contact'],
            ['Seit zwei Monaten bekommen wir keine Rechnungen mehr per Mail', 'am-i-billing-contact'],
            ['we stopped receiving the invoice emails', 'am-i-billing-contact'],
            ['we no longer get invoices since our billing admin left, please replace her with me', 'change-billing-contact']
        ];
        const wrong: string[] = [];
        for (const [text, intent] of cases) {
            const { lead } = await readMessage(recognizer, (one) => localizer.t(one), text);
            if (lead.intent !== intent) {
                wrong.push(`"${text}" → ${lead.intent} (expected ${intent})`);
            }
        }
        assert.deepStrictEqual(wrong, []);
        // An order stays an order, a mail asked for stays a mail, a password lockout is no suspended account, and a sum needs its numbers.
        const kept: Array<[string, string]> = [
            ['Bitte den Abrechnungskontakt ändern, das muss heute erledigt werden', 'change-billing-contact'],
            ['Kann ich mit PayPal bezahlen?', 'topic-payment-method'],
            ['ich bin im Portal gesperrt, weil ich das Passwort falsch eingegeben habe', 'portal-password-reset'],
            ['Who is our new billing contact?', 'who-is-billing-contact'],
            ['translate to German please', 'switch-language']
        ];
        for (const [text, intent] of kept) {
            const { lead } = await readMessage(recognizer, (one) => localizer.t(one), text);
            assert.strictEqual(lead.intent, intent, text);
        }
    });

    it('prints one JSON line with intent, score and language', async () => {
        const { stdout } = await run(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'cli', 'intent.js'), 'Ich möchte den Abrechnungskontakt ändern']);
        const lines = stdout.trim().split('\n');
        assert.strictEqual(lines.length, 1);
        const result = JSON.parse(lines[0]) as { intent: string; score: number; language: string };
        assert.strictEqual(result.intent, 'change-billing-contact');
        assert.strictEqual(result.language, 'de');
        assert.ok(result.score > 0.6 && result.score <= 1);
    });

    it('prints out-of-scope for an off-topic message, and every intent and entity of a longer one', async () => {
        const cli = path.join(PROJECT_ROOT, 'dist', 'cli', 'intent.js');
        const offTopic = JSON.parse((await run(process.execPath, [cli, 'wer hat die fußball-wm gewonnen'])).stdout) as { intent: string; language: string };
        assert.deepStrictEqual([offTopic.intent, offTopic.language], ['out-of-scope', 'de']);
        const { stdout } = await run(process.execPath, [cli, '--lang', 'de', 'Nein, keine Mail. Also bitte den Kontakt ändern. Und wie ist der Status von BC-2026-3? Meine Adresse ist jonas.weber@mueller-design.example']);
        const reading = JSON.parse(stdout) as { intents: Array<{ intent: string }>; entities: { emails?: string[]; references?: string[]; yesNo?: boolean } };
        const intents = reading.intents.map((one) => one.intent);
        assert.ok(intents.includes('change-billing-contact') && intents.includes('request-status'), intents.join(', '));
        assert.deepStrictEqual(reading.entities.emails, ['jonas.weber@mueller-design.example']);
        assert.deepStrictEqual(reading.entities.references, ['BC-2026-000003']);
        assert.strictEqual(reading.entities.yesNo, false);
        const login = JSON.parse((await run(process.execPath, [cli, '--lang', 'en', 'yeah go ahead, my username is pbrooks'])).stdout) as { entities: { userId?: string; yesNo?: boolean } };
        assert.deepStrictEqual([login.entities.userId, login.entities.yesNo], ['pbrooks', true]);
        // A word after "Benutzer-ID" without "ist" or ":" is no user ID unless it looks like one.
        const asked = JSON.parse((await run(process.execPath, [cli, '--lang', 'de', 'wo finde ich meine benutzer-id fürs portal?'])).stdout) as { entities: { userId?: string } };
        assert.strictEqual(asked.entities.userId, undefined);
        const typed = JSON.parse((await run(process.execPath, [cli, '--lang', 'en', 'my user id p.brooks-2'])).stdout) as { entities: { userId?: string } };
        assert.strictEqual(typed.entities.userId, 'p.brooks-2');
    });

    it('reads a clear request for a person as the bot does, also amid topic words, in both languages', async () => {
        const cli = path.join(PROJECT_ROOT, 'dist', 'cli', 'intent.js');
        for (const text of ['I need to speak to an agent NOW, you charged us twice for the invoice', 'kann mir jemand vom Support helfen, die Rechnung ist falsch', 'i need an agent asap, invoice is wrong', 'hallo, ich brauch dringend nen mitarbeiter, die rechnung stimmt nich']) {
            const result = JSON.parse((await run(process.execPath, [cli, text])).stdout) as { intent: string };
            assert.strictEqual(result.intent, 'talk-to-human', text);
        }
    });

    it('reads "I have a question: …" by the question it announces, not as a request for help', async () => {
        const cli = path.join(PROJECT_ROOT, 'dist', 'cli', 'intent.js');
        const cases: Array<[string, string]> = [
            ['moin, ich bin lea. hab ne frage: darf ich eigentlich selber lizenzen dazukaufen oder muss das wer anders machen?', 'am-i-billing-contact'],
            ['I have a question. Who is the billing contact of our account?', 'who-is-billing-contact']
        ];
        for (const [text, expected] of cases) {
            const reading = JSON.parse((await run(process.execPath, [cli, text])).stdout) as { intent: string; intents: Array<{ intent: string }> };
            assert.strictEqual(reading.intent, expected, text);
            assert.ok(!reading.intents.some((one) => one.intent === 'help'), `${text}: no help text as well`);
        }
    });

    it('reads a billing contact who refuses to be replaced as an objection, not as a change request', async () => {
        const cli = path.join(PROJECT_ROOT, 'dist', 'cli', 'intent.js');
        const cases: Array<[string, string]> = [
            ['hallo, ich hab ne mail bekommen dass ich als abrechnungskontakt ersetzt werden soll. ich gehe aber gar nicht in rente, das will ich nicht! wie kann ich das stoppen?', 'object-to-request'],
            ["I got an email saying I'm being replaced as billing contact. I'm not leaving! How do I stop this?", 'object-to-request'],
            ['Anna Müller soll als Abrechnungskontakt ersetzt werden, sie geht in Rente', 'change-billing-contact'],
            ['I want to replace our billing contact, Peter is leaving', 'change-billing-contact']
        ];
        for (const [text, expected] of cases) {
            const reading = JSON.parse((await run(process.execPath, [cli, text])).stdout) as { intent: string };
            assert.strictEqual(reading.intent, expected, text);
        }
    });

    it('prints every request of a message in the order asked, also when "and" joins them', async () => {
        const cli = path.join(PROJECT_ROOT, 'dist', 'cli', 'intent.js');
        const cases: Array<[string, string[]]> = [
            ['who is our billing contact and how do I reset my portal password', ['who-is-billing-contact', 'portal-password-reset']],
            ['Wo finde ich alte Rechnungen? Außerdem möchte ich die Zahlungsmethode ändern.', ['topic-invoice-history', 'topic-payment-method']]
        ];
        for (const [text, expected] of cases) {
            const reading = JSON.parse((await run(process.execPath, [cli, text])).stdout) as { intents: Array<{ intent: string }> };
            const found = reading.intents.map((one) => one.intent).filter((intent) => expected.includes(intent));
            assert.deepStrictEqual(found, expected, text);
        }
    });

    it('reads a request to pass a message on by its first words, whatever the message is about', async () => {
        const cli = path.join(PROJECT_ROOT, 'dist', 'cli', 'intent.js');
        const cases: Array<[string, boolean]> = [
            ['email peter that we need 5 more licences', true],
            ['tell our billing admin that the invoice has the wrong address', true],
            ['sag dem abrechnungskontakt, dass wir mehr lizenzen brauchen', true],
            // Whom it is for named in words the classifier was not trained on.
            ['sag bitte meiner abrechnungskontaktin, dass wir ab märz zwei weitere lizenzen brauchen', true],
            ['ping whoever handles billing: the october invoice is missing', true],
            // Not asked to write: the words after "that" belong to the question.
            ['I need to know that my billing contact is right', false],
            ['can you tell me whether I am the billing contact', false],
            ['is it true that the billing contact must be an admin?', false]
        ];
        for (const [text, mail] of cases) {
            const reading = JSON.parse((await run(process.execPath, [cli, text])).stdout) as { intent: string };
            assert.strictEqual(reading.intent === 'email-billing-admin', mail, `${text} → ${reading.intent}`);
        }
    });

    it('explains its usage and exits with 2 without text', async () => {
        await assert.rejects(run(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'cli', 'intent.js')]), (err: { code?: number; stderr?: string }) => err.code === 2 && /usage/.test(err.stderr ?? ''));
    });
});

describe('npm run intent on a change request and why in one message', () => {
    it('reads the request, and the clause that says why as no request of its own, in both languages', async () => {
        const [recognizer, localizer] = await Promise.all([IntentRecognizer.train(LOCALES_DIR), Localizer.load(LOCALES_DIR)]);
        for (const text of ['kann ich den kontakt aendern? anna ist nie erreichbar', 'can I change the contact? peter never answers', 'ich möchte den rechnungskontakt ändern, weil anna nie erreichbar ist']) {
            const { lead, intents } = await readMessage(recognizer, (one) => localizer.t(one), text);
            assert.strictEqual(lead.intent, 'change-billing-contact', text);
            assert.deepStrictEqual(intents.map((one) => one.intent), ['change-billing-contact'], text);
        }
    });
});

/**
 * An eighth set of 180 (90 German, 90 English, every intent), written blind by someone who saw neither the training
 * phrases nor the code, kept apart from every change: 89.4% right when written, 90.0% after the seventh set's rules. It
 * is the honest figure for messages nobody has written before; its floor only guards against slipping back.
 */
const EIGHTH = readingSet('intents-blind-eighth.json');
const EIGHTH_FLOOR = 0.89;

describe('npm run intent on an eighth set, written blind and kept apart', () => {
    it(`reads at least ${EIGHTH_FLOOR * 100}% of them right`, async () => {
        await assertReadsRight(EIGHTH, EIGHTH_FLOOR);
    });
});

/**
 * A ninth set of 220 (111 English, 109 German; 70 out of scope, about 50 of them in the field's words about something
 * else), written blind: 76.4% right when written, out of scope only 59%. Its misses showed classes, fixed as classes
 * (another company or its customers, the customer's own books, percentages, a telling verb before a name, a reference
 * beside a topic's words, a failing portal password, a switch of the billing cycle): 91.4% after. No longer blind; its
 * floor guards against slipping back.
 */
const NINTH = readingSet('intents-blind-ninth.json');
const NINTH_FLOOR = 0.89;

describe('npm run intent on a ninth set, written blind', () => {
    it(`reads at least ${NINTH_FLOOR * 100}% of them right`, async () => {
        await assertReadsRight(NINTH, NINTH_FLOOR);
    });
});

describe('npm run intent on the ninth set\'s classes', () => {
    it('reads the field\'s words about another company, its customers or the customer\'s own books as out of scope, and keeps ours in', async () => {
        // Written for the classes, not taken from the set.
        const cases: Array<[string, string]> = [
            ['who do I ask to change the billing contact on our Webex account?', 'out-of-scope'],
            ['unsere Rechnungen von Adobe gehen an den falschen Kollegen, wie ändere ich das dort?', 'out-of-scope'],
            ['our client never pays his invoices on time, what can I do', 'out-of-scope'],
            ['wie schreibe ich meinem Kunden eine Rechnung mit Zahlungsziel?', 'out-of-scope'],
            ['can I deduct the subscription as a business expense?', 'out-of-scope'],
            ['muss ich auf der Rechnung die Mehrwertsteuer extra ausweisen?', 'out-of-scope'],
            ['what is 15% of 980', 'out-of-scope'],
            ['we moved from Zoom to GoTo, who is our billing contact?', 'who-is-billing-contact'],
            ['wer ist bei euch unser Abrechnungskontakt?', 'who-is-billing-contact']
        ];
        await assertLeadsAs(cases);
    });

    it('reads a telling verb before a name as a mail, a reference beside a topic\'s words as its status, a failing portal password as the reset and a switch of the cycle as a change of plan', async () => {
        const cases: Array<[string, string]> = [
            ['Tell Anna our invoice address changed to Hauptstraße 5', 'email-billing-admin'],
            ['bitte erinnere Klaus, die Rechnung für Oktober ist noch offen', 'email-billing-admin'],
            ['tell me whether I am the billing contact', 'am-i-billing-contact'],
            ['Reference BC-2026-000012 from last week, about our licenses and the billing contact. Any update?', 'request-status'],
            ['ich hab letzte Woche wegen Lizenzen und Abrechnungskontakt was eingereicht, BC-2026-000012, gibts was neues?', 'request-status'],
            ['I am our billing admin but the Corporate Billing Portal says my password is wrong, what now?', 'portal-password-reset'],
            ['ich bin Abrechnungskontakt und habe das Passwort fürs Billing Portal vergessen', 'portal-password-reset'],
            ['can we go from monthly to yearly billing?', 'topic-change-plan']
        ];
        await assertLeadsAs(cases);
    });

    it('reads a topic by its own words together (licenses removed, a card expired, an account brought back) and an objection in other words, but not the article\'s own case of Add licenses', async () => {
        const cases: Array<[string, string]> = [
            ['we have three seats too many, can we drop those?', 'topic-change-plan'],
            ['bitte 2 zusätzliche Lizenzen, wir haben neue Leute', 'topic-change-plan'],
            ['the visa on file expired, how do I put the new card in?', 'topic-payment-method'],
            ['meine Kreditkarte ist abgelaufen, wo trage ich die neue ein?', 'topic-payment-method'],
            ['our subscription lapsed in spring. can we reactivate it?', 'topic-reactivate-plan'],
            ['I clicked Add licenses and it only shows another name. Who is our billing contact?', 'who-is-billing-contact'],
            ['Peter filed something to take me off as billing contact and I dont agree', 'object-to-request']
        ];
        await assertLeadsAs(cases);
    });
});

/**
 * A tenth set of 200 (100 German, 100 English; 40 out of scope), written blind after the ninth set's classes were fixed
 * and measured before any change for it: 87.0% on the code before the ninth set's classes, 90.0% after them (the honest
 * figure for unseen messages); 94.0% after the rules for its own classes (a self-service account, a locked portal, a
 * password not remembered, a change's progress asked as a role question, other publishers and homework). No longer blind.
 */
const TENTH = readingSet('intents-blind-tenth.json');
const TENTH_FLOOR = 0.92;

describe('npm run intent on a tenth set, written blind', () => {
    it(`reads at least ${TENTH_FLOOR * 100}% of them right`, async () => {
        await assertReadsRight(TENTH, TENTH_FLOOR);
    });

    it('reads its classes in other words', async () => {
        // Written for the classes, not taken from the set.
        const cases: Array<[string, string]> = [
            ['do we have a self-serve account or a corporate one?', 'topic-online-vs-corporate'],
            ['ich bin aus dem Billing Portal ausgesperrt', 'portal-password-reset'],
            ['I cannot remember my billing portal password at all', 'portal-password-reset'],
            ['has our new billing contact been approved yet?', 'request-status'],
            ['wie kündige ich mein Zeitungsabo?', 'out-of-scope'],
            ['kannst du mir bei den Hausaufgaben helfen', 'out-of-scope'],
            ['they told me my billing contact role is being transferred to Tom, I object', 'object-to-request'],
            ['habt ihr eine Hotline, die ich anrufen kann?', 'talk-to-human'],
            ['is there a phone number I can call you on', 'talk-to-human'],
            ['wieso bekomme ich seit neuestem die Rechnungsmails?', 'am-i-billing-contact'],
            ['why dont i receive the invoices anymore', 'am-i-billing-contact'],
            ['warum kriege ich die Rechnungen nicht mehr?', 'am-i-billing-contact'],
            ['I asked to change our billing contact to Tom last week and got BC-2026-000150. Where does it stand?', 'request-status']
        ];
        await assertLeadsAs(cases);
    });
});

/**
 * A twelfth set of 200 (98 German, 102 English; 35 out of scope, 13 objections), written blind on 2 Dec 2026 by a helper
 * who saw neither code, locales, tests nor earlier sets: 85.5% on that morning's code (the honest figure for unseen
 * messages); 95.0% after the rules for its classes (an objection by a word that disputes a change or a refusal beside a
 * reference, being taken over or no longer the contact, a language asked for in one clause beside why, telling a named
 * person, a callback, another company's provider, one's own VAT return or invoices). No longer blind.
 */
const TWELFTH = readingSet('intents-blind-twelfth.json');
const TWELFTH_FLOOR = 0.93;

describe('npm run intent on a twelfth set, written blind', () => {
    it(`reads at least ${TWELFTH_FLOOR * 100}% of them right`, async () => {
        await assertReadsRight(TWELFTH, TWELFTH_FLOOR);
    });

    it('reads its classes in other words', async () => {
        // Written for the classes, not taken from the set; 6 of these 14 were read right before.
        const cases: Array<[string, string]> = [
            ['I want to dispute the billing contact change', 'object-to-request'],
            ['Ich lege Einspruch gegen den Wechsel des Abrechnungskontakts ein', 'object-to-request'],
            ['BC-2026-000321 was not agreed with me, please stop it', 'object-to-request'],
            ['laut eurer Mail soll Tom die Abrechnung übernehmen, das ist nicht abgesprochen, ich bin die aktuelle Abrechnungskontaktin', 'object-to-request'],
            ['English please, I don\'t understand German well', 'switch-language'],
            ['auf Deutsch bitte? mein Kollege liest mit', 'switch-language'],
            ['could you let Peter know that our invoice address changed', 'email-billing-admin'],
            ['Kannst du bitte Klaus ausrichten, dass die Rechnung falsch ist?', 'email-billing-admin'],
            ['ich hätte gern einen Rückruf morgen früh', 'talk-to-human'],
            ['can I get a call back from someone this afternoon', 'talk-to-human'],
            ['is there a live agent around?', 'talk-to-human'],
            ['who is the billing contact at my internet provider', 'out-of-scope'],
            ['wie schreibe ich als Freiberufler eine Rechnung?', 'out-of-scope'],
            ['help me with my VAT return please', 'out-of-scope']
        ];
        await assertLeadsAs(cases);
    });
});

/**
 * A thirteenth set of 200 (about half German, a third long messages, Swiss and Austrian German, anglicisms, English from
 * non-native writers; 35 out of scope), written blind on 2 Dec 2026 after the twelfth set's classes: 80.5% on that morning's
 * code, 82.0% after the twelfth set's classes (the honest figure for unseen messages); 86.5% here (88.5% with a reading of nothing counted as out of scope) after the rules for its own
 * classes (a request to pass words on in a later sentence of a story, the field's anglicisms, callbacks and support online,
 * a change moved away from oneself, an additional billing contact, a change's situation, birthdays and restaurants). No
 * longer blind.
 */
const THIRTEENTH = readingSet('intents-blind-thirteenth.json');
const THIRTEENTH_FLOOR = 0.86;

describe('npm run intent on a thirteenth set, written blind', () => {
    it(`reads at least ${THIRTEENTH_FLOOR * 100}% of them right`, async () => {
        await assertReadsRight(THIRTEENTH, THIRTEENTH_FLOOR);
    });

    it('reads its classes in other words', async () => {
        // Written for the classes, not taken from the set; 5 of these 10 were read right before.
        const cases: Array<[string, string]> = [
            ['Hallo. Unser Team wächst gerade. Ich selbst bin kein Admin. Könnten Sie Anna ausrichten, dass wir zwei Lizenzen mehr brauchen?', 'email-billing-admin'],
            ['We ran out of seats again. I can\'t buy any myself. Please let Peter know that we need three more.', 'email-billing-admin'],
            ['können Sie mich heute noch zurückrufen?', 'talk-to-human'],
            ['is someone from your support team available right now?', 'talk-to-human'],
            ['someone wants to move the billing contact away from me and I never approved that', 'object-to-request'],
            ['wer ist bei uns der Billing-Kontakt?', 'who-is-billing-contact'],
            ['can we add a second billing contact for our CFO?', 'change-billing-contact'],
            ['what is the situation of my billing contact change request?', 'request-status'],
            ['Meine Tochter hat Geburtstag, was soll ich ihr schenken?', 'out-of-scope'],
            ['any good restaurant near our office for the team lunch?', 'out-of-scope']
        ];
        await assertLeadsAs(cases);
    });
});

/**
 * A fourteenth set of 200 (100 German, 100 English; dialects, folded umlauts, stories, 35 out of scope), written blind on
 * 2 Dec 2026 by someone who read neither the code nor the training: 87.5% right when written (the honest figure for
 * unseen messages, counting a reading of nothing as out of scope). 94.5% after the rules for its classes: other names of
 * the role ("Rechnungsverantwortung", "person responsible for billing", "billing person"), consumer services as another
 * company ("Netflix", "Gmail"), a question how far a filed change has got beside the role, a company card and restoring
 * an account as topics, a wish for a person or a language beside a sentence the classifier places nowhere, a refusal of
 * the change request by the person themselves. No longer blind; its floor guards against slipping back.
 */
const FOURTEENTH = readingSet('intents-blind-fourteenth.json');
const FOURTEENTH_FLOOR = 0.92;

describe('npm run intent on a fourteenth set, written blind', () => {
    it(`reads at least ${FOURTEENTH_FLOOR * 100}% of them right`, async () => {
        await assertReadsRight(FOURTEENTH, FOURTEENTH_FLOOR);
    });

    it('reads its classes in other words', async () => {
        // Written for the classes, not taken from the set; none of these was read right before.
        await assertLeadsAs([
            ['Können Sie bitte nachsehen, wer bei uns die Rechnungsverantwortung trägt?', 'who-is-billing-contact'],
            ['How do I change the billing contact of our Spotify family plan?', 'out-of-scope'],
            ['hab vor ein paar tagen den wechsel des abrechnungskontakts beantragt, passiert da noch was?', 'request-status'],
            ['Wo trage ich unsere neue Firmenkreditkarte ein?', 'topic-payment-method'],
            ['Wir wollen unser altes Konto wiederherstellen, geht das?', 'topic-reactivate-plan'],
            ['I have been going in circles for ten minutes now. An agent please.', 'talk-to-human']
        ]);
    });
});

/**
 * A fifteenth set of 200 (100 German, 100 English, 35 out of scope), written blind on 2 Dec 2026 by someone who read
 * neither the code nor the training: 92.0% right when written (the honest figure for unseen messages, counting a
 * reading of nothing as out of scope). 99.5% after the rules for its classes: a question before the statements that say
 * why (read with the rules a whole message gets), how to reach the billing contact, becoming the role, signing in to the
 * meeting product and other things outside the field, an address written to, how far a change has got when the
 * classifier places nothing, the Go to Billing button asked after, a refusal of "the billing contact change".
 * No longer blind; its floor guards against slipping back.
 */
const FIFTEENTH = readingSet('intents-blind-fifteenth.json');
const FIFTEENTH_FLOOR = 0.97;

describe('npm run intent on a fifteenth set, written blind', () => {
    it(`reads at least ${FIFTEENTH_FLOOR * 100}% of them right`, async () => {
        await assertReadsRight(FIFTEENTH, FIFTEENTH_FLOOR);
    });

    it('reads its classes in other words', async () => {
        // Written for the classes, not taken from the set; none of these was read right before.
        await assertLeadsAs([
            ['bitte stoppen Sie den Kontaktwechsel, ich bin weiterhin für die Abrechnung zuständig', 'object-to-request'],
            ['how can I get set as billing contact', 'change-billing-contact'],
            ['how do i get myself made the billing admin', 'change-billing-contact'],
            ['Ich habe mein GoToWebinar-Passwort vergessen', 'out-of-scope'],
            ['write to anna.mueller@mueller-design.example that the card expires in May', 'email-billing-admin'],
            ["I can't find the Go to Billing button, where is it?", 'topic-sign-in-billing']
        ]);
    });
});

describe('npm run intent on asking how to reach the billing contact', () => {
    it('reads it as a mail to them (the bot writes it), not as a change nor as the question who it is', async () => {
        // "contact" of "billing contact" read as the change, "erreichen" read as who: none of these was read as the mail before.
        await assertLeadsAs([
            ['how do I contact the billing contact?', 'email-billing-admin'],
            ['How can we get hold of our billing contact?', 'email-billing-admin'],
            ['wie erreiche ich den Abrechnungsadministrator?', 'email-billing-admin'],
            ['Wie kann ich unseren Rechnungskontakt erreichen', 'email-billing-admin']
        ]);
        // Out of reach is the role question, asked who it is stays one, a change stays one.
        await assertLeadsAs([
            ['Ich erreiche unseren Abrechnungsadministrator nicht', 'am-i-billing-contact'],
            ['how can I reach the billing contact, who is it?', 'who-is-billing-contact'],
            ['how can i change the billing contact', 'change-billing-contact']
        ]);
    });
});

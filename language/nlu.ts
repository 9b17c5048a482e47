import * as fs from 'fs';
import * as path from 'path';
import { containerBootstrap } from '@nlpjs/core';
import { Nlp, type NlpInstance } from '@nlpjs/nlp';
import { LangEn, StemmerEn } from '@nlpjs/lang-en-min';
import { LangDe, StemmerDe } from '@nlpjs/lang-de';
import { LANGS, type Lang } from '../core/language';
import { escapeRegExp, folded, hasPhrase, saysNoWords, sentencesOf, wordsOf as words } from '../core/words';
import { UNDERSTANDING_POLICY } from './understandingPolicy';
import { WordPatterns } from './wordPatterns';
import { BoundedMemo } from '../core/boundedMemo';
import { TypoMender, withoutTrainedSlips } from './typos';

/** What the person wants, as routed by the bot. */
export type Intent =
    | 'who-is-billing-contact'
    | 'am-i-billing-contact'
    | 'change-billing-contact'
    | 'portal-password-reset'
    | 'email-billing-admin'
    | 'request-status'
    | 'object-to-request'
    | 'talk-to-human'
    | 'help'
    | 'cancel'
    | 'start-over'
    | 'switch-language'
    | 'greeting'
    | 'thanks'
    | 'topic-payment-invoicing'
    | 'topic-change-plan'
    | 'topic-payment-method'
    | 'topic-invoice-history'
    | 'topic-reactivate-plan'
    | 'topic-sign-in-billing'
    | 'topic-online-vs-corporate'
    | 'topic-why-not-online'
    | 'topic-pay-online-portal'
    | 'more-topics'
    | 'goodbye'
    | 'out-of-scope'
    | 'none';

/** The related topics of the help article (DESIGN §1.6), as intents. */
export const TOPIC_INTENTS = [
    'topic-payment-invoicing',
    'topic-change-plan',
    'topic-payment-method',
    'topic-invoice-history',
    'topic-reactivate-plan',
    'topic-sign-in-billing',
    'topic-online-vs-corporate',
    'topic-why-not-online',
    'topic-pay-online-portal'
] as const;

/** A related topic intent. */
export type TopicIntent = (typeof TOPIC_INTENTS)[number];

/** One understood utterance. */
export interface Understanding {
    readonly intent: Intent;
    /** Classifier confidence, 0–1 (1 for `none` on empty input). */
    readonly score: number;
    /** The language the text was understood in. */
    readonly language: Lang;
    /** For `switch-language`: the language asked for. */
    readonly targetLanguage?: Lang;
}

/** Texts whose reading {@link IntentRecognizer.recognize} keeps: the messages and clauses many people send alike, and those of the turns running at once. */
export const RECOGNIZED_KEPT = 2048;

/** Longer texts are read each time (a message may hold up to 20,000 characters). */
const RECOGNIZED_MAX_LENGTH = 1000;

/** The most words of a message that says only that it was all ("das wars schon", "ok that's all for now"), read as a closing. */
const CLOSING_ALONE_MAX_WORDS = 5;

/** `read(text)`, kept in `memo` ({@link BoundedMemo}) unless the text is longer than {@link RECOGNIZED_MAX_LENGTH}. */
function keptPerText<V>(memo: BoundedMemo<string, V>, text: string, read: (text: string) => V): V {
    return text.length > RECOGNIZED_MAX_LENGTH ? read(text) : memo.get(text, read);
}

/** From this many sentences on, a message is read sentence by sentence. */
const LONG_MESSAGE_PARTS = 3;

/** A clause of fewer words ("ok,", "hi there,") is no question of its own ({@link IntentRecognizer.byClause}). */
const MIN_CLAUSE_WORDS = 3;

/** Words this long may say something of their own ("Januar", "Fischer"); shorter ones are mostly glue. */
const CONTENT_WORD_LENGTH = 4;

/** Words other than its own a cancel may have ("ich möchte den Vorgang abbrechen"); more say something else. */
const CANCEL_MAX_OTHER_WORDS = 1;

/** Words other than its own a language switch may have ("could you answer in English, my German is bad"); more say something else. */
const SWITCH_MAX_OTHER_WORDS = 1;

/** A question about oneself this short ("Is it me?", "Bin ich das?") asks nothing else. */
const SHORT_SELF_QUESTION = 4;

/** What the reading of a long message as a whole weighs against one of its sentences. */
const WHOLE_WEIGHT = 0.5;

/** A sentence that asks (a question, or a request in words) weighs this much more than a statement in a long message. */
const QUESTION_WEIGHT = 2;

/** Intents that ask for nothing: they say nothing about what a long message wants, and a question at the rating's comment reading as one is no new request. */
export const SMALL_TALK: ReadonlySet<Intent> = new Set(['none', 'greeting', 'thanks', 'help', 'out-of-scope', 'goodbye']);

/** What may open a message before the request itself ("Hallo, …", "thanks! and …"). */
const OPENINGS: readonly Intent[] = ['greeting', 'thanks'];

/** An opening is at most this many words long ("good morning", "hallo zusammen", "hi there"). */
const MAX_OPENING_WORDS = 3;


/** The intent of messages outside the bot's field ("What's the weather like tomorrow?"). */
const OUT_OF_SCOPE = 'out-of-scope';

/** A message the classifier cannot place counts as out of scope from this many words on, when none of them is a word of the bot's field. */
const OUT_OF_SCOPE_MIN_WORDS = 3;

/** A word used by at most this many of the bot's own intents is a word of its field ("abrechnungskontakt", "invoice"). */
const FIELD_WORD_MAX_INTENTS = 3;

/** Words of one language alone that make a message plainly written in it ({@link IntentRecognizer.clearLanguage}). */
const CLEAR_LANGUAGE_WORDS = 4;

const SWITCH_PREFIX = 'switch-language-';

/** The classifier's intents of a language switch, one per language asked for. */
const SWITCH_INTENTS = LANGS.map((lang) => `${SWITCH_PREFIX}${lang}`);

/** Anything written like an email address ("sarah.lee@northwind.example"). */
export const EMAIL_LIKE = /[^\s@,;:<>()"']+@[^\s@,;:<>()"']+/g;

/**
 * A text in which the language guesser finds no letter trigram and which it
 * reads as Latin script: only U+0020–U+0040 (space, digits, most punctuation).
 */
const NO_TRIGRAM_TEXT = /^[\u0020-\u0040]+$/u;

/** The words that name a language, in either language ("English", "Englisch", "deutsch", "German"); "deutscher Meister", "Deutsche Bank" name none. */
const LANGUAGE_NAME = /^(english|englisch|deutsch|german|englischsprachig|deutschsprachig)$/u;

/**
 * Routes free text to an intent with NLP.js classifiers (one per language),
 * trained at start-up from the utterance lists in `locales/{de,en}/intents.json`.
 */
export class IntentRecognizer {
    /** What the letter guess says for a text without trigrams ({@link NO_TRIGRAM_TEXT}), asked once. */
    private trigramlessGuess?: Lang;

    /** {@link recognize}'s readings of the texts read last, per language asked for (issue 16). */
    private readonly readings = new BoundedMemo<string, Readonly<Understanding>>(RECOGNIZED_KEPT);

    /** {@link clearLanguage}'s answers for the texts read last (issue 16). */
    private readonly clearLanguages = new BoundedMemo<string, Lang | undefined>(RECOGNIZED_KEPT);

    /** {@link asksWhetherPersonHolds}'s answers for the texts read last (issue 16). */
    private readonly holderQuestions = new BoundedMemo<string, boolean>(RECOGNIZED_KEPT);

    /** Each language's mending of slips of typing before the classifier reads a message ({@link TypoMender}). */
    private readonly typos: ReadonlyMap<Lang, TypoMender>;
    /** Whether a word (lower case) is one the bot knows in either language: a word of its phrases or sentences, an everyday word, a yes or no. */
    private readonly knownWord: (word: string) => boolean;

    private constructor(
        private readonly nlp: NlpInstance,
        private readonly intents: ReadonlySet<string>,
        private readonly informative: ReadonlyMap<Lang, Vocabulary>,
        private readonly languageWords: ReadonlyMap<Lang, ReadonlySet<string>>,
        private readonly requestMarkers: ReadonlyMap<Lang, readonly string[]>,
        private readonly storyMarkers: ReadonlyMap<Lang, readonly string[]>,
        private readonly selfMarkers: readonly string[],
        private readonly whoWords: readonly string[],
        private readonly holderQuestion: HolderQuestionWords,
        private readonly contrary: ContraryWords,
        private readonly answerWords: ReadonlySet<string>,
        private readonly outside: Readonly<Record<keyof OutsideWords, WordPatterns>>,
        private readonly synonyms: readonly FieldSynonym[],
        private readonly invoiceHistory: Readonly<Record<keyof InvoiceHistoryWords, WordPatterns>>,
        private readonly removal: Readonly<Record<keyof RemovalWords, WordPatterns>>,
        private readonly progress: WordPatterns,
        private readonly permission: Readonly<Record<keyof PermissionWords, WordPatterns>>,
        private readonly appointment: Readonly<Record<keyof AppointmentWords, WordPatterns>>,
        private readonly role: WordPatterns,
        private readonly otherShown: Readonly<Record<keyof OtherShownWords, WordPatterns>>,
        private readonly billingNotice: Readonly<Record<keyof BillingNoticeWords, WordPatterns>>,
        private readonly whyNotOnline: Readonly<Record<keyof WhyNotOnlineWords, WordPatterns>>,
        private readonly billingCycle: WordPatterns,
        private readonly rolePermissions: WordPatterns,
        private readonly unreachable: WordPatterns,
        private readonly reach: Readonly<Record<keyof ReachWords, WordPatterns>>,
        private readonly refusal: WordPatterns,
        private readonly suspension: Readonly<Record<keyof SuspensionWords, WordPatterns>>,
        private readonly portalPassword: Readonly<Record<keyof PortalPasswordWords, WordPatterns>>,
        private readonly planSwitch: WordPatterns,
        private readonly planEnd: WordPatterns,
        private readonly thatsAll: WordPatterns,
        private readonly topicCues: ReadonlyArray<TopicCue>,
        private readonly ownMail: Readonly<Record<keyof OwnMailWords, WordPatterns>>,
        private readonly arithmetic: RegExp,
        private readonly everydayWords: ReadonlySet<string>,
        wordCounts: ReadonlyMap<Lang, ReadonlyMap<string, number>>,
        sentenceWords: ReadonlySet<string>,
        private readonly politeLeadIns: PoliteLeadIns,
        private readonly languageLeave: Readonly<Record<keyof LanguageLeaveWords, WordPatterns>>
    ) {
        // A word of either language's phrases or a form of one ("nachfragen" beside "nachfrage"), a yes or no, an everyday word,
        // or a word of the bot's own sentences ("abmelden", "content": real words, however near "anmelden" and "consent") is meant as written.
        // A slip a training phrase makes on purpose ("abrechungskontakt") is mended like any other: it is no word meant as written.
        const known = new Map(LANGS.map((lang) => [lang, withoutTrainedSlips(wordCounts.get(lang) ?? new Map())]));
        const stems = new Map(LANGS.map((lang) => [lang, new Set([...(known.get(lang)?.keys() ?? [])].map((word) => STEMMERS[lang].stemWord(word)))]));
        const meantAsWritten = (word: string): boolean =>
            answerWords.has(word) ||
            everydayWords.has(word) ||
            sentenceWords.has(word) ||
            LANGS.some((lang) => known.get(lang)?.has(word) === true || stems.get(lang)?.has(STEMMERS[lang].stemWord(word)) === true);
        this.typos = new Map(LANGS.map((lang) => [lang, new TypoMender(known.get(lang) ?? new Map(), meantAsWritten)]));
        this.knownWord = meantAsWritten;
    }

    /** Trains both languages from `localesDir`; takes well under a second. */
    public static async train(localesDir: string): Promise<IntentRecognizer> {
        const container = await containerBootstrap();
        container.use(Nlp);
        container.use(LangEn);
        container.use(LangDe);
        for (const lang of LANGS) {
            // NLP.js logs every training epoch to the console unless told not to (its defaults otherwise).
            container.registerConfiguration(`nlu-${lang}`, { log: false, keepStopwords: true, nonefeatureValue: 1, nonedeltaMultiplier: 1.2, spellCheck: false, filterZeros: true }, true);
        }
        const nlp = container.get('nlp');
        nlp.settings.autoSave = false;
        nlp.settings.autoLoad = false;
        const intents = new Set<string>();
        const informative = new Map<Lang, Vocabulary>();
        const languageWords = new Map<Lang, ReadonlySet<string>>();
        const requestMarkers = new Map<Lang, readonly string[]>();
        const storyMarkers = new Map<Lang, readonly string[]>();
        const selfMarkers: string[] = [];
        const whoWords: string[] = [];
        const holderQuestion: HolderQuestionWords = { lead: new Set(), starts: new Set(), notPerson: new Set() };
        const contrary: ContraryWords = { words: new Set(), negations: new Set() };
        const answerWords = new Set<string>();
        const outside: OutsideWords = { otherBills: [], elsewhere: [], ours: [], topics: [], ownBooks: [], field: [], business: [], product: [], login: [] };
        const synonyms: FieldSynonym[] = [];
        const invoiceHistory: InvoiceHistoryWords = { invoice: [], see: [] };
        const removal: RemovalWords = { remove: [], role: [], out: [], stays: [], things: [] };
        const progress: string[] = [];
        const permission: PermissionWords = { asks: [], self: [] };
        const appointment: AppointmentWords = { appoint: [], left: [], changedTo: [], become: [], selfTakeOver: [], selfStepsDown: [], holder: [], handover: [], doesIt: [], doesWork: [], work: [], not: [] };
        const role: string[] = [];
        const billingCycle: string[] = [];
        const rolePermissions: string[] = [];
        const unreachable: string[] = [];
        const reach: ReachWords = { how: [], reach: [] };
        const refusal: string[] = [];
        const suspension: SuspensionWords = { suspended: [], unpaid: [] };
        const portalPassword: PortalPasswordWords = { password: [], trouble: [], locked: [], portal: [] };
        const planSwitch: string[] = [];
        const planEnd: string[] = [];
        const thatsAll: string[] = [];
        const topicCues: Array<{ intent: Intent; groups: string[][] }> = [];
        const ownMail: OwnMailWords = { self: [], we: [], receive: [], mail: [], stopped: [] };
        const otherShown: OtherShownWords = { shown: [], other: [], why: [] };
        const languageLeave: LanguageLeaveWords = { ask: [], use: [], beside: [] };
        const billingNotice: BillingNoticeWords = { button: [], notice: [] };
        const whyNotOnline: WhyNotOnlineWords = { why: [], not: [], online: [] };
        const operators: string[] = [];
        const politeLeadIns: PoliteLeadIns = { plain: [], askingYou: [] };
        const everydayWords = new Set<string>();
        const trainedSlips = new Set<string>();
        const corpora = new Map<Lang, Record<string, string[]>>();
        const ruleWords = new Map<Lang, Set<string>>();
        for (const lang of LANGS) {
            const common = JSON.parse(fs.readFileSync(path.join(localesDir, lang, 'common.json'), 'utf8')) as { yesWords?: unknown; noWords?: unknown; sideQuestion?: { heard?: { permissions?: unknown } } };
            const heard = common.sideQuestion?.heard?.permissions;
            rolePermissions.push(...(Array.isArray(heard) ? heard.filter((m): m is string => typeof m === 'string').map((m) => words(folded(m)).join(' ')) : []));
            for (const list of [common.yesWords, common.noWords]) {
                for (const phrase of Array.isArray(list) ? list : []) {
                    const said = typeof phrase === 'string' ? words(folded(phrase)) : [];
                    if (said.length === 1) {
                        answerWords.add(said[0]);
                    }
                }
            }
            const main = JSON.parse(fs.readFileSync(path.join(localesDir, lang, 'main.json'), 'utf8')) as {
                requestMarkers?: unknown;
                requestJoiners?: unknown;
                selfQuestionMarkers?: unknown;
                whoQuestionWords?: unknown;
                holderQuestionWords?: { lead?: unknown; starts?: unknown; notPerson?: unknown };
                contraryWords?: { words?: unknown; negations?: unknown };
                outOfScopeWords?: Partial<Record<keyof OutsideWords, unknown>>;
                fieldSynonyms?: Record<string, unknown>;
                invoiceHistoryWords?: Partial<Record<keyof InvoiceHistoryWords, unknown>>;
                removalWords?: Partial<Record<keyof RemovalWords, unknown>>;
                progressWords?: unknown;
                permissionWords?: Partial<Record<keyof PermissionWords, unknown>>;
                appointmentWords?: Partial<Record<keyof AppointmentWords | 'handoverFrom' | 'handoverWhen', unknown>>;
                roleWords?: unknown;
                billingCycleWords?: unknown;
                unreachableWords?: unknown;
                reachWords?: Partial<Record<keyof ReachWords, unknown>>;
                objectionWords?: { refuse?: unknown };
                suspensionWords?: Partial<Record<keyof SuspensionWords, unknown>>;
                portalPasswordWords?: Partial<Record<keyof PortalPasswordWords, unknown>>;
                planSwitchWords?: unknown;
                planEndWords?: unknown;
                thatsAll?: { heard?: unknown };
                topicCues?: Record<string, unknown>;
                ownMailWords?: Partial<Record<keyof OwnMailWords, unknown>>;
                otherShownWords?: Partial<Record<keyof OtherShownWords, unknown>>;
                languageLeaveWords?: { heard?: Partial<Record<keyof LanguageLeaveWords, unknown>> };
                billingNoticeWords?: Partial<Record<keyof BillingNoticeWords, unknown>>;
                whyNotOnlineWords?: Partial<Record<keyof WhyNotOnlineWords, unknown>>;
                arithmeticWords?: unknown;
                everydayWords?: unknown;
                trainedSlips?: unknown;
                particleWords?: unknown;
                politeLeadIns?: { heard?: Partial<Record<keyof PoliteLeadIns, unknown>> };
            };
            synonyms.push(...fieldSynonyms(main.fieldSynonyms));
            const phrases = (list: unknown): string[] => (Array.isArray(list) ? list.filter((m): m is string => typeof m === 'string').map((m) => words(folded(m)).join(' ')) : []);
            for (const kind of Object.keys(outside) as Array<keyof OutsideWords>) {
                // The * of a word pattern ("strom*", "*steuer") is kept; the rest is written as a phrase.
                const list = main.outOfScopeWords?.[kind];
                const marks = (m: string): [string, string] => [m.startsWith('*') ? '*' : m.startsWith('^') ? '^' : '', m.endsWith('*') ? '*' : ''];
                outside[kind].push(...(Array.isArray(list) ? list.filter((m): m is string => typeof m === 'string') : []).map((m) => `${marks(m)[0]}${words(folded(m)).join(' ')}${marks(m)[1]}`));
            }
            // The words of the rules' lists are words a slip of typing is mended to, as the training phrases' are ("übernimt" → "übernimmt").
            const ruleWordsOfLang = new Set<string>();
            ruleWords.set(lang, ruleWordsOfLang);
            const patterns = (list: unknown): string[] => {
                const found = (Array.isArray(list) ? list.filter((m): m is string => typeof m === 'string') : []).map((m) => (m.endsWith('*') ? `${words(folded(m)).join(' ')}*` : words(folded(m)).join(' ')));
                found.filter((pattern) => !pattern.endsWith('*')).forEach((pattern) => pattern.split(' ').forEach((word) => ruleWordsOfLang.add(word)));
                return found;
            };
            for (const kind of Object.keys(invoiceHistory) as Array<keyof InvoiceHistoryWords>) {
                invoiceHistory[kind].push(...patterns(main.invoiceHistoryWords?.[kind]));
            }
            for (const kind of Object.keys(removal) as Array<keyof RemovalWords>) {
                removal[kind].push(...patterns(main.removalWords?.[kind]));
            }
            progress.push(...patterns(main.progressWords));
            for (const kind of Object.keys(permission) as Array<keyof PermissionWords>) {
                permission[kind].push(...patterns(main.permissionWords?.[kind]));
            }
            for (const kind of Object.keys(appointment) as Array<keyof AppointmentWords>) {
                appointment[kind].push(...patterns(main.appointmentWords?.[kind]));
            }
            // "from May", "ab nächstem Monat": a start (`handoverFrom`) before a time (`handoverWhen`) says when another takes over, as "künftig" does.
            const handoverWhen = patterns(main.appointmentWords?.handoverWhen);
            for (const from of patterns(main.appointmentWords?.handoverFrom)) {
                appointment.handover.push(...handoverWhen.map((when) => `${from} ${when}`));
            }
            role.push(...patterns(main.roleWords));
            billingCycle.push(...patterns(main.billingCycleWords));
            unreachable.push(...patterns(main.unreachableWords));
            for (const kind of Object.keys(reach) as Array<keyof ReachWords>) {
                reach[kind].push(...patterns(main.reachWords?.[kind]));
            }
            refusal.push(...patterns(main.objectionWords?.refuse));
            for (const kind of Object.keys(suspension) as Array<keyof SuspensionWords>) {
                suspension[kind].push(...patterns(main.suspensionWords?.[kind]));
            }
            for (const kind of Object.keys(portalPassword) as Array<keyof PortalPasswordWords>) {
                portalPassword[kind].push(...patterns(main.portalPasswordWords?.[kind]));
            }
            planSwitch.push(...patterns(main.planSwitchWords));
            planEnd.push(...patterns(main.planEndWords));
            thatsAll.push(...patterns(main.thatsAll?.heard));
            for (const kind of Object.keys(ownMail) as Array<keyof OwnMailWords>) {
                ownMail[kind].push(...patterns(main.ownMailWords?.[kind]));
            }
            for (const [intent, groups] of Object.entries(main.topicCues ?? {})) {
                if ((TOPIC_INTENTS as readonly string[]).includes(intent) && Array.isArray(groups)) {
                    topicCues.push({ intent: intent as Intent, groups: groups.map((group) => patterns(group)) });
                }
            }
            for (const kind of Object.keys(whyNotOnline) as Array<keyof WhyNotOnlineWords>) {
                whyNotOnline[kind].push(...patterns(main.whyNotOnlineWords?.[kind]));
            }
            for (const kind of Object.keys(billingNotice) as Array<keyof BillingNoticeWords>) {
                billingNotice[kind].push(...patterns(main.billingNoticeWords?.[kind]));
            }
            for (const kind of Object.keys(otherShown) as Array<keyof OtherShownWords>) {
                otherShown[kind].push(...patterns(main.otherShownWords?.[kind]));
            }
            for (const kind of Object.keys(languageLeave) as Array<keyof LanguageLeaveWords>) {
                languageLeave[kind].push(...patterns(main.languageLeaveWords?.heard?.[kind]));
            }
            operators.push(...phrases(main.arithmeticWords));
            for (const kind of Object.keys(politeLeadIns) as Array<keyof PoliteLeadIns>) {
                politeLeadIns[kind].push(...phrases(main.politeLeadIns?.heard?.[kind]));
            }
            for (const word of phrases(main.everydayWords)) {
                everydayWords.add(word);
            }
            for (const word of phrases(main.trainedSlips)) {
                trainedSlips.add(word);
            }
            // "ab Mai", "bin ab Juni in Elternzeit": a particle (`main:particleWords`) backs no intent alone, as a yes or a no does not
            // ("ab" of "brich ab" made "ab Mai" a cancel, which dropped a change request at its summary).
            for (const word of phrases(main.particleWords)) {
                answerWords.add(word);
            }
            requestMarkers.set(lang, phrases(main.requestMarkers));
            // "I clicked Billing and got to the portal." asks nothing: a joining word ("and", "außerdem") is no request of its own in a story.
            const joiners = new Set(phrases(main.requestJoiners));
            storyMarkers.set(lang, phrases(main.requestMarkers).filter((marker) => !joiners.has(marker)));
            selfMarkers.push(...phrases(main.selfQuestionMarkers));
            whoWords.push(...phrases(main.whoQuestionWords));
            phrases(main.holderQuestionWords?.lead).forEach((word) => holderQuestion.lead.add(word));
            phrases(main.holderQuestionWords?.starts).forEach((word) => holderQuestion.starts.add(word));
            phrases(main.holderQuestionWords?.notPerson).forEach((word) => holderQuestion.notPerson.add(word));
            phrases(main.contraryWords?.words).forEach((word) => contrary.words.add(word));
            phrases(main.contraryWords?.negations).forEach((word) => contrary.negations.add(word));
            nlp.addLanguage(lang);
            const file = path.join(localesDir, lang, 'intents.json');
            const corpus = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string[]>;
            for (const [intent, utterances] of Object.entries(corpus)) {
                if (!Array.isArray(utterances) || utterances.some((u) => typeof u !== 'string')) {
                    throw new Error(`IntentRecognizer.train(): ${file}: "${intent}" must be a list of utterances`);
                }
                intents.add(intent);
                for (const utterance of utterances) {
                    nlp.addDocument(lang, folded(utterance), intent);
                }
            }
            languageWords.set(lang, wordsOfLanguage(corpus));
            corpora.set(lang, corpus);
            informative.set(lang, informativeVocabulary(Object.fromEntries(Object.entries(corpus).map(([intent, list]) => [intent, list.map(folded)]))));
        }
        await nlp.train();
        // "what's 2+2", "was ist 3 mal 4": a number, a sign or word of reckoning, a number.
        const arithmetic = new RegExp(`\\d\\s*(?:[+*×]|${['(?!)', ...operators.map(escapeRegExp)].join('|')})\\s*\\d`, 'u');
        return new IntentRecognizer(
            nlp,
            intents,
            informative,
            languageWords,
            requestMarkers,
            storyMarkers,
            selfMarkers,
            whoWords,
            holderQuestion,
            contrary,
            answerWords,
            patternsOf(outside),
            synonyms,
            patternsOf(invoiceHistory),
            patternsOf(removal),
            WordPatterns.of(progress),
            patternsOf(permission),
            patternsOf(appointment),
            WordPatterns.of(role),
            patternsOf(otherShown),
            patternsOf(billingNotice),
            patternsOf(whyNotOnline),
            WordPatterns.of(billingCycle),
            WordPatterns.of(rolePermissions),
            WordPatterns.of(unreachable),
            patternsOf(reach),
            WordPatterns.of(refusal),
            patternsOf(suspension),
            patternsOf(portalPassword),
            WordPatterns.of(planSwitch),
            WordPatterns.of(planEnd),
            WordPatterns.of(thatsAll),
            topicCues.map(({ intent, groups }) => ({ intent, groups: groups.map((group) => WordPatterns.of(group)) })),
            patternsOf(ownMail),
            arithmetic,
            everydayWords,
            // A slip the phrases make on purpose (`main:trainedSlips`, "billng") is no word meant as written: it is mended ("billing").
            new Map(LANGS.map((lang) => [lang, without(withRuleWords(wordCounts(corpora.get(lang) ?? {}), ruleWords.get(lang) ?? new Set()), trainedSlips)])),
            new Set([...sentenceWords(localesDir)].filter((word) => !trainedSlips.has(word))),
            politeLeadIns,
            patternsOf(languageLeave)
        );
    }

    /**
     * True when `word` is a word of either language the bot knows: one of its training phrases'
     * words, or an everyday word of `main:everydayWords` ("earlier", "vorhin"). Such a word is
     * never a portal user ID, which is a login (`pbrooks`, `mbergmann-billing`) or an address.
     */
    public knowsWord(word: string): boolean {
        const said = words(folded(word));
        return said.length === 1 && (this.everydayWords.has(said[0]) || LANGS.some((lang) => this.languageWords.get(lang)?.has(said[0]) === true));
    }

    /** A few words, no question, that say it was all (`main:thatsAll.heard`: "das wars schon", "ok that's all for now"). */
    private closingAlone(utterance: string): boolean {
        const said = words(folded(utterance));
        return !utterance.includes('?') && said.length <= CLOSING_ALONE_MAX_WORDS && this.thatsAll.mentionedIn(said);
    }

    /** True when `text` names the billing contact's role (`main:roleWords`, either language: "billing contact", "Abrechnungskontakt"). */
    public namesTheRole(text: string): boolean {
        return this.role.mentionedIn(words(spelledOut(folded(text))));
    }

    /**
     * Understands `text` in `lang`, or, when no language is known yet, in the
     * language the text looks written in (trigram guess), unless only the other
     * language's classifier understands it or is far surer.
     */
    public async recognize(text: string, lang?: Lang): Promise<Understanding> {
        // The classifier is trained once and the word lists are read at training: the same text reads the same, and
        // a turn reads the clauses of its message that other people's messages had too ("Ja", "Yes, email them for me").
        return text.length > RECOGNIZED_MAX_LENGTH ? this.readFresh(text, lang) : this.readings.getAsync(`${lang ?? ''}\u0000${text}`, async () => Object.freeze({ ...(await this.readFresh(text, lang)) }));
    }

    /** How many of {@link recognize}'s readings are kept (at most {@link RECOGNIZED_KEPT}). */
    public get readingsKept(): number {
        return this.readings.size;
    }

    private async readFresh(text: string, lang?: Lang, placed?: Understanding): Promise<Understanding> {
        // An address says who the person is, not what they want: "i'm sarah.lee@northwind.example, am i …" is read without it.
        const utterance = utteranceOf(text);
        if (utterance === '') {
            return { intent: 'none', score: 1, language: lang ?? 'en' };
        }
        // "my verizon bill is too high", "mikro geht nicht", "bist du ein mensch": named outside the field, it is out of scope, whatever
        // words of the field it shares ("bill", "geht nicht"); in the conversation's language, or the one it looks written in.
        if (this.outsideField(utterance)) {
            return { intent: OUT_OF_SCOPE, score: UNDERSTANDING_POLICY.offField, language: lang ?? this.guessLanguage(utterance) };
        }
        // Digits and punctuation that are no sum (a code, a date): the classifier and the rules after it read words, and there are
        // none; only several numbers in a row ("0049 30 123") are out of scope, as a sentence of words none of the field's would be.
        if (saysNoWords(utterance)) {
            return this.orOutOfScope({ intent: 'none', score: 1, language: lang ?? 'en' }, utterance);
        }
        // `placed`: the classifier's reading of this very text, when the caller has it already (a story's question, {@link byParts}).
        const asWhole = placed ?? (await this.recognizeOne(utterance, lang));
        // "das wars schon", "that's all": a closing said alone (`main:thatsAll.heard` in a few words, no question) thanks and leaves,
        // whatever else the classifier makes of the words around it ("das wars schon" read as a request's status).
        if (asWhole.intent !== 'thanks' && asWhole.intent !== 'goodbye' && this.closingAlone(utterance)) {
            return { intent: 'thanks', score: UNDERSTANDING_POLICY.ruleWords, language: asWhole.language };
        }
        const whole = asWhole.intent === 'none' ? ((await this.byClause(utterance, lang)) ?? asWhole) : asWhole;
        const parts = sentencesOf(utterance);
        const read = parts.length >= LONG_MESSAGE_PARTS || (parts.length > 1 && asksOnce(parts)) ? await this.byParts(whole, parts) : whole;
        const opened = SMALL_TALK.has(read.intent) ? ((await this.afterOpening(utterance, lang)) ?? read) : read;
        const understood = (await this.afterLeadIn(utterance, opened, lang)) ?? opened;
        // "how do I see our invoices", "wo kann ich die Rechnungen einsehen": where to see invoices is the article's related topic, not another field.
        if ((understood.intent === 'none' || understood.intent === OUT_OF_SCOPE) && this.asksToSeeInvoices(utterance)) {
            return { intent: 'topic-invoice-history', score: UNDERSTANDING_POLICY.ruleWords, language: understood.language };
        }
        // "Maria als Kontakt entfernen", "remove Peter Brooks as billing contact": a removal is a change of billing contact (an account always needs one).
        // "klaus soll raus, nur noch maria", "remove Klaus, Maria stays": one removed and another kept is too, whatever it was read as.
        // The rules read the words with their slips of typing mended ("remove Peter as billing contcat", "ab Mai übernimt Lea das").
        const said = words(spelledOut(this.mended(this.withSynonyms(utterance), understood.language)));
        if ((BEFORE_REMOVAL.has(understood.intent) && this.asksRemoval(said)) || this.removesOneKeepsOther(said)) {
            return { intent: 'change-billing-contact', score: UNDERSTANDING_POLICY.ruleWords, language: understood.language };
        }
        // "the person listed for billing doesn't work here anymore", "set up a new billing admin for us": a billing contact who left,
        // or one to be appointed, asks for a change; not when asked who it is or whether it is oneself ("who takes over now?").
        // "I clicked Billing and it only shows someone else's name and email. Why?": why Billing shows another person is how signing in to Billing works (the article's case d).
        if (BEFORE_OTHER_SHOWN.has(understood.intent) && this.outside.field.mentionedIn(said) && this.otherShown.shown.mentionedIn(said) && this.otherShown.other.mentionedIn(said) && this.otherShown.why.mentionedIn(said)) {
            return { intent: 'topic-sign-in-billing', score: UNDERSTANDING_POLICY.ruleWords, language: understood.language };
        }
        // "wieso kann ich nicht online mit Karte zahlen?": asked why not online, the difference of the accounts is why it cannot be (the article's own topic).
        // "how come we can't just pay online by card?": read as the way of paying, asked why not online, it is the same topic.
        const online =
            understood.intent === 'topic-online-vs-corporate' ||
            ((understood.intent === 'topic-payment-method' || understood.intent === 'topic-pay-online-portal') && this.whyNotOnline.online.mentionedIn(said) && !this.outside.field.mentionedIn(said));
        if (online && this.whyNotOnline.why.mentionedIn(said) && this.whyNotOnline.not.mentionedIn(said)) {
            return { intent: 'topic-why-not-online', score: UNDERSTANDING_POLICY.ruleWords, language: understood.language };
        }
        // "When I click Go to Billing I get a message, what does it mean?": the note at Billing's button is how signing in to Billing works.
        if (BEFORE_OTHER_SHOWN.has(understood.intent) && this.billingNotice.button.mentionedIn(said) && this.billingNotice.notice.mentionedIn(said)) {
            return { intent: 'topic-sign-in-billing', score: UNDERSTANDING_POLICY.ruleWords, language: understood.language };
        }
        // "I'm the billing contact and can't get into the Corporate Billing Portal, no clue what my password is": a password of the
        // portal that fails is the portal reset, whatever role the person names on the way (`main:portalPasswordWords`).
        const { password, trouble, locked, portal } = this.portalPassword;
        const portalTrouble = (password.mentionedIn(said) && trouble.mentionedIn(said) && this.outside.field.mentionedIn(said)) || (locked.mentionedIn(said) && portal.mentionedIn(said));
        if (BEFORE_PORTAL_PASSWORD.has(understood.intent) && portalTrouble) {
            return { intent: 'portal-password-reset', score: UNDERSTANDING_POLICY.ruleWords, language: understood.language };
        }
        // "Warum bekomme ich keine Rechnungsmails mehr?", "why do I get all the billing emails?": why one gets (or no longer gets) the
        // billing mails asks whether one is the billing contact (`main:ownMailWords`), not why the account is not online; asked, not a change.
        const ownMailAsked = BEFORE_OWN_MAIL.has(understood.intent) || (understood.intent === 'change-billing-contact' && utterance.trim().endsWith('?'));
        if (ownMailAsked && this.whyNotOnline.why.mentionedIn(said) && this.ownMail.self.mentionedIn(said) && this.ownMail.receive.mentionedIn(said) && this.ownMail.mail.mentionedIn(said)) {
            return { intent: 'am-i-billing-contact', score: UNDERSTANDING_POLICY.ruleWords, language: understood.language };
        }
        // "wir bekommen keine Rechnungen mehr per Mail", "I don't get the invoice emails anymore": the billing mails that stopped coming to the
        // writer (or their team) go to the billing contact, which the role answer names; not the payment method ("per Mail" read as paying).
        // Told beside a change asked for ("… doesn't want to deal with invoices anymore. How do we get that switched over to me?") it stays the change.
        const mailsStopped = (this.ownMail.self.mentionedIn(said) || this.ownMail.we.mentionedIn(said)) && this.ownMail.stopped.mentionedIn(said) && !this.appointment.appoint.mentionedIn(said);
        if (BEFORE_OWN_MAIL.has(understood.intent) && mailsStopped && this.ownMail.receive.mentionedIn(said) && this.ownMail.mail.mentionedIn(said)) {
            return { intent: 'am-i-billing-contact', score: UNDERSTANDING_POLICY.ruleWords, language: understood.language };
        }
        // "could you find out whether i'm our billing contact", "am i the one who gets the invoices?": asked about oneself and the role, it is "am I".
        if (BEFORE_SELF_ROLE.has(understood.intent) && this.asksAboutSelf(said) && this.role.mentionedIn(said)) {
            return { intent: 'am-i-billing-contact', score: UNDERSTANDING_POLICY.ruleWords, language: understood.language };
        }
        // "can you just tell me who the billing contact is right now so I can sort this out": who holds the role, asked in words the
        // classifier reads as no request, is the question who it is (a long story's last part, weighed against what it told before).
        if (understood.intent === 'none' && this.asksWhoHolds(said) && !this.asksAboutSelf(said)) {
            return { intent: 'who-is-billing-contact', score: UNDERSTANDING_POLICY.ruleWords, language: understood.language };
        }
        // "what can a billing contact actually do?" (`common:sideQuestion.heard.permissions`): what the role may do is asked of the role, which the role check answers, not a change.
        // "can the billing person be swapped to someone in accounting": asked whether the role can pass on, read as the change, it stays one.
        const passedOn = understood.intent === 'change-billing-contact' && this.appointment.appoint.mentionedIn(said);
        if (BEFORE_ROLE_PERMISSIONS.has(understood.intent) && this.rolePermissions.mentionedIn(said) && !passedOn) {
            return { intent: this.asksAboutSelf(said) ? 'am-i-billing-contact' : 'who-is-billing-contact', score: UNDERSTANDING_POLICY.ruleWords, language: understood.language };
        }
        // "Is Sarah also a billing contact?", "ist klaus noch abrechnungskontakt": whether a person holds the role is asked of the role,
        // which the answer who it is answers; not a change ("also a billing contact" read as adding one), nor asked about oneself.
        if (BEFORE_HOLDER_QUESTION.has(understood.intent) && this.asksWhetherHolder(said)) {
            return { intent: 'who-is-billing-contact', score: UNDERSTANDING_POLICY.ruleWords, language: understood.language };
        }
        // A role question asked ("Is Eva the new billing contact?") stays one; "set up a new billing admin for us" asks for the change.
        const roleQuestion = !utterance.trim().endsWith('?') && ROLE_QUESTIONS.has(understood.intent) && !this.asksWho(said) && !this.asksAboutSelf(said);
        // "I'm objecting to the request to replace me as billing contact" refuses the change it names (`main:objectionWords.refuse`).
        // "ich möchte, dass der Abrechnungskontakt auf mich geändert wird": the role passed to a person (the writer too) is asked for, not asked about.
        const changedTo = ROLE_QUESTIONS.has(understood.intent) && !utterance.trim().endsWith('?') && this.appointment.changedTo.mentionedIn(said);
        if (
            (BEFORE_APPOINTMENT.has(understood.intent) || roleQuestion || changedTo) &&
            !this.refusal.mentionedIn(said) &&
            this.role.mentionedIn(said) &&
            (this.appointment.appoint.mentionedIn(said) || this.appointment.left.mentionedIn(said) || changedTo)
        ) {
            return { intent: 'change-billing-contact', score: UNDERSTANDING_POLICY.ruleWords, language: understood.language };
        }
        // "das übernehme ab sofort ich", "I'll be the billing contact from now on": the writer taking the role over asks for the change (as themselves).
        // "our finance guy quit", "unsere Buchhalterin ist weg": the one who does the billing, named by the job, has left ("quit" read as cancelling).
        // "I'm no longer responsible for billing, please take me off", "Ich bin nicht mehr für die Abrechnung zuständig": the writer giving the role up.
        const takesOver = this.appointment.selfTakeOver.mentionedIn(said) && !utterance.trim().endsWith('?');
        const holderLeft = this.appointment.holder.mentionedIn(said) && this.appointment.left.mentionedIn(said);
        const stepsDown = this.appointment.selfStepsDown.mentionedIn(said) && this.role.mentionedIn(said) && !utterance.trim().endsWith('?');
        if ((BEFORE_APPOINTMENT.has(understood.intent) || BEFORE_BECOMING.has(understood.intent) || understood.intent === 'cancel') && (takesOver || holderLeft || stepsDown) && !this.refusal.mentionedIn(said)) {
            return { intent: 'change-billing-contact', score: UNDERSTANDING_POLICY.ruleWords, language: understood.language };
        }
        // "ich möchte, dass künftig Eva das macht", "from now on Sarah should handle it", "ab Mai übernimmt Lea das", "ab dem 1. Mai macht Eva
        // die Abrechnung" (the name between verb and work), "I'm on parental leave from May, Sarah will handle billing": another to do it from a time on
        // is the change (the classifier may read the wish as an objection, "takes over" as starting over, a month as another field); not asked,
        // and not with a refusal or a "not".
        if (
            BEFORE_HANDOVER.has(understood.intent) &&
            !utterance.trim().endsWith('?') &&
            // A request's status is asked about with a question somewhere in the message ("… Ist der Antrag schon genehmigt? Die Nummer war …").
            (understood.intent !== 'request-status' || !utterance.includes('?')) &&
            this.appointment.handover.mentionedIn(said) &&
            (this.appointment.doesIt.mentionedIn(said) || (this.appointment.doesWork.mentionedIn(said) && this.appointment.work.mentionedIn(said))) &&
            !this.refusal.mentionedIn(said) &&
            !this.appointment.not.mentionedIn(said)
        ) {
            return { intent: 'change-billing-contact', score: UNDERSTANDING_POLICY.ruleWords, language: understood.language };
        }
        // "kann ich selber billing contact werden?", "how do i get myself set as billing admin": to become the role (the writer or another) is the change.
        if (BEFORE_BECOMING.has(understood.intent) && this.role.mentionedIn(said) && this.appointment.become.mentionedIn(said) && !this.refusal.mentionedIn(said)) {
            return { intent: 'change-billing-contact', score: UNDERSTANDING_POLICY.ruleWords, language: understood.language };
        }
        // Asked, not ordered ("bitte ändern, das muss heute erledigt werden", "please write to them again"): a request in words keeps its reading.
        const ordered = !utterance.trim().endsWith('?') && (this.requestMarkers.get(understood.language) ?? []).some((marker) => hasPhrase(said.join(' '), marker));
        // "Unser Abrechnungskontakt meldet sich nicht": a billing contact out of reach, said alone, is the role question (the bot offers the change
        // from there); a story that goes on to ask for a mail asks for the mail.
        if (BEFORE_UNREACHABLE.has(understood.intent) && sentencesOf(utterance).length === 1 && this.role.mentionedIn(said) && this.unreachable.mentionedIn(said) && !ordered) {
            return { intent: 'am-i-billing-contact', score: UNDERSTANDING_POLICY.ruleWords, language: understood.language };
        }
        // "how do I contact the billing contact?", "wie erreiche ich den Abrechnungsadministrator?": how to reach the role's holder is a mail
        // to them (the bot writes it for the person), not a change ("contact" of the role read as the change) nor the question who it is.
        if (BEFORE_REACH.has(understood.intent) && this.reach.how.mentionedIn(said) && this.reach.reach.mentionedIn(said) && this.role.mentionedIn(said) && !this.unreachable.mentionedIn(said) && !this.asksWho(said)) {
            return { intent: 'email-billing-admin', score: UNDERSTANDING_POLICY.ruleWords, language: understood.language };
        }
        // "our account was blocked over an unpaid invoice, how do we get it back": an account suspended for want of payment is reactivated.
        if (BEFORE_SUSPENSION.has(understood.intent) && this.suspension.suspended.mentionedIn(said) && this.suspension.unpaid.mentionedIn(said)) {
            return { intent: 'topic-reactivate-plan', score: UNDERSTANDING_POLICY.ruleWords, language: understood.language };
        }
        // "Ich will kündigen", "cancel my account": ending the subscription (`main:planEndWords`), placed nowhere by the classifier,
        // is the plan's topic, as "Abo kündigen" and "cancel our subscription" are (another field's contract is out of scope before); not with the role named.
        if (understood.intent === 'none' && this.planEnd.mentionedIn(said) && !this.role.mentionedIn(said)) {
            return { intent: 'topic-change-plan', score: UNDERSTANDING_POLICY.ruleWords, language: understood.language };
        }
        // "switch us to annual billing", "auf monatliche Abrechnung umstellen": a change of the billing cycle, not of a person, is a change of plan.
        // "how do I switch from monthly to annual billing": a switch of the billing cycle is a change of plan, also when the classifier places nothing.
        const cycleSwitch = understood.intent === 'change-billing-contact' || (understood.intent === 'none' && this.planSwitch.mentionedIn(said));
        if (cycleSwitch && this.billingCycle.mentionedIn(said) && !this.role.mentionedIn(said)) {
            return { intent: 'topic-change-plan', score: UNDERSTANDING_POLICY.ruleWords, language: understood.language };
        }
        // "did the billing contact change go through?", "Ist die Änderung schon durch?": how far a change has got is the request's status, not a new change.
        // "has the billing contact been updated yet or is it still pending?": read as the role question, how far a change has got is its status too.
        // "hab vor ner woche den wechsel vom billing contact beantragt, tut sich da was?": a question how far it has got beside the role is no wish for help.
        const progressOf = understood.intent === 'change-billing-contact' || (ROLE_QUESTIONS.has(understood.intent) && !this.asksWho(said) && !this.asksAboutSelf(said)) || ((understood.intent === 'help' || understood.intent === 'none') && this.role.mentionedIn(said));
        if (progressOf && this.progress.mentionedIn(said) && !ordered) {
            return { intent: 'request-status', score: UNDERSTANDING_POLICY.ruleWords, language: understood.language };
        }
        // "zwei Lizenzen entfernen bitte", "our card expired, where do I put in the new one?", "can we reactivate the old account?":
        // a topic's own words together (`main:topicCues`, every group of one topic said) name that topic, unless the role is named
        // or asked after ("I clicked Add licenses and it shows another name, who is that?" is the article's own case).
        const cue = BEFORE_TOPIC_CUE.has(understood.intent) && !this.role.mentionedIn(said) && !this.asksWho(said) && !this.asksAboutSelf(said)
            ? this.topicCues.find(({ groups }) => groups.every((group) => group.mentionedIn(said)))
            : undefined;
        if (cue && cue.intent !== understood.intent) {
            return { intent: cue.intent, score: UNDERSTANDING_POLICY.ruleWords, language: understood.language };
        }
        // "Bin ich berechtigt, unser Abo zu verwalten?", "who is allowed to buy licenses here?": whether one may do a task of the
        // billing contact asks who holds the role (the bot answers both with the same check), not for the task itself.
        const permission = this.asksPermission(utterance, said);
        const ofTheField = this.outside.field.mentionedIn(said) || this.outside.business.mentionedIn(said) || this.role.mentionedIn(said);
        return permission && BEFORE_PERMISSION.has(understood.intent) && ofTheField && !passedOn
            ? { intent: permission, score: UNDERSTANDING_POLICY.ruleWords, language: understood.language }
            : understood;
    }

    /**
     * The role question a question of permission asks (`main:permissionWords`, either language): "who" when it asks who may,
     * "am I" when it asks about the writer; undefined for no question of permission. A question ends on "?" or opens with its word.
     */
    private asksPermission(utterance: string, said: readonly string[]): 'who-is-billing-contact' | 'am-i-billing-contact' | undefined {
        const asked = utterance.trim().endsWith('?') || this.permission.asks.mentionedIn(said.slice(0, PERMISSION_OPENING_WORDS));
        if (!asked || !this.permission.asks.mentionedIn(said)) {
            return undefined;
        }
        // Who asks first: "Wer darf bei uns …" asks who; "darf ich selber … oder muss das wer anders machen?" asks about oneself.
        // Only the sentence that asks counts: "Ich wollte Lizenzen kaufen, das ging nicht. Wer darf das?" asks who.
        const asking = sentencesOf(utterance).map((sentence) => words(spelledOut(folded(sentence)))).filter((one) => this.permission.asks.mentionedIn(one)).at(-1) ?? said;
        const who = asking.findIndex((word) => this.whoWords.includes(word));
        if (this.permission.self.mentionedIn(who < 0 ? asking : asking.slice(0, who))) {
            return 'am-i-billing-contact';
        }
        return who < 0 ? undefined : 'who-is-billing-contact';
    }

    /** True when a message names removing and a billing contact (`main:removalWords`, either language). */
    private asksRemoval(said: readonly string[]): boolean {
        return this.removal.remove.mentionedIn(said) && this.removal.role.mentionedIn(said);
    }

    /** True when a message removes one (`main:removalWords.remove` or `.out`) and keeps another (`.stays`), no thing (`.things`: "remove my old card, the new one stays"). */
    private removesOneKeepsOther(said: readonly string[]): boolean {
        const removing = this.removal.remove.mentionedIn(said) || this.removal.out.mentionedIn(said);
        return removing && this.removal.stays.mentionedIn(said) && !this.removal.things.mentionedIn(said);
    }

    /** True when a message names an invoice and seeing, finding or downloading it (`main:invoiceHistoryWords`, either language). */
    private asksToSeeInvoices(utterance: string): boolean {
        const said = words(spelledOut(folded(utterance)));
        return this.invoiceHistory.invoice.mentionedIn(said) && this.invoiceHistory.see.mentionedIn(said);
    }

    /**
     * False when no reading of `text` by {@link recognize} can be a request for
     * a language: it names none ("Deutsch", "English", "deutsche Sprache"),
     * which the classifier's every `switch-language` needs, and every text it
     * reads is made of the words of this one ("Ja", "example" of an address cut at its dots name none).
     */
    public mayAskForLanguage(text: string): boolean {
        return namesLanguage(words(spelledOut(folded(utteranceOf(text)))));
    }

    /**
     * "hi whos our billing contact??", "Hallo, wie ändere ich den Rechnungskontakt?":
     * a greeting or thanks in front does not hide the question after it. The
     * shortest opening that says nothing else is set aside; what follows is
     * understood on its own, when it asks for more than small talk.
     */
    private async afterOpening(utterance: string, lang?: Lang, openings: readonly Intent[] = OPENINGS): Promise<Understanding | undefined> {
        const said = words(folded(utterance));
        for (let count = 1; count <= Math.min(MAX_OPENING_WORDS, said.length - 1); count++) {
            // "is that possible by tomorrow?": a common word of a thanks ("that is kind") opens nothing; an opening has a word of its own ("danke", "hi").
            if (!this.saysOnly(said.slice(0, count).join(' '), openings) || !this.tellsAny(said.slice(0, count), openings)) {
                continue;
            }
            const rest = withoutLeadingWords(utterance, count);
            const understood = await this.recognizeOne(rest, lang);
            if (!SMALL_TALK.has(understood.intent) && understood.score >= UNDERSTANDING_POLICY.afterOpening) {
                return understood;
            }
        }
        return undefined;
    }

    /**
     * "Könnten Sie bitte mein Passwort zurücksetzen", "Ich möchte Sie bitten, mein Passwort zurückzusetzen": a polite lead-in
     * ({@link PoliteLeadIns}) does not hide the request after it. When the whole message is placed nowhere or outside the
     * field (or, after a plea to the bot, read as a mail to write: "bitten" is a word of such mails), what follows the
     * longest lead-in it begins with is read on its own, and counts when the bot is as sure of it as of what follows a greeting.
     */
    private async afterLeadIn(utterance: string, whole: Understanding, lang?: Lang): Promise<Understanding | undefined> {
        if (!BEFORE_LEAD_IN.has(whole.intent) && whole.intent !== 'email-billing-admin') {
            return undefined;
        }
        const said = words(folded(utterance));
        // The words of the longest lead-in the message begins with (and goes on after): 0 for none.
        const opening = (leadIns: readonly string[]): number => {
            const lengths = leadIns.map((leadIn) => leadIn.split(' ').length).filter((length, i) => length < said.length && said.slice(0, length).join(' ') === leadIns[i]);
            return Math.max(0, ...lengths);
        };
        const asking = opening(this.politeLeadIns.askingYou);
        const count = whole.intent === 'email-billing-admin' ? asking : Math.max(asking, opening(this.politeLeadIns.plain));
        if (count === 0) {
            return undefined;
        }
        const rest = await this.recognizeOne(withoutLeadingWords(utterance, count), lang);
        return !BEFORE_LEAD_IN.has(rest.intent) && !SMALL_TALK.has(rest.intent) && rest.score >= UNDERSTANDING_POLICY.afterOpening ? rest : undefined;
    }

    /**
     * A long message ("Ich habe auf Zur Abrechnung geklickt. Dann kam das
     * Portal. Ich kann mich nicht anmelden. …") is read sentence by sentence:
     * the intent with the most weight wins, the whole message counting as half
     * a sentence; one that asks (a question, "ich möchte …") counts double, small talk ("Guten Tag") not at all.
     */
    private async byParts(whole: Understanding, parts: readonly string[]): Promise<Understanding> {
        // A story tells what happened and asks one thing: its last question ("… Who is the billing contact on our account?"),
        // else its last request in words ("… please set eva as our new billing contact"), when the classifier understands it.
        const questions = parts.filter((part) => part.trim().endsWith('?'));
        const asked = (questions.length > 0 ? questions : parts.filter((part) => this.asks(part, whole.language, this.storyMarkers))).at(-1);
        // "… One of us must be the billing person. Is it me?": a short question about oneself at the end of a story about the role asks "am I".
        if (asked !== undefined && !SMALL_TALK.has(whole.intent) && words(asked).length <= SHORT_SELF_QUESTION && this.asksAboutSelf(words(folded(asked)))) {
            return { intent: 'am-i-billing-contact', score: Math.max(whole.score, UNDERSTANDING_POLICY.storyQuestion), language: whole.language };
        }
        if (asked !== undefined) {
            // The question read with the rules a whole message gets ("How do I reach our billing person?" is a mail to them), when the
            // classifier places it at all: a question it places nowhere is no clearer for a clause guessed from it.
            const placed = await this.recognizeOne(asked, whole.language);
            const read = placed.intent === 'none' ? placed : await this.readFresh(asked, whole.language, placed);
            // "… hilf mir bitte, das Passwort zurückzusetzen": the plea for help leads up to the task it names.
            const one = read.intent === 'help' ? ((await this.afterOpening(asked, whole.language, ['help'])) ?? read) : read;
            // "can we continue in german? who is my billing contact": a language asked for before the rest is no story's question; the whole asks.
            if (one.intent === 'switch-language' && asked !== parts.at(-1)) {
                return whole;
            }
            // "… What can you help me with?" asks for help; a greeting or thanks at the end asks nothing.
            if (!SMALL_TALK.has(one.intent) && one.score >= UNDERSTANDING_POLICY.storyQuestion) {
                return { ...one, language: whole.language };
            }
            // "… Mein Kennwort weiß ich nicht mehr. Können Sie mir helfen?": a plea for help asks what the story tells; "help" only when it tells nothing.
            if (one.intent === 'help' && questions.length > 0 && one.score >= UNDERSTANDING_POLICY.storyQuestion) {
                const told = await this.byWeight(whole, parts);
                return SMALL_TALK.has(told.intent) ? { ...one, language: whole.language } : told;
            }
            if (parts.length < LONG_MESSAGE_PARTS) {
                return whole;
            }
        }
        return this.byWeight(whole, parts);
    }

    /**
     * "Könnten Sie mir bitte sagen, wer in unserem Konto als Abrechnungskontakt
     * hinterlegt ist?": a sentence whose polite frame leaves the classifier
     * unsure of the whole is read by the clause it is surest of (cut at commas,
     * semicolons, colons), when that clause asks for more than small talk.
     */
    private async byClause(utterance: string, lang?: Lang): Promise<Understanding | undefined> {
        const clauses = utterance.split(/[,;:]/u).filter((clause) => words(clause).length >= MIN_CLAUSE_WORDS);
        if (clauses.length < 2) {
            return undefined;
        }
        // A clause without a word of the field ("…, wann der Supermarkt aufmacht?") is not what the bot is asked.
        const inField = clauses.filter((clause) => !this.outOfField(words(this.withSynonyms(clause))));
        const read = await Promise.all(inField.map((clause) => this.recognizeOne(clause, lang)));
        const [best] = read.filter((one) => !SMALL_TALK.has(one.intent) && one.score >= UNDERSTANDING_POLICY.clauseOfWhole).sort((a, b) => b.score - a.score);
        return best === undefined ? undefined : { ...best, language: lang ?? best.language };
    }

    /** `text` with its slips of typing mended to words of `lang` ({@link TypoMender}). */
    private mended(text: string, lang: Lang): string {
        return this.typos.get(lang)?.mend(text) ?? text;
    }

    /** `text` with the field's other names for its words written as trained (`main:fieldSynonyms`). */
    private withSynonyms(text: string): string {
        return this.synonyms.reduce((changed, [pattern, word]) => changed.replace(pattern, word), folded(text));
    }

    /** The intent with the most weight in a long message ({@link byParts}). */
    private async byWeight(whole: Understanding, parts: readonly string[]): Promise<Understanding> {
        const weights = new Map<Intent, number>();
        const scores = new Map<Intent, number>();
        const add = (understood: Understanding, weight: number): void => {
            if (!SMALL_TALK.has(understood.intent)) {
                weights.set(understood.intent, (weights.get(understood.intent) ?? 0) + understood.score * weight);
                scores.set(understood.intent, Math.max(scores.get(understood.intent) ?? 0, understood.score));
            }
        };
        add(whole, WHOLE_WEIGHT);
        for (const [index, part] of parts.entries()) {
            // What happened comes first, the problem later: later sentences weigh a little more.
            const position = 1 + index / parts.length;
            add(await this.recognizeOne(part, whole.language), position * (this.asks(part, whole.language) ? QUESTION_WEIGHT : 1));
        }
        const [best] = [...weights].sort((a, b) => b[1] - a[1]);
        if (!best || best[0] === whole.intent) {
            return whole;
        }
        // A language switch is asked for plainly, never found in the middle of a story.
        return best[0] === 'switch-language' ? whole : { intent: best[0], score: scores.get(best[0]) ?? UNDERSTANDING_POLICY.understood, language: whole.language };
    }

    /** True when a sentence asks for something: a question, or a request in words (`main:requestMarkers`: "ich möchte", "please"). */
    private asks(sentence: string, lang: Lang, markers = this.requestMarkers): boolean {
        const said = words(folded(sentence)).join(' ');
        return sentence.trim().endsWith('?') || (markers.get(lang) ?? []).some((marker) => hasPhrase(said, marker));
    }

    private async recognizeOne(utterance: string, lang?: Lang): Promise<Understanding> {
        if (lang) {
            return this.orOutOfScope(await this.inConversationLanguage(utterance, lang), utterance);
        }
        // The language the text looks written in wins; the other classifier decides only when the
        // guessed one understands nothing or is far less sure (a classifier is often confident about
        // text in the other language, so comparing scores alone picks the wrong language).
        const byWords = this.languageByWords(utterance);
        const guessed = byWords ?? this.guessByLetters(utterance);
        const [first, other] = await Promise.all([this.classify(utterance, guessed), this.classify(utterance, guessed === 'de' ? 'en' : 'de')]);
        const known = (u: Understanding): boolean => u.intent !== 'none';
        if (known(other) && (!known(first) || other.score - first.score > UNDERSTANDING_POLICY.otherLanguageMargin)) {
            // Words of one language alone decide the language; the other classifier may still know the intent.
            return byWords ? { ...other, language: byWords } : other;
        }
        return this.orOutOfScope(first, utterance);
    }

    /**
     * True when a message names something outside the bot's field (`main:outOfScopeWords`, either language):
     * another company's bill or service ("netflix", "Stromrechnung"), or another topic (hardware, pay, tax,
     * the weather, small talk, the bot itself), and no word of the field ("billing contact", "Portal") keeps it
     * in; a topic word beside a word of the business ("invoice", "Abo") is no other topic either.
     */
    private outsideField(utterance: string): boolean {
        const said = words(spelledOut(folded(utterance)));
        const { otherBills, elsewhere, ours, topics, ownBooks, field, business, product, login } = this.outside;
        // Sums are no question of the field, whatever words stand beside them.
        if (this.arithmetic.test(said.join(' ')) || this.arithmetic.test(folded(utterance).toLowerCase())) {
            return true;
        }
        // "who is the billing contact at our landlord?", "how do I change the billing contact in Zoom?", "wer ist bei unserem Kunden
        // der Ansprechpartner für Rechnungen?": the field's words about another company are another company's matter, unless
        // ours is named too ("we moved from Zoom to GoTo").
        if (elsewhere.mentionedIn(said) && !ours.mentionedIn(said)) {
            return true;
        }
        // "Muss ich die Umsatzsteuer ausweisen?", "how long do we keep invoices for our bookkeeping?": the customer's own books
        // are theirs, whatever invoice they name; "translate this into French" is another topic, "translate it into German"
        // may ask for the bot's other language.
        // "I forgot my GoToMeeting login password": signing in to the meeting product is not signing in to Billing or its portal.
        const productLogin = product.mentionedIn(said) && login.mentionedIn(said);
        return !field.mentionedIn(said) && (otherBills.mentionedIn(said) || ownBooks.mentionedIn(said) || ((topics.mentionedIn(said) || productLogin) && !business.mentionedIn(said) && !namesLanguage(said)));
    }

    /** A sentence neither classifier places and that has no word of the bot's field in either language is out of scope. */
    private orOutOfScope(understood: Understanding, utterance: string): Understanding {
        return understood.intent === 'none' && this.outOfField(words(this.withSynonyms(utterance))) ? { intent: OUT_OF_SCOPE, score: UNDERSTANDING_POLICY.outOfScope, language: understood.language } : understood;
    }

    /**
     * Understands `utterance` for a conversation held in `lang`; a question
     * plainly written in the other language ("How do I reactivate my
     * subscription?" in a German chat) is understood by that language's
     * classifier when its own understands nothing. The conversation's
     * language stays: switching is asked for in words or by the menu.
     */
    private async inConversationLanguage(utterance: string, lang: Lang): Promise<Understanding> {
        const own = await this.classify(utterance, lang);
        const otherLang: Lang = lang === 'de' ? 'en' : 'de';
        if (own.intent !== 'none') {
            // "my colleague is reading along" in a German chat: a text plainly in the other language that asks nothing there asks
            // nothing, whatever one shared word ("is") makes of it here.
            const foreign = this.languageByWords(utterance) === otherLang && (await this.classify(utterance, otherLang)).intent === 'none';
            return foreign ? { intent: 'none', score: own.score, language: lang } : own;
        }
        if (this.guessLanguage(utterance) === lang) {
            return own;
        }
        const other = await this.classify(utterance, otherLang);
        return other.intent !== 'none' && other.score >= UNDERSTANDING_POLICY.otherLanguage ? { ...other, language: lang } : own;
    }

    /**
     * True when `text` says nothing but `intent` (or the intents listed): every word of it (or its
     * beginning) occurs in that intent's training phrases, in either language. "vergiss es" says
     * only "cancel"; "stop the renewal" says more, so in a message it is text.
     */
    public saysOnly(text: string, intent: Intent | readonly Intent[]): boolean {
        // Either language's phrases count: "von vorn" in an English chat still says only "start over".
        const keys = (Array.isArray(intent) ? intent : [intent]).flatMap((one: Intent) => (one === 'switch-language' ? [`${SWITCH_PREFIX}de`, `${SWITCH_PREFIX}en`] : [one]));
        const known = LANGS.flatMap((lang) => keys.map((key) => this.informative.get(lang)?.intentWords.get(key))).filter((set): set is ReadonlySet<string> => set !== undefined);
        const said = words(folded(text));
        return said.length > 0 && known.length > 0 && said.every((word) => known.some((set) => set.has(word) || set.has(word.slice(0, PREFIX))));
    }

    /** True when one of `said` is a word that tells one of `intents` apart (in either language's vocabulary). */
    private tellsAny(said: readonly string[], intents: readonly Intent[]): boolean {
        return LANGS.some((lang) => {
            const known = this.informative.get(lang);
            return known !== undefined && said.some((word) => intents.some((intent) => tells(known, word, intent)));
        });
    }

    /**
     * True when every word of some length in `text` is a word of `intent`'s phrases (in either language), a yes
     * or a no: "ich will mit nem mitarbeiter reden" says no more than "Mitarbeiter", though "nem" is no word of
     * its phrases ({@link saysOnly} wants every word). One word beside them that the bot knows in neither
     * language says nothing either: "can i talk to a real persn pls" has a slip of typing, not a matter.
     */
    public saysNothingBeside(text: string, intent: Intent): boolean {
        const beside = this.besideWords(words(folded(text)), intent);
        return beside.length === 0 || (beside.length === 1 && !this.knownWord(beside[0]));
    }

    /** True when `said` has a word that contradicts a no (`main:contraryWords.words`) and no negation at all. */
    private contradictsWithoutNegation(said: readonly string[]): boolean {
        return said.some((word) => this.contrary.words.has(word)) && !said.some((word) => this.contrary.negations.has(word));
    }

    /** How many of `said` are words of some length that are neither a yes or no nor a word of `intent`'s phrases in either language. */
    private wordsBeside(said: readonly string[], intent: string | readonly string[]): number {
        return this.besideWords(said, intent).length;
    }

    /**
     * The language `said` (which names one) asks leave to write or speak in (`main:languageLeaveWords.heard`: "darf ich
     * englisch schreiben", "can i type in german here?"), when it says nothing else: a word beside them ("can i write to
     * peter in german") is a request of its own.
     */
    private languageLeaveAskedFor(said: readonly string[]): Lang | undefined {
        const leave = this.languageLeave;
        if (!leave.ask.mentionedIn(said) || !leave.use.mentionedIn(said)) {
            return undefined;
        }
        const rest = this.besideWords(said, SWITCH_INTENTS).filter((word) => !leave.use.mentionedIn([word]) && !leave.beside.mentionedIn([word]));
        const named = said.find((word) => LANGUAGE_NAME.test(word) || LANGUAGE_ADJECTIVE.test(word));
        return rest.length > 0 || named === undefined ? undefined : named.startsWith('engl') ? 'en' : 'de';
    }

    /** The words of `said` counted by {@link wordsBeside}. */
    private besideWords(said: readonly string[], intent: string | readonly string[]): string[] {
        const keys = typeof intent === 'string' ? [intent] : intent;
        const known = LANGS.flatMap((lang) => keys.map((key) => this.informative.get(lang)?.intentWords.get(key))).filter((set): set is ReadonlySet<string> => set !== undefined);
        // Short words ("so", "can", "it", "or") carry no other request: "so can you cancel it or not?" is still a cancel.
        return said.filter((word) => word.length >= CONTENT_WORD_LENGTH && !this.answerWords.has(word) && !known.some((set) => set.has(word) || set.has(word.slice(0, PREFIX))));
    }

    /**
     * True when a sentence of several words has no word of the bot's field
     * ("wer hat die fußball-wm gewonnen"): it is about something else, not
     * misunderstood. Short answers ("Lea Fischer", "pbrooks") never are.
     */
    private outOfField(said: readonly string[]): boolean {
        const fields = LANGS.map((lang) => this.informative.get(lang)?.field ?? new Set<string>());
        return said.length >= OUT_OF_SCOPE_MIN_WORDS && !said.some((word) => fields.some((field) => field.has(word) || field.has(word.slice(0, PREFIX))));
    }

    /**
     * The language `text` is plainly written in, or undefined when that is not
     * clear. Clear is a sentence of several words the bot knows in that
     * language alone ({@link CLEAR_LANGUAGE_WORDS}), none of the other's, that
     * also looks written in it letter by letter: "Wer ist mein
     * Abrechnungskontakt?", "I forgot my password for the portal". A yes, a
     * name, an address, a code or a user ID never is ("ja", "ok", "Lea
     * Fischer", "das ist pbrooks").
     */
    public clearLanguage(text: string): Lang | undefined {
        // Asked at every turn's message, and as pure as recognize: the word lists and the trigram guesser do not change once trained.
        return keptPerText(this.clearLanguages, text, (one) => this.clearLanguageFresh(one));
    }

    /** How many of {@link clearLanguage}'s answers are kept (at most {@link RECOGNIZED_KEPT}). */
    public get clearLanguagesKept(): number {
        return this.clearLanguages.size;
    }

    private clearLanguageFresh(text: string): Lang | undefined {
        const said = words(folded(text.normalize('NFC').replace(EMAIL_LIKE, ' ')));
        const [en, de] = (['en', 'de'] as const).map((lang) => {
            const own = this.languageWords.get(lang);
            const other = this.languageWords.get(lang === 'en' ? 'de' : 'en');
            return said.filter((word) => own?.has(word) && !other?.has(word)).length;
        });
        const lang: Lang | undefined = en >= CLEAR_LANGUAGE_WORDS && de === 0 ? 'en' : de >= CLEAR_LANGUAGE_WORDS && en === 0 ? 'de' : undefined;
        return lang && this.guessByLetters(text) === lang ? lang : undefined;
    }

    /** The language the text is most likely written in. */
    public guessLanguage(text: string): Lang {
        return this.languageByWords(text) ?? this.guessByLetters(text);
    }

    /**
     * The language whose words the text uses more of, counting only words the
     * bot knows in one language alone ("im", "contact" against "ist", "bitte");
     * undefined when they do not tell ("hallo", "portal", "ok"). Letter
     * trigrams misread short messages ("am i admin" as German), words do not.
     */
    private languageByWords(text: string): Lang | undefined {
        const said = words(folded(text));
        const [en, de] = (['en', 'de'] as const).map((lang) => {
            const own = this.languageWords.get(lang);
            const other = this.languageWords.get(lang === 'en' ? 'de' : 'en');
            return said.filter((word) => own?.has(word) && !other?.has(word)).length;
        });
        return en === de ? undefined : en > de ? 'en' : 'de';
    }

    private guessByLetters(text: string): Lang {
        if (/[äöüßÄÖÜ]/.test(text)) {
            return 'de';
        }
        // The guesser reads letter trigrams after blanking U+0021–U+0040 (digits, most marks): a text of
        // only those and spaces ("123456", "12.05.") has none, and its guess is the same for every such text.
        if (NO_TRIGRAM_TEXT.test(text)) {
            this.trigramlessGuess ??= this.guessByTrigrams(' ');
            return this.trigramlessGuess;
        }
        return this.guessByTrigrams(text);
    }

    private guessByTrigrams(text: string): Lang {
        const guess = this.nlp.nluManager.guessLanguage(text);
        return guess === 'de' ? 'de' : 'en';
    }

    /**
     * The classifier's reading of `original` in `lang`, with the checks below. A message with a slip of typing ("am i the
     * billing contct", "i need to chagne our billing contact") is read as written and with its slips mended; the mended
     * reading counts when it understands the message at least as surely, so a real word the bot does not know, mended by
     * mistake, does not turn a message understood as written into another request.
     */
    private async classify(original: string, lang: Lang): Promise<Understanding> {
        // "tschuess" and "tschüss", "aendern" and "ändern" are the same word to the classifier; so are "u" and "you".
        // "Rechnungsempfänger", "invoice recipient": the field's other names for its words (`main:fieldSynonyms`) read as the words trained.
        const written = this.withSynonyms(spelledOut(folded(original)));
        const typosMended = this.mended(written, lang);
        // "nope thats it", "no thats it": English contractions typed without their apostrophe are read with it too.
        const mended = lang === 'en' ? withApostrophes(typosMended) : typosMended;
        const asWritten = await this.classifyWords(written, lang);
        if (mended === written) {
            return asWritten;
        }
        const read = await this.classifyWords(mended, lang);
        if (read.intent === 'none') {
            return asWritten;
        }
        // "can u make tom our billng contact": the word mended is a word of the request it then reads as, which the reading
        // as written, blind to the mistyped word, could not weigh (its "score 1" for another request comes from the rest).
        return asWritten.intent === 'none' || read.score >= asWritten.score || this.mendedWordOf(read.intent, written, typosMended, lang) ? read : asWritten;
    }

    /** Whether mending `written` into `mended` brought in a word that `intent`'s training phrases use. */
    private mendedWordOf(intent: string, written: string, mended: string, lang: Lang): boolean {
        const before = new Set(words(written));
        const ofIntent = this.informative.get(lang)?.intentWords.get(intent);
        return ofIntent !== undefined && words(mended).some((word) => !before.has(word) && ofIntent.has(word));
    }

    /** The classifier's reading of `utterance` (folded, synonyms written as trained) in `lang`, with the checks below. */
    private async classifyWords(utterance: string, lang: Lang): Promise<Understanding> {
        // The classifier is confident even about nonsense made of common words ("the", "on"):
        // without one word that tells intents apart, nothing was understood.
        const known = this.informative.get(lang);
        const said = words(utterance);
        // A sentence said exactly as trained ("What can you do?") needs no telling word.
        const judged = known && !known.utterances.has(said.join(' ')) ? known : undefined;
        const notUnderstood = (score: number): Understanding => ({ intent: 'none', score, language: lang });
        // A yes or a no ("yes? what happens then", "ok") says nothing about what is asked: it backs no intent.
        const telling = said.filter((word) => !this.answerWords.has(word));
        // "what can you do for me?": a trained sentence said inside the message backs its intent as a telling word would.
        const trained = judged ? trainedPhrasesIn(judged, said) : new Set<string>();
        if (judged && trained.size === 0 && !telling.some((word) => tells(judged, word))) {
            return notUnderstood(1);
        }
        const naming = namesLanguage(said);
        // "kann ich auch englisch schreiben?", "can i write in german here?": leave asked to write in a language asks for it,
        // whatever the classifier makes of the writing (a mail) or of the words beside (more than a switch may have).
        const leaveFor = naming ? this.languageLeaveAskedFor(said) : undefined;
        if (leaveFor !== undefined) {
            return { intent: 'switch-language', score: UNDERSTANDING_POLICY.ruleWords, language: lang, targetLanguage: leaveFor };
        }
        // "meine Kollegin spricht nur Englisch, kannst du … eine Mail schicken?", "I learned German at school": a language named
        // amid other words is no request for it (the classifier would split its score between the two); the clauses that do not
        // name it say what is asked, or, in a single clause, its words without the language.
        if (naming && this.wordsBeside(said, SWITCH_INTENTS) > SWITCH_MAX_OTHER_WORDS) {
            const clauses = utterance.split(/[,;:.!?]+/u);
            const otherClauses = clauses.filter((clause) => !namesLanguage(words(clause)));
            const rest = words(otherClauses.join(' ')).length > 0 ? otherClauses.join(', ') : said.filter((word) => !namesLanguage([word]) && !LANGUAGE_ADJECTIVE.test(word)).join(' ');
            const besides = await this.inConversationLanguage(rest, lang);
            // "Bitte auf Englisch, mein Deutsch ist nicht so gut", "can we continue in German? my colleague is reading along": a clause
            // that is a request for the language by itself ("auf Englisch bitte") asks for it when the rest asks nothing, or only
            // tells why ("English please, I don't understand German well" is no request for help).
            const asksForLanguage = clauses.find((clause) => namesLanguage(words(clause)) && this.wordsBeside(words(clause), SWITCH_INTENTS) <= SWITCH_MAX_OTHER_WORDS);
            return (besides.intent === 'none' || besides.intent === 'help') && asksForLanguage !== undefined ? this.classify(asksForLanguage, lang) : besides;
        }
        const processed = await this.nlp.nluManager.process({ locale: lang, utterance, settings: {} });
        const result = { intent: processed.intent, score: familyScore(processed) };
        if (!result.intent || result.intent === 'None' || result.score < UNDERSTANDING_POLICY.understood || !this.intents.has(result.intent)) {
            return notUnderstood(result.score ?? 0);
        }
        // The intent must be backed by a word of its own: "seine Mail ist …" is no "cancel", however sure the classifier is.
        if (judged && !trained.has(result.intent) && !telling.some((word) => tells(judged, word, result.intent))) {
            return notUnderstood(result.score);
        }
        // "nee, doch lieber Lea Fischer", "weil ich ab Januar in Elternzeit gehe": a word of "cancel" amid others is no cancel.
        if (result.intent === 'cancel' && this.wordsBeside(said, 'cancel') > CANCEL_MAX_OTHER_WORDS) {
            return notUnderstood(result.score);
        }
        // "Doch, stellen Sie den Antrag", "ach doch, abschicken": a "doch" that no negation follows goes on, however near
        // "den Antrag doch nicht stellen" its words are.
        if (result.intent === 'cancel' && this.contradictsWithoutNegation(said)) {
            return notUnderstood(result.score);
        }
        if (result.intent.startsWith(SWITCH_PREFIX)) {
            // A switch names the language: "okay, aber bitte schnell" is no request for English.
            if (!namesLanguage(said)) {
                return { intent: 'none', score: result.score, language: lang };
            }
            const target = result.intent.slice(SWITCH_PREFIX.length) === 'de' ? 'de' : 'en';
            return { intent: 'switch-language', score: result.score, language: lang, targetLanguage: target };
        }
        // "is it me who is the billing contact?", "bin ich das selber?": asked about oneself, the question is "am I".
        if (result.intent === 'who-is-billing-contact' && this.asksAboutSelf(said)) {
            return { intent: 'am-i-billing-contact', score: result.score, language: lang };
        }
        // "i'm new here, who is our billing contact?": a question who it is, not asked about oneself, is "who is", however the classifier splits the two.
        if (result.intent === 'am-i-billing-contact' && this.asksWho(said) && !this.asksAboutSelf(said)) {
            return { intent: 'who-is-billing-contact', score: result.score, language: lang };
        }
        return { intent: result.intent as Intent, score: result.score, language: lang };
    }

    /** True when `text` asks whether a person holds the role ("Is Sarah also a billing contact?"; {@link asksWhetherHolder}). */
    public asksWhetherPersonHolds(text: string): boolean {
        // Asked of every message of a conversation that named a holder, twice a turn (the interruption, the routing), and as pure as recognize.
        return keptPerText(this.holderQuestions, text, (one) => this.asksWhetherPersonHoldsFresh(one));
    }

    /** How many of {@link asksWhetherPersonHolds}'s answers are kept (at most {@link RECOGNIZED_KEPT}). */
    public get holderQuestionsKept(): number {
        return this.holderQuestions.size;
    }

    private asksWhetherPersonHoldsFresh(text: string): boolean {
        return this.asksWhetherHolder(words(spelledOut(this.withSynonyms(utteranceOf(text)))));
    }

    /**
     * True when the words ask whether a person holds the role: a question verb first (`main:holderQuestionWords.starts`:
     * "is", "ist"), a person after it, no word that makes it something else (`.notPerson`: "is it possible …", "is there …",
     * "is my change …"), the role named, nothing about oneself, no word of a request's progress, and no word of appointing, leaving
     * or becoming ("Is Eva the new billing contact?").
     */
    private asksWhetherHolder(words: readonly string[]): boolean {
        // "wait, is Tom a billing contact now?", "Moment, ist Eva auch …": the words that only lead in are passed over.
        const start = words.findIndex((word) => !this.holderQuestion.lead.has(word));
        const said = start < 0 ? [] : words.slice(start);
        const [first, second] = said;
        return (
            first !== undefined &&
            second !== undefined &&
            this.holderQuestion.starts.has(first) &&
            !this.holderQuestion.notPerson.has(second) &&
            this.role.mentionedIn(said) &&
            !this.asksAboutSelf(said) &&
            !this.progress.mentionedIn(said) &&
            !this.appointment.appoint.mentionedIn(said) &&
            !this.appointment.left.mentionedIn(said) &&
            !this.appointment.become.mentionedIn(said)
        );
    }

    /** True when one of `said` is a who-word (`main:whoQuestionWords`: "who", "wer"). */
    private asksWho(said: readonly string[]): boolean {
        return said.some((word) => this.whoWords.includes(word));
    }

    /**
     * True when a word asking who (`main:whoQuestionWords`) has the role's words soon after it ("tell me who the billing contact
     * is", "who exactly is set as the billing person"): who holds the role is asked, not who did something to it ("who filed a
     * request to remove me as billing admin").
     */
    private asksWhoHolds(said: readonly string[]): boolean {
        return said.some((word, at) => this.whoWords.includes(word) && this.role.mentionedIn(said.slice(at + 1, at + 1 + WHO_HOLDS_WITHIN)));
    }

    /** True when the words ask about the person themselves (`main:selfQuestionMarkers`: "am i", "is it me", "bin ich", "ob ich"). */
    private asksAboutSelf(said: readonly string[]): boolean {
        const text = said.join(' ');
        return this.selfMarkers.some((marker) => hasPhrase(text, marker));
    }
}

/**
 * Words that place a message outside the bot's field, or keep it in (`main:outOfScopeWords`, both languages):
 * phrases in {@link words} form; "strom*" also begins a longer word, "*steuer" also ends one, "^bist du" begins the message.
 */
interface OutsideWords {
    readonly otherBills: string[];
    /** Another company or another company's customers and suppliers: outside even beside the field's words. */
    readonly elsewhere: string[];
    /** Words that name this company or its product ("GoTo", "bei euch"): they keep a message naming another company in. */
    readonly ours: string[];
    readonly topics: string[];
    /** The customer's own bookkeeping and taxes: outside even beside the business's words ("invoice"). */
    readonly ownBooks: string[];
    readonly field: string[];
    readonly business: string[];
    /** The meeting products themselves ("GoToMeeting") and signing in to them: their own login is no matter of billing. */
    readonly product: string[];
    readonly login: string[];
}

/**
 * The text {@link IntentRecognizer.recognize} reads: without addresses ({@link EMAIL_LIKE}), at most 500 characters. An address
 * written to ("pls write to peter.brooks@… that …", "schreib an anna.mueller@…") stands as the name before its @ ("peter brooks"):
 * the message asks to write to someone, which the classifier knows by a name.
 */
function utteranceOf(text: string): string {
    return text
        .normalize('NFC')
        .replace(ADDRESS_WRITTEN_TO, (_whole, to: string, local: string) => `${to} ${local.replace(/[._+-]+/gu, ' ')}`)
        .replace(EMAIL_LIKE, ' ')
        .trim()
        .slice(0, 500);
}

/** "to peter.brooks@northwind.example", "an anna.mueller@…": an address after "to" or "an", its part before the @ kept. */
const ADDRESS_WRITTEN_TO = /(?<![\p{L}\p{N}])(to|an)\s+([^\s@,;:<>()"']+)@[^\s@,;:<>()"']+/giu;

/** Words of a question where to see invoices (`main:invoiceHistoryWords`, both languages): an invoice, and seeing, finding or downloading it. */
interface InvoiceHistoryWords {
    readonly invoice: string[];
    readonly see: string[];
}

/**
 * Words of a request to remove a billing contact (`main:removalWords`, both languages): removing, and the role;
 * one person out ("soll raus") and another staying ("Maria stays", "nur noch Maria"), and the things that are
 * removed and kept otherwise ("card", "Lizenz"), which no person is.
 */
interface RemovalWords {
    readonly remove: string[];
    readonly role: string[];
    readonly out: string[];
    readonly stays: string[];
    readonly things: string[];
}

/** Words of a question of permission (`main:permissionWords`, both languages): may, allowed, rights; and the writer ("ich", "I"). */
interface PermissionWords {
    readonly asks: string[];
    readonly self: string[];
}

/** A question of permission without "?" opens with its word within this many words ("am I allowed …", "habe ich die Berechtigung …"). */
const PERMISSION_OPENING_WORDS = 4;

/** What a question of permission overrules: the task it names ("ändern", "Lizenzen kaufen"), or no reading; not a topic that explains why ("Wieso darf ich den Plan nicht online ändern?"). */
const BEFORE_PERMISSION: ReadonlySet<Intent> = new Set(['none', 'help', 'change-billing-contact', 'request-status', 'topic-change-plan', 'topic-payment-method', 'topic-payment-invoicing', 'who-is-billing-contact', 'am-i-billing-contact']);

/** Words of a billing contact who left or is to be appointed (`main:appointmentWords`, both languages): appointing, leaving; the role is `main:roleWords`. */
interface AppointmentWords {
    readonly appoint: string[];
    readonly left: string[];
    /** "auf mich geändert wird", "changed to me": the role asked to pass to a person, which the classifier may read as a role question. */
    readonly changedTo: string[];
    /** "kann ich selber billing contact werden?", "how do i get myself set as billing admin": the writer to become the role is a change. */
    readonly become: string[];
    /** "ab sofort übernehme ich die Rechnungen", "I'll be the billing contact from now on": the writer taking the role over. */
    readonly selfTakeOver: string[];
    /** "ich bin nicht mehr …", "take me off": the writer giving the role up; with the role named a change. */
    readonly selfStepsDown: string[];
    /** "finance guy", "Buchhalterin": who does the billing in words of the job, not of the role; with a word of leaving a change. */
    readonly holder: string[];
    /** "künftig", "from now on": when another is to do it; with a word of doing it (`doesIt`: "das macht", "handle it") a change. */
    readonly handover: string[];
    readonly doesIt: string[];
    /**
     * "macht", "does": a verb of doing the billing's work (`work`: "Abrechnung", "billing") with the name between them
     * ("ab dem 1. Mai macht Eva die Abrechnung"); both with a handover a change, as `doesIt` is.
     */
    readonly doesWork: string[];
    readonly work: string[];
    /** "nicht", "not": a handover said with one is no wish for it. */
    readonly not: string[];
}

/**
 * Words of asking leave to write in a language (`main:languageLeaveWords.heard`, both languages): a first person asking
 * ("kann ich", "may i"), writing or speaking ("schreiben", "type"), and the words that may stand beside them and say
 * nothing else ("auch", "hier", "instead").
 */
interface LanguageLeaveWords {
    readonly ask: string[];
    readonly use: string[];
    readonly beside: string[];
}

/** Words of Billing showing another person (`main:otherShownWords`, both languages): showing, someone else, and asking why. */
interface OtherShownWords {
    readonly shown: string[];
    readonly other: string[];
    readonly why: string[];
}

/** Words of a note at Billing's button (`main:billingNoticeWords`, both languages): the button, and asking what the note means. */
interface BillingNoticeWords {
    readonly button: string[];
    readonly notice: string[];
}

/**
 * A polite lead-in that asks the bot to do what follows (`main:politeLeadIns.heard`): "Könnten Sie …", "would you mind …";
 * `askingYou`, one that pleads in so many words ("Ich möchte Sie bitten, …", "may I ask you to …"), whose "bitten", "ask"
 * asks the bot, not another person to write to.
 */
interface PoliteLeadIns {
    readonly plain: string[];
    readonly askingYou: string[];
}

/** Words of asking why something cannot be (`main:whyNotOnlineWords`, both languages): a why, a not, and (for a reading as the way of paying) online. */
interface WhyNotOnlineWords {
    readonly why: string[];
    readonly not: string[];
    /** Online: paying over the web ("online", "im Internet"). */
    readonly online: string[];
}

/** What Billing showing another person overrules: the role questions and the other topics, or no reading. */
const BEFORE_OTHER_SHOWN: ReadonlySet<Intent> = new Set(['none', 'help', 'am-i-billing-contact', 'who-is-billing-contact', 'request-status', 'email-billing-admin', 'more-topics', ...TOPIC_INTENTS]);

/** Words of a password of the portal that fails (`main:portalPasswordWords`, both languages): a password, and forgetting or trouble with it. */
interface PortalPasswordWords {
    readonly password: string[];
    readonly trouble: string[];
    /** Locked out: with a word of the portal itself ("Bin im Billing-Portal gesperrt worden"), the reset too. */
    readonly locked: string[];
    readonly portal: string[];
}

/** Words of asking why one gets the billing mails (`main:ownMailWords`, both languages): oneself, getting, and the billing mails. */
interface OwnMailWords {
    readonly self: string[];
    /** The writer with others ("wir", "we"): said with {@link stopped}, the mails that stopped coming are theirs too. */
    readonly we: string[];
    readonly receive: string[];
    readonly mail: string[];
    /** Words that the mails no longer come ("keine … mehr", "no longer", "anymore"). */
    readonly stopped: string[];
}

/** What asking why one gets the billing mails overrules: no reading, a mail, or a topic. */
const BEFORE_OWN_MAIL: ReadonlySet<Intent> = new Set(['none', 'help', 'out-of-scope', 'email-billing-admin', 'more-topics', ...TOPIC_INTENTS]);

/** A topic named by its own words (`main:topicCues`): every group has one of its words in the message. */
interface TopicCue {
    readonly intent: Intent;
    readonly groups: readonly WordPatterns[];
}

/** What a topic's own words overrule: no reading, a guess among the requests that names no person, or another topic. */
const BEFORE_TOPIC_CUE: ReadonlySet<Intent> = new Set(['none', 'out-of-scope', 'help', 'more-topics', 'change-billing-contact', 'request-status', 'am-i-billing-contact', 'who-is-billing-contact', ...TOPIC_INTENTS]);

/** What a failing password of the portal overrules: the role questions, the topics, or no reading. */
const BEFORE_PORTAL_PASSWORD: ReadonlySet<Intent> = new Set(['none', 'help', 'am-i-billing-contact', 'who-is-billing-contact', 'more-topics', ...TOPIC_INTENTS]);

/** Words of an account suspended for want of payment (`main:suspensionWords`, both languages): suspended or blocked, and unpaid. */
interface SuspensionWords {
    readonly suspended: string[];
    readonly unpaid: string[];
}

/** `main:contraryWords`: a word that contradicts a no ("doch"), and the words that make a message with it negative again. */
interface ContraryWords {
    readonly words: Set<string>;
    /** "nicht", "kein": "doch nicht", "doch keine Änderung" are a cancel. */
    readonly negations: Set<string>;
}

/** Words of asking whether a person holds the role (`main:holderQuestionWords`, both languages). */
interface HolderQuestionWords {
    /** Words before the question that only lead in ("wait", "moment", "ok"). */
    readonly lead: Set<string>;
    /** The question verbs a question whether a person holds the role begins with ("is", "ist"). */
    readonly starts: Set<string>;
    /** Words after the verb that make it another question ("it", "there", "possible", "my", "es", "da"). */
    readonly notPerson: Set<string>;
}

/** What asking whether a person holds the role overrules: the change read from "also a billing contact", the question about oneself, or no reading. */
const BEFORE_HOLDER_QUESTION: ReadonlySet<Intent> = new Set(['none', 'help', 'out-of-scope', 'change-billing-contact', 'am-i-billing-contact', 'email-billing-admin']);

/** What a billing contact out of reach overrules: a mail to them read from "my emails", a question who it is, or no reading. */
const BEFORE_UNREACHABLE: ReadonlySet<Intent> = new Set(['none', 'help', 'email-billing-admin', 'who-is-billing-contact']);

/** Words of asking how to reach someone (`main:reachWords`, both languages): a question how, and reaching ("contact", "erreichen"). */
interface ReachWords {
    readonly how: string[];
    readonly reach: string[];
}

/** What asking how to reach the billing contact overrules: a change or the question who it is read from the role's words, a topic, or no reading. */
const BEFORE_REACH: ReadonlySet<Intent> = new Set(['none', 'help', 'change-billing-contact', 'who-is-billing-contact', ...TOPIC_INTENTS]);

/** What asking to become the billing contact overrules: the role questions, a wish for a person, or no reading. */
const BEFORE_BECOMING: ReadonlySet<Intent> = new Set(['none', 'help', 'talk-to-human', 'who-is-billing-contact', 'am-i-billing-contact', 'object-to-request']);

/**
 * What a handover from a time on overrules: what the becoming does, "takes over" read as starting over, a month as another
 * field, a greeting or thanks before it ("Hallo, ab nächstem Monat übernimmt Jonas das mit der Abrechnung"), an article's
 * topic ("from May Sarah will handle billing" read as Billing's button), and a request's status (a month read as a request's date).
 */
/** What a polite lead-in does not hide the request after ({@link IntentRecognizer.afterLeadIn}): no reading, or one outside the field. */
const BEFORE_LEAD_IN: ReadonlySet<Intent> = new Set(['none', OUT_OF_SCOPE]);

const BEFORE_HANDOVER: ReadonlySet<Intent> = new Set([...BEFORE_BECOMING, 'start-over', 'out-of-scope', 'greeting', 'thanks', 'request-status', ...TOPIC_INTENTS]);

/** What an account suspended for want of payment overrules: no reading, or another topic ("invoice" read as invoicing). */
const BEFORE_SUSPENSION: ReadonlySet<Intent> = new Set(['none', 'help', 'out-of-scope', 'more-topics', ...TOPIC_INTENTS]);

/** What a question of the role's permissions overrules: a change it names ("change the plan"), or no reading. */
const BEFORE_ROLE_PERMISSIONS: ReadonlySet<Intent> = new Set(['none', 'help', 'change-billing-contact', 'topic-change-plan']);

/** What a question about oneself and the role overrules: no reading, or one that names no task of the writer's ("could you find out …" read as mailing the admin, "wie finde ich raus, ob ich …" as signing in to Billing). */
const BEFORE_SELF_ROLE: ReadonlySet<Intent> = new Set(['none', 'out-of-scope', 'help', 'who-is-billing-contact', 'email-billing-admin', 'request-status', 'topic-payment-invoicing', 'topic-invoice-history', 'topic-sign-in-billing']);

/** What a billing contact who left or is to be appointed overrules: readings of no task, or of a neighbouring one ("…'s email bounces" read as mailing the admin). */
const BEFORE_APPOINTMENT: ReadonlySet<Intent> = new Set([
    'none',
    'out-of-scope',
    'help',
    // "… ist nicht mehr im Unternehmen" shares "nicht mehr" with "mehr brauche ich nicht": a role word says it is no thanks.
    'thanks',
    'portal-password-reset',
    'email-billing-admin',
    ...TOPIC_INTENTS
]);

/** What a removal of a billing contact overrules: a reading that is no task of its own ("remove Peter as billing contact" read as "who is"). */
const BEFORE_REMOVAL: ReadonlySet<Intent> = new Set(['none', 'out-of-scope', 'who-is-billing-contact', 'am-i-billing-contact', 'help']);

/**
 * "I think I might be the one for invoices. Can you check whether I'm the billing contact?", "Wie beantrage ich eine Änderung?
 * Ihr habt mir das schon mal erklärt, aber ich find die Mail nicht mehr.": one question among statements, before or after them.
 */
function asksOnce(parts: readonly string[]): boolean {
    return parts.filter((part) => part.trim().endsWith('?')).length === 1;
}

/** The words of the bot's own sentences in both languages (every locale file but the training phrases), lower case and folded. */
function sentenceWords(localesDir: string): Set<string> {
    const found = new Set<string>();
    const collect = (value: unknown): void => {
        if (typeof value === 'string') {
            words(folded(value)).forEach((word) => found.add(word));
        } else if (value !== null && typeof value === 'object') {
            Object.values(value).forEach(collect);
        }
    };
    for (const lang of LANGS) {
        for (const file of fs.readdirSync(path.join(localesDir, lang)).filter((name) => name.endsWith('.json') && name !== 'intents.json')) {
            collect(JSON.parse(fs.readFileSync(path.join(localesDir, lang, file), 'utf8')));
        }
    }
    return found;
}

/** How often each word stands in the training phrases of a language, those asking for a language included ("Deutsch bitte"). */
function wordCounts(corpus: Record<string, string[]>): Map<string, number> {
    const counts = new Map<string, number>();
    for (const word of Object.values(corpus).flatMap((list) => list.flatMap((utterance) => words(folded(utterance))))) {
        counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    return counts;
}

/** `counts` without `words`. */
function without(counts: Map<string, number>, words: ReadonlySet<string>): Map<string, number> {
    for (const word of words) {
        counts.delete(word);
    }
    return counts;
}

/** `counts` with each of the rules' words the phrases do not use counted once: a slip is mended to it, to a phrases' word as near first. */
function withRuleWords(counts: Map<string, number>, ruleWords: ReadonlySet<string>): Map<string, number> {
    for (const word of ruleWords) {
        if (!counts.has(word)) {
            counts.set(word, 1);
        }
    }
    return counts;
}

/**
 * Every word of a language's training phrases, folded and in lower case; the
 * phrases of a language switch are left out, as they are trained in the other
 * language's words too ("auf Deutsch bitte" in English). (The other locale
 * files accept answers in either language, so they tell no language apart.)
 */
function wordsOfLanguage(corpus: Record<string, string[]>): Set<string> {
    return new Set(Object.entries(corpus).filter(([intent]) => !intent.startsWith(SWITCH_PREFIX)).flatMap(([, list]) => list.flatMap((utterance) => words(folded(utterance)))));
}

/** `text` without its first `count` words (and what stands between them). */
function withoutLeadingWords(text: string, count: number): string {
    return text.replace(new RegExp(`^[^\\p{L}\\p{N}]*(?:[\\p{L}\\p{N}]+[^\\p{L}\\p{N}]+){${count}}`, 'u'), '');
}

/** True when the words name a language: "Deutsch", "English", or "deutsche Sprache" (but not "deutscher Meister"). */
function namesLanguage(said: readonly string[]): boolean {
    return said.some((word) => LANGUAGE_NAME.test(word)) || (said.some((word) => LANGUAGE_ADJECTIVE.test(word)) && said.some((word) => LANGUAGE_NOUN.test(word)));
}

/** "deutsche", "englischen" …: name a language only before "Sprache". */
const LANGUAGE_ADJECTIVE = /^(deutsch|englisch)(e|en|er|es)$/u;
const LANGUAGE_NOUN = /^(sprache|language)$/u;

/** The two questions about the billing role: the bot answers both with the same check, so a message torn between them asks one of them. */
/** The role's words stand this near after "who" when who holds it is asked ({@link IntentRecognizer.asksWhoHolds}). */
const WHO_HOLDS_WITHIN = 7;

const ROLE_QUESTIONS: ReadonlySet<string> = new Set(['who-is-billing-contact', 'am-i-billing-contact']);

/**
 * The classifier's score for its best intent; for a question about the
 * billing role, the two role questions' scores together ("is anyone else a
 * billing contact apart from me?" is split between "who is" and "am I").
 */
function familyScore(result: { intent?: string; score?: number; classifications?: ReadonlyArray<{ intent: string; score: number }> }): number {
    const score = result.score ?? 0;
    if (!result.intent || !ROLE_QUESTIONS.has(result.intent)) {
        return score;
    }
    const together = (result.classifications ?? []).filter((one) => ROLE_QUESTIONS.has(one.intent)).reduce((sum, one) => sum + one.score, 0);
    return Math.min(1, Math.max(score, together));
}

/** Another name for a word of the field, as a whole-word pattern (with German and English endings), and the word trained. */
type FieldSynonym = readonly [RegExp, string];

/** `main:fieldSynonyms` (`billingContact: {word: "abrechnungskontakt", others: ["rechnungsempfänger", …]}`) as patterns on folded text. */
function fieldSynonyms(groups: Record<string, unknown> | undefined): FieldSynonym[] {
    return Object.values(groups ?? {})
        .flatMap((group) => {
            const { word, others } = (group ?? {}) as { word?: unknown; others?: unknown };
            return typeof word === 'string' && Array.isArray(others) ? others.filter((other): other is string => typeof other === 'string').map((other) => [other, word] as const) : [];
        })
        .map(([other, word]) => [new RegExp(`(?<![\\p{L}\\p{N}])${words(folded(other)).join('[\\s-]+')}(?:in|innen|s|n|en)?(?![\\p{L}\\p{N}])`, 'giu'), folded(word)] as const);
}

/** Text with the short stand-ins of chat written out ("what can u do" → "what can you do", "whats the diff" → "whats the difference"). */
function spelledOut(text: string): string {
    return text.replace(/(?<![\p{L}\p{N}'’])(u|r|ur|plz|pls|thx|diff|acct)(?![\p{L}\p{N}'’])/giu, (word) => SHORTHAND[word.toLowerCase()] ?? word);
}

const SHORTHAND: Readonly<Record<string, string>> = { u: 'you', r: 'are', ur: 'your', plz: 'please', pls: 'please', thx: 'thanks', diff: 'difference', acct: 'account' };

/**
 * English contractions typed without their apostrophe, as written with it: only those that are no other word without it
 * ("im", "ill", "id", "its", "were", "lets", "wont" are left alone: "user id", "it's" or "its").
 */
const APOSTROPHES: Readonly<Record<string, string>> = {
    thats: "that's",
    whats: "what's",
    wheres: "where's",
    theres: "there's",
    whos: "who's",
    hows: "how's",
    dont: "don't",
    didnt: "didn't",
    doesnt: "doesn't",
    cant: "can't",
    couldnt: "couldn't",
    wouldnt: "wouldn't",
    shouldnt: "shouldn't",
    isnt: "isn't",
    arent: "aren't",
    wasnt: "wasn't",
    werent: "weren't",
    havent: "haven't",
    hasnt: "hasn't",
    hadnt: "hadn't",
    ive: "i've",
    youre: "you're",
    youve: "you've",
    theyre: "they're"
};

const WITHOUT_APOSTROPHE = new RegExp(`(?<![\\p{L}\\p{N}'’])(?:${Object.keys(APOSTROPHES).join('|')})(?![\\p{L}\\p{N}'’])`, 'giu');

/** `text` (English) with {@link APOSTROPHES}' contractions written with their apostrophe ("nope thats it" → "nope that's it"). */
function withApostrophes(text: string): string {
    return text.replace(WITHOUT_APOSTROPHE, (word) => APOSTROPHES[word.toLowerCase()] ?? word);
}


/** Shorter words (the "s" of "what's") tell no intent apart. */
const MIN_TELLING_LENGTH = 2;

/** Length of the word beginnings that match inflections ("licenses" ~ "license"). */
const PREFIX = 5;

/** Each language's stemmer (NLP.js's, as its classifier uses): a word whose stem a training word has is a form of that word. */
const STEMMERS: Readonly<Record<Lang, { stemWord(word: string): string }>> = { en: new StemmerEn(), de: new StemmerDe() };

/** True when `word` (or its beginning) tells intents apart, and, with `intent`, is one of that intent's. */
function tells(vocabulary: Vocabulary, word: string, intent?: string): boolean {
    return [vocabulary.words.get(word), vocabulary.prefixes.get(word.slice(0, PREFIX))].some((intents) => intents !== undefined && (intent === undefined || intents.has(intent)));
}

/** Words and word beginnings that tell intents apart. */
interface Vocabulary {
    /** Each telling word, with the intents whose training utterances use it. */
    readonly words: ReadonlyMap<string, ReadonlySet<string>>;
    readonly prefixes: ReadonlyMap<string, ReadonlySet<string>>;
    /** The training utterances as words joined by spaces: one said as trained ("What can you do?") counts even without such a word. */
    readonly utterances: ReadonlySet<string>;
    /** Every word (and word beginning) of each intent's training utterances, common ones included. */
    readonly intentWords: ReadonlyMap<string, ReadonlySet<string>>;
    /** Words and word beginnings of the bot's field: used by few of its own intents (not by `out-of-scope`). */
    readonly field: ReadonlySet<string>;
    /** Training utterances of {@link MIN_TRAINED_PHRASE_WORDS} words or more, by their first word, with their intent. */
    readonly phrases: ReadonlyMap<string, ReadonlyArray<readonly [readonly string[], string]>>;
}

/** A trained utterance this long, said inside a message ("what can you do for me?"), backs its intent without a telling word. */
const MIN_TRAINED_PHRASE_WORDS = 3;

/** The intents whose trained utterances (of a few words at least) `said` contains word for word. */
function trainedPhrasesIn(vocabulary: Vocabulary, said: readonly string[]): Set<string> {
    const found = new Set<string>();
    for (let start = 0; start < said.length; start++) {
        for (const [phrase, intent] of vocabulary.phrases.get(said[start]) ?? []) {
            if (phrase.length <= said.length - start && phrase.every((word, index) => said[start + index] === word)) {
                found.add(intent);
            }
        }
    }
    return found;
}


/**
 * The words (and word beginnings) used by at most a third of the intents.
 * Words used almost everywhere ("my", "ich", "the") carry no intent.
 */
function informativeVocabulary(corpus: Record<string, string[]>): Vocabulary {
    const limit = Math.max(2, Math.floor(Object.keys(corpus).length / 3));
    const pick = (key: (word: string) => string): Map<string, Set<string>> => {
        const intentsByKey = new Map<string, Set<string>>();
        for (const [intent, utterances] of Object.entries(corpus)) {
            // A letter left of a contraction ("what's", "das war's") tells nothing.
            for (const word of utterances.flatMap(words).filter((w) => w.length >= MIN_TELLING_LENGTH)) {
                const set = intentsByKey.get(key(word)) ?? new Set<string>();
                set.add(intent);
                intentsByKey.set(key(word), set);
            }
        }
        return new Map([...intentsByKey].filter(([, intents]) => intents.size <= limit));
    };
    const utterances = new Set(Object.values(corpus).flatMap((list) => list.map((utterance) => words(utterance).join(' '))));
    const intentWords = new Map(
        Object.entries(corpus).map(([intent, list]) => [intent, new Set(list.flatMap(words).flatMap((word) => [word, word.slice(0, PREFIX)]))] as const)
    );
    // A language's name is no word of the bot's field: "wer wird deutscher Meister" is about something else.
    const own = Object.fromEntries(Object.entries(corpus).filter(([intent]) => intent !== OUT_OF_SCOPE && !intent.startsWith(SWITCH_PREFIX)));
    const elsewhere = (corpus[OUT_OF_SCOPE] ?? []).flatMap(words);
    const field = new Set<string>();
    for (const key of [(word: string) => word, (word: string) => word.slice(0, PREFIX)]) {
        const outside = new Set(elsewhere.map(key));
        const intentsByKey = new Map<string, Set<string>>();
        for (const [intent, list] of Object.entries(own)) {
            for (const word of list.flatMap(words)) {
                intentsByKey.set(key(word), (intentsByKey.get(key(word)) ?? new Set<string>()).add(intent));
            }
        }
        for (const [word, intents] of intentsByKey) {
            if (intents.size <= FIELD_WORD_MAX_INTENTS && !outside.has(word)) {
                field.add(word);
            }
        }
    }
    const phrases = new Map<string, Array<readonly [readonly string[], string]>>();
    for (const [intent, list] of Object.entries(corpus)) {
        for (const phrase of list.map(words).filter((one) => one.length >= MIN_TRAINED_PHRASE_WORDS)) {
            phrases.set(phrase[0], [...(phrases.get(phrase[0]) ?? []), [phrase, intent] as const]);
        }
    }
    return { words: pick((word) => word), prefixes: pick((word) => word.slice(0, PREFIX)), utterances, intentWords, field, phrases };
}

/** Each list of a group of word lists (`main:…Words`) as {@link WordPatterns}, read once at training. */
function patternsOf<K extends string>(lists: Readonly<Record<K, readonly string[]>>): Record<K, WordPatterns> {
    return Object.fromEntries(Object.entries<readonly string[]>(lists).map(([kind, list]) => [kind, WordPatterns.of(list)])) as Record<K, WordPatterns>;
}

import * as assert from 'assert';
import { inFreshProcess } from '../helpers/freshProcess';

/**
 * Texts as customers type them, in both languages, with what makes grapheme
 * clusters differ from characters (emoji with skin tones, combining accents,
 * CR LF) and what the tokenizer separates on (ß, punctuation, NBSP, tabs,
 * control characters), plus every phrase of the yes/no word lists.
 */
const TEXTS = `
const fs = require('fs');
const phrases = [];
for (const lang of ['de', 'en']) {
    const common = JSON.parse(fs.readFileSync(path.join(dist, '..', 'locales', lang, 'common.json'), 'utf8'));
    for (const key of ['yesWords', 'noWords', 'yesNoFillers', 'yesNoContrast']) phrases.push(...(common[key] || []));
}
const texts = [...phrases, ...phrases.map((p) => p.toUpperCase() + '!!'),
    'ja', 'Ja, bitte eine E-Mail senden', 'nein danke, tschüss', 'nö', 'nee lass mal', 'Jein?', 'großartig, ja gerne',
    'We need five more licenses for the sales team', 'yes please', 'no thanks, bye', 'ok 👍', 'nope 👎🏽', '✋ nein',
    'Wir brauchen bitte fünf weitere Lizenzen für das Vertriebsteam.', 'OK\\r\\nja', 'ja\\tnein', 'ja\\u00a0bitte', 'ja\\u0000nein',
    'cafe\\u0301 ja', 'e\\u0301', 'Ärger über Öl – ja…', '123456', '', '   ', 'ȷa ǆ ɏ', 'jа (cyrillic a)', '\\u200dja', 'y', 'n', 'j'];
`;

/** Tokens and boolean answers for {@link TEXTS}; `install` says whether the speed-up is installed first. */
function readings(install: boolean): string {
    return `${TEXTS}
const choice = require('@microsoft/recognizers-text-choice');
let splitterCalls = 0;
const real = choice.ChoiceExtractor.prototype.tokenize;
choice.ChoiceExtractor.prototype.tokenize = function (source) { splitterCalls++; return real.call(this, source); };
if (${install}) require(path.join(dist, 'sdkSpeedups/plainTextTokens.js')).tokenizePlainTextByCharacters();
out.tokens = {};
out.answers = {};
for (const culture of ['de-de', 'en-us']) {
    const model = new choice.ChoiceRecognizer(culture).getBooleanModel(culture, true);
    out.tokens[culture] = texts.map((t) => model.extractor.tokenize(t.toLowerCase()));
    out.answers[culture] = texts.map((t) => model.parse(t).map((r) => [r.start, r.end, r.text, r.resolution.value, r.resolution.score]));
}
out.splitterCalls = splitterCalls;
out.texts = texts.length;
`;
}

interface Readings {
    tokens: Record<string, string[][]>;
    answers: Record<string, unknown[]>;
    splitterCalls: number;
    texts: number;
}

describe('recognizers-text-choice tokenizes Latin-script text by characters (sdkSpeedups/plainTextTokens.ts)', function () {
    this.timeout(90_000);

    it('gives the same tokens and the same yes/no answers as the grapheme splitter for every text, and splits only what is not plain Latin', () => {
        const fast = inFreshProcess<Readings>(readings(true));
        const slow = inFreshProcess<Readings>(readings(false));
        assert.ok(fast.texts > 100, `${fast.texts} texts`);
        assert.deepStrictEqual(fast.tokens, slow.tokens);
        assert.deepStrictEqual(fast.answers, slow.answers);
        // Every text is tokenized at least twice (directly and by parse) in both cultures; only those beyond Latin reach the splitter.
        assert.ok(slow.splitterCalls >= fast.texts * 4, `${slow.splitterCalls} tokenize calls without the speed-up`);
        assert.ok(fast.splitterCalls > 0 && fast.splitterCalls * 10 < slow.splitterCalls, `splitter used ${fast.splitterCalls} times with the speed-up, ${slow.splitterCalls} without`);
    });
});

describe('plainTextTokens pins the recognizers-text-choice internal it relies on', function () {
    this.timeout(90_000);

    it('the boolean model tokenizes through ChoiceExtractor.prototype.tokenize, by grapheme cluster, separating on config.tokenRegex', () => {
        const result = inFreshProcess<{ calls: number; combining: string[]; emoji: string[]; german: string[]; regex: string }>(`
const choice = require('@microsoft/recognizers-text-choice');
let calls = 0;
const real = choice.ChoiceExtractor.prototype.tokenize;
choice.ChoiceExtractor.prototype.tokenize = function (source) { calls++; return real.call(this, source); };
const model = new choice.ChoiceRecognizer('de-de').getBooleanModel('de-de', true);
model.parse('ja gerne');
out.calls = calls;
out.combining = real.call(model.extractor, 'cafe\\u0301 ja');
out.emoji = real.call(model.extractor, 'ok👍🏽ja');
out.german = real.call(model.extractor, 'großartig, über-all');
out.regex = String(model.extractor.config.tokenRegex);
`);
        assert.ok(result.calls >= 1, 'parse tokenizes the text');
        // e + U+0301 is one cluster, which the separator pattern matches as a whole (the accent is no word character): it ends "caf".
        assert.deepStrictEqual(result.combining, ['caf', 'ja'], 'a letter with a combining accent is read as one cluster');
        assert.deepStrictEqual(result.emoji, ['👍🏽', 'ok', 'ja'], 'an emoji with its skin tone is one token, put before the word it ends');
        assert.deepStrictEqual(result.german, ['gro', 'artig', 'über', 'all']);
        assert.match(result.regex, /^\/\[\^\\w\\d\\u00E0-\\u00FC\]\/[a-z]*$/);
    });
});

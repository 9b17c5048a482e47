/**
 * SDK speed-up: recognizers-text-choice splits a Latin-script text into
 * tokens character by character instead of by Unicode grapheme cluster.
 *
 * Relies on recognizers-text-choice 1.3 internals (pinned by
 * test/sdkSpeedups/plainTextTokens.test.ts): `ChoiceExtractor.prototype.tokenize(source)`
 * is what the boolean model's extractor calls on every text it reads, before
 * it looks for a yes or a no; it splits the text into grapheme clusters and
 * then walks them, a cluster that is neither a match of `config.tokenRegex`
 * nor whitespace extending the current token, any other ending it (and
 * clusters beyond the Basic Multilingual Plane, emoji, each a token of their
 * own); and it reads nothing but `this.config.tokenRegex`.
 */
import { ChoiceExtractor } from '@microsoft/recognizers-text-choice';

type Tokenize = (this: ChoiceExtractor, source: string) => string[];

const INSTALLED = Symbol('billingAssistant.plainTextTokens');

/**
 * Text in which every grapheme cluster is one character: Basic Latin to
 * Latin Extended-B (U+0000–U+024F) holds no combining mark, joiner, regional
 * indicator, Hangul jamo or surrogate. The one cluster of two characters it
 * can hold, CR LF, is a separator either way.
 */
const PLAIN = /^[\u0000-\u024f]*$/;

/**
 * The bundled grapheme splitter classifies each character through a chain of
 * a few thousand range comparisons: 80 µs for a 45-character message, about
 * 1.5 % of the bot's CPU a turn, every time a message is read for a yes or a
 * no (2 ms for a 1,000-character one). For text in which a cluster is a
 * character, the same walk goes over the characters; other text (emoji,
 * combining accents, other scripts) still goes through the splitter.
 * Installing twice does nothing.
 */
export function tokenizePlainTextByCharacters(): void {
    const prototype = ChoiceExtractor.prototype as unknown as { tokenize: Tokenize & { [INSTALLED]?: true } };
    const original = prototype.tokenize;
    if (original[INSTALLED]) {
        return;
    }
    const tokenize = function (this: ChoiceExtractor, source: string): string[] {
        if (typeof source !== 'string' || !PLAIN.test(source)) {
            return original.call(this, source);
        }
        const separator = (this as unknown as { config: { tokenRegex: RegExp } }).config.tokenRegex;
        const tokens: string[] = [];
        let token = '';
        for (const c of source) {
            if (!(separator.test(c) || c.trim() === '')) {
                token += c;
            } else if (token.trim() !== '') {
                tokens.push(token);
                token = '';
            }
        }
        if (token.trim() !== '') {
            tokens.push(token);
        }
        return tokens;
    };
    prototype.tokenize = Object.assign(tokenize, { [INSTALLED]: true as const });
}

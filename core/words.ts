import { BoundedMemo } from './boundedMemo';

/** Texts whose phrase is kept: the messages of the turns running at once, and what the matchers cut from them. */
const PHRASES_KEPT = 512;

/** Longer texts are split each time (a message may hold up to 20,000 characters). */
const MEMO_MAX_LENGTH = 1000;

const phraseMemo = new BoundedMemo<string, string>(PHRASES_KEPT);

/** The words of a text in lower case, split at everything that is no letter or digit ("What's" → "what", "s"). */
export function wordsOf(text: string): string[] {
    const phrase = phraseOf(text);
    return phrase === '' ? [] : phrase.split(' ');
}

/** A text as a phrase to compare: its words, lower case, joined by single spaces ("Nein, danke!" → "nein danke"). */
export function phraseOf(text: string): string {
    // The turn's message is read by a dozen matchers in a turn: its words are split once.
    return text.length <= MEMO_MAX_LENGTH ? phraseMemo.get(text, phraseIn) : phraseIn(text);
}

function phraseIn(text: string): string {
    return text
        .toLocaleLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((word) => word.length > 0)
        .join(' ');
}

/** True when one of `phrases` ({@link phraseOf} form, as `phraseList` gives them) stands in `text` as whole words. */
export function containsPhrase(text: string, phrases: readonly string[]): boolean {
    const said = phraseOf(text);
    return phrases.some((phrase) => hasPhrase(said, phrase));
}

/**
 * True when `phrase` stands in the phrase `said` as whole words ("bitte" in
 * "ja bitte gern", not in "bitteschön"): `\` ${said} \`.includes(\` ${phrase} \`)`
 * without building both texts for every phrase of a list.
 */
export function hasPhrase(said: string, phrase: string): boolean {
    for (let at = said.indexOf(phrase); at !== -1; at = at < said.length ? said.indexOf(phrase, at + 1) : -1) {
        const end = at + phrase.length;
        if ((at === 0 || said.charCodeAt(at - 1) === 0x20) && (end === said.length || said.charCodeAt(end) === 0x20)) {
            return true;
        }
    }
    return false;
}

/**
 * True when a text holds no letter: only digits, spaces and punctuation (a
 * code "482 913", a number, a date "05.12.2026"). No word list of the rules
 * can stand in it; symbols and emoji are not counted in, since some lists
 * hold them (a 👍 is a rating, a "+" a sum).
 */
export function saysNoWords(text: string): boolean {
    return WORDLESS.test(text);
}

const WORDLESS = /^[\p{N}\p{P}\s]*$/u;

/** The sentences of a message, at . ! ? ; and line breaks ("Nein, keine Mail. Also bitte den Kontakt ändern" → two). */
export function sentencesOf(text: string): string[] {
    return text
        .split(/(?<=[.!?;])\s+|\n+/u)
        .map((part) => part.trim())
        .filter((part) => /[\p{L}\p{N}]/u.test(part));
}

/**
 * True when the phrase `said` ({@link phraseOf} form) begins with the words of
 * `phrase` and goes on ("ja bitte" with "ja", not "jawohl" or "ja" itself):
 * `said.startsWith(\`${phrase} \`)` without building that text for every phrase of a list.
 */
export function beginsWith(said: string, phrase: string): boolean {
    return said.length > phrase.length && said.charCodeAt(phrase.length) === 0x20 && said.startsWith(phrase);
}

/**
 * True when every word of `phrase` but `slot` is one of `present` (a
 * message's words as a set): otherwise the phrase cannot stand in the message,
 * and the search for it in order is skipped.
 */
export function hasPhraseWords(present: ReadonlySet<string>, phrase: readonly string[], slot: string): boolean {
    for (const word of phrase) {
        if (word !== slot && !present.has(word)) {
            return false;
        }
    }
    return true;
}

/** `text` with every character that means something in a regular expression escaped: a phrase to match as written. */
export function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const FOLDS: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' };

/** Text with the German umlauts and ß written out (ä → ae, ß → ss), as people type without a German keyboard. */
export function folded(text: string): string {
    return text.replace(/[äöüÄÖÜß]/g, (letter) => FOLDS[letter] ?? letter);
}

/** A word of a text, lower case, with where it stands. */
export interface WordAt {
    readonly word: string;
    readonly start: number;
    readonly end: number;
}

/** The words of `text` by `pattern` (runs of letters and digits unless told), lower case, with where they stand. */
export function wordsAt(text: string, pattern: RegExp = /[\p{L}\p{N}]+/gu): WordAt[] {
    return [...text.matchAll(pattern)].map((match) => ({ word: match[0].toLocaleLowerCase(), start: match.index ?? 0, end: (match.index ?? 0) + match[0].length }));
}

/** How many words the longest of `phrases` (each split into words) that stands at `words[from]` has; 0 when none does. */
export function phraseLengthAt(words: readonly WordAt[], from: number, phrases: ReadonlyArray<readonly string[]>): number {
    let best = 0;
    for (const phrase of phrases) {
        if (phrase.length > best && phrase.every((word, i) => words[from + i]?.word === word)) {
            best = phrase.length;
        }
    }
    return best;
}

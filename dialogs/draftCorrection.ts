import type { TurnContext } from 'botbuilder';
import type { TFunction } from 'i18next';
import { containsPhrase, escapeRegExp, phraseLengthAt, wordsAt, wordsOf, type WordAt } from '../core/words';
import { perLanguage, phraseList, phraseWordList } from '../language/phraseLists';
import { turnInfo } from '../turn/turn';
import type { DraftChange } from './answerContent';

/** A correction of a number is short ("actually make it 4 seats", "nein, 3 Lizenzen statt 5"); a longer message says more. */
const MAX_CORRECTION_WORDS = 12;

/** A number in a text: where it stands and its value. */
interface NumberAt {
    readonly value: number;
    readonly start: number;
    readonly end: number;
    /** The word right after it ("seats", "Lizenzen"), lower case. */
    readonly next?: string;
    /** Its index among the words of the text. */
    readonly word: number;
}

/**
 * A correction of a number in the draft at its send question ("actually make
 * it 4 seats", "sorry, I meant three", "nein, 3 Lizenzen statt 5", "nicht 5,
 * sondern 3"): the draft with that number replaced, as the person would have
 * written it. The number replaced is the one the message names ("statt 5"),
 * else the one number of the draft, else the one before the same kind of
 * thing ("4 seats" → "5 seats"). A single number needs a word that corrects
 * (`emailAdmin:numberCorrection.heard.markers`). Undefined when the message is no
 * such correction or the draft has no number it could be about: the message
 * is then read as new words for the draft.
 */
export function numberCorrection(context: TurnContext, text: string, draft: string): DraftChange | undefined {
    const said = readCorrection(context, text);
    if (!said) {
        return undefined;
    }
    const { t } = turnInfo(context);
    const inDraft = numbersIn(draft, listsOf(t));
    const { wanted, old } = said;
    let replaced: NumberAt | undefined;
    if (old) {
        const same = inDraft.filter((n) => n.value === old.value);
        replaced = same.length === 1 ? same[0] : undefined;
    } else {
        // "4 seats" corrects "5 licences" (both count seats), not "2 webcams".
        const seats = phraseList(t, 'emailAdmin:numberCorrection.heard.seatWords');
        const counts = (n: NumberAt): boolean => wanted.next === undefined || n.next === undefined || sameThing(wanted.next, n.next, seats);
        const candidates = inDraft.filter(counts);
        replaced = candidates.length === 1 ? candidates[0] : undefined;
    }
    if (!replaced || replaced.value === wanted.value) {
        return undefined;
    }
    return { kind: 'replace', text: `${draft.slice(0, replaced.start)}${wanted.value}${draft.slice(replaced.end)}` };
}

/**
 * True when a message at a draft's send question reads as a correction of it: of a number ("doch lieber 8", "nicht 8
 * sondern 7") or of a part, opening as one ("statt 10.12. lieber 15.12.", "replace December with January"). It is
 * an answer to that question (the draft is changed and shown again), never a "cancel" nor a yes.
 */
export function correctsTheDraft(context: TurnContext, text: string): boolean {
    return readCorrection(context, text) !== undefined || partsNamed(context, text).some((part) => part.opens);
}

/** A part of the draft corrected in the person's words, or the part they named that the draft does not hold. */
export type PartCorrection = DraftChange | { readonly kind: 'missing'; readonly part: string };

/**
 * A part of the draft corrected at its send question ("schreiben Sie statt 10.12. lieber 15.12.", "statt 3 bitte 5",
 * "nicht november sondern oktober", "instead of 3 write 5", "replace December with January"): the draft with every
 * place of that part replaced by the new words, capitalised where the draft's part is ("oktober" for "November").
 * The message is one of `emailAdmin:partCorrection.heard.patterns` after words to the bot (`….leads`, a yes or no,
 * a pause), `{old}` the part of the draft and `{new}` its new words without the words to the bot (`….fillers`).
 * `missing` when a message that opens as a correction ("statt …", "replace …") names a part the draft does not hold;
 * undefined when the message is no such correction.
 */
export function partCorrection(context: TurnContext, text: string, draft: string): PartCorrection | undefined {
    const named = partsNamed(context, text);
    for (const { old, replacement } of named) {
        const places = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(old).replace(/\s+/gu, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
        if (draft.search(places) >= 0 && phraseOfPart(old) !== phraseOfPart(replacement)) {
            return { kind: 'replace', text: draft.replace(places, (found) => (startsUpper(found) && !startsUpper(replacement) ? capitalised(replacement) : replacement)) };
        }
    }
    const opened = named.find((one) => one.opens);
    return opened ? { kind: 'missing', part: opened.old } : undefined;
}

/** The number a correction wants, and the one it names as wrong ("3 statt 5"), if it names one. */
function readCorrection(context: TurnContext, text: string): { readonly wanted: NumberAt; readonly old?: NumberAt } | undefined {
    const { t } = turnInfo(context);
    const words = wordsOf(text);
    if (words.length === 0 || words.length > MAX_CORRECTION_WORDS) {
        return undefined;
    }
    const said = numbersIn(text, listsOf(t));
    if (said.length === 2) {
        // "3 statt 5", "4 instead of 5" name the new number first; "nicht 5, sondern 3", "not 5 but 4" the old one.
        const between = ` ${words.slice(said[0].word + 1, said[1].word).join(' ')} `;
        const oldFirst = phraseList(t, 'emailAdmin:numberCorrection.heard.oldFirst').some((word) => between.includes(` ${word} `));
        const newFirst = phraseList(t, 'emailAdmin:numberCorrection.heard.newFirst').some((word) => between.includes(` ${word} `));
        if (oldFirst === newFirst) {
            return undefined;
        }
        return oldFirst ? { wanted: said[1], old: said[0] } : { wanted: said[0], old: said[1] };
    }
    if (said.length === 1 && containsPhrase(text, phraseList(t, 'emailAdmin:numberCorrection.heard.markers'))) {
        return { wanted: said[0] };
    }
    return undefined;
}

function listsOf(t: TFunction): Lists {
    return { numberWords: phraseList(t, 'emailAdmin:numberCorrection.heard.numberWords'), moreWords: phraseList(t, 'emailAdmin:numberCorrection.heard.moreWords') };
}

/** The locale words a number is read with. */
interface Lists {
    /** Numbers as words, their place in the list is their value ("zero", "one", … "twenty"). */
    readonly numberWords: readonly string[];
    /** Words between a number and what it counts ("5 more seats", "5 weitere Lizenzen"). */
    readonly moreWords: readonly string[];
}

/** True when two words count the same thing: the same word in another form, or both seats (`seatWords`: "seats", "Lizenzen"). */
function sameThing(a: string, b: string, seats: readonly string[]): boolean {
    return stem(a) === stem(b) || (seats.some((word) => stem(word) === stem(a)) && seats.some((word) => stem(word) === stem(b)));
}

/** The numbers of a text, in digits ("5") or as words ("five", "fünf"). */
function numbersIn(text: string, { numberWords, moreWords }: Lists): NumberAt[] {
    const tokens = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
    const found: NumberAt[] = [];
    tokens.forEach((match, index) => {
        const token = match[0].toLocaleLowerCase();
        const value = /^\d{1,6}$/.test(token) ? Number(token) : numberWords.indexOf(token);
        if (value >= 0 && (value > 1 || /^\d+$/.test(token))) {
            const start = match.index ?? 0;
            found.push({ value, start, end: start + match[0].length, next: nextNoun(tokens, index, moreWords), word: index });
        }
    });
    return found;
}

/** The word after a number that says what it counts, past "more"/"weitere" (a word of two letters or fewer is skipped). */
function nextNoun(tokens: readonly RegExpMatchArray[], index: number, moreWords: readonly string[]): string | undefined {
    for (const match of tokens.slice(index + 1, index + 3)) {
        const word = match[0].toLocaleLowerCase();
        if (word.length > 2 && !moreWords.includes(word)) {
            return word;
        }
    }
    return undefined;
}

/** The first letters of a word, enough to tell "licence"/"licenses" and "Lizenz"/"Lizenzen" apart from "seats". */
function stem(word: string): string {
    return word.slice(0, 4);
}

/** Words of a part this many at most: a longer stretch is a sentence of its own, no part of one. */
const MAX_PART_WORDS = 5;

/** A correction of a part is short; a longer message says more. */
const MAX_PART_CORRECTION_WORDS = 14;

/** The slots of `emailAdmin:partCorrection.heard.patterns`: the draft's part and its new words. */
const OLD_SLOT = 'old';
const NEW_SLOT = 'new';

/** A part named by a correction: as written (without the punctuation after it), its new words, and whether the message opens as a correction. */
interface NamedPart {
    readonly old: string;
    readonly replacement: string;
    readonly opens: boolean;
}

const partVocabulary = perLanguage((t: TFunction) => ({
    patterns: phraseWordList(t, 'emailAdmin:partCorrection.heard.patterns'),
    leads: [...phraseWordList(t, 'emailAdmin:partCorrection.heard.leads'), ...phraseWordList(t, 'common:noWords'), ...phraseWordList(t, 'common:yesWords'), ...phraseWordList(t, 'common:interjections')],
    fillers: phraseWordList(t, 'emailAdmin:partCorrection.heard.fillers')
}));

/**
 * The readings of `text` as a correction of a part by `emailAdmin:partCorrection.heard.patterns`, in their order,
 * after as few words to the bot as fit. Two slots next to each other ("statt {old} {new}") are told apart by a comma
 * or a filler between them ("statt 3 bitte 5"), or are one word each. The part must name something
 * ({@link tellingPart}): "make it 4" names no part "it".
 */
function partsNamed(context: TurnContext, text: string): NamedPart[] {
    const { t } = turnInfo(context);
    const { patterns, leads, fillers } = partVocabulary(t);
    const tokens = wordsAt(text, CORRECTION_WORD);
    const lead = leadLength(tokens, leads);
    if (tokens.length - lead > MAX_PART_CORRECTION_WORDS) {
        return [];
    }
    const found: NamedPart[] = [];
    for (let from = 0; from <= lead; from++) {
        for (const pattern of patterns) {
            // A pattern that begins with a part ("{new} nicht {old}") begins after every word to the bot: "nein, ich meinte" is no part of "November".
            if ((pattern[0] === OLD_SLOT || pattern[0] === NEW_SLOT) && from !== lead) {
                continue;
            }
            for (const slots of slotsOf(tokens, from, pattern, 0, {})) {
                const [old, fresh] = [slots[OLD_SLOT], slots[NEW_SLOT]];
                const adjacent = pattern.indexOf(NEW_SLOT) === pattern.indexOf(OLD_SLOT) + 1;
                const replacement = fresh && withoutFillers(tokens, fresh, fillers);
                const opens = pattern[0] !== OLD_SLOT && pattern[0] !== NEW_SLOT;
                if (!old || !fresh || !replacement || (adjacent && !apart(text, tokens, old, fresh, fillers)) || !tellingPart(tokens.slice(old[0], old[1]), opens)) {
                    continue;
                }
                found.push({ old: partText(text, tokens, old[0], old[1]), replacement: partText(text, tokens, replacement[0], replacement[1]), opens });
            }
        }
    }
    return found;
}

/** A date or an amount ("10.12.", "1.000,50") is one word of a correction, as is a word with an apostrophe or a hyphen. */
const CORRECTION_WORD = /\p{N}+(?:[.:/,-]\p{N}+)+\.?|[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** How many words at the start are said to the bot: a yes or no, a pause, "bitte", "schreiben Sie" (the longest phrase each time). */
function leadLength(tokens: readonly WordAt[], leads: ReadonlyArray<readonly string[]>): number {
    let at = 0;
    for (let length = phraseLengthAt(tokens, at, leads); length > 0; length = phraseLengthAt(tokens, at, leads)) {
        at += length;
    }
    return at;
}

/** Where the slots stand when `pattern` from its word `index` covers the words from `from` to the end: every way it does. */
function slotsOf(tokens: readonly WordAt[], from: number, pattern: readonly string[], index: number, slots: Readonly<Record<string, readonly [number, number]>>): Record<string, readonly [number, number]>[] {
    if (index === pattern.length) {
        return from === tokens.length ? [{ ...slots }] : [];
    }
    const word = pattern[index];
    if (word !== OLD_SLOT && word !== NEW_SLOT) {
        return tokens[from]?.word === word ? slotsOf(tokens, from + 1, pattern, index + 1, slots) : [];
    }
    const readings: Record<string, readonly [number, number]>[] = [];
    for (let end = from + 1; end <= Math.min(tokens.length, from + MAX_PART_WORDS); end++) {
        readings.push(...slotsOf(tokens, end, pattern, index + 1, { ...slots, [word]: [from, end] }));
    }
    return readings;
}

/** The words from `span[0]` to `span[1]` without the fillers before and after them ("lieber 15.12." → "15.12."); undefined when only fillers. */
function withoutFillers(tokens: readonly WordAt[], span: readonly [number, number], fillers: ReadonlyArray<readonly string[]>): readonly [number, number] | undefined {
    let [start, end] = span;
    for (let length = phraseLengthAt(tokens.slice(0, end), start, fillers); length > 0; length = phraseLengthAt(tokens.slice(0, end), start, fillers)) {
        start += length;
    }
    while (end > start && fillers.some((words) => words.length === 1 && words[0] === tokens[end - 1].word)) {
        end--;
    }
    return end > start ? [start, end] : undefined;
}

/** A word of a part this long at least says which part it is ("PDF"); a shorter one is a small word ("it", "es"), unless it is a number. */
const MIN_PART_WORD_LENGTH = 3;

/**
 * True when the words of a part say which part of a draft it is: a number, or a word of {@link MIN_PART_WORD_LENGTH}
 * letters, one more where the message does not open as a correction ("it should be fine" names no part).
 */
function tellingPart(words: readonly WordAt[], opens: boolean): boolean {
    return words.some((token) => /\p{N}/u.test(token.word) || token.word.length >= MIN_PART_WORD_LENGTH + (opens ? 0 : 1));
}

/** True when the words of two slots next to each other are told apart: a comma or dash between them, a filler opening the new words, or one word each. */
function apart(text: string, tokens: readonly WordAt[], old: readonly [number, number], fresh: readonly [number, number], fillers: ReadonlyArray<readonly string[]>): boolean {
    const between = text.slice(tokens[old[1] - 1].end, tokens[fresh[0]].start);
    return /[,;:–-]/u.test(between) || phraseLengthAt(tokens, fresh[0], fillers) > 0 || (old[1] - old[0] === 1 && fresh[1] - fresh[0] === 1);
}

/** The text of the words from `start` to `end` as written, without the punctuation that closes it ("10.12." → "10.12"). */
function partText(text: string, tokens: readonly WordAt[], start: number, end: number): string {
    return text.slice(tokens[start].start, tokens[end - 1].end).replace(/[.,;:!?]+$/u, '');
}

/** A part as compared: lower case, single spaces. */
function phraseOfPart(part: string): string {
    return part.toLocaleLowerCase().replace(/\s+/gu, ' ');
}

function startsUpper(text: string): boolean {
    const first = text.charAt(0);
    return first !== first.toLocaleLowerCase();
}

function capitalised(text: string): string {
    return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

import type { TurnContext } from 'botbuilder';
import type { TFunction } from 'i18next';
import { containsPhrase, wordsOf } from '../core/words';
import { phraseList } from '../language/phraseLists';
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
 * True when a message at a draft's send question reads as the correction of a number ("doch lieber 8", "nicht 8
 * sondern 7"): it is an answer to that question (the draft is changed and shown again), never a "cancel".
 */
export function correctsANumber(context: TurnContext, text: string): boolean {
    return readCorrection(context, text) !== undefined;
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

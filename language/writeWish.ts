import type { TFunction } from 'i18next';
import { perLanguage, phraseList } from './phraseLists';
import { phraseOf, sentencesOf } from '../core/words';

/** The most words of a wish to write to someone that says no more ("kannst du bitte jonas noch kurz was ausrichten"). */
const WISH_MAX_WORDS = 10;

/** A person is named in one or two words ("anna", "Anna Müller"). */
const NAME_MAX_WORDS = 2;

/** Words that name the person themselves or the bot, never whom to write to ("kannst du mir was schreiben", "ich muss dir was sagen"). */
const NOT_ANOTHER: ReadonlySet<string> = new Set(['me', 'i', 'my', 'myself', 'you', 'u', 'mir', 'mich', 'ich', 'dir', 'dich', 'ihnen', 'uns', 'us']);

/** What a wish to write is read with in one language, read from the locales once. */
const vocabulary = perLanguage((t: TFunction) => ({
    verbs: new Set(phraseList(t, 'emailAdmin:instructionWords')),
    objects: [...phraseList(t, 'emailAdmin:writeWish.heard.objects')].sort((a, b) => b.length - a.length),
    fillers: new Set(phraseList(t, 'emailAdmin:writeWish.heard.fillers').flatMap((one) => one.split(' '))),
    to: new Set(phraseList(t, 'emailAdmin:writeWish.heard.to'))
}));

/** The words named as whom to write to: one or two words that are neither fillers nor verbs, undefined when there are none or more. */
function namedIn(words: readonly string[], t: TFunction, skip: ReadonlySet<number> = new Set()): { from: number; to: number } | undefined {
    const { verbs, fillers, to } = vocabulary(t);
    const at = words.flatMap((word, index) => (skip.has(index) || fillers.has(word) || to.has(word) || verbs.has(word) ? [] : [index]));
    const from = at[0];
    const last = at.at(-1);
    if (from === undefined || last === undefined || last - from + 1 !== at.length || at.length > NAME_MAX_WORDS || at.some((index) => NOT_ANOTHER.has(words[index]))) {
        return undefined;
    }
    return { from, to: last };
}

/**
 * True when `text` only wishes to write or pass on something to a person it names, without saying what
 * ("ich möchte anna was schreiben", "kannst du jonas was ausrichten", "i want to write something to anna",
 * "can you pass something on to sarah"): a word of `emailAdmin:instructionWords`, a something of
 * `emailAdmin:writeWish.heard.objects` (not first: "was soll ich …" asks), and one or two words of a name
 * right after a word of `.to` ("to", "an") or right before the something; every other word a filler of `.fillers`.
 */
export function wishesToWriteToSomeone(text: string, t: TFunction): boolean {
    const words = phraseOf(text).split(' ');
    const { verbs, objects, to } = vocabulary(t);
    if (words.length > WISH_MAX_WORDS || !words.some((word) => verbs.has(word))) {
        return false;
    }
    for (const object of objects) {
        const length = object.split(' ').length;
        const start = words.findIndex((_, index) => index > 0 && words.slice(index, index + length).join(' ') === object);
        if (start < 0) {
            continue;
        }
        const named = namedIn(words, t, new Set(Array.from({ length }, (_, offset) => start + offset)));
        return named !== undefined && (to.has(words[named.from - 1] ?? '') || named.to + 1 === start);
    }
    return false;
}

/**
 * True when words before a colon only say whom the words after it are for ("ok dann an anna", "ok, to peter then"):
 * a word of `emailAdmin:writeWish.heard.to` and a name of one or two words, every other word a filler.
 */
export function addressesSomeone(head: string, t: TFunction): boolean {
    const words = phraseOf(head).split(' ');
    const named = namedIn(words, t);
    return named !== undefined && words.length <= WISH_MAX_WORDS && vocabulary(t).to.has(words[named.from - 1] ?? '') && words.filter((word) => vocabulary(t).to.has(word)).length === 1;
}

/**
 * True when `text` asks whether or how the person themselves may write to someone ("who is my billing contact and can I
 * contact them?", "kann ich den Abrechnungskontakt anschreiben?"): a question (a sentence ending in "?") with words in which
 * the person asks about their own doing (`emailAdmin:heard.selfQuestions`: "can i", "kann ich"). Such a question is answered,
 * and the mail offered, before any text for it is asked.
 */
export function asksWhetherToWrite(t: TFunction, text: string): boolean {
    const asks = phraseList(t, 'emailAdmin:heard.selfQuestions');
    return sentencesOf(text).some((sentence) => sentence.endsWith('?') && asks.some((phrase) => ` ${phraseOf(sentence)} `.includes(` ${phrase} `)));
}

import type { TFunction } from 'i18next';
import { phraseOf, sentencesOf, wordsOf } from '../core/words';
import { phraseList } from './phraseLists';

/** The slot of a `main:personRequest.phrases` entry that stands for one of `main:personRequest.people`. */
const PERSON_SLOT = 'person';

/** Words that may stand between two words of a phrase ("talk to a real person", "jemand vom Support helfen"). */
const MAX_GAP = 3;

/**
 * True when a sentence of `text` clearly asks for a person ("I need to speak
 * to an agent NOW", "kann mir jemand vom Support helfen"): it holds one of the
 * phrases of `main:personRequest.phrases` in order, each word at most
 * {@link MAX_GAP} words after the one before, the slot `{person}` filled by
 * one of `main:personRequest.people`. Such a request wins over the topic words
 * of the same message ("… you charged us twice") and over the open question.
 * "Can you help me make someone else the billing contact" names the person
 * after "help", so it is no such request; the nouns of
 * `main:personRequest.fieldNouns` ("billing contact") are never its verb.
 */
export function asksForPerson(text: string, t: TFunction): boolean {
    const people = phraseList(t, 'main:personRequest.people');
    const phrases = phraseList(t, 'main:personRequest.phrases').map((phrase) => phrase.split(' '));
    const nouns = phraseList(t, 'main:personRequest.fieldNouns');
    return sentencesOf(text).some((sentence) => {
        // "is anyone else a billing contact apart from me": the field's nouns are no verb of a phrase ("contact me").
        const said = wordsOf(nouns.reduce((rest, noun) => ` ${rest} `.replaceAll(` ${noun} `, ' _ '), phraseOf(sentence)));
        return phrases.some((phrase) => holds(said, phrase, people));
    });
}

/** True when `said` holds the words of `phrase` in order, each within the gap, from any start. */
function holds(said: readonly string[], phrase: readonly string[], people: readonly string[]): boolean {
    const fits = (word: string, wanted: string): boolean => (wanted === PERSON_SLOT ? people.includes(word) : word === wanted);
    const from = (position: number, index: number): boolean => {
        if (index === phrase.length) {
            return true;
        }
        const last = index === 0 ? said.length - 1 : Math.min(said.length - 1, position + MAX_GAP);
        for (let at = position; at <= last; at++) {
            if (fits(said[at], phrase[index]) && from(at + 1, index + 1)) {
                return true;
            }
        }
        return false;
    };
    return from(0, 0);
}

import type { TFunction } from 'i18next';
import { hasPhraseWords, phraseOf, sentencesOf, wordsOf } from '../core/words';
import { perLanguage, phraseList, phraseWordList } from './phraseLists';

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
    const { people, phrases, nouns } = requestVocabulary(t);
    return sentencesOf(text).some((sentence) => {
        // "is anyone else a billing contact apart from me": the field's nouns are no verb of a phrase ("contact me").
        const said = wordsOf(nouns.reduce((rest, noun) => ` ${rest} `.replaceAll(` ${noun} `, ' _ '), phraseOf(sentence)));
        const present = new Set(said);
        // A phrase whose own words are not all in the sentence cannot stand in it: skip the search in order.
        return phrases.some((phrase) => hasPhraseWords(present, phrase, PERSON_SLOT) && holds(said, phrase, people));
    });
}

/** True when `text` names one of the bot's side's people (`main:personRequest.people`: "support", "agent", "Mitarbeiter"). */
export function namesOurPeople(text: string, t: TFunction): boolean {
    const { people } = requestVocabulary(t);
    return wordsOf(text).some((word) => people.has(word));
}

/** What a request for a person is read with in one language: read from the locales once ({@link perLanguage}), not per message. */
interface RequestVocabulary {
    readonly people: ReadonlySet<string>;
    /** `main:personRequest.phrases`, each split into its words. */
    readonly phrases: ReadonlyArray<readonly string[]>;
    readonly nouns: readonly string[];
}

const requestVocabulary = perLanguage(
    (t): RequestVocabulary => ({
        people: new Set(phraseList(t, 'main:personRequest.people')),
        phrases: phraseWordList(t, 'main:personRequest.phrases'),
        nouns: phraseList(t, 'main:personRequest.fieldNouns')
    })
);

/** True when `said` holds the words of `phrase` in order, each within the gap, from any start. */
function holds(said: readonly string[], phrase: readonly string[], people: ReadonlySet<string>): boolean {
    const fits = (word: string, wanted: string): boolean => (wanted === PERSON_SLOT ? people.has(word) : word === wanted);
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

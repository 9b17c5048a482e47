import type { TFunction } from 'i18next';
import { wordsOf } from '../core/words';
import { phraseList } from './phraseLists';

/**
 * False when `text` holds a word no person's name has (`common:nonNameWords`:
 * pronouns, verbs, yes and no, greetings and goodbyes): "no i meant someone
 * new", "k thx bye" and "Sie übernimmt die Buchhaltung" are sentences, and
 * never the name of a new billing contact. Addresses are not read.
 */
export function mayBeName(text: string, t: TFunction): boolean {
    const never = new Set(phraseList(t, 'common:nonNameWords'));
    return !wordsOf(text.replace(/\S*@\S*/g, ' ')).some((word) => never.has(word));
}

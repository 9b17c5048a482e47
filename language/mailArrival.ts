import type { TFunction } from 'i18next';
import { containsPhrase } from '../core/words';
import { phraseList } from './phraseLists';

/**
 * True when the message says a mail the bot had sent is still not there
 * ("still no email after 5 min", "die Mail ist immer noch nicht da"): a word
 * of waiting (`common:mailMissing.still`) and one of a missing mail
 * (`common:mailMissing.missing`), or words that say so alone ("I didn't get
 * any email", "es ist nichts angekommen": `common:mailMissing.alone`), without asking plainly for another one
 * (`common:mailMissing.sendAgain`: that is a request of its own) or naming an
 * address.
 */
export function mailStillMissing(t: TFunction, text: string): boolean {
    const has = (key: string): boolean => containsPhrase(text, phraseList(t, `common:mailMissing.${key}`));
    return !text.includes('@') && ((has('still') && has('missing')) || has('alone')) && !has('sendAgain');
}

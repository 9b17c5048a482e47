import type { TFunction } from 'i18next';
import { containsPhrase } from '../core/words';
import { phraseList } from './phraseLists';

/**
 * True when the message says a mail the bot had sent is still not there
 * ("still no email after 5 min", "die Mail ist immer noch nicht da"): a word
 * of waiting (`common:mailMissing.still`) and one of a missing mail
 * (`common:mailMissing.missing`), or, with `saidAlone`, words that say so
 * alone ("I didn't get any email", "es ist nichts angekommen":
 * `common:mailMissing.alone`); never when the message asks plainly for
 * another one (`common:mailMissing.sendAgain`: that is a request of its own)
 * or names an address. At the code a bare "i never got any code" is left to
 * the code question, which sends a new code.
 */
export function mailStillMissing(t: TFunction, text: string, saidAlone = false): boolean {
    const has = (key: string): boolean => containsPhrase(text, phraseList(t, `common:mailMissing.${key}`));
    return !text.includes('@') && ((has('still') && has('missing')) || (saidAlone && has('alone'))) && !has('sendAgain');
}

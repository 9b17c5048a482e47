import type { TFunction } from 'i18next';
import { containsPhrase } from '../core/words';
import { phraseList } from './phraseLists';

/**
 * True when the message says a mail the bot had sent is still not there
 * ("still no email after 5 min", "die Mail ist immer noch nicht da"): a word
 * of waiting (`common:mailMissing.still`) and one of a missing mail
 * (`common:mailMissing.missing`), without asking plainly for another one
 * (`common:mailMissing.sendAgain`: that is a request of its own) or naming an
 * address. At the code a bare "i never got any code" is no such message: the
 * code question takes it and sends a new code.
 */
export function mailStillMissing(t: TFunction, text: string): boolean {
    return mailMissing(t, text, false);
}

/**
 * {@link mailStillMissing}, or words that say so without a word of waiting
 * ("I didn't get any email", "es ist nichts angekommen":
 * `common:mailMissing.alone`): after a reset link, where nothing else is asked.
 */
export function mailNotArrived(t: TFunction, text: string): boolean {
    return mailMissing(t, text, true);
}

function mailMissing(t: TFunction, text: string, saidAlone: boolean): boolean {
    const has = (key: string): boolean => containsPhrase(text, phraseList(t, `common:mailMissing.${key}`));
    return !text.includes('@') && ((has('still') && has('missing')) || (saidAlone && has('alone'))) && !has('sendAgain');
}

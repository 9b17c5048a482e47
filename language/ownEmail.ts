import type { TFunction } from 'i18next';
import { phraseOf, wordsOf } from '../core/words';
import { findEmail } from './entities';
import { phraseList } from './phraseLists';
import type { Lang } from '../core/language';

/** The turn's sentences and language, as the two functions below need them. */
export interface OwnEmailReader {
    readonly t: TFunction;
    readonly lang: Lang;
}

/**
 * The address a message introduces as the person's own ("i'm …", "hier ist
 * …", "my email is …", or the address alone): the words right before it end
 * with one of `identify:ownEmailLeadIns`. Another address ("is anna@… our
 * billing contact?") is someone else's.
 */
export function ownEmail(text: string, info: OwnEmailReader): string | undefined {
    const email = findEmail(text, info.lang);
    if (!email) {
        return undefined;
    }
    const before = phraseOf(text.slice(0, text.indexOf(email)).split(/[.!?;]/).pop() ?? '');
    return before === '' || phraseList(info.t, 'identify:ownEmailLeadIns').some((lead) => ` ${before}`.endsWith(` ${lead}`)) ? email : undefined;
}

/**
 * True when a message says nothing but who the person is: their own address,
 * introduced or not, with at most a greeting or an aside around it ("it's
 * sarah.lee@… btw", "hallo, meine Mail ist jonas.weber@…, danke"). Words of
 * `identify:emailAsides` say nothing more; any other word asks something.
 */
export function onlyOwnEmail(text: string, info: OwnEmailReader): boolean {
    const email = ownEmail(text, info);
    if (!email) {
        return false;
    }
    const asides = new Set(phraseList(info.t, 'identify:emailAsides').flatMap((phrase) => phrase.split(' ')));
    const leadIns = phraseList(info.t, 'identify:ownEmailLeadIns');
    const at = text.indexOf(email);
    // What stands before the address, its asides ("hi", "ok") set aside, is nothing or one lead-in.
    const before = wordsOf(text.slice(0, at));
    while (before.length > 0 && asides.has(before[0])) {
        before.shift();
    }
    const after = wordsOf(text.slice(at + email.length));
    return (before.length === 0 || leadIns.includes(before.join(' '))) && after.every((word) => asides.has(word));
}

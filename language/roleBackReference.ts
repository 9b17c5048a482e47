import type { TFunction } from 'i18next';
import { wordsOf } from '../core/words';
import { phraseList } from './phraseLists';

/** At most this many words follow such a word: "… das ändern?", "change it?"; in "das Passwort ändern" it is an article. */
const WORDS_AFTER_MAX = 1;

/**
 * A part of a message that refers back to the role the part before it asked
 * about ("who is our billing contact and can I change it?", "wer ist unser
 * Abrechnungskontakt und wie kann ich das ändern?"), with its first word of
 * `main:roleBackReference.words` ("it", "das", "ihn") put as the role
 * (`main:roleBackReference.role`: "can I change the billing contact?"), so the
 * part is read for what it asks of the role. Undefined when the part has no
 * such word near its end ({@link WORDS_AFTER_MAX}) or names the role itself (`namesRole`).
 */
export function withRoleReferredTo(part: string, t: TFunction, namesRole: (text: string) => boolean): string | undefined {
    if (namesRole(part)) {
        return undefined;
    }
    const pronouns = phraseList(t, 'main:roleBackReference.words');
    const tokens = part.split(/(\s+)/u);
    const at = tokens.findIndex((token) => pronouns.includes(wordsOf(token).join(' ')));
    if (at === -1 || wordsOf(tokens.slice(at + 1).join('')).length > WORDS_AFTER_MAX) {
        return undefined;
    }
    tokens[at] = tokens[at].replace(/[\p{L}\p{N}]+/u, t('main:roleBackReference.role'));
    return tokens.join('');
}

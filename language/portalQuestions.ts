import type { TFunction } from 'i18next';
import { containsPhrase, wordsOf } from '../core/words';
import { perLanguage, phraseList } from './phraseLists';

/** A question about the portal reset the bot answers from what it knows, not by sending another link. */
export type PortalQuestion = 'where-user-id' | 'wrong-user-id' | 'link-validity' | 'arrival' | 'new-link' | 'worked';

/**
 * What a message asks about the portal reset, read from the word lists of
 * `portalReset:ask.*`: where the user ID is ("wo finde ich die Benutzer-ID?"),
 * how long the link holds ("how long is the link good for"), when the mail
 * comes ("how long until the email arrives?": a word of `ask.arrival` and none
 * of `ask.expiry`, so never answered with how long the link holds), or plainly for a
 * new link ("send it again", "neuen Link bitte"). A question that names the user ID and
 * nothing else (`ask.about` words around it: "and my username for the portal?", "und die
 * Benutzer-ID?") asks where it is too; a user ID named with a word of error ("wrong user id
 * earlier", "falsche Benutzer-ID vorhin") says the one given was wrong. A list phrase counts
 * when it stands in the message as whole words.
 */
export function portalQuestion(t: TFunction, text: string): PortalQuestion | undefined {
    const has = (key: string): boolean => containsPhrase(text, phraseList(t, `portalReset:ask.${key}`));
    if (has('newLink')) {
        return 'new-link';
    }
    if (has('userId') && (has('where') || asksAboutUserIdAlone(t, text))) {
        return 'where-user-id';
    }
    if (has('userId') && has('wrong')) {
        return 'wrong-user-id';
    }
    if (has('link') && has('arrival') && !has('expiry')) {
        return 'arrival';
    }
    if (has('link') && has('validity')) {
        return 'link-validity';
    }
    // "did it work?", "hat das geklappt?": whether the reset went through, asked in a few words.
    if (has('worked') && text.trim().endsWith('?') && wordsOf(text).length <= WORKED_MAX_WORDS) {
        return 'worked';
    }
    return undefined;
}

/** The longest message still asking only whether the reset went through ("so did that work now?"). */
const WORKED_MAX_WORDS = 6;

/** The words of the user ID's names and of `portalReset:ask.about`, read from the locales once per language. */
const userIdQuestionWords = perLanguage((t) => new Set([...phraseList(t, 'portalReset:ask.userId'), ...phraseList(t, 'portalReset:ask.about')].flatMap((phrase) => wordsOf(phrase))));

/** True for a question whose words are the user ID's name and `portalReset:ask.about` words alone ("and my username for the portal?"). */
function asksAboutUserIdAlone(t: TFunction, text: string): boolean {
    const known = userIdQuestionWords(t);
    return text.trim().endsWith('?') && wordsOf(text).every((word) => known.has(word));
}

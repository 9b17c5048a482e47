import type { TFunction } from 'i18next';
import { containsPhrase } from '../core/words';
import { phraseList } from './phraseLists';

/** A question about the portal reset the bot answers from what it knows, not by sending another link. */
export type PortalQuestion = 'where-user-id' | 'link-validity' | 'arrival' | 'new-link';

/**
 * What a message asks about the portal reset, read from the word lists of
 * `portalReset:ask.*`: where the user ID is ("wo finde ich die Benutzer-ID?"),
 * how long the link holds ("how long is the link good for"), when the mail
 * comes ("how long until the email arrives?": a word of `ask.arrival` and none
 * of `ask.expiry`, so never answered with how long the link holds), or plainly for a
 * new link ("send it again", "neuen Link bitte"). A list phrase counts when it
 * stands in the message as whole words.
 */
export function portalQuestion(t: TFunction, text: string): PortalQuestion | undefined {
    const has = (key: string): boolean => containsPhrase(text, phraseList(t, `portalReset:ask.${key}`));
    if (has('newLink')) {
        return 'new-link';
    }
    if (has('userId') && has('where')) {
        return 'where-user-id';
    }
    if (has('link') && has('arrival') && !has('expiry')) {
        return 'arrival';
    }
    if (has('link') && has('validity')) {
        return 'link-validity';
    }
    return undefined;
}

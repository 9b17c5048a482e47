import type { TurnContext } from 'botbuilder';
import { containsPhrase } from '../core/words';
import { LINKS } from '../core/links';
import { phraseList } from '../language/phraseLists';
import { turnInfo } from '../turn/turn';
import { withAddLicenses } from './addLicenses';

/**
 * The answer to "wo sehe ich das?" / "where do I see that?" asked after an
 * answer (`main:whereToSee.heard`): the article's two ways to see who the
 * billing contact is, the Admin Center's "Add licenses" for admins and
 * "Go to Billing" in My Account for everyone; undefined for other words.
 */
export function whereToSeeAnswer(context: TurnContext, text: string): string | undefined {
    const { t } = turnInfo(context);
    if (!containsPhrase(text, phraseList(t, 'main:whereToSee.heard'))) {
        return undefined;
    }
    return withAddLicenses(context, 'main:whereToSee.answer', { myAccountUrl: LINKS.myAccount }, 'main:whereToSee.addLicenses');
}

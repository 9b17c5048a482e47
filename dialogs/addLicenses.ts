import type { TurnContext } from 'botbuilder';
import { LINKS } from '../core/links';
import { turnInfo } from '../turn/turn';

/** What `profile.said` notes once the article's "Add licenses" paragraph was said in full. */
const ADD_LICENSES = 'add-licenses';

/** Stands in the rendered text where the paragraph goes, until it is known which form it takes. */
const SLOT = '\u0000add-licenses\u0000';

/**
 * `key` rendered with `args`, its `{{addLicenses}}` slot filled with the
 * article's "Add licenses" paragraph (an admin who is not the billing contact
 * only sees the billing contact's name and email there): in full, in the
 * words of `fullKey` (with `args` too: a `count` of billing contacts), the first time in a conversation; after that a short
 * reference to it (`common:addLicensesAgain`). A text without the slot is
 * returned as it is and notes nothing.
 */
export function withAddLicenses(context: TurnContext, key: string, args: Record<string, string | number>, fullKey: string): string {
    const { t, profile } = turnInfo(context);
    const text = t(key, { ...args, addLicenses: SLOT });
    if (!text.includes(SLOT)) {
        return text;
    }
    const said = profile.said?.includes(ADD_LICENSES) ?? false;
    if (!said) {
        profile.said = [...(profile.said ?? []), ADD_LICENSES];
    }
    return text.replace(SLOT, said ? t('common:addLicensesAgain') : t(fullKey, { ...args, adminCenterUrl: LINKS.adminCenter }));
}

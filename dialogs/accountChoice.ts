import type { Membership } from '../data/model';
import type { PromptButton } from './prompts/localizedPrompt';
import { wordsOf } from '../core/words';
import { EMAIL_LIKE } from '../language/nlu';

/** "Other account" / "anderes Konto": a person with several accounts asks to switch. */
export const OTHER_ACCOUNT: PromptButton = { value: 'other-account', label: 'identify:button.otherAccount', synonyms: 'identify:synonyms.otherAccount' };

/** Words of a company name that say nothing about which company it is. */
const LEGAL_FORMS = new Set(['ltd', 'gmbh', 'inc', 'ag', 'kg', 'llc', 'co', 'plc', 'se', 'ug', 'corp', 'and', 'und']);

/** True when `text` holds the account's name, its legal form left out ("for Northwind Traders"). */
function mentions(text: readonly string[], name: string): boolean {
    const wanted = wordsOf(name).filter((word) => !LEGAL_FORMS.has(word));
    if (wanted.length === 0) {
        return false;
    }
    return text.some((_, start) => wanted.every((word, i) => text[start + i] === word));
}

/**
 * The one account among `memberships` whose name the message mentions ("am I
 * the billing contact for Taylor Consulting?", "… bei Northwind?"), or
 * undefined when it names none or several. An address names no account: "im
 * chris.taylor@taylor-consulting.example" says who asks, not which account,
 * and nor does the person's own name (`ownName`): "Chris Taylor hier" names
 * no "Taylor Consulting" by its short name.
 */
export function namedAccount(text: string, memberships: readonly Membership[], ownName?: string): string | undefined {
    if (memberships.length < 2) {
        return undefined;
    }
    const words = wordsOf(text.replace(EMAIL_LIKE, ' '));
    const named = memberships.filter((m) => mentions(words, m.account.name));
    if (named.length > 0) {
        return named.length === 1 ? named[0].account.id : undefined;
    }
    // The short name people use ("bei Northwind"): the first word of the name, when only one account has it.
    const own = new Set(wordsOf(ownName ?? ''));
    const short = memberships.filter((m) => {
        const first = wordsOf(m.account.name).find((word) => !LEGAL_FORMS.has(word));
        return first !== undefined && first.length >= SHORT_NAME_MIN && !own.has(first) && words.includes(first);
    });
    return short.length === 1 ? short[0].account.id : undefined;
}

/** A first word this long is a name people use on its own ("Northwind", "Taylor"); shorter ones ("Die") are not. */
const SHORT_NAME_MIN = 4;

import type { User } from '../data/model';
import { phraseOf } from '../core/words';

/**
 * Of an account's billing contacts, the ones a request to write names ("Schreiben
 * Sie bitte Maria, dass …", "email Klaus Bergmann that …"): by full name, or by
 * a first name no other of them shares. Undefined when it names none or all of
 * them: then the mail goes to every billing contact, as offered.
 */
export function namedRecipients(text: string, contacts: readonly User[]): string[] | undefined {
    const said = ` ${phraseOf(text)} `;
    const firstName = (user: User): string => phraseOf(user.name).split(' ')[0] ?? '';
    const named = contacts.filter((user) => {
        const first = firstName(user);
        const shared = contacts.some((other) => other.id !== user.id && firstName(other) === first);
        return said.includes(` ${phraseOf(user.name)} `) || (first !== '' && !shared && said.includes(` ${first} `));
    });
    return named.length === 0 || named.length === contacts.length ? undefined : named.map((user) => user.id);
}

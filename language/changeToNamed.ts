import type { TFunction } from 'i18next';
import { containsPhrase, hasPhrase, phraseOf, wordsOf } from '../core/words';
import { phraseList } from './phraseLists';

/** A person the message may name: their id and their full name as the account has it. */
export interface NamedPerson {
    readonly id: string;
    readonly name: string;
}

/**
 * "und wie ändere ich das auf eva?", "can we switch it to tom?", "make eva the contact", "Maria soll das übernehmen":
 * the person a message asks to make the billing contact, among `people` (the account's other members): one named by
 * full or first name right after a word that points to them (`main:changeToNamed.before`: "auf", "to", "make") or
 * right before one that appoints them (`main:changeToNamed.after`: "soll", "should"), in a message with a word of
 * changing (`main:changeToNamed.change`). Undefined when no one or more than one is so named.
 */
export function personChangedTo(text: string, people: readonly NamedPerson[], t: TFunction): NamedPerson | undefined {
    if (!saysChange(text, t)) {
        return undefined;
    }
    const said = phraseOf(text);
    const before = phraseList(t, 'main:changeToNamed.before');
    const after = phraseList(t, 'main:changeToNamed.after');
    const pointed = people.filter((person) =>
        namesOf(person, people).some((name) => before.some((word) => hasPhrase(said, `${word} ${name}`)) || after.some((word) => hasPhrase(said, `${name} ${word}`)))
    );
    return pointed.length === 1 ? pointed[0] : undefined;
}

/** A person's full name, and their first name when no one else among `people` shares it. */
export function namesOf(person: NamedPerson, people: readonly NamedPerson[]): string[] {
    const full = phraseOf(person.name);
    const first = wordsOf(person.name)[0];
    const shared = people.some((other) => other.id !== person.id && wordsOf(other.name)[0] === first);
    return first === undefined || shared ? [full] : [full, first];
}

/** True when a message has a word of changing (`main:changeToNamed.change`): only then may it name a new contact, and the account's members are worth reading. */
export function saysChange(text: string, t: TFunction): boolean {
    return containsPhrase(text, phraseList(t, 'main:changeToNamed.change'));
}

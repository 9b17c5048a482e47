import type { TFunction } from 'i18next';
import { phraseList } from './phraseLists';

/**
 * A message passed on as written after "dass"/"ob" ("schreib ihr, dass wir 5
 * Lizenzen mehr brauchen") keeps the word order of a clause: alone it is no
 * sentence ("Wir 5 Lizenzen mehr brauchen"). After a word of
 * `emailAdmin:clauseMarkers.that` or `.whether` it is set into
 * `emailAdmin:clauseMessage.that` / `.whether` ("Ich möchte Ihnen mitteilen,
 * dass …"); English keeps "that" clauses as they are. Begins with a capital.
 */
export function clauseAsMessage(t: TFunction, marker: string | undefined, clause: string): string {
    const kind = marker === undefined ? undefined : (['that', 'whether'] as const).find((one) => phraseList(t, `emailAdmin:clauseMarkers.${one}`).includes(marker.toLocaleLowerCase()));
    const message = kind ? t(`emailAdmin:clauseMessage.${kind}`, { clause }) : clause;
    return message.charAt(0).toLocaleUpperCase() + message.slice(1);
}

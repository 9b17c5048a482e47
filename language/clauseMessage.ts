import type { TFunction } from 'i18next';
import { containsPhrase } from '../core/words';
import { phraseList } from './phraseLists';
import { clauseAsSentence } from './germanClause';

/** The words that open a German "dass"/"ob" clause, whose verb stands last ({@link clauseAsSentence}). */
const GERMAN_MARKERS: ReadonlySet<string> = new Set(['dass', 'daß', 'ob']);

/**
 * A message passed on as written after "dass"/"ob" ("schreib ihr, dass wir 5
 * Lizenzen mehr brauchen") keeps the word order of a clause: alone it is no
 * sentence ("Wir 5 Lizenzen mehr brauchen"). Where its subject and verb are
 * certain a German clause is reordered ("Wir brauchen 5 Lizenzen mehr");
 * otherwise, after a word of
 * `emailAdmin:clauseMarkers.that` or `.whether` it is set into
 * `emailAdmin:clauseMessage.that` / `.whether` ("Ich möchte Ihnen mitteilen,
 * dass …"), and what is written about after a word of `.about` ("about more
 * seats", "wegen mehr Lizenzen") into `.about` ("I'm writing to you about …");
 * English keeps "that" clauses as they are. Begins with a capital; a "that" clause ends on a full stop where the request to
 * the bot ended on a question mark.
 */
export function clauseAsMessage(t: TFunction, marker: string | undefined, written: string): string {
    const kind = marker === undefined ? undefined : (['that', 'whether', 'about'] as const).find((one) => phraseList(t, `emailAdmin:clauseMarkers.${one}`).includes(marker.toLocaleLowerCase()));
    // "could you tell her that we need 3 more licences?": the question mark asks the bot; what is passed on states ("We need 3 more licences.").
    const clause = kind === 'that' ? written.replace(/\s*\?[?!]*\s*$/u, '.') : written;
    // Where subject and verb are certain, the German clause stands as a sentence of its own ("Wir brauchen mehr Lizenzen").
    const reordered = kind && GERMAN_MARKERS.has(marker?.toLocaleLowerCase() ?? '') ? clauseAsSentence(clause, kind === 'that' ? 'dass' : 'ob', phraseList(t, 'changeContact:titles')) : undefined;
    const message = reordered ?? (kind ? t(`emailAdmin:clauseMessage.${kind}`, { clause, marker: marker?.toLocaleLowerCase() }) : clause);
    return message.charAt(0).toLocaleUpperCase() + message.slice(1);
}

/**
 * "can you tell them I need the October invoice as PDF?": when the words to the bot before a message ask it
 * (`emailAdmin:toldByName.heard.askingBot`: "can you", "kannst du"), the question mark ends that request; what is
 * passed on states ("I need the October invoice as PDF."). Not where the bot is to ask something
 * (`…askingVerbs`: "can you ask him: can we get 5 more?"): that question is the message's.
 */
export function statedWhenAskedOfBot(t: TFunction, toBot: string, message: string): string {
    const askedOfBot = containsPhrase(toBot, phraseList(t, 'emailAdmin:toldByName.heard.askingBot')) && !containsPhrase(toBot, phraseList(t, 'emailAdmin:toldByName.heard.askingVerbs'));
    return askedOfBot ? message.replace(/\s*\?[?!]*\s*$/u, '.') : message;
}

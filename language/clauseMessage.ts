import type { TFunction } from 'i18next';
import { containsPhrase } from '../core/words';
import { perLanguage, phraseList } from './phraseLists';
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
 * the bot ended on a question mark. After words that tell someone (`afterTelling`: "tell him", "sag ihm,"), a message
 * that opens with a word of `emailAdmin:clauseMarkers.request` ("to add 5 licences", "er soll 5 Lizenzen hinzufügen")
 * is what the recipient is asked to do: set into `emailAdmin:clauseMessage.request` ("Please add 5 licences.").
 */
export function clauseAsMessage(t: TFunction, marker: string | undefined, written: string, afterTelling = marker !== undefined): string {
    // "ask him to send me …": a lead-in that ends in the request's own marker left the rest as the request.
    const endsInMarker = marker !== undefined && phraseList(t, 'emailAdmin:clauseMarkers.request').includes(marker.toLocaleLowerCase());
    const asked = endsInMarker ? withoutClosingMarks(written) : afterTelling ? requestedOfRecipient(t, written) : undefined;
    if (asked !== undefined) {
        const request = t('emailAdmin:clauseMessage.request', { clause: asked });
        return request.charAt(0).toLocaleUpperCase() + request.slice(1);
    }
    return clauseWithMarker(t, marker, written);
}

/** {@link clauseAsMessage} for a message that asks nothing of the recipient in reported words. */
function clauseWithMarker(t: TFunction, marker: string | undefined, written: string): string {
    const kind = marker === undefined ? undefined : (['that', 'whether', 'about', 'ask'] as const).find((one) => phraseList(t, `emailAdmin:clauseMarkers.${one}`).includes(marker.toLocaleLowerCase()));
    // "could you tell her that we need 3 more licences?": the question mark asks the bot; what is passed on states ("We need 3 more licences.").
    // "… und ihn bitten, unser Abo zu verlängern?": so does what the recipient is asked to do ("Ich möchte Sie bitten, unser Abo zu verlängern.").
    const clause = kind === 'that' || kind === 'ask' ? written.replace(/\s*\?[?!]*\s*$/u, '.') : written;
    // Where subject and verb are certain, the German clause stands as a sentence of its own ("Wir brauchen mehr Lizenzen").
    const reordered = kind && GERMAN_MARKERS.has(marker?.toLocaleLowerCase() ?? '') ? clauseAsSentence(clause, kind === 'that' ? 'dass' : 'ob', phraseList(t, 'changeContact:titles')) : undefined;
    // "ask him whether he can add 2 licences": the recipient, asked about in the third person, is addressed ("whether you can …").
    const asked = kind === 'whether' ? addressingRecipient(t, reordered ?? clause) : (reordered ?? clause);
    const message = reordered !== undefined ? asked : kind ? t(`emailAdmin:clauseMessage.${kind}`, { clause: asked, marker: marker?.toLocaleLowerCase() }) : clause;
    return message.charAt(0).toLocaleUpperCase() + message.slice(1);
}

/**
 * What the recipient is asked to do in `written`, when it opens with a word of `emailAdmin:clauseMarkers.request`
 * and a word follows: the rest, without its closing marks ("to add 5 licences!" → "add 5 licences"). Undefined otherwise.
 */
function requestedOfRecipient(t: TFunction, written: string): string | undefined {
    const words = written.trim().split(/\s+/u);
    for (const marker of phraseList(t, 'emailAdmin:clauseMarkers.request')) {
        const length = marker.split(' ').length;
        if (words.length > length && words.slice(0, length).join(' ').toLocaleLowerCase() === marker) {
            return withoutClosingMarks(words.slice(length).join(' '));
        }
    }
    return undefined;
}

/** `text` without the marks that close it ("add 5 licences!" → "add 5 licences"). */
function withoutClosingMarks(text: string): string {
    return text.trim().replace(/[\s.!?]+$/u, '');
}

/** How a question about the recipient in the third person addresses them (`emailAdmin:recipientAddress`), read once per language. */
const recipientAddress = perLanguage((t: TFunction) => {
    // Each entry is the verb asked about and the verb addressing the recipient ("kann können", "is are").
    const verbs = t('emailAdmin:recipientAddress.verbs', { returnObjects: true }) as unknown;
    const pairs = (Array.isArray(verbs) ? verbs : []).filter((one): one is string => typeof one === 'string').map((one) => one.trim().split(/\s+/u));
    return {
        pronouns: new Set(phraseList(t, 'emailAdmin:recipientAddress.pronouns')),
        verbs: new Map(pairs.filter((pair) => pair.length === 2).map(([asked, addressed]) => [asked.toLocaleLowerCase(), addressed] as const)),
        you: t('emailAdmin:recipientAddress.you')
    };
});

/**
 * A whether-question about the recipient put to the recipient: a pronoun of theirs beside a verb of
 * `emailAdmin:recipientAddress.verbs` at the clause's start becomes the address ("he can add" → "you can add",
 * "Kann sie mir … schicken?" → "Können Sie mir … schicken?"), so does a pronoun at the start with such a verb further on
 * ("sie mich morgen anrufen kann" → "Sie mich morgen anrufen können"). Other clauses stay as written.
 */
function addressingRecipient(t: TFunction, clause: string): string {
    const { pronouns, verbs, you } = recipientAddress(t);
    const match = /^(\S+)(\s+)(\S+)/u.exec(clause);
    if (!match) {
        return clause;
    }
    const [whole, first, gap, second] = match;
    const capital = (word: string, like: string): string => (like.charAt(0) === like.charAt(0).toLocaleUpperCase() ? word.charAt(0).toLocaleUpperCase() + word.slice(1) : word);
    const firstVerb = verbs.get(first.toLocaleLowerCase());
    if (firstVerb !== undefined && pronouns.has(second.toLocaleLowerCase())) {
        return `${capital(firstVerb, first)}${gap}${you}${clause.slice(whole.length)}`;
    }
    const secondVerb = verbs.get(second.toLocaleLowerCase());
    if (secondVerb !== undefined && pronouns.has(first.toLocaleLowerCase())) {
        return `${capital(you, first)}${gap}${secondVerb}${clause.slice(whole.length)}`;
    }
    // "ob sie mich morgen anrufen kann": a verb further on, as German clauses have it, before any comma or other pronoun.
    if (pronouns.has(first.toLocaleLowerCase())) {
        const later = /[\p{L}\p{N}]+|,/gu;
        later.lastIndex = first.length;
        for (let word = later.exec(clause); word !== null && word[0] !== ',' && !pronouns.has(word[0].toLocaleLowerCase()); word = later.exec(clause)) {
            const addressed = verbs.get(word[0].toLocaleLowerCase());
            if (addressed !== undefined) {
                return `${capital(you, first)}${clause.slice(first.length, word.index)}${addressed}${clause.slice(word.index + word[0].length)}`;
            }
        }
    }
    return clause;
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

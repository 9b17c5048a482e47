/**
 * German word order for a message passed on in a subordinate clause: "sag ihr,
 * dass wir ab März mehr Lizenzen brauchen" carries the message "wir ab März
 * mehr Lizenzen brauchen", whose verb stands last as German subordinate
 * clauses have it. As the text of a mail it must read as a sentence of its
 * own: "Wir brauchen ab März mehr Lizenzen". "frag sie, ob sie die Rechnung
 * schicken kann" becomes the question "Kann sie die Rechnung schicken?".
 *
 * Only the clause's first part (up to a comma or a sentence's end) is
 * reordered, and only when its subject is certain: a personal pronoun, or an
 * article or possessive and one noun ("die Rechnung", "unsere Firma").
 * Anything else ("dass die neue Adresse …", "dass wir … und …") is left to
 * the caller (undefined): a wrong reordering would be worse than none.
 */

/** Pronouns that stand alone as the subject of a clause. */
const PRONOUNS: ReadonlySet<string> = new Set(['ich', 'wir', 'er', 'sie', 'es', 'man', 'du', 'ihr']);

/** Articles and possessives that, with one noun after them, make the subject ("die Rechnung", "unser Vertrag"). */
const DETERMINERS: ReadonlySet<string> = new Set([
    'der', 'die', 'das', 'ein', 'eine', 'kein', 'keine',
    'mein', 'meine', 'unser', 'unsere', 'dein', 'deine', 'ihr', 'ihre', 'sein', 'seine', 'euer', 'eure'
]);

/** German words that open a subordinate clause of a reason, whose verb then stands last ("weil er in Rente geht"); "denn" is not one ("denn er geht in Rente"). */
export const VERB_LAST_REASON_LEADS: ReadonlySet<string> = new Set(['weil', 'nachdem', 'zumal', 'da', 'dass', 'obwohl']);

/** Words that join a second clause: the verb of the first is then not the clause's last word. */
const JOINERS: ReadonlySet<string> = new Set(['und', 'oder', 'aber', 'sondern', 'weil', 'denn', 'wenn', 'damit', 'obwohl']);

/** Words that cannot be a clause's finite verb (a clause that ends in them has lost its verb, or it is no clause). */
const NOT_VERBS: ReadonlySet<string> = new Set([...PRONOUNS, ...DETERMINERS, 'nicht', 'auch', 'bitte', 'mehr', 'noch', 'schon', 'danke', 'anders', 'zurück', 'zurueck', 'auf', 'aus', 'an', 'ab', 'mit', 'vor', 'nach', 'zu', 'um']);

/** Separable prefixes, longest first: "umziehen" → "ziehen … um", "anruft" → "ruft … an"; "zurueck" as people type it without umlauts ("zurueckruft" is no "zu" + "rueckruft"). */
const SEPARABLE = ['zurück', 'zurueck', 'weiter', 'herunter', 'hinzu', 'nach', 'auf', 'aus', 'ein', 'mit', 'vor', 'an', 'ab', 'zu', 'um'];

/** Verbs that begin like a separable prefix but are not separable ("antwortet", "abonniert", "umfasst"). */
const INSEPARABLE_STARTS = ['antwort', 'analys', 'abonn', 'umfass', 'umarm', 'zufrieden', 'ausgezeichnet', 'annull', 'akzept'];

/** Where a clause's first part ends: a comma, a semicolon, a question or exclamation mark, or a full stop that ends no number or abbreviation ("zum 1. April", "Nr. 4711"). */
const CLAUSE_END = /[,;!?]|(?<!\d|\b(?:nr|ca|bzw|inkl|evtl|ggf|vgl|str))\./iu;

/** The most words of a name after a title ("Frau Anna Müller"). */
const MAX_NAME_WORDS = 2;

/** The shortest verb left after its prefix ("an" + "tut"): shorter, the word was no separable verb. */
const MIN_STEM = 3;

/** The message of a "dass"/"ob" clause as a main clause; undefined when its structure is not certain. */
export function clauseAsSentence(clause: string, connector: 'dass' | 'ob', titles: readonly string[] = []): string | undefined {
    const cut = CLAUSE_END.exec(clause);
    const first = (cut ? clause.slice(0, cut.index) : clause).trim();
    const rest = cut ? clause.slice(cut.index) : '';
    const tokens = first.split(/\s+/u).filter((token) => token.length > 0);
    if (tokens.some((token) => !/^(?:[\p{L}\p{N}'’-]+|\d+\.|(?:nr|ca|bzw|inkl|evtl|ggf|vgl|str)\.)$/iu.test(token) || JOINERS.has(token.toLocaleLowerCase()))) {
        return undefined;
    }
    const subjectLength = subjectWords(tokens, titles);
    const verb = tokens[tokens.length - 1];
    if (subjectLength === 0 || tokens.length <= subjectLength || NOT_VERBS.has(verb.toLocaleLowerCase()) || /\d/u.test(verb)) {
        return undefined;
    }
    const subject = tokens.slice(0, subjectLength);
    // The verb must agree with the subject ("wir … brauchen", "die Rechnung … ist"); "… für das Team ab Januar" ends in no verb.
    // A verb right after the subject ("dass wir brauchen mehr Lizenzen") is the spoken order of a main clause already.
    const person = subjectLength === 1 ? subject[0].toLocaleLowerCase() : 'er';
    const next = tokens[subjectLength];
    if (!agrees(person, verb) || (tokens.length > subjectLength + 1 && !NOT_VERBS.has(next.toLocaleLowerCase()) && agrees(person, next))) {
        return undefined;
    }
    const middle = tokens.slice(subjectLength, -1);
    const [finite, prefix] = separated(verb);
    if (connector === 'ob') {
        const question = [finite, ...subject, ...middle, ...(prefix ? [prefix] : [])].join(' ');
        return capitalised(question) + (rest.trim() === '' || /^[.!]\s*$/u.test(rest) ? '?' : rest);
    }
    return capitalised([...subject, finite, ...middle, ...(prefix ? [prefix] : [])].join(' ')) + rest;
}

/** Finite verbs that end unlike the rest of their person's verbs ("ich kann", "er ist"). */
const IRREGULAR: Readonly<Record<string, ReadonlySet<string>>> = {
    singular: new Set(['kann', 'muss', 'will', 'darf', 'soll', 'mag', 'weiß', 'weiss']),
    ich: new Set(['bin', 'hab']),
    er: new Set(['ist', 'hat', 'wird']),
    wir: new Set(['sind'])
};

/** The endings a finite verb of each person has ("wir brauchen", "er braucht", "ich brauche", "ich möchte", "er würde"). */
const ENDINGS: Readonly<Record<string, RegExp>> = {
    ich: /e$/u,
    du: /st$/u,
    er: /(t|e)$/u,
    wir: /en$/u,
    ihr: /t$/u
};

/** True when `word` can be the finite verb of the clause's subject (`person`: the pronoun, or "er" for a noun). */
function agrees(person: string, word: string): boolean {
    const lower = word.toLocaleLowerCase();
    const persons = person === 'sie' ? ['er', 'wir'] : person === 'es' || person === 'man' ? ['er'] : [person];
    return persons.some(
        (one) =>
            ENDINGS[one]?.test(lower) === true ||
            IRREGULAR[one]?.has(lower) === true ||
            ((one === 'ich' || one === 'er') && IRREGULAR.singular.has(lower))
    );
}

/**
 * How many words make the subject at the clause's start: 1 for a pronoun, 2 for an article and a noun, a title and the
 * capitalised name after it ("Herr Bergmann", "Frau Anna Müller"; `titles` as the caller's locale has them), 0 when unsure.
 */
function subjectWords(tokens: readonly string[], titles: readonly string[]): number {
    const first = tokens[0]?.toLocaleLowerCase() ?? '';
    if (titles.includes(first.replace(/\.$/u, ''))) {
        const names = tokens.slice(1, 1 + MAX_NAME_WORDS + 1).findIndex((token) => !/^\p{Lu}\p{Ll}/u.test(token));
        return names >= 1 && names <= MAX_NAME_WORDS ? 1 + names : 0;
    }
    if (PRONOUNS.has(first) && !(first === 'ihr' && tokens.length > 2 && looksLikeNoun(tokens[1]))) {
        return 1;
    }
    // An adjective between article and noun ("die neue Adresse") makes the subject's end uncertain.
    // A number or "Nr." after the noun belongs to it ("die Rechnung Nr. 4711"): its end is uncertain too.
    if (DETERMINERS.has(first) && tokens.length >= 3 && looksLikeNoun(tokens[1]) && !/^\d|\.$/u.test(tokens[2])) {
        return 2;
    }
    return 0;
}

/** A noun after an article, as far as its ending tells: adjectives there end in -e, -en, -er, -es, -em. */
function looksLikeNoun(word: string): boolean {
    if (PRONOUNS.has(word.toLocaleLowerCase()) || DETERMINERS.has(word.toLocaleLowerCase())) {
        return false;
    }
    return !/(e|en|er|es|em)$/u.test(word.toLocaleLowerCase()) || /(ung|heit|keit|ion|tät|schaft)en?$/u.test(word.toLocaleLowerCase());
}

/** A clause's last word split for a main clause when it is a separable verb: "umziehen" → ["ziehen", "um"]. */
function separated(verb: string): [string, string | undefined] {
    const lower = verb.toLocaleLowerCase();
    if (INSEPARABLE_STARTS.some((start) => lower.startsWith(start))) {
        return [verb, undefined];
    }
    const prefix = SEPARABLE.find((one) => lower.startsWith(one) && lower.length - one.length >= MIN_STEM);
    if (prefix === undefined) {
        return [verb, undefined];
    }
    return [verb.slice(prefix.length), verb.slice(0, prefix.length)];
}

function capitalised(text: string): string {
    return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

import type { TFunction } from 'i18next';
import { beginsWith, escapeRegExp, hasPhrase, phraseOf, wordsOf } from '../core/words';
import { clauseAsSentence, VERB_LAST_REASON_LEADS } from './germanClause';
import { phraseList } from './phraseLists';

/** A reason needs this many words of its own once the names in it are set aside ("geht in rente", "is leaving the company"). */
const MIN_REASON_WORDS = 3;

/** Words of its own a reason needs when it names one of the account's people ("peter is retiring"). */
const MIN_REASON_WORDS_WITH_NAME = 2;

/** Such a reason has a word this long that tells what happens ("retiring", "gekündigt"); "ist weg" has none. */
const TELLING_WORD_LENGTH = 5;

/** The longest reason taken from a request; a longer one is asked for (the reason question's own limit is 500). */
const MAX_REASON_LENGTH = 300;

/**
 * The reason a change-of-billing-contact request gives in the same message
 * ("die anna geht in rente, bitte lea fischer als rechnungskontakt
 * eintragen", "please make tom the billing contact, peter is leaving the
 * company", "… weil ich in Rente gehe"): its clauses that say why. A clause
 * says why when it follows a reason word (`changeContact:reasonInRequest.heard.because`:
 * "weil", "because"), or when it asks for nothing (no word of
 * `changeContact:reasonInRequest.heard.requestWords`), names no billing role
 * (`…roleWords`; one in words that describe a person of the account, after `…relatives`:
 * "Peter Brooks who handles billing left", does not count; the current contact named by the role at
 * its start, "our billing contact left the company", stands as a name does: `…holder`), is no question (nor begins as one: `…questionStarts`) and keeps at least three words without the
 * names of the account's people (`names`) and the person's address ("ich bin
 * jonas.weber@…" and "auf Lea Fischer" are no reasons), is no part of the
 * story's frame (`…notReasons`: greetings, thanks, sign-offs, asking for help,
 * feelings, the "Zur Abrechnung" link), nor introduces the
 * person (`identify:introductions` and a name: "Ich bin Eva Schulz von …"), nor stands in a sentence that introduces the
 * person in a role without naming one of the account's people ("I'm an admin on two accounts, my own consulting one and
 * Northwind"). Undefined when the
 * message gives none: then the reason is asked.
 */
export function reasonInRequest(text: string, t: TFunction, names: readonly string[]): string | undefined {
    const read = clausesRead(text, t, names);
    const because = read.flatMap((one) => (one.reason === undefined || timeOnly(one.reason, t) ? [] : [one.reason])).join('; ');
    // "effective July 1", "ab 01.04.": when the change is to happen is no reason, but goes with one, after it.
    const when = read.flatMap((one) => (one.reason !== undefined && timeOnly(one.reason, t) ? [one.reason] : [])).join(', ');
    const reason = because === '' || when === '' ? because : `${because} (${when})`;
    if (reason === '' || reason.length > MAX_REASON_LENGTH) {
        return undefined;
    }
    const named = withNamesWritten(reason, names);
    return named.charAt(0).toLocaleUpperCase() + named.slice(1);
}

/**
 * A German verb-last clause as a main clause ({@link clauseAsSentence}), its subject also one of the account's people by
 * name ("anna müller nächsten monat das unternehmen verlässt" → "anna müller verlässt nächsten monat das unternehmen"):
 * the name stands where a pronoun would, which decides the word order as surely.
 */
function asMainClause(clause: string, titles: readonly string[], names: readonly string[]): string | undefined {
    const said = wordsOf(clause);
    const name = names
        .flatMap((full) => [wordsOf(full), wordsOf(full).slice(0, 1)])
        .filter((words) => words.length > 0 && words.every((word, i) => said[i] === word))
        .sort((a, b) => b.length - a.length)[0];
    const plain = clauseAsSentence(clause, 'dass', titles);
    if (plain !== undefined || name === undefined) {
        return plain;
    }
    const written = [...clause.matchAll(/[\p{L}\p{N}]+/gu)][name.length - 1];
    const after = clause.slice((written.index ?? 0) + written[0].length);
    const withPronoun = clauseAsSentence(`er${after}`, 'dass', titles);
    return withPronoun === undefined ? undefined : clause.slice(0, (written.index ?? 0) + written[0].length) + withPronoun.slice('er'.length);
}

/** A time written alone has at most this many words after its start ("from the 1st of April"). */
const TIME_MAX_WORDS = 4;

/**
 * True when `clause` only says from when (`main:appointmentWords.handoverFrom` and then numbers or words of
 * `.handoverWhen`: "effective July 1", "ab 01.04.", "from 1 April"), no why.
 */
function timeOnly(clause: string, t: TFunction): boolean {
    const said = phraseOf(clause);
    const from = phraseList(t, 'main:appointmentWords.handoverFrom').filter((start) => beginsWith(said, start)).sort((a, b) => b.length - a.length)[0];
    if (from === undefined) {
        return false;
    }
    const when = new Set(phraseList(t, 'main:appointmentWords.handoverWhen').flatMap((one) => one.split(' ')));
    const rest = said.slice(from.length).trim().split(' ').filter((word) => word !== '');
    return rest.length > 0 && rest.length <= TIME_MAX_WORDS && rest.every((word) => /\d/u.test(word) || when.has(word) || word.length <= 3);
}

/** A word of a name this long is written as the name writes it ("peter brooks" → "Peter Brooks"); shorter ones may be other words. */
const NAME_WORD_MIN = 3;

/** `text` with the words of the account's people written as their names are ("peter brooks is retiring" → "Peter Brooks is retiring"). */
function withNamesWritten(text: string, names: readonly string[]): string {
    const words = new Map<string, string>();
    for (const word of names.flatMap((name) => name.split(/\s+/u))) {
        if (word.length >= NAME_WORD_MIN) {
            words.set(word.toLocaleLowerCase(), word);
        }
    }
    if (words.size === 0) {
        return text;
    }
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${[...words.keys()].map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    return text.replace(pattern, (found: string) => words.get(found.toLocaleLowerCase()) ?? found);
}

/**
 * The words of a message that asks and says why in one ("kann ich den kontakt
 * aendern? anna ist nie erreichbar", "can I change the contact? peter never
 * answers", "… weil sie nie erreichbar ist"): its clauses that are no reason
 * ({@link reasonInRequest}), joined. Undefined when no clause says why, or
 * every clause does: then the message is read whole.
 */
export function requestBesideReason(text: string, t: TFunction): string | undefined {
    const read = clausesRead(text, t, []);
    const asking = read.filter((one) => one.reason === undefined).map((one) => one.clause);
    return asking.length === 0 || asking.length === read.length ? undefined : asking.join(', ');
}

/** The clauses of a message, each with the reason it gives (undefined for a clause that gives none). */
function clausesRead(text: string, t: TFunction, names: readonly string[]): Array<{ readonly clause: string; readonly reason?: string }> {
    const because = phraseList(t, 'changeContact:reasonInRequest.heard.because');
    const requestWords = phraseList(t, 'changeContact:reasonInRequest.heard.requestWords');
    const roleWords = phraseList(t, 'changeContact:reasonInRequest.heard.roleWords');
    const notReasons = phraseList(t, 'changeContact:reasonInRequest.heard.notReasons');
    const nameWords = new Set(names.flatMap((name) => wordsOf(name)));
    const introductions = phraseList(t, 'identify:introductions');
    const joiners = phraseList(t, 'changeContact:reasonInRequest.heard.joiners');
    const questionStarts = phraseList(t, 'changeContact:reasonInRequest.heard.questionStarts');
    const relatives = phraseList(t, 'changeContact:reasonInRequest.heard.relatives');
    const holderLeads = new Set(phraseList(t, 'changeContact:reasonInRequest.heard.holder.leads'));
    const holderRoles = phraseList(t, 'changeContact:reasonInRequest.heard.holder.roles');
    const titles = phraseList(t, 'changeContact:titles');
    const reasonIn = (clause: string): string | undefined => {
        const said = phraseOf(clause);
        // "Ich bin Eva Schulz von Bergmann & Söhne" says who is asking, not why.
        if (introductions.some((lead) => beginsWith(said, lead) && nameWords.has(said.slice(lead.length + 1).split(' ')[0]))) {
            return undefined;
        }
        const lead = because.find((word) => beginsWith(said, word));
        // "…: Herr Dieter Krause, d.krause@…", "Mr. John Smith": a name written out (each word with a capital) says who, not why.
        if (lead === undefined && writtenNameOnly(clause)) {
            return undefined;
        }
        // "weil die Kollegin in Rente geht": the reason is what follows the reason word.
        const body = lead ? clause.replace(/^[^\p{L}\p{N}]*[\p{L}\p{N}]+/u, '') : clause;
        // "our billing contact left the company", "unser Abrechnungskontakt ist in Rente": the current contact named by the role stands as a name does.
        const holder = holderWords(wordsOf(body), holderLeads, holderRoles);
        const told = wordsOf(body).slice(holder);
        const own = told.filter((word) => !nameWords.has(word));
        // "peter is retiring": a person of the account named, and two words of one's own, say why.
        // "Anna Müller ist weg" says too little to stand as the reason: one of the words says what happens ("retiring", "kündigt").
        const namesSomeone = (holder > 0 || own.length < told.length) && own.some((word) => word.length >= TELLING_WORD_LENGTH);
        // "what do i do", "wie geht das": a question typed without its question mark is still no reason.
        if (own.length < (namesSomeone ? MIN_REASON_WORDS_WITH_NAME : MIN_REASON_WORDS) || clause.trim().endsWith('?') || questionStarts.some((start) => beginsWith(said, start))) {
            return undefined;
        }
        const asks = containsAny(said, requestWords);
        // "the billing contact is Peter Brooks": the role named after the one who holds it says who, not why.
        // "Peter Brooks who handles billing at Northwind left the company": a role in words that describe a person of the account is no request about it.
        const namesRole = containsAny(holder > 0 ? told.join(' ') : said, roleWords) && !describesPerson(said, nameWords, relatives);
        // "ich hoffe, Sie können mir helfen", "Vielen Dank im Voraus", "Mit freundlichen Grüßen", "Zur Abrechnung …": the frame of a story, not why.
        const frame = containsAny(said, notReasons);
        if (lead === undefined && (asks || namesRole || frame)) {
            return undefined;
        }
        const reason = body.replace(/^[\s,.;:!–-]+/u, '').trim();
        // "… weil er in rente geht": a German clause after its reason word stands as a sentence ("Er geht in rente") where its verb is certain.
        return (lead !== undefined && VERB_LAST_REASON_LEADS.has(lead) ? asMainClause(reason, titles, names) : undefined) ?? reason;
    };
    // "I'm an admin on two accounts, my own consulting one and Northwind": a sentence that introduces the person in their
    // role says who asks; its other clauses say more of that, not why, unless they name one of the account's people.
    const introducesRole = (clause: string): boolean => {
        const said = phraseOf(clause);
        return introductions.some((lead) => beginsWith(said, lead)) && containsAny(said, roleWords);
    };
    // By first name: "bei Müller Design" names the company, not Anna Müller.
    const firstNames = new Set(names.map((name) => wordsOf(name)[0] ?? ''));
    const namesPerson = (clause: string): boolean => wordsOf(clause).some((word) => firstNames.has(word));
    // "Anna hat uns verlassen und Lea macht ab jetzt die Buchhaltung": when the whole is no reason, its joined parts may be.
    return sentencesOf(text.replace(/\S+@\S+/g, ' ')).flatMap((sentence) => {
        const clauses = clausesOf(sentence, because);
        const framed = clauses.length > 1 && introducesRole(clauses[0]);
        return clauses.map((clause) => ({
            clause,
            reason: framed && !namesPerson(clause) ? undefined : (reasonIn(clause) ?? partsOf(clause, joiners).map(reasonIn).find((part) => part !== undefined))
        }));
    });
}

/** A name written out has at most this many words, titles included ("Frau Dr. Petra Lang-Weber"). */
const WRITTEN_NAME_MAX_WORDS = 5;

/** True when every word of `clause` begins with a capital letter and there are few: a person's name with its titles, no sentence. */
function writtenNameOnly(clause: string): boolean {
    const written = clause.split(/\s+/u).filter((word) => /\p{L}/u.test(word));
    return written.length > 0 && written.length <= WRITTEN_NAME_MAX_WORDS && written.every((word) => /^[^\p{L}]*\p{Lu}/u.test(word));
}

/**
 * How many words at the start of `words` name the current billing contact by the role (`changeContact:reasonInRequest.heard.holder`):
 * leading words ("our", "the current", "unser bisheriger") and a role ("billing contact", "Abrechnungskontakt"); 0 when they do not.
 */
function holderWords(words: readonly string[], leads: ReadonlySet<string>, roles: readonly string[]): number {
    let at = 0;
    while (at < words.length && leads.has(words[at])) {
        at++;
    }
    const rest = words.slice(at).join(' ');
    const role = at === 0 ? undefined : roles.filter((one) => rest === one || beginsWith(rest, one)).sort((a, b) => b.length - a.length)[0];
    return role === undefined ? 0 : at + role.split(' ').length;
}

/** The sentences of a message (a question keeps its question mark). */
function sentencesOf(text: string): string[] {
    return text.split(/(?<=\?)\s+|[.!;:\n]+/u);
}

/** The clauses of a sentence: the parts between commas and dashes, and each reason word's part. */
function clausesOf(sentence: string, because: readonly string[]): string[] {
    return sentence
        .split(/,|\s[–-]\s/u)
        .flatMap((part) => part.split(new RegExp(`\\s(?=(?:${because.map(escapeRegExp).join('|') || '(?!)'})\\s)`, 'iu')))
        .map((part) => part.trim())
        .filter((part) => /\p{L}/u.test(part));
}

/** True when a person of the account (`nameWords`) is followed by a word that opens words describing them (`relatives`: "who", "welche"). */
function describesPerson(said: string, nameWords: ReadonlySet<string>, relatives: readonly string[]): boolean {
    const words = said.split(' ');
    return words.some((word, index) => nameWords.has(word) && relatives.includes(words[index + 1] ?? ''));
}

/** The parts of a clause between joining words ("und", "and"), when it has any. */
function partsOf(clause: string, joiners: readonly string[]): string[] {
    if (joiners.length === 0) {
        return [];
    }
    const parts = clause.split(new RegExp(`\\s(?:${joiners.map(escapeRegExp).join('|')})\\s`, 'iu'));
    return parts.length > 1 ? parts : [];
}


/** True when one of `phrases` stands in the phrase `said` as whole words. */
function containsAny(said: string, phrases: readonly string[]): boolean {
    return phrases.some((phrase) => hasPhrase(said, phrase));
}

import type { TFunction } from 'i18next';
import { beginsWith, escapeRegExp, phraseOf, sentencesOf, wordsOf } from '../core/words';
import { phraseList } from './phraseLists';

/**
 * True when a sentence only says who is writing: its clauses are greetings
 * (`isGreeting`) and one introduction, a lead-in of `identify:introductions`
 * followed by a name written with a capital ("Hallo, ich bin Jonas Weber.",
 * "This is Sarah Lee."). "Ich bin der Abrechnungskontakt" names a role, no one.
 */
export function introducesOnly(sentence: string, t: TFunction, isGreeting: (clause: string) => boolean): boolean {
    const clauses = sentence.split(/[,;:]/u).map((clause) => clause.trim()).filter((clause) => /\p{L}/u.test(clause));
    const introductions = clauses.filter((clause) => !isGreeting(clause));
    return introductions.length === 1 && introducesByName(introductions[0], t);
}

/**
 * True when a sentence, greetings aside, begins by saying who is writing or what
 * they are: a lead-in of `identify:introductions` ("I'm an admin on our account.",
 * "Ich bin Administrator in unserem Konto.").
 */
export function describesSelf(sentence: string, t: TFunction, isGreeting: (clause: string) => boolean): boolean {
    const clauses = sentence.split(/[,;:]/u).map((clause) => clause.trim()).filter((clause) => /\p{L}/u.test(clause) && !isGreeting(clause));
    const said = clauses.length > 0 ? phraseOf(clauses[0]) : '';
    return phraseList(t, 'identify:introductions').some((one) => beginsWith(said, one));
}

/** Words a name has after the lead-in ("Eva Schulz von Bergmann & Söhne" stays an introduction). */
const MAX_INTRODUCTION_WORDS = 6;

function introducesByName(clause: string, t: TFunction, smallLetters = false): boolean {
    const said = phraseOf(clause);
    const lead = phraseList(t, 'identify:introductions').find((one) => beginsWith(said, one));
    if (lead === undefined) {
        return false;
    }
    // The name as written: the words after as many words as the lead-in has.
    const words = clause.replace(/[^\p{L}\p{N}&'’.-]+/gu, ' ').trim().split(' ');
    const rest = words.slice(lead.split(' ').length);
    if (rest.length > 0 && rest.length <= MAX_INTRODUCTION_WORDS && /^\p{Lu}/u.test(rest[0])) {
        return true;
    }
    const never = new Set([...phraseList(t, 'common:nonNameWords'), ...phraseList(t, 'changeContact:notNameWords')]);
    return smallLetters && rest.length > 0 && rest.length <= MAX_SMALL_NAME_WORDS && rest.every((word) => /^\p{L}+$/u.test(word) && !never.has(word.toLocaleLowerCase()));
}

/**
 * A message without its sentences that only introduce the writer
 * ({@link introducesOnly}): "Hallo, ich bin Jonas Weber. Bitte ändern Sie …"
 * asks what its other sentences ask. The message itself when all or none do.
 */
export function withoutIntroductions(text: string, t: TFunction, isGreeting: (clause: string) => boolean): string {
    const told = withoutNewcomer(text, t);
    const sentences = sentencesOf(told);
    if (sentences.length < 2) {
        return withoutIntroductionClause(told, t, isGreeting);
    }
    const kept = sentences.filter((sentence) => !introducesOnly(sentence, t, isGreeting));
    return kept.length === 0 || kept.length === sentences.length ? withoutIntroductionClause(told, t, isGreeting) : kept.join(' ');
}

/** The most words a name written in small letters has in an introduction ("hi im anna, …", "ich bin eva schulz, …"). */
const MAX_SMALL_NAME_WORDS = 2;

/** The fewest words the rest of a sentence has after an introduction dropped from it: what it asks. */
const MIN_REST_WORDS = 3;

/**
 * "hi im anna, i want to hand over billing to jonas", "hallo ich bin anna, ich möchte …": the message without the
 * greeting and introduction its first sentence opens with, up to a comma, when more of the sentence follows. The name
 * may be written in small letters here (one or two words, none of `common:nonNameWords` or `changeContact:notNameWords`:
 * "i'm the new billing contact, …", "ich bin abrechnungskontakt, …" say more and stay); the greeting may stand in the introduction's clause ("hi im anna").
 */
function withoutIntroductionClause(text: string, t: TFunction, isGreeting: (clause: string) => boolean): string {
    const clauses = text.split(/(?<=[,;:])/u);
    let at = 0;
    let introduced = false;
    while (at < clauses.length - 1) {
        const clause = clauses[at].replace(/[,;:]$/u, '').trim();
        if (!/\p{L}/u.test(clause) || isGreeting(clause)) {
            at++;
            continue;
        }
        if (introduced || !introducesByName(withoutGreetingWord(clause, isGreeting), t, true)) {
            break;
        }
        introduced = true;
        at++;
    }
    const rest = clauses.slice(at).join('').trim();
    // "ich bin abrechnungskontakt, oder?": a tag after the clause asks nothing of its own.
    return introduced && wordsOf(rest).length >= MIN_REST_WORDS ? rest : text;
}

/** `clause` without a greeting word it begins with ("hi im anna" → "im anna"). */
function withoutGreetingWord(clause: string, isGreeting: (clause: string) => boolean): string {
    const first = /^\s*([\p{L}]+)[\s!]+/u.exec(clause);
    return first && isGreeting(first[1]) ? clause.slice(first[0].length) : clause;
}

/**
 * A message without the clause in which the writer says they are new
 * ("Hallo! Ich bin neu in der Firma und wollte wissen, wer …", "hello. i'm new.
 * what can you do?"): a lead-in of `identify:introductions` followed by one of
 * `identify:newcomerWords`, up to an "und"/"and" or the clause's
 * end ("ich bin der neue Abrechnungskontakt" says more and stays). Being new is no question about oneself ("am I …?").
 * The message itself when nothing else would be left.
 */
export function withoutNewcomer(text: string, t: TFunction): string {
    const rest = text.replace(newcomerClause(t), ' ').trim();
    return /\p{L}/u.test(rest) ? rest : text;
}

/** True when a sentence says nothing but that the writer is new ("Ich bin neu hier.", "i'm new!"). */
export function saysOnlyNew(sentence: string, t: TFunction): boolean {
    return !/\p{L}/u.test(sentence.replace(newcomerClause(t), ' '));
}

/** The newcomer clause of {@link withoutNewcomer}, built once per language's lists. */
function newcomerClause(t: TFunction): RegExp {
    const leads = phraseList(t, 'identify:introductions');
    const cached = NEWCOMER_CLAUSES.get(leads);
    if (cached !== undefined) {
        return cached;
    }
    const pattern = (phrases: readonly string[], between: string): string =>
        [...phrases].sort((a, b) => b.length - a.length).map((phrase) => phrase.split(' ').map(escapeRegExp).join(between)).join('|');
    const clause = new RegExp(
        `(?<=^|[.!?;:,]\\s*)\\s*(?:${pattern(leads, "[\\s'’]*")})\\s+(?:${pattern(phraseList(t, 'identify:newcomerWords'), '\\s+')})(?![\\p{L}\\p{N}])` +
            // "ich bin die neue Buchhalterin bei Bergmann & Söhne und …": where the person is new may follow (`identify:newcomerPlaces`).
            `(?:\\s+(?:${pattern(phraseList(t, 'identify:newcomerPlaces'), '\\s+')})\\s+[^.!?;:,]{1,40}?(?=\\s+(?:${pattern(phraseList(t, 'main:requestJoiners'), '\\s+')})(?![\\p{L}\\p{N}])|\\s*[.!?;:,]|\\s*$))?` +
            `(?:\\s+(?:${pattern(phraseList(t, 'main:requestJoiners'), '\\s+')})(?![\\p{L}\\p{N}])|\\s*[.!?;:,]|\\s*$)`,
        'giu'
    );
    NEWCOMER_CLAUSES.set(leads, clause);
    return clause;
}

const NEWCOMER_CLAUSES = new WeakMap<readonly string[], RegExp>();

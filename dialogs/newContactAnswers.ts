import type { TFunction } from 'i18next';
import type { Member } from '../data/model';
import { containsPhrase, folded, phraseOf, wordsOf } from '../core/words';
import { perLanguage, phraseList } from '../language/phraseLists';
import { mayBeName } from '../language/personName';

/** The most words a typed name without capitals may have ("eva schulz", "maria de la cruz"). */
export const MAX_NAME_WORDS = 4;

/**
 * Answers in the person's own words at the questions of the change-of-billing-contact conversation that
 * name a person or say whom the new contact replaces: read here, so that the dialog only decides what to do.
 */

/** The one member whose full name `text` holds ("… auf Lea Fischer"), if exactly one. */
export function namedMember(members: readonly Member[], text: string): Member | undefined {
    const said = ` ${wordsOf(text).join(' ')} `;
    const named = members.filter((m) => said.includes(` ${wordsOf(m.user.name).join(' ')} `));
    return named.length === 1 ? named[0] : undefined;
}

/** The one member whose full name `name` is, as a whole ("Eva Schulz", "eva schulz", "Anna Mueller" for Anna Müller). */
export function memberOfFullName(members: readonly Member[], name: string): Member | undefined {
    const said = phraseOf(folded(name));
    const named = said === '' ? [] : members.filter((m) => phraseOf(folded(m.user.name)) === said);
    return named.length === 1 ? named[0] : undefined;
}

/** The one member whose first name `text` holds ("make it tom", "auf lea"), if exactly one has it. */
export function memberByFirstName(members: readonly Member[], text: string): Member | undefined {
    const said = new Set(wordsOf(text));
    const named = members.filter((m) => said.has(wordsOf(m.user.name)[0] ?? ''));
    return named.length === 1 ? named[0] : undefined;
}

/** True when `text` names the person themselves (`changeContact:synonyms.me`: "mich selbst", "make it me"; `.meAlone` as the whole answer: "ich"). */
export function namesOneself(text: string, t: TFunction): boolean {
    return containsPhrase(text, phraseList(t, 'changeContact:synonyms.me')) || phraseList(t, 'changeContact:synonyms.meAlone').includes(phraseOf(text));
}

/**
 * True when a correction names the person themselves ("nein, warte, lieber ich selbst", "no wait, me instead", "nein,
 * lieber mich"): words of their own ({@link namesOneself}), or what is left without the correction's words
 * (`changeContact:correction.phrases` as phrases first, so that "no, I meant" leaves no "I"; then `.starts` and
 * `.fillers`, the words of `synonyms.meAlone` kept) is one of `synonyms.meAlone`. Not when they are named after a
 * negation ("nein, nicht mich").
 */
export function namesOneselfInCorrection(text: string, t: TFunction): boolean {
    if (namesOneself(text, t)) {
        return true;
    }
    const alone = phraseList(t, 'changeContact:synonyms.meAlone');
    const me = new Set(alone.flatMap(wordsOf));
    const lead = new Set([...phraseList(t, 'changeContact:correction.starts'), ...phraseList(t, 'changeContact:correction.fillers')].filter((word) => !me.has(word)));
    let said = ` ${phraseOf(text)} `;
    for (const phrase of phraseList(t, 'changeContact:correction.phrases')) {
        said = said.split(` ${phrase} `).join(' ');
    }
    const words = wordsOf(said);
    // "nein, nicht mich", "no, not me": the person themselves named as the one it should not be.
    const negations = new Set(phraseList(t, 'changeContact:correction.negations'));
    if (words.some((word, i) => me.has(word) && negations.has(words[i - 1] ?? ''))) {
        return false;
    }
    const rest = words.filter((word) => !lead.has(word));
    return rest.length > 0 && alone.includes(rest.join(' '));
}

/**
 * The member an answer names as the person to make the billing contact ("nein, stattdessen bitte mich selbst, eva schulz",
 * "doch lieber Lea Fischer", "Anna Müller"): a member by full name, else the person themselves in words of their own, else
 * (only where `byFirstName`) the one other member with a first name it holds. Undefined when it names no member.
 */
export function memberNamedAsContact(text: string, members: readonly Member[], me: Member, t: TFunction, byFirstName: boolean): Member | undefined {
    const full = namedMember(members, text);
    if (full) {
        return full;
    }
    if (namesOneself(text, t)) {
        return me;
    }
    const other = byFirstName ? memberByFirstName(members.filter((m) => m.user.id !== me.user.id), text) : undefined;
    // "Anna Schmidt" names a new person, not Anna Müller: a first name followed by another name word is no member's.
    const words = wordsOf(text);
    const after = other ? words[words.indexOf(wordsOf(other.user.name)[0] ?? '') + 1] : undefined;
    return after !== undefined && mayBeName(after, t) && !phraseList(t, 'changeContact:courtesies').includes(after) ? undefined : other;
}

/**
 * The name a correction gives in small letters ("nein, lieber peter schmidt", "no, make it jane doe"): the words after
 * the correction's own (`changeContact:correction.starts`, `.fillers`), two to four that may be a name, capitalized.
 */
export function nameAfterCorrection(text: string, t: TFunction): string | undefined {
    const lead = new Set([...phraseList(t, 'changeContact:correction.starts'), ...phraseList(t, 'changeContact:correction.fillers'), ...phraseList(t, 'changeContact:correction.phrases')]);
    const words = wordsOf(text);
    let from = 0;
    while (from < words.length && lead.has(words[from])) {
        from++;
    }
    const name = words.slice(from);
    if (from === 0 || name.length < 2 || name.length > MAX_NAME_WORDS || !mayBeName(name.join(' '), t)) {
        return undefined;
    }
    return name.map((word) => word.charAt(0).toLocaleUpperCase() + word.slice(1)).join(' ');
}

/** What an answer at "Whom should … replace?" says that is no choice of a button. */
export type ReplacesWords = 'both' | 'unplaced';

/**
 * "beide", "both of them": both current contacts (`changeContact:replacesBothWords`), which one request cannot do;
 * any other words that choose nobody ("the one in accounting"): 'unplaced', where the bot cannot tell whom they mean.
 */
export function replacesWords(text: string, t: TFunction): ReplacesWords | undefined {
    if (wordsOf(text).length === 0) {
        return undefined;
    }
    return containsPhrase(text, phraseList(t, 'changeContact:replacesBothWords')) ? 'both' : 'unplaced';
}

/**
 * The one full name in `text` introduced by a title ("Herrn Peter Krause", "Ms Linda Park") that is
 * not a member's name (a member named so, "Frau Maria Bergmann", is who is replaced or asked about).
 */
export function titledNonMember(text: string, members: readonly Member[], t: TFunction): string | undefined {
    const titles = phraseList(t, 'changeContact:titles');
    const words = text.replace(/\S*@\S*/g, ' ').split(/[\s,;:!?()]+/u);
    const memberNames = new Set(members.map((m) => phraseOf(m.user.name)));
    const found = new Set<string>();
    for (const [index, word] of words.entries()) {
        if (!titles.includes(phraseOf(word))) {
            continue;
        }
        const name: string[] = [];
        for (const next of words.slice(index + 1, index + 1 + MAX_NAME_WORDS)) {
            if (!/^\p{Lu}[\p{L}'’-]+$/u.test(next.replace(/\.$/, ''))) {
                break;
            }
            name.push(next.replace(/\.$/, ''));
        }
        if (name.length >= 2 && !memberNames.has(phraseOf(name.join(' ')))) {
            found.add(name.join(' '));
        }
    }
    return found.size === 1 ? [...found][0] : undefined;
}

/**
 * `text` as a phrase without the person's introduction of themselves ("ich
 * bin Eva Schulz von …", "this is Tom") or their signature ("Mit freundlichen
 * Grüßen Jonas Weber", "cheers, Tom"): a lead-in of `identify:introductions`
 * or `identify:signOffs` followed by their full or first name.
 */
export function withoutIntroduction(text: string, me: Member, t: TFunction): string {
    const name = wordsOf(me.user.name);
    let said = ` ${phraseOf(text)} `;
    for (const lead of [...phraseList(t, 'identify:introductions'), ...phraseList(t, 'identify:signOffs')]) {
        for (const named of [name.join(' '), name[0] ?? '']) {
            said = said.split(` ${lead} ${named} `).join(' ');
        }
    }
    return said.trim();
}

/**
 * The person themselves, when the request names them in words of `changeContact:synonyms.me` of two words or more ("auf mich
 * umstellen") or takes the role over (`main:appointmentWords.selfTakeOver`: "ab sofort übernehme ich die Rechnungen", "I'll be
 * the billing contact from now on"), and they may be chosen.
 */
export function namesSelf(candidates: readonly Member[], me: Member, text: string, t: TFunction): Member | undefined {
    const phrases = [...phraseList(t, 'changeContact:synonyms.me').filter((phrase) => phrase.includes(' ')), ...phraseList(t, 'main:appointmentWords.selfTakeOver')];
    return containsPhrase(text, phrases) || wishesToBecomeSelf(text, t) ? candidates.find((m) => m.user.id === me.user.id) : undefined;
}

/** Per language, once: the words of {@link wishesToBecomeSelf}. */
const selfAsNewWords = perLanguage((t) => ({
    me: new Set(phraseList(t, 'changeContact:selfAsNew.me')),
    verbs: new Set(phraseList(t, 'changeContact:selfAsNew.verbs')),
    not: new Set(phraseList(t, 'changeContact:selfAsNew.not'))
}));

/**
 * A wish to be made the contact oneself in words of one's own: "I want to become the billing contact", "ich möchte
 * Abrechnungskontakt werden" (`changeContact:selfAsNew.phrases`), or, as German puts the verb last, the word for oneself
 * and one of making ("ich will mich als abrechnungskontakt statt klaus eintragen lassen"); never with a word of
 * leaving or of being told ("mich austragen", "mich informieren").
 */
function wishesToBecomeSelf(text: string, t: TFunction): boolean {
    const { me, verbs, not } = selfAsNewWords(t);
    const said = wordsOf(text);
    if (said.some((word) => not.has(word))) {
        return false;
    }
    return containsPhrase(text, phraseList(t, 'changeContact:selfAsNew.phrases')) || (said.some((word) => me.has(word)) && said.some((word) => verbs.has(word)));
}

/** The one member a title and surname name ("durch Frau Schulz ersetzen", "replace him with Ms Park"), if exactly one has that surname. */
export function memberByTitledSurname(members: readonly Member[], text: string, t: TFunction): Member | undefined {
    const titles = new Set(phraseList(t, 'changeContact:titles').map(phraseOf));
    const words = wordsOf(text);
    const surnames = new Set(words.filter((_, i) => i > 0 && titles.has(words[i - 1])));
    const named = members.filter((m) => surnames.has(wordsOf(m.user.name).at(-1) ?? ''));
    return named.length === 1 ? named[0] : undefined;
}

/**
 * True when a message corrects what was said ("nein warte, ich meinte …",
 * "no, instead make …", "the name is …"): it begins with one of
 * `changeContact:correction.starts` or holds one of `changeContact:correction.phrases`.
 */
export function correcting(text: string, t: TFunction): boolean {
    // "no wait, …", "nein, …": a short first clause; "No one else does billing since …" corrects nothing.
    const opening = ` ${phraseOf(text.split(/[,;:.!?–-]/)[0] ?? '')} `;
    const said = ` ${phraseOf(text)} `;
    return (
        (wordsOf(opening).length <= CORRECTION_OPENING_WORDS && phraseList(t, 'changeContact:correction.starts').some((start) => opening.startsWith(` ${start} `))) ||
        phraseList(t, 'changeContact:correction.phrases').some((phrase) => said.includes(` ${phrase} `))
    );
}

/** The longest first clause that opens a correction ("nein warte", "no, sorry"). */
const CORRECTION_OPENING_WORDS = 3;

/** A full name written with capitals ("Jane Smith", "Max Meier"). */
const WRITTEN_NAME = /\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)+/gu;

/**
 * `words` (a name as written) without the job title before it (`changeContact:jobTitleWords`: "Finance Manager
 * Julia Stone", "Buchhalterin Julia Stein" → the name), one word at least kept: a job is no part of a name.
 */
export function withoutJobTitle(words: readonly string[], t: TFunction): string[] {
    const jobs = phraseList(t, 'changeContact:jobTitleWords');
    let start = 0;
    while (words.length - start > 1 && jobs.includes(phraseOf(words[start]))) {
        start++;
    }
    return words.slice(start);
}

/** The one full name in a correction that is not `old` ("the name is Jane Smith, not Jane Smyth" → "Jane Smith"), without lead words ("Bitte", "No"). */
export function writtenAnew(text: string, old: string, t: TFunction): string | undefined {
    const fillers = phraseList(t, 'changeContact:correction.fillers');
    const names = new Set<string>();
    for (const match of text.slice(0, 500).match(WRITTEN_NAME) ?? []) {
        const words = match.split(/\s+/);
        while (words.length > 0 && fillers.includes(phraseOf(words[0]))) {
            words.shift();
        }
        const named = withoutJobTitle(words, t);
        const name = named.join(' ');
        if (named.length >= 2 && phraseOf(name) !== phraseOf(old)) {
            names.add(name);
        }
    }
    return names.size === 1 ? [...names][0] : undefined;
}

/**
 * True when `name` (its first word, or in full) stands right after a word that rules a person out
 * (`changeContact:correction.negations`: "nicht maria", "not lea"): that person is no longer meant.
 */
export function namedAsNot(text: string, name: string, t: TFunction): boolean {
    const said = ` ${phraseOf(text)} `;
    const first = wordsOf(name)[0] ?? '';
    return first !== '' && phraseList(t, 'changeContact:correction.negations').some((negation) => said.includes(` ${negation} ${first} `));
}

/** The most words a short correction may hold besides its own words and the names in it ("nein, jonas bitte", not "nein, Jonas hat gekündigt"). */
const SHORT_CORRECTION_OTHER_WORDS = 1;

/**
 * The one member a short correction names as the new contact, by full name or by first name ("nein, nicht lea,
 * stattdessen jonas", "actually make it sarah lee", "ach nee, mach doch jonas weber draus"): `members` without those
 * ruled out ({@link namedAsNot}), the message holding a word of correction (`changeContact:correction.starts`,
 * `.phrases`, `.negations`) and, besides the words of correction (with `.fillers`) and the names, at most one word.
 * Undefined otherwise (a reason that names someone, "nein, Jonas hat gekündigt", is no correction).
 */
export function memberInShortCorrection(text: string, members: readonly Member[], t: TFunction): Member | undefined {
    const meant = members.filter((m) => !namedAsNot(text, m.user.name, t));
    const member = namedMember(meant, text) ?? memberByFirstName(meant, text);
    if (!member) {
        return undefined;
    }
    const own = ['starts', 'phrases', 'negations'].flatMap((key) => phraseList(t, `changeContact:correction.${key}`));
    let said = ` ${phraseOf(text)} `;
    if (!own.some((phrase) => said.includes(` ${phrase} `))) {
        return undefined;
    }
    const names = new Set(members.flatMap((m) => wordsOf(m.user.name)));
    for (const phrase of [...own, ...phraseList(t, 'changeContact:correction.fillers')].sort((a, b) => b.length - a.length)) {
        said = said.split(` ${phrase} `).join(' ');
    }
    return wordsOf(said).filter((word) => !names.has(word)).length <= SHORT_CORRECTION_OTHER_WORDS ? member : undefined;
}

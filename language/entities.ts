import { SequenceRecognizer } from '@microsoft/recognizers-text-sequence';
import { ChoiceRecognizer } from '@microsoft/recognizers-text-choice';
import { BoundedMemo } from '../core/boundedMemo';
import { cultureOf, type Lang } from '../core/language';
import { escapeRegExp, wordsOf } from '../core/words';
import type { TFunction } from 'i18next';
import { perLanguage, phraseList } from './phraseLists';

/** Something recognizers-text parses text with. */
interface Model {
    parse(query: string): Array<{ start: number; end: number; resolution?: unknown }>;
}

/**
 * Each recognizers-text model built once per language: `recognizeEmail` and
 * `recognizeBoolean` build a recognizer with all of its models on every call.
 */
function modelsOf(build: (lang: Lang) => Model): (lang: Lang) => Model {
    const models = new Map<Lang, Model>();
    return (lang) => {
        let model = models.get(lang);
        if (!model) {
            model = build(lang);
            models.set(lang, model);
        }
        return model;
    };
}

const emailModel = modelsOf((lang) => new SequenceRecognizer(cultureOf(lang)).getEmailModel());
const booleanModel = modelsOf((lang) => new ChoiceRecognizer(cultureOf(lang)).getBooleanModel(cultureOf(lang), true));

const DOMAIN_CHAR = /[A-Za-z0-9-]/;
const PLAIN_EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/**
 * The first email address in `text`, found with recognizers-text in the
 * language's culture. Its top-level-domain pattern stops at six letters
 * (`.example` comes back as `.exampl`), so the match is extended to the end of
 * the domain as written, then checked as a whole.
 */
export function findEmail(text: string, lang: Lang): string | undefined {
    const input = text.slice(0, 1000);
    // The email model's pattern and the check both need an "@": without one, no model run.
    if (!input.includes('@')) {
        return undefined;
    }
    // Most answers to "which email address?" are one plain address and nothing else: that is the address the model would find
    // (checked over tens of thousands of such texts), without the model's run, the dearest part of reading that answer.
    const alone = input.trim();
    if (alone.length <= 254 && ADDRESS_ALONE.test(alone) && PLAIN_EMAIL.test(alone)) {
        return alone;
    }
    // One answer is read for its address several times in a turn (the prompt's check at the interruption, its recognizer, the step after it).
    return emailsFound.get(`${lang}:${input}`, () => emailIn(input, lang));
}

/**
 * An address alone of the plainest shape: ASCII letters, digits, dots, underscores and hyphens, neither end of the local part
 * a dot or hyphen, domain labels that begin and end with a letter or digit, a top-level domain of two letters or more.
 */
const ADDRESS_ALONE = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/;

/** {@link findEmail} by recognizers-text's email model alone, every time (tests compare the two). */
export function findEmailByModel(text: string, lang: Lang): string | undefined {
    const input = text.slice(0, 1000);
    return input.includes('@') ? emailIn(input, lang) : undefined;
}

/** Texts whose address {@link findEmail} keeps: enough for the turns running at once. */
const EMAILS_KEPT = 256;

/** Texts with an "@" read lately, with the address found in each (1,000 characters at most each). */
const emailsFound = new BoundedMemo<string, string | undefined>(EMAILS_KEPT);

function emailIn(input: string, lang: Lang): string | undefined {
    for (const match of emailModel(lang).parse(input)) {
        let end = match.end + 1;
        while (end < input.length && DOMAIN_CHAR.test(input[end])) {
            end++;
        }
        const candidate = input.slice(match.start, end).replace(/[.-]+$/, '');
        if (candidate.length <= 254 && PLAIN_EMAIL.test(candidate)) {
            return candidate;
        }
    }
    return undefined;
}

/** Yes (true), no (false) or neither (undefined), in the language's culture. */
export function findBoolean(text: string, lang: Lang): boolean | undefined {
    const results = booleanModel(lang).parse(text.slice(0, 200));
    const first = results[0]?.resolution as { value?: boolean } | undefined;
    return typeof first?.value === 'boolean' ? first.value : undefined;
}

/** Words that may come before the yes or no that opens a clause ("ach nein", "oh no"). */
const BEFORE_OPENING_BOOLEAN = 1;

/**
 * The yes (true) or no (false) a clause opens with ("nein", "ach nee lass mal", "no actually"), or undefined: a
 * statement that only holds a no-word further on ("die Rechnungsadresse ist falsch", "the address is wrong") declines nothing.
 */
export function openingBoolean(text: string, lang: Lang): boolean | undefined {
    const input = text.slice(0, 200);
    const first = booleanModel(lang).parse(input)[0];
    const value = (first?.resolution as { value?: boolean } | undefined)?.value;
    return typeof value === 'boolean' && wordsOf(input.slice(0, first.start)).length <= BEFORE_OPENING_BOOLEAN ? value : undefined;
}

/** True when a text is nothing but a yes or a no ("yes", "ja gerne", "no"): an answer, never a message or a user ID. */
export function saysOnlyYesOrNo(text: string, lang: Lang): boolean {
    return wordsOf(text).length <= 2 && findBoolean(text, lang) !== undefined;
}

/** A reference as people type it: the number may lose its leading zeros ("BC-2026-3"). */
const REFERENCE = /\bBC[\s-]?(\d{4})[\s-](\d{1,6})(?![\d-])/gi;

/** Digits of the number part of a reference. */
const REFERENCE_DIGITS = 6;

/** Every change-request reference in `text`, written out in full (`BC-2026-3` → `BC-2026-000003`), in order. */
export function findReferences(text: string): string[] {
    return [...new Set([...text.slice(0, 2000).matchAll(REFERENCE)].map((match) => `BC-${match[1]}-${match[2].padStart(REFERENCE_DIGITS, '0')}`))];
}

/** A change-request reference like `BC-2026-000123` (or `bc-2026-123`), written out in full, if present. */
export function findReference(text: string): string | undefined {
    return findReferences(text)[0];
}

/** `text` without its references ("Status BC-2026-3?" → "Status  ?"). */
export function withoutReferences(text: string): string {
    return text.replace(REFERENCE, ' ');
}

/** Every email address in `text`, in order (see {@link findEmail}). */
export function findEmails(text: string, lang: Lang): string[] {
    const found: string[] = [];
    let rest = text.slice(0, 1000);
    for (let email = findEmail(rest, lang); email; email = findEmail(rest, lang)) {
        found.push(email);
        rest = rest.slice(rest.indexOf(email) + email.length);
    }
    return found;
}

/** The names people give a portal user ID ("user ID", "username", "Benutzerkennung"), as a pattern. */
const USER_ID_NAME = String.raw`(?:user[\s-]?id|userid|username|user name|login|benutzer[\s-]?id|benutzerkennung|benutzername|kennung)`;

/** The words that link a user ID's name to it, as customers type them (`portalReset:heard.userIdIs`: "is", "ist", "isch"), as a pattern. */
export const userIdIs = perLanguage((t) => `(?:${[...phraseList(t, 'portalReset:heard.userIdIs').map(escapeRegExp), '=', ':'].join('|')})`);

/** "my user ID is pbrooks", "Benutzer-ID: pbrooks", "benutzer-id isch mbergmann-billing": a portal user ID introduced by its name (a correction's "actually", "eigentlich" skipped). */
const introducedUserId = perLanguage(
    (t) => new RegExp(String.raw`${USER_ID_NAME}\s*(${userIdIs(t)})?\s*(?:(?:actually|really|in fact|correctly|instead|eigentlich|richtig|korrekt|tatsächlich|doch|vielmehr)\s+)?["'„“]?([\p{L}\p{N}][\p{L}\p{N}._@-]{1,99})`, 'iu')
);

/** Words that say a user ID given was wrong. */
const WRONG = String.raw`(?:wrong|incorrect|typo|mistyped|falsch\p{L}*|vertippt)`;

/**
 * A user ID given as the correction of a wrong one ("wrong user id, it's pbrooks", "falsche ID, ich meinte
 * mbergmann-billing", "the username I gave was wrong, should be kbergmann"): a word of error and the ID named (in either
 * order), then the right one.
 */
const CORRECTED_USER_ID = new RegExp(
    String.raw`(?:\b${WRONG}\b[^.!?\n]{0,30}?(?:\bid|${USER_ID_NAME})|(?:\bid|${USER_ID_NAME})\b[^.!?\n]{0,30}?\b${WRONG})\b[^\p{L}\p{N}]*(?:(?:was|war|is|ist|sorry|sry|it'?s|it is|should be|i meant|meant|ich meinte|meinte|gemeint war|gemeint ist|richtig ist|richtig wäre|korrekt ist|lautet|sollte|sondern|eigentlich|actually|correct one is|die richtige ist|the right one is)[\s,:]+)+["'„“]?([\p{L}\p{N}][\p{L}\p{N}._@-]{1,99})`,
    'iu'
);

/** What tells a word of the language from a login: the bot's vocabulary (`IntentRecognizer.knowsWord`). */
export interface KnownWords {
    knowsWord(word: string): boolean;
}

/**
 * The user ID a sentence introduces ("yeah go ahead, my username is pbrooks") or corrects ("wrong user id, it's pbrooks"),
 * without trailing punctuation. A word of letters the bot knows as a word of either language is none, whatever stands
 * before it ("wrong user id earlier tho", "falsche Benutzer-ID vorhin", "my login is broken"): a user ID is a login
 * (`pbrooks`, `mbergmann-billing`) or an address.
 */
export function findIntroducedUserId(text: string, known: KnownWords, t: TFunction): string | undefined {
    const ordinary = (id: string): boolean => /^\p{L}+$/u.test(id) && (WORDS_AFTER_USER_ID.has(id.toLocaleLowerCase()) || known.knowsWord(id));
    const corrected = CORRECTED_USER_ID.exec(text.slice(0, 500))?.[1]?.replace(/[.]+$/, '');
    if (corrected && !ordinary(corrected)) {
        return corrected;
    }
    const found = introducedUserId(t).exec(text.slice(0, 500));
    const id = found?.[2]?.replace(/[.]+$/, '');
    // Without "is", "ist" or ":" a short word is none either ("wo finde ich meine Benutzer-ID fürs Portal").
    const plainWord = id !== undefined && /^\p{L}+$/u.test(id) && id.length <= SHORT_WORD;
    // "my user id is wrong": a word said about the ID is none, after "is" too.
    const aboutIt = id !== undefined && ordinary(id);
    return id !== undefined && !aboutIt && (found?.[1] !== undefined || !plainWord) ? id : undefined;
}

/** Letters-only words this short after "user ID" are small words ("for", "fürs", "im"), not IDs. */
const SHORT_WORD = 4;

/** Words that follow "user ID" in a sentence about it, in either language ("Benutzer-ID vergessen", "user ID please"). */
const WORDS_AFTER_USER_ID: ReadonlySet<string> = new Set(['vergessen', 'forgotten', 'eingeben', 'finden', 'nicht', 'please', 'bitte', 'again', 'ändern', 'change', 'wrong', 'incorrect', 'falsch', 'falsche', 'eingegeben', 'entered', 'herausfinden', 'where', 'missing']);

/**
 * The digits of a one-time code typed as `123456`, `123 456` or `123-456`,
 * alone or in a sentence ("der Code lautet 123456"); undefined when there is
 * none, or more than one different number of that length.
 */
export function findCode(text: string, length: number): string | undefined {
    const numbers = (text.slice(0, 500).match(/\d(?:[\s-]?\d)*/g) ?? []).map((run) => run.replace(/[\s-]/g, ''));
    const codes = new Set(numbers.filter((digits) => digits.length === length));
    return codes.size === 1 ? [...codes][0] : undefined;
}

import type { TFunction } from 'i18next';
import type { Intent, IntentRecognizer, Understanding } from '../language/nlu';
import { findReference, openingBoolean, withoutReferences } from '../language/entities';
import { isRequest, understandText } from '../turn/understand';
import type { Lang } from '../core/language';
import { perLanguage, phraseList, phraseWordList } from '../language/phraseLists';
import { containsPhrase, phraseOf, wordsOf } from '../core/words';
import { UNDERSTANDING_POLICY } from '../language/understandingPolicy';

/** A free-text answer is taken as "talk to a person" only when the classifier is sure enough (UNDERSTANDING_POLICY.personInFreeText) and the message is this short, */
const HUMAN_MAX_WORDS = 10;

/**
 * The reference of a message that is nothing but a status question ("Status
 * BC-2026-000001", "Wie ist der Status von BC-2026-000001?"): every other word
 * is one of `main:freeTextInterrupt.statusWords`. A reason or message that
 * merely mentions a reference gives undefined.
 */
export function statusRequestOnly(text: string, t: TFunction): string | undefined {
    const reference = findReference(text);
    if (!reference) {
        return undefined;
    }
    const allowed = phraseList(t, 'main:freeTextInterrupt.statusWords');
    const rest = wordsOf(withoutReferences(text));
    return rest.every((word) => allowed.includes(word)) ? reference : undefined;
}

/**
 * True when a free-text answer is a clear request for a human ("actually I
 * want to talk to a person"): the classifier is very sure, the message is
 * short, speaks in the first person and names a human to talk to. "Lea takes
 * over, she talked to a person from sales" stays a message.
 */
export function clearHumanRequest(text: string, understood: Understanding | undefined, t: TFunction): boolean {
    if (understood?.intent !== 'talk-to-human' || understood.score < UNDERSTANDING_POLICY.personInFreeText) {
        return false;
    }
    const words = wordsOf(text);
    const firstPerson = phraseList(t, 'main:freeTextInterrupt.firstPerson');
    const human = phraseList(t, 'main:freeTextInterrupt.humanWords');
    return words.length <= HUMAN_MAX_WORDS && words.some((w) => firstPerson.includes(w)) && words.some((w) => human.includes(w));
}

/** Commands that a short free-text answer may be, when it says nothing else. */
const PLAIN_COMMANDS: ReadonlySet<string> = new Set(['cancel', 'start-over', 'switch-language', 'help', 'talk-to-human']);

/** The longest free-text answer that may still be a plain command ("bitte abbrechen", "auf Englisch bitte"). */
const COMMAND_MAX_WORDS = 6;

/**
 * True when a short free-text answer is a plain command ("vergiss es", "von
 * vorn", "Hilfe bitte"): the classifier is sure enough and every word belongs
 * to that command. "stop the renewal" or "Verlängerung bitte stoppen" stay a
 * message, because they say more than "stop".
 */
export function plainCommand(text: string, understood: Understanding | undefined, recognizer: IntentRecognizer, minScore: number): boolean {
    if (understood === undefined || !PLAIN_COMMANDS.has(understood.intent) || understood.score < minScore) {
        return false;
    }
    const words = wordsOf(text);
    if (understood.intent === 'switch-language') {
        // "sorry, can you speak english", "geht das auch auf deutsch?": a language named with a few words of one's own.
        return words.length <= COMMAND_MAX_WORDS + LANGUAGE_OWN_WORDS && words.filter((word) => !recognizer.saysOnly(word, 'switch-language')).length <= LANGUAGE_OWN_WORDS;
    }
    return words.length <= COMMAND_MAX_WORDS && recognizer.saysOnly(text, understood.intent);
}

/** Words of a request for a language that need not be words of such requests ("sorry", "lieber", "from here"). */
const LANGUAGE_OWN_WORDS = 2;

/** True when a message is short enough to be a plain command or a closing; longer ones need not be classified for that. */
export function commandSized(text: string): boolean {
    return wordsOf(text).length <= COMMAND_MAX_WORDS;
}

/** What a closing says: goodbye, thanks, or both ("danke, tschüss", "thanks bye"). */
const CLOSING_INTENTS = ['goodbye', 'thanks'] as const;

/**
 * True when a message says nothing but goodbye or thanks ("danke, tschüss",
 * "thanks, bye!"): it closes the conversation and is never taken as the text
 * of an answer (a message to the billing contact, a reason).
 */
export function closingOnly(text: string, understood: Understanding | undefined, recognizer: IntentRecognizer, t: TFunction): boolean {
    // Words around a goodbye ("ach", "ok, das war's") say nothing more.
    const fillers = phraseList(t, 'common:closingFillers');
    const rest = wordsOf(text).filter((word) => !fillers.includes(word));
    return (
        understood !== undefined &&
        (CLOSING_INTENTS as readonly string[]).includes(understood.intent) &&
        wordsOf(text).length <= COMMAND_MAX_WORDS &&
        rest.length > 0 &&
        recognizer.saysOnly(rest.join(' '), CLOSING_INTENTS)
    );
}

/** True when a message says goodbye and nothing else ("tschüss", "ok thanks bye"); thanks alone ("danke") is no goodbye. */
export function goodbyeOnly(text: string, understood: Understanding | undefined, recognizer: IntentRecognizer, t: TFunction): boolean {
    return understood?.intent === 'goodbye' && closingOnly(text, understood, recognizer, t);
}

/** A first clause and the rest: "nein, keine Mail an Anna" | "ich will, dass …". */
const FIRST_CLAUSE = /^([^,;.!?–-]+)[,;.!?–-]+\s*(.+)$/su;

/**
 * The new request of a free-text answer that first declines ("nein, keine
 * Mail an Anna, ich will, dass der Kontakt auf mich geändert wird", "no don't
 * send that, how do I reset my portal password") or changes its mind ("forget
 * it, just email Sarah instead"): the words after the no, when
 * the classifier is sure they ask for one of the bot's tasks or topics. A
 * message that only starts with a no ("No invoice has arrived since May,
 * please check") asks for nothing new and stays the answer.
 */
export async function declinedForAnother(text: string, lang: Lang, t: TFunction, recognizer: IntentRecognizer): Promise<Understanding | undefined> {
    const parts = FIRST_CLAUSE.exec(text.trim());
    // "hmm actually forget it, just email Sarah instead …", "ach vergiss es, schreib lieber der Eva …": a change of mind declines too.
    if (!parts || (openingBoolean(parts[1], lang) !== false && !neverMindBefore([parts[1]], t))) {
        return undefined;
    }
    const rest = await understandText(recognizer, () => t, parts[2], lang);
    return isRequest(rest.intent) && rest.score >= UNDERSTANDING_POLICY.interrupt ? rest : undefined;
}

/** Words that may stand between two words of a "settled" phrase ("hat sich inzwischen erledigt"). */
const SETTLED_GAP = 2;

/** The longest message that may still say only that the matter is settled. */
const SETTLED_MAX_WORDS = 12;

/**
 * True when a message says that the person needs nothing more, and nothing
 * else ("hat sich erledigt, danke", "never mind, I figured it out", "ich muss
 * los, tschüss"): one of the phrases of `common:settled.phrases` (each word at
 * most {@link SETTLED_GAP} words after the one before; all of them the message holds), the other words
 * fillers (`common:closingFillers`, `common:settled.fillers`) or a goodbye or
 * thanks. "Hat sich erledigt, aber rufen Sie mich bitte an" asks for more.
 */
export function settledOnly(text: string, recognizer: IntentRecognizer, t: TFunction): boolean {
    const said = wordsOf(text);
    if (said.length === 0 || said.length > SETTLED_MAX_WORDS) {
        return false;
    }
    const { phrases, fillers } = settledVocabulary(t);
    const present = new Set(said);
    // "never mind, I don't want to wait anymore": every phrase the message holds is taken out, not only one.
    const used = new Set<number>();
    for (const phrase of phrases) {
        // A phrase whose words are not all in the message cannot stand in it: skip the search in order.
        if (phrase.every((word) => present.has(word))) {
            positionsOf(said, phrase)?.forEach((index) => used.add(index));
        }
    }
    if (used.size === 0) {
        return false;
    }
    const rest = said.filter((word, index) => !used.has(index) && !fillers.has(word));
    // "never mind, I found it. cancel": a cancel beside the settled matter says no more than it does.
    return rest.length === 0 || recognizer.saysOnly(rest.join(' '), SETTLED_BESIDE);
}

/** What may stand beside a settled matter and still ask for nothing: a goodbye, thanks, a cancel. */
const SETTLED_BESIDE: readonly Intent[] = [...CLOSING_INTENTS, 'cancel'];

/**
 * True when a person waiting for an agent says they no longer want to wait
 * ("ich will nicht mehr warten", "this is taking too long", "can I leave the
 * queue"): one of `escalate:stopWaiting` in a message of a few words, each
 * word of the phrase at most {@link SETTLED_GAP} words after the one before.
 */
export function stopsWaiting(text: string, t: TFunction): boolean {
    const said = wordsOf(text);
    return said.length > 0 && said.length <= SETTLED_MAX_WORDS && phraseWordList(t, 'escalate:stopWaiting').some((phrase) => positionsOf(said, phrase) !== undefined);
}

/** What "settled" is read with in one language: read from the locales once ({@link perLanguage}), not per message. */
interface SettledVocabulary {
    /** `common:settled.phrases`, each split into its words. */
    readonly phrases: ReadonlyArray<readonly string[]>;
    readonly fillers: ReadonlySet<string>;
}

const settledVocabulary = perLanguage(
    (t): SettledVocabulary => ({
        phrases: phraseWordList(t, 'common:settled.phrases'),
        fillers: new Set([...phraseList(t, 'common:closingFillers'), ...phraseList(t, 'common:settled.fillers')])
    })
);

/** The positions of the words of `phrase` in `said`, in order and each within the gap of the one before; undefined when it is not there. */
function positionsOf(said: readonly string[], phrase: readonly string[]): Set<number> | undefined {
    const from = (position: number, index: number): number[] | undefined => {
        if (index === phrase.length) {
            return [];
        }
        const last = index === 0 ? said.length - 1 : Math.min(said.length - 1, position + SETTLED_GAP);
        for (let at = position; at <= last; at++) {
            const rest = said[at] === phrase[index] ? from(at + 1, index + 1) : undefined;
            if (rest) {
                return [at, ...rest];
            }
        }
        return undefined;
    };
    const found = from(0, 0);
    return found ? new Set(found) : undefined;
}

/** The longest message that may still be a never-mind, a word of one's own and a goodbye ("actually never mind, I'll just call him. bye"). */
const LEAVING_MAX_WORDS = 16;

/** The clauses of a message, at , ; . ! ? and line breaks ("nah forget it, bye" → two). */
function clausesOf(text: string): string[] {
    return text
        .split(/[,;.!?\n]+/u)
        .map((part) => part.trim())
        .filter((part) => /[\p{L}\p{N}]/u.test(part));
}

/** What a message that ends on a goodbye said before it: the clauses before the goodbye, undefined when it ends on none. */
export async function beforeGoodbye(text: string, lang: Lang, recognizer: IntentRecognizer, t: TFunction): Promise<string[] | undefined> {
    const clauses = clausesOf(text);
    const last = clauses.at(-1);
    if (clauses.length < 2 || last === undefined || wordsOf(text).length > LEAVING_MAX_WORDS) {
        return undefined;
    }
    return goodbyeOnly(last, await recognizer.recognize(last, lang), recognizer, t) ? clauses.slice(0, -1) : undefined;
}

/**
 * True when the clauses before a goodbye begin with a never-mind ("nah forget it", "actually never mind, I'll just
 * call him", "ach, vergessen Sie es"): one of `common:neverMind` in the first clauses that say something. What follows
 * it, before the goodbye, is the person's own business and asks for nothing.
 */
export function neverMindBefore(clauses: readonly string[], t: TFunction): boolean {
    const fillers = phraseList(t, 'common:closingFillers');
    const neverMind = phraseList(t, 'common:neverMind');
    const openers = phraseList(t, 'common:openers.heard');
    // "ach, vergessen Sie es", "you know what, I'll do this later": a sound or an opener in front is no clause of its own.
    const saysSomething = (clause: string): boolean => {
        const own = wordsOf(clause).filter((word) => !fillers.includes(word));
        return own.length > 0 && !openers.includes(own.join(' '));
    };
    const first = clauses.findIndex((clause) => saysSomething(clause) || containsPhrase(clause, neverMind));
    return first >= 0 && containsPhrase(clauses[first], neverMind);
}

/**
 * True when `text` says nothing but a change of mind ("nah forget it", "nee doch nicht, lass mal", "ach, vergessen Sie es"):
 * one of `common:neverMind`, and besides it only the words of a no, sounds or fillers (`common:noWords`, `common:interjections`,
 * `common:closingFillers`).
 */
export function onlyNeverMind(text: string, t: TFunction): boolean {
    return onlyPhrasesOf(text, t, 'common:neverMind', ['common:closingFillers', 'common:noWords', 'common:interjections']);
}

/**
 * True when `text` declines with nothing more to ask ("nope im good", "nein danke, das wars", "nö passt schon, danke"): one of
 * `common:nothingMore`, and besides it only the words of a no, thanks, sounds or fillers. Whether it begins with a no is the caller's.
 */
export function onlyNothingMore(text: string, t: TFunction): boolean {
    return onlyPhrasesOf(text, t, 'common:nothingMore', ['common:closingFillers', 'common:noWords', 'common:interjections', 'common:yesNoFillers']);
}

/** True when `text` holds one of the phrases of `key`, and besides them only words of the lists `allowedKeys`. */
function onlyPhrasesOf(text: string, t: TFunction, key: string, allowedKeys: readonly string[]): boolean {
    const phrases = phraseList(t, key);
    if (!containsPhrase(text, phrases)) {
        return false;
    }
    let rest = ` ${phraseOf(text)} `;
    for (const phrase of [...phrases].sort((a, b) => b.length - a.length)) {
        rest = rest.split(` ${phraseOf(phrase)} `).join(' ');
    }
    const allowed = new Set(allowedKeys.flatMap((one) => phraseList(t, one).flatMap(wordsOf)));
    return wordsOf(rest).every((word) => allowed.has(word));
}

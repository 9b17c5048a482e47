import type { TFunction } from 'i18next';
import { beginsWith, phraseOf } from '../core/words';

const lists = new WeakMap<TFunction, Map<string, readonly string[]>>();

/**
 * A locale list of words or phrases (`common:yesWords`, a button's synonyms)
 * in the language of `t`, each as {@link phraseOf} gives it, so a typed
 * answer compares by its own `phraseOf`. Read and normalised once per
 * language and key: the lists are asked for on every turn with a prompt open.
 */
export function phraseList(t: TFunction, key: string): readonly string[] {
    let byKey = lists.get(t);
    if (!byKey) {
        byKey = new Map();
        lists.set(t, byKey);
    }
    let list = byKey.get(key);
    if (!list) {
        const raw = t(key, { returnObjects: true }) as unknown;
        list = Array.isArray(raw) ? raw.filter((item): item is string => typeof item === 'string').map(phraseOf).filter((phrase) => phrase !== '') : [];
        byKey.set(key, list);
    }
    return list;
}

/**
 * `build` run once per language (per `t`), lazily, for what a matcher reads
 * from the locales and does not depend on the message (phrases split into
 * words, word sets): built on first use, then shared by every turn.
 */
export function perLanguage<T>(build: (t: TFunction) => T): (t: TFunction) => T {
    const built = new WeakMap<TFunction, T>();
    return (t) => {
        let value = built.get(t);
        if (value === undefined) {
            value = build(t);
            built.set(t, value);
        }
        return value;
    };
}

const wordLists = perLanguage(() => new Map<string, ReadonlyArray<readonly string[]>>());

/** {@link phraseList} with each phrase split into its words ("nein danke" → ["nein", "danke"]), split once per language and key. */
export function phraseWordList(t: TFunction, key: string): ReadonlyArray<readonly string[]> {
    const byKey = wordLists(t);
    let list = byKey.get(key);
    if (!list) {
        list = phraseList(t, key).map((phrase) => phrase.split(' '));
        byKey.set(key, list);
    }
    return list;
}

/** True when the phrase `said` ({@link phraseOf} form) is or begins with a word that opens a question (`common:questionStarts`: "wo", "what", "how"). */
export function opensQuestion(said: string, t: TFunction): boolean {
    return phraseList(t, 'common:questionStarts').some((start) => said === start || beginsWith(said, start));
}

/** The sounds and pauses a message may begin with, longest first (`common:interjections`, `common:sideQuestion.heard.pauses`). */
const pauseList = perLanguage((t) => [...phraseList(t, 'common:interjections'), ...phraseList(t, 'common:sideQuestion.heard.pauses')].sort((a, b) => b.length - a.length));

/**
 * How many words at the start of `text` are sounds or pauses ("actually", "oh and",
 * "Moment", "übrigens"); never all of them: a message of pauses only keeps its last word.
 */
export function pausesAtStart(text: string, t: TFunction): number {
    const words = phraseOf(text).split(' ');
    const pauses = pauseList(t);
    let skipped = 0;
    for (let cut = true; cut; ) {
        const said = words.slice(skipped).join(' ');
        const pause = pauses.find((one) => beginsWith(said, one));
        cut = pause !== undefined;
        skipped += pause ? pause.split(' ').length : 0;
    }
    return skipped;
}

import type { TFunction } from 'i18next';
import { hasPhraseWords, wordsOf } from '../core/words';
import { perLanguage, phraseList, phraseWordList } from './phraseLists';

/** The slot of a `common:addressForm.heard.phrases` entry that stands for the name the person offers ("call me {nick}"). */
const NAME_SLOT = 'nick';

/** Words that may stand between two words of a phrase ("wir können uns gern duzen"). */
const MAX_GAP = 2;

/** The offer of a form of address in a message, and the rest of the message. */
export interface AddressFormOffer {
    /** The name the person asks to be called, as written ("Tom"), if they give one. */
    readonly name?: string;
    /** The message without the parts that make the offer (empty when it said nothing else). */
    readonly rest: string;
}

/**
 * Small talk about how to address the person ("du kannst mich duzen", "wir
 * können uns duzen", "you can call me Tom", "no need to be so formal"): the
 * parts of the message (split at sentence ends and commas) that hold one of
 * `common:addressForm.heard.phrases`, each word at most {@link MAX_GAP} words after
 * the one before, `{nick}` filled by a word that is no word of
 * `common:addressForm.heard.notNames` ("call me back") right after the word before
 * or after one of `common:addressForm.heard.nameLeads` ("call me just Tom"), or one of
 * the words of `common:addressForm.heard.words` ("duzen", "duz"). A part with an
 * address in it ("duz@firma.de") is an answer, never small talk.
 * Parts that only say "ok" or "hallo" (`common:closingFillers`,
 * `common:addressForm.heard.fillers`) go with it. Undefined when no part makes the
 * offer. A question in Du-form ("kannst du mir sagen, wer …") offers nothing.
 */
export function addressFormOffer(text: string, t: TFunction): AddressFormOffer | undefined {
    const { phrases, notNames, offerWords, leads, fillers } = offerVocabulary(t);
    // Each part with the marks that end it: a question stays a question.
    const parts = (text.match(/[^.!?;,\n]+[.!?;,\n]*/gu) ?? []).map((part) => part.trim()).filter((part) => /[\p{L}\p{N}]/u.test(part));
    let offered = false;
    let name: string | undefined;
    const rest: Array<{ readonly part: string; readonly said: readonly string[] }> = [];
    for (const part of parts) {
        const said = wordsOf(part);
        const found = part.includes('@') ? undefined : said.some((word) => offerWords.has(word)) ? {} : firstMatch(part, said, phrases, notNames, leads);
        if (found) {
            offered = true;
            name = name ?? found.name;
        } else {
            rest.push({ part, said });
        }
    }
    if (!offered) {
        return undefined;
    }
    const said = rest.filter((one) => !one.said.every((word) => fillers.has(word))).map((one) => one.part);
    return { name, rest: said.join(' ').replace(/[,;\s]+$/u, '') };
}

/** What the offer is read with in one language: read from the locales once ({@link perLanguage}), not per message. */
interface OfferVocabulary {
    /** `common:addressForm.heard.phrases`, each split into its words. */
    readonly phrases: ReadonlyArray<readonly string[]>;
    readonly notNames: ReadonlySet<string>;
    readonly offerWords: ReadonlySet<string>;
    readonly leads: ReadonlySet<string>;
    readonly fillers: ReadonlySet<string>;
}

const offerVocabulary = perLanguage(
    (t): OfferVocabulary => ({
        phrases: phraseWordList(t, 'common:addressForm.heard.phrases'),
        notNames: new Set(phraseList(t, 'common:addressForm.heard.notNames')),
        offerWords: new Set(phraseList(t, 'common:addressForm.heard.words')),
        leads: new Set(phraseList(t, 'common:addressForm.heard.nameLeads')),
        fillers: new Set([...phraseList(t, 'common:closingFillers'), ...phraseList(t, 'common:addressForm.heard.fillers')])
    })
);

/** The match of the first of `phrases` found in `part` (whose words are `said`): found, with the name its slot took. */
function firstMatch(
    part: string,
    said: readonly string[],
    phrases: ReadonlyArray<readonly string[]>,
    notNames: ReadonlySet<string>,
    leads: ReadonlySet<string>
): { name?: string } | undefined {
    // A phrase whose own words are not all in the part cannot stand in it: most are skipped without the search in order.
    const present = new Set(said);
    for (const phrase of phrases) {
        if (!hasPhraseWords(present, phrase, NAME_SLOT)) {
            continue;
        }
        const slot = matchAt(said, phrase, notNames, leads);
        if (slot !== undefined) {
            // The same words as written, for the name ("Tom", not "tom").
            const raw = slot >= 0 ? part.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0)[slot] : undefined;
            return { name: raw ? raw.charAt(0).toLocaleUpperCase() + raw.slice(1) : undefined };
        }
    }
    return undefined;
}

/** Where `phrase` stands in `said`: the index of the word its name slot took, -1 when it has none, undefined when it is not there. */
function matchAt(said: readonly string[], phrase: readonly string[], notNames: ReadonlySet<string>, leads: ReadonlySet<string>): number | undefined {
    const fits = (at: number, wanted: string): boolean => {
        const word = said[at];
        if (wanted === NAME_SLOT) {
            return /^\p{L}{2,}$/u.test(word) && !notNames.has(word);
        }
        return word === wanted;
    };
    const from = (position: number, index: number): number | undefined => {
        if (index === phrase.length) {
            return -1;
        }
        const last = index === 0 ? said.length - 1 : Math.min(said.length - 1, position + MAX_GAP);
        for (let at = position; at <= last; at++) {
            // The name follows at once, or after a word that leads up to it ("call me just Tom", "nenn mich einfach Tom").
            if (phrase[index] === NAME_SLOT && at > position && !leads.has(said[at - 1])) {
                break;
            }
            if (fits(at, phrase[index])) {
                const slot = from(at + 1, index + 1);
                if (slot !== undefined) {
                    return phrase[index] === NAME_SLOT ? at : slot;
                }
            }
        }
        return undefined;
    };
    return from(0, 0);
}

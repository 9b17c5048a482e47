import type { TFunction } from 'i18next';
import { folded, hasPhrase, phraseOf } from '../core/words';
import { findReferences } from './entities';
import { perLanguage, phraseList } from './phraseLists';

/** The word lists of `main:objectionWords`, with umlauts written out as in a message read without them ("aenderung"). */
const OBJECTION_LISTS = ['replaced', 'refuse', 'self', 'ownWish', 'notWanted', 'ownWishNext', 'dispute', 'change', 'request'] as const;
type ObjectionList = (typeof OBJECTION_LISTS)[number];

const objectionWords = perLanguage((t) => new Map<ObjectionList, readonly string[]>(OBJECTION_LISTS.map((key) => [key, phraseList(t, `main:objectionWords.${key}`).map(folded)])));

/**
 * "ich hab ne Mail bekommen, dass ich als Abrechnungskontakt ersetzt werden
 * soll … wie kann ich das stoppen?", "I'm being replaced as billing contact and
 * I never agreed": the person says they are being replaced and refuses it. By
 * words (`main:objectionWords`: being replaced, refusing, the person
 * themselves), as the classifier reads such a story as a change request. True
 * when all three are said. Not wanting someone else to do it ("I do not want Petra Klein to replace me",
 * "ich will nicht, dass Jonas mich ersetzt") refuses it too; one's own wish to give up the role ("I don't want to
 * be the billing contact anymore, replace me", "ich will nicht mehr Abrechnungskontakt sein": `ownWish`) does not.
 * A word that disputes a change ("dispute billing contact change", "Widerspruch gegen die Änderung": `dispute` and
 * `change`) is an objection by itself, and so is a refusal beside a request's reference ("I do NOT agree to BC-2026-000678")
 * or beside the request named by the person themselves ("stop the change request, I'm still here": `request`, `self`).
 */
export function objectsToReplacement(text: string, t: TFunction): boolean {
    const lists = objectionWords(t);
    const said = phraseOf(folded(text));
    const saidAny = (key: ObjectionList): boolean => saysAnyOf(said, lists, key);
    if (saidAny('ownWish')) {
        return false;
    }
    // "stop the change request please, I'm still the billing admin": a refusal of the request it names, by the person themselves.
    if ((saidAny('dispute') && saidAny('change')) || (saidAny('refuse') && (findReferences(text).length > 0 || (saidAny('request') && saidAny('self'))))) {
        return true;
    }
    return saidAny('replaced') && (saidAny('refuse') || notWantedFromAnother(said, lists)) && saidAny('self');
}

/**
 * "don't want Petra …", "ich will nicht, dass …": not wanting (`main:objectionWords.notWanted`) followed by
 * someone else, not by the person's own doing ("don't want to …", "will nicht mehr …": `ownWishNext`).
 */
function notWantedFromAnother(phrase: string, lists: ReadonlyMap<ObjectionList, readonly string[]>): boolean {
    const said = ` ${phrase} `;
    const ownNext = lists.get('ownWishNext') ?? [];
    return (lists.get('notWanted') ?? []).some((wanted) => {
        const at = said.indexOf(` ${wanted} `);
        const next = at < 0 ? '' : said.slice(at + wanted.length + 2).split(' ')[0];
        return next !== '' && !ownNext.includes(next);
    });
}

/**
 * "Ich habe eine Mail wegen BC-… bekommen. Ich bleibe Abrechnungskontakt, das ist ein Missverständnis! Bitte stoppen Sie das.":
 * beside a reference the request is named, so refusing it (`main:objectionWords.refuse`) is enough; a question about it
 * ("can I stop it?", "kann ich das stoppen?") is one too; the person's own wish to give up the role (`ownWish`) is none.
 */
export function refusesNamedRequest(text: string, t: TFunction): boolean {
    const said = phraseOf(folded(text));
    // "ich will nicht mehr Abrechnungskontakt sein, bitte mich ersetzen": the person's own wish to go refuses nothing.
    return saysAnyOf(said, objectionWords(t), 'refuse') && !saysAnyOf(said, objectionWords(t), 'ownWish');
}

/** True when the folded phrase `said` holds a phrase of the list `key` as whole words. */
function saysAnyOf(said: string, lists: ReadonlyMap<ObjectionList, readonly string[]>, key: ObjectionList): boolean {
    return (lists.get(key) ?? []).some((phrase) => hasPhrase(said, phrase));
}

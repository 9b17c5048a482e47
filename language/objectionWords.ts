import type { TFunction } from 'i18next';
import { containsPhrase, phraseOf } from '../core/words';
import { phraseList } from './phraseLists';

/**
 * "ich hab ne Mail bekommen, dass ich als Abrechnungskontakt ersetzt werden
 * soll … wie kann ich das stoppen?", "I'm being replaced as billing contact and
 * I never agreed": the person says they are being replaced and refuses it. By
 * words (`main:objectionWords`: being replaced, refusing, the person
 * themselves), as the classifier reads such a story as a change request. True
 * only when all three are said. Not wanting someone else to do it ("I do not want Petra Klein to replace me",
 * "ich will nicht, dass Jonas mich ersetzt") refuses it too; one's own wish to give up the role ("I don't want to
 * be the billing contact anymore, replace me", "ich will nicht mehr Abrechnungskontakt sein": `ownWish`) does not.
 */
export function objectsToReplacement(text: string, t: TFunction): boolean {
    const said = (key: string): boolean => containsPhrase(text, phraseList(t, `main:objectionWords.${key}`));
    if (said('ownWish')) {
        return false;
    }
    return said('replaced') && (said('refuse') || notWantedFromAnother(text, t)) && said('self');
}

/**
 * "don't want Petra …", "ich will nicht, dass …": not wanting (`main:objectionWords.notWanted`) followed by
 * someone else, not by the person's own doing ("don't want to …", "will nicht mehr …": `ownWishNext`).
 */
function notWantedFromAnother(text: string, t: TFunction): boolean {
    const said = ` ${phraseOf(text)} `;
    const ownNext = phraseList(t, 'main:objectionWords.ownWishNext');
    return phraseList(t, 'main:objectionWords.notWanted').some((phrase) => {
        const at = said.indexOf(` ${phrase} `);
        const next = at < 0 ? '' : said.slice(at + phrase.length + 2).split(' ')[0];
        return next !== '' && !ownNext.includes(next);
    });
}

/**
 * "Ich habe eine Mail wegen BC-… bekommen. Ich bleibe Abrechnungskontakt, das ist ein Missverständnis! Bitte stoppen Sie das.":
 * beside a reference the request is named, so refusing it (`main:objectionWords.refuse`) is enough; a question about it
 * ("can I stop it?", "kann ich das stoppen?") is one too.
 */
export function refusesNamedRequest(text: string, t: TFunction): boolean {
    return containsPhrase(text, phraseList(t, 'main:objectionWords.refuse'));
}

import type { TFunction } from 'i18next';
import { containsPhrase } from '../core/words';
import { phraseList } from './phraseLists';

/**
 * "ich hab ne Mail bekommen, dass ich als Abrechnungskontakt ersetzt werden
 * soll … wie kann ich das stoppen?", "I'm being replaced as billing contact and
 * I never agreed": the person says they are being replaced and refuses it. By
 * words (`main:objectionWords`: being replaced, refusing, the person
 * themselves), as the classifier reads such a story as a change request. True
 * only when all three are said.
 */
export function objectsToReplacement(text: string, t: TFunction): boolean {
    const said = (key: string): boolean => containsPhrase(text, phraseList(t, `main:objectionWords.${key}`));
    return said('replaced') && said('refuse') && said('self');
}

/**
 * "Ich habe eine Mail wegen BC-… bekommen. Ich bleibe Abrechnungskontakt, das ist ein Missverständnis! Bitte stoppen Sie das.":
 * beside a reference the request is named, so refusing it (`main:objectionWords.refuse`) is enough; a question about it
 * ("can I stop it?", "kann ich das stoppen?") is one too.
 */
export function refusesNamedRequest(text: string, t: TFunction): boolean {
    return containsPhrase(text, phraseList(t, 'main:objectionWords.refuse'));
}

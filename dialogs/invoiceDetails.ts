import type { TurnContext } from 'botbuilder';
import { containsPhrase, sentencesOf } from '../core/words';
import { findEmail } from '../language/entities';
import { phraseList } from '../language/phraseLists';
import { turnInfo } from '../turn/turn';

/**
 * True when a message is about what an invoice shows or where it is sent
 * ("auf meiner rechnung steht die falsche adresse", "can I get my invoice
 * sent to a different email", "the invoice shows the wrong company name"):
 * it names an invoice (`main:invoiceDetails.heard.invoiceWords`) and one of its
 * details (`…detailWords`: address, company name, VAT ID, email), or a
 * word that is both ("Rechnungsadresse", "billing address") or a detail only
 * an invoice has (`…invoiceOnlyDetails`: "USt-IdNr.", "PO number"), says it is
 * wrong, missing or should change or be added (`…changeWords`), and names no person
 * who should get the invoices (`…personWords`: the billing contact, a
 * colleague, someone else). Those details are not the billing contact: the
 * bot cannot change them, customer service can.
 */
export function asksAboutInvoiceDetails(context: TurnContext, text: string): boolean {
    const { t, lang } = turnInfo(context);
    // "meine Adresse ist buchhaltung@…", "my email is …": a sentence giving the person's own address names no detail of an invoice.
    const ownAddress = (sentence: string): boolean =>
        containsPhrase(sentence, phraseList(t, 'main:invoiceDetails.heard.ownAddress')) && !containsPhrase(sentence, phraseList(t, 'main:invoiceDetails.heard.invoiceWords')) && findEmail(sentence, lang) !== undefined;
    const about = sentencesOf(text).filter((sentence) => !ownAddress(sentence)).join(' ');
    const has = (key: string): boolean => containsPhrase(about, phraseList(t, `main:invoiceDetails.heard.${key}`));
    if (has('personWords')) {
        return false;
    }
    return has('changeWords') && (has('compounds') || has('invoiceOnlyDetails') || (has('invoiceWords') && has('detailWords')));
}

import type { TurnContext } from 'botbuilder';
import { containsPhrase } from '../core/words';
import { phraseList } from '../language/phraseLists';
import { turnInfo } from '../turn/turn';

/**
 * True when a message is about what an invoice shows or where it is sent
 * ("auf meiner rechnung steht die falsche adresse", "can I get my invoice
 * sent to a different email", "the invoice shows the wrong company name"):
 * it names an invoice (`main:invoiceDetails.heard.invoiceWords`) and one of its
 * details (`…detailWords`: address, company name, VAT ID, email), or a
 * word that is both ("Rechnungsadresse", "billing address"), says it is
 * wrong or should change (`…changeWords`), and names no person
 * who should get the invoices (`…personWords`: the billing contact, a
 * colleague, someone else). Those details are not the billing contact: the
 * bot cannot change them, customer service can.
 */
export function asksAboutInvoiceDetails(context: TurnContext, text: string): boolean {
    const { t } = turnInfo(context);
    const has = (key: string): boolean => containsPhrase(text, phraseList(t, `main:invoiceDetails.heard.${key}`));
    if (has('personWords')) {
        return false;
    }
    return has('changeWords') && (has('compounds') || (has('invoiceWords') && has('detailWords')));
}

import * as assert from 'assert';
import { useDirectLineChats, verifiedChat } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { EVA, JONAS } from '../../helpers/demoPeople';
import type { Lang } from '../../../core/language';

/** The article's "Add licenses" paragraph for an admin who is no billing contact: for one billing contact, and for several. */
const PARAGRAPH: Readonly<Record<Lang, { readonly one: RegExp; readonly several: RegExp }>> = {
    en: { one: /look the billing contact up yourself.*it shows their name and email address\./, several: /look the billing contacts up yourself.*it shows their names and email addresses\./ },
    de: { one: /Den Abrechnungskontakt können Sie auch selbst nachsehen.*Name und E-Mail-Adresse des Abrechnungskontakts angezeigt\./, several: /Die Abrechnungskontakte können Sie auch selbst nachsehen.*ihre Namen und E-Mail-Adressen angezeigt\./ }
};

/**
 * An admin who is no billing contact hears where to look the billing contact
 * up: of Müller Design (one billing contact) in the singular, of Bergmann &
 * Söhne (two) in the plural. Through botframework-directlinejs against the started server.
 */
describe('Where an admin looks the billing contacts up, in their number (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const lang of ['en', 'de'] as const) {
        it(`[${lang}] one billing contact in the singular, two in the plural`, async () => {
            const one = await verifiedChat(chats, lang, JONAS, PHRASES[lang].offerEmail);
            const several = await verifiedChat(chats, lang, EVA, PHRASES[lang].offerEmail);
            const paragraph = (chat: typeof one): string => chat.texts().find((text) => /Admin Center/.test(text)) ?? '';
            assert.match(paragraph(one), PARAGRAPH[lang].one);
            assert.match(paragraph(several), PARAGRAPH[lang].several);
        });
    }
});

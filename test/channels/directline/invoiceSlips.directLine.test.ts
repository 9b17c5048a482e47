import * as assert from 'assert';
import { botTextsSince, useDirectLineChats } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';
import type { Lang } from '../../../core/language';

/** A question about past invoices with "invoice" / "Rechnung" mistyped, and where the bot's answer says they are found. */
const QUESTIONS: Readonly<Record<Lang, { readonly text: string; readonly answer: RegExp }>> = {
    en: { text: 'where is my last invoce', answer: /finds past invoices under "Go to Billing"/ },
    de: { text: 'wo ist meine letzte rechnug', answer: /findet frühere Rechnungen unter „Zur Abrechnung“/ }
};

/**
 * "invoce", "rechnug": slips the training phrases make on purpose were known
 * words to the typo mender, so a question about the last invoice with one of
 * them was read from its other words — as "who is our billing contact" (the
 * address question) or a change request's status. Now it is answered where
 * past invoices are, as with the word spelled right. Through
 * botframework-directlinejs against the started server.
 */
describe('A mistyped word for the invoice in a question about past invoices (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const lang of ['en', 'de'] as const) {
        it(`[${lang}] "${QUESTIONS[lang].text}" says where past invoices are found`, async () => {
            const chat = await chats.chatOn(lang);
            const from = chat.all.length;
            await chat.say(QUESTIONS[lang].text, localeOf(lang));
            await chat.botSays(QUESTIONS[lang].answer);
            const said = botTextsSince(chat, from);
            assert.doesNotMatch(said, PHRASES[lang].askEmail, said);
        });
    }
});

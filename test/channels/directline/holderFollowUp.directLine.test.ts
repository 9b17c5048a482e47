import * as assert from 'assert';
import { botSaysAfter, botTextsSince, useDirectLineChats, verifiedChat } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';
import { EVA } from '../../helpers/demoPeople';
import type { Lang } from '../../../core/language';

const ROWS: Readonly<Record<Lang, { readonly followUp: string; readonly answer: RegExp; readonly byFirstName: string; readonly firstNameAnswer: RegExp }>> = {
    en: {
        followUp: 'and Klaus Bergmann?',
        answer: /Yes, Klaus Bergmann is a billing contact of Bergmann & Söhne AG\./,
        byFirstName: 'what about Maria?',
        firstNameAnswer: /Yes, Maria Bergmann is a billing contact of Bergmann & Söhne AG\./
    },
    de: {
        followUp: 'Und Klaus Bergmann?',
        answer: /Ja, Klaus Bergmann ist Abrechnungskontakt von Bergmann & Söhne AG\./,
        byFirstName: 'und was ist mit Maria?',
        firstNameAnswer: /Ja, Maria Bergmann ist Abrechnungskontakt von Bergmann & Söhne AG\./
    }
};

/**
 * Right after the answer who the billing contact is, "Und Klaus Bergmann?" / "what about Maria?" asks the same about
 * that member of the account: the bot says whether they are a billing contact. Before, the German one got "I can't
 * answer that here" and the English one was not understood. Through botframework-directlinejs against the started
 * server, as Eva Schulz (admin of Bergmann & Söhne, no billing contact).
 */
describe('"Und Klaus Bergmann?" after the answer who the billing contact is (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const lang of ['en', 'de'] as const) {
        const row = ROWS[lang];
        it(`[${lang}] "${row.followUp}", then "${row.byFirstName}"`, async () => {
            const chat = await verifiedChat(chats, lang, EVA, PHRASES[lang].offerEmail);
            let from = chat.all.length;
            await chat.say(row.followUp, localeOf(lang));
            await botSaysAfter(chat, from, row.answer);
            from = chat.all.length;
            await chat.say(row.byFirstName, localeOf(lang));
            await botSaysAfter(chat, from, row.firstNameAnswer);
            assert.doesNotMatch(botTextsSince(chat, from), PHRASES[lang].notUnderstood);
        });
    }
});

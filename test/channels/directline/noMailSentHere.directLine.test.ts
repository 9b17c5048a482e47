import * as assert from 'assert';
import { botSaysAfter, botTextsSince, useDirectLineChats } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';
import type { Lang } from '../../../core/language';

const WORDS: Readonly<Record<Lang, { readonly missing: string; readonly said: RegExp; readonly objection: string; readonly objectionAsked: RegExp }>> = {
    en: {
        missing: 'hey, I never got the email with the code',
        said: /I haven't sent you any email in this conversation yet\. Waiting for a code from an earlier chat with me\?/,
        objection: 'I never agreed to be replaced as billing contact',
        objectionAsked: /Before I record an objection/
    },
    de: {
        missing: 'Ich habe die E-Mail mit dem Code nie bekommen',
        said: /In diesem Gespräch habe ich Ihnen noch keine E-Mail geschickt\. Warten Sie auf einen Code aus einem früheren Gespräch mit mir\?/,
        objection: 'Ich habe nie zugestimmt, als Abrechnungskontakt ersetzt zu werden',
        objectionAsked: /Bevor ich einen Widerspruch festhalte/
    }
};

/**
 * "I never got the email with the code" as the first words of a chat opened
 * anew: this conversation sent nothing, so the bot says so and how to get a
 * new code, then its menu (before: read as an objection to a change request,
 * which asked to verify the person as a billing contact). An objection in
 * words stays one. Through botframework-directlinejs against the started server.
 */
describe('A missing mail named where this conversation sent none (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const lang of ['en', 'de'] as const) {
        const w = WORDS[lang];

        it(`[${lang}] "${w.missing}": nothing sent here, how to get a new code, then the menu`, async () => {
            const chat = await chats.chatOn(lang);
            const from = chat.all.length;
            await chat.say(w.missing, localeOf(lang));
            await botSaysAfter(chat, from, PHRASES[lang].menu);
            assert.match(botTextsSince(chat, from), w.said);
            assert.doesNotMatch(botTextsSince(chat, from), w.objectionAsked);
        });

        it(`[${lang}] "${w.objection}" stays an objection`, async () => {
            const chat = await chats.chatOn(lang);
            const from = chat.all.length;
            await chat.say(w.objection, localeOf(lang));
            await botSaysAfter(chat, from, w.objectionAsked);
        });
    }
});

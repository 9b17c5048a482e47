import * as assert from 'assert';
import { botSaysAfter, botTextsSince, useDirectLineChats } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';
import { JONAS, TOM } from '../../helpers/demoPeople';
import type { Lang } from '../../../core/language';

interface Words {
    readonly atEmail: string;
    readonly onceEmailConfirmed: RegExp;
    readonly atCode: string;
    readonly onceCodeTyped: RegExp;
    readonly notHere: RegExp;
}

const WORDS: Readonly<Record<Lang, Words>> = {
    en: {
        atEmail: 'hang on, who is our billing contact then?',
        onceEmailConfirmed: /I'll tell you as soon as I've confirmed your email address/,
        atCode: 'no thanks. but who is the billing contact?',
        onceCodeTyped: /I'll tell you as soon as you've typed the code from the email/,
        notHere: /can't answer that question here/
    },
    de: {
        atEmail: 'moment, wer ist denn jetzt unser abrechnungskontakt?',
        onceEmailConfirmed: /Das sage ich Ihnen, sobald ich Ihre E-Mail-Adresse bestätigt habe/,
        atCode: 'nein danke. aber wer ist denn der abrechnungskontakt?',
        onceCodeTyped: /Das sage ich Ihnen, sobald Sie den Code aus der E-Mail eingegeben haben/,
        notHere: /an dieser Stelle leider nicht beantworten/
    }
};

/** The answer who is, once verified: the billing contact of each asker's account. */
const ANSWER: Readonly<Record<string, RegExp>> = {
    [TOM]: /Peter Brooks \(peter\.brooks@northwind\.example\)/,
    [JONAS]: /Anna Müller \(anna\.mueller@mueller-design\.example\)/
};

/**
 * "But who is the billing contact?" while the bot asks for the address or the
 * code it verifies the person with: the question is what the verification is
 * for, so the bot says it will answer once verified (before: "I can't answer
 * that question here", and a person offered), asks its question again, and
 * answers after the code. Through botframework-directlinejs against the started server.
 */
describe('The billing role asked about during the verification (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const lang of ['en', 'de'] as const) {
        const w = WORDS[lang];
        const p = PHRASES[lang];
        const asker = lang === 'en' ? TOM : JONAS;

        it(`[${lang}] "${w.atEmail}" at the address, "${w.atCode}" at the code: answered once verified`, async () => {
            const chat = await chats.chatOn(lang);
            await chat.say(p.whoIs, localeOf(lang));
            await chat.botSays(p.askEmail);

            let from = chat.all.length;
            await chat.say(w.atEmail, localeOf(lang));
            await botSaysAfter(chat, from, p.askEmail);
            assert.match(botTextsSince(chat, from), w.onceEmailConfirmed);
            assert.doesNotMatch(botTextsSince(chat, from), w.notHere);

            await chat.say(asker, localeOf(lang));
            await chat.botSays(p.codeSent);
            from = chat.all.length;
            await chat.say(w.atCode, localeOf(lang));
            await botSaysAfter(chat, from, w.onceCodeTyped);
            assert.doesNotMatch(botTextsSince(chat, from), w.notHere);

            from = chat.all.length;
            await chat.say(await chats.running().latestCode(asker), localeOf(lang));
            await botSaysAfter(chat, from, ANSWER[asker]);
        });
    }
});

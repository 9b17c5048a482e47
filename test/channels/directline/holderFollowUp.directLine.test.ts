import * as assert from 'assert';
import { botSaysAfter, botTextsSince, useDirectLineChats, verifiedChat } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';
import { EVA, TOM } from '../../helpers/demoPeople';
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

const AFTER_ANSWER: Readonly<Record<Lang, {
    readonly otherOne: string;
    readonly otherAnswer: RegExp;
    readonly selfOne: string;
    readonly amI: string;
    readonly notYou: RegExp;
    readonly whoAgain: string;
    readonly again: RegExp;
    readonly cannotAnswer: RegExp;
}>> = {
    en: {
        otherOne: 'is Maria one too?',
        otherAnswer: /Yes, Maria Bergmann is a billing contact of Bergmann & Söhne AG\./,
        selfOne: 'is Eva Schulz one too?',
        amI: 'wait, am I a billing contact?',
        notYou: /As I said above: you are not a billing contact of Bergmann & Söhne AG; its billing administrators are Klaus Bergmann/,
        whoAgain: 'sorry, who was that again?',
        again: /As I said above: the billing administrators of Bergmann & Söhne AG are Klaus Bergmann/,
        cannotAnswer: /can't answer that/
    },
    de: {
        otherOne: 'ist Maria auch eine?',
        otherAnswer: /Ja, Maria Bergmann ist Abrechnungskontakt von Bergmann & Söhne AG\./,
        selfOne: 'Ist Eva Schulz auch einer?',
        amI: 'Moment, bin ich ein Abrechnungskontakt?',
        notYou: /Wie oben gesagt: Nicht Sie, sondern Klaus Bergmann .* und Maria Bergmann .* sind die Abrechnungsadministratoren von Bergmann & Söhne AG\./,
        whoAgain: 'wer war das nochmal?',
        again: /Wie oben gesagt: Die Abrechnungsadministratoren von Bergmann & Söhne AG sind Klaus Bergmann/,
        cannotAnswer: /nicht beantworten/
    }
};

/**
 * After the answer who the billing contact is, the questions people ask about it in few words: "is Maria one too?"
 * (the role said as "one"), the same about oneself, "am I a billing contact?" at the offer, and "who was that again?".
 * Each gets its answer and the offer again. Before, the first two got "I can't answer that here" or only the names
 * again, the third "I can't answer that question here", the fourth was read as thanks or not understood.
 */
describe('Short questions about the answer who the billing contact is (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const lang of ['en', 'de'] as const) {
        const row = AFTER_ANSWER[lang];
        it(`[${lang}] "${row.otherOne}", "${row.selfOne}", "${row.amI}", "${row.whoAgain}"`, async () => {
            const chat = await verifiedChat(chats, lang, EVA, PHRASES[lang].offerEmail);
            const ask = async (text: string, expected: RegExp): Promise<void> => {
                const from = chat.all.length;
                await chat.say(text, localeOf(lang));
                await botSaysAfter(chat, from, expected);
                await botSaysAfter(chat, from, PHRASES[lang].offerEmail);
                const said = botTextsSince(chat, from);
                assert.doesNotMatch(said, row.cannotAnswer);
                assert.doesNotMatch(said, PHRASES[lang].notUnderstood);
            };
            await ask(row.otherOne, row.otherAnswer);
            await ask(row.selfOne, row.notYou);
            await ask(row.amI, row.notYou);
            await ask(row.whoAgain, row.again);
        });
    }

    it('[en] a member who is no billing contact, asked about in a whole question at the offer, is said to be none', async () => {
        const chat = await verifiedChat(chats, 'en', TOM, PHRASES.en.offerEmail);
        const from = chat.all.length;
        await chat.say('Is Sarah Lee also a billing contact?', localeOf('en'));
        await botSaysAfter(chat, from, /No, Sarah Lee is not a billing contact of Northwind Traders Ltd\./);
        await botSaysAfter(chat, from, PHRASES.en.offerEmail);
    });
});

import * as assert from 'assert';
import { botTextsSince, useDirectLineChats } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';
import { JONAS, SARAH } from '../../helpers/demoPeople';
import type { Lang } from '../../../core/language';

/** A first message with a slip of typing in the word that says what is asked, and the bot's answer once Jonas Weber is verified. */
const FIRST_WORDS: Readonly<Record<Lang, { readonly text: string; readonly answer: RegExp }>> = {
    en: { text: 'hi am i the billing contct for our company', answer: PHRASES.en.caseB },
    de: { text: 'Abrechnungskontakt ändenr bitte', answer: /Wer soll Abrechnungskontakt von Müller Design GmbH werden\?/ }
};

/**
 * "contct", "ändenr": a slip of typing in the one word that tells what is
 * asked still gets what was asked — the address question, then the answer —
 * not the menu again or "that is outside what I can do". Through
 * botframework-directlinejs against the started server, as Web Chat sends it.
 */
describe('Slips of typing in the first message (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const lang of ['en', 'de'] as const) {
        it(`[${lang}] "${FIRST_WORDS[lang].text}" is asked for the address, and answered after the code`, async () => {
            const chat = await chats.chatOn(lang);
            const p = PHRASES[lang];
            const from = chat.all.length;
            await chat.say(FIRST_WORDS[lang].text, localeOf(lang));
            await chat.botSays(p.askEmail);
            const between = botTextsSince(chat, from);
            assert.doesNotMatch(between, p.menu, `no menu before the address question:\n${between}`);
            await chat.say(JONAS, localeOf(lang));
            await chat.botSays(p.codeSent);
            await chat.say(await chats.running().latestCode(JONAS), localeOf(lang));
            await chat.botSays(FIRST_WORDS[lang].answer);
        });
    }
});

/**
 * The role's own word mistyped in a request to change it ("billng", "biling"): Sarah Lee (admin of Northwind
 * Traders) is asked why Tom Hughes should become the billing contact, not what to tell Peter Brooks, nor a request's
 * status. Before, the reading as written, blind to the mistyped word, won with "score 1" for a mail or a status.
 */
describe('A slip of typing in the role of a change request (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const text of ['hey can u make tom hughes our billng contact pls', 'please make tom our biling contact']) {
        it(`[en] "${text}" asks why Tom Hughes should become the billing contact`, async () => {
            const chat = await chats.chatOn('en');
            const from = chat.all.length;
            await chat.say(text, localeOf('en'));
            await chat.botSays(PHRASES.en.askEmail);
            await chat.say(SARAH, localeOf('en'));
            await chat.botSays(PHRASES.en.codeSent);
            await chat.say(await chats.running().latestCode(SARAH), localeOf('en'));
            await chat.botSays(/Why should Tom Hughes become the billing contact\?/);
            const said = botTextsSince(chat, from);
            assert.doesNotMatch(said, /What would you like me to tell|Which request/, said);
        });
    }
});

import * as assert from 'assert';
import { botTextsSince, useDirectLineChats } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';
import { EVA, TOM } from '../../helpers/demoPeople';
import type { Lang } from '../../../core/language';

interface Case {
    readonly asker: string;
    readonly question: string;
    /** The sentence about the person asked, first after the verification. */
    readonly said: RegExp;
    /** The answer who is, after it. */
    readonly answer: RegExp;
}

/** Whether another member holds the role, asked in the first message, by a member who is none: one who is not, one who is. */
const CASES: Readonly<Record<Lang, readonly Case[]>> = {
    en: [
        { asker: TOM, question: 'Is Sarah also a billing contact?', said: /^No, Sarah Lee is not a billing contact of Northwind Traders Ltd\.$/, answer: /Your billing administrator is Peter Brooks/ },
        { asker: TOM, question: 'is peter a billing contact too', said: /^Yes, Peter Brooks is a billing contact of Northwind Traders Ltd\.$/, answer: /Your billing administrator is Peter Brooks/ }
    ],
    de: [
        { asker: EVA, question: 'Ist Maria auch Abrechnungskontakt?', said: /^Ja, Maria Bergmann ist Abrechnungskontakt von Bergmann & Söhne AG\.$/, answer: /Ihre Abrechnungsadministratoren sind Klaus Bergmann/ },
        { asker: EVA, question: 'ist jonas weber auch abrechnungskontakt?', said: /^$/, answer: /Ihre Abrechnungsadministratoren sind Klaus Bergmann/ }
    ]
};

/**
 * "Is Sarah also a billing contact?": asked whether a person holds the role,
 * the bot verifies the person asking and says whether the member named is a
 * billing contact of the account, then who is (before, it took the question
 * for a request to make Sarah one). A name that is no member of the account
 * gets no such sentence, only the answer who is.
 * Through botframework-directlinejs against the started server.
 */
describe('Whether a named person is a billing contact (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const lang of ['en', 'de'] as const) {
        for (const c of CASES[lang]) {
            it(`[${lang}] "${c.question}"`, async () => {
                const p = PHRASES[lang];
                const chat = await chats.chatOn(lang);
                await chat.say(c.question, localeOf(lang));
                await chat.botSays(p.askEmail);
                await chat.say(c.asker, localeOf(lang));
                await chat.botSays(p.codeSent);
                const from = chat.all.length;
                await chat.say(await chats.running().latestCode(c.asker), localeOf(lang));
                await chat.botSays(c.answer);
                const after = botTextsSince(chat, from).split('\n');
                // The code echoed, "thank you, you're verified", then the sentence about the person asked (or none), then the answer.
                const verified = after.findIndex((line) => p.verified.test(line));
                assert.ok(verified >= 0, `verified:\n${after.join('\n')}`);
                const next = after[verified + 1] ?? '';
                if (c.said.source === '^$') {
                    assert.match(next, c.answer, `no sentence about a person who is no member:\n${after.join('\n')}`);
                } else {
                    assert.match(next, c.said, `the person asked about, right after the verification:\n${after.join('\n')}`);
                }
            });
        }
    }
});

import * as assert from 'assert';
import { botTextsSince, useDirectLineChats } from '../../helpers/directLineChats';
import { localeOf } from '../../helpers/script';
import type { Lang } from '../../../core/language';

interface Words {
    /** A request for a person with one word mistyped, and nothing else in it. */
    readonly asked: string;
    /** The question what it is about (nobody signed in: without "I'll put you through"). */
    readonly whatAbout: RegExp;
    readonly callbackOffer: RegExp;
}

const WORDS: Readonly<Record<Lang, Words>> = {
    en: { asked: 'can i talk to a real persn pls', whatAbout: /In one line, what is it about\?/, callbackOffer: /Shall customer service get back to you by email\?/ },
    de: { asked: 'kann ich bitte mit nem echten menchen reden', whatAbout: /Worum geht es\? Beschreiben Sie Ihr Anliegen bitte in einem Satz/, callbackOffer: /Soll sich der Kundendienst per E-Mail bei Ihnen melden\?/ }
};

/**
 * "can i talk to a real persn pls": the mistyped word was taken for the
 * person's matter, so the bot skipped asking what it is about and offered a
 * callback whose note was the request itself. One word beside the request
 * that the bot knows in neither language is a slip, not a matter: the bot
 * asks what it is about, and the answer is the callback's note. Through
 * botframework-directlinejs against the started server, no agent signed in.
 */
describe('A request for a person with a slip of typing (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const lang of ['en', 'de'] as const) {
        it(`[${lang}] "${WORDS[lang].asked}" is asked what it is about before the callback is offered`, async () => {
            const chat = await chats.chatOn(lang);
            const w = WORDS[lang];
            const from = chat.all.length;
            await chat.say(w.asked, localeOf(lang));
            await chat.botSays(w.whatAbout);
            const said = botTextsSince(chat, from);
            assert.doesNotMatch(said, w.callbackOffer, said);
            await chat.say(lang === 'en' ? 'my invoice shows the wrong company name' : 'auf meiner Rechnung steht der falsche Firmenname', localeOf(lang));
            await chat.botSays(w.callbackOffer);
        });
    }
});

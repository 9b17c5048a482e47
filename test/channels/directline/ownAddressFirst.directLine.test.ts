import * as assert from 'assert';
import { botSaysAfter, botTextsSince, useDirectLineChats } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';
import { LEA, TOM } from '../../helpers/demoPeople';
import type { Lang } from '../../../core/language';

/**
 * A first message that begins with the person's own address and goes on with the request ("Hi, I'm tom.hughes@… -
 * please email our billing admin that we need five more licenses …") asks what follows the address: after the code,
 * the mail with that text is shown, ready to send. Before, "I'm …" was read as "am I …?" (the role answer, the offer
 * to email, and the message asked for again), and "ich bin …, bitte Anna mailen, dass wir zwei weitere Lizenzen brauchen"
 * as the plan topic. Through botframework-directlinejs against the started server.
 */
describe('The own address first, then the request (Direct Line)', () => {
    const chats = useDirectLineChats();

    const rows: ReadonlyArray<{ lang: Lang; email: string; say: string; message: RegExp }> = [
        { lang: 'en', email: TOM, say: `Hi, I'm ${TOM} - please email our billing admin that we need five more licenses for the sales team`, message: /We need five more licenses for the sales team/ },
        { lang: 'de', email: LEA, say: `ich bin ${LEA}, bitte Anna mailen, dass wir zwei weitere Lizenzen brauchen`, message: /Wir brauchen zwei weitere Lizenzen/ }
    ];
    for (const row of rows) {
        it(`[${row.lang}] "${row.say.slice(0, 60)}…" shows the mail after the code`, async () => {
            const chat = await chats.chatOn(row.lang);
            await chat.say(row.say, localeOf(row.lang));
            await chat.botSays(PHRASES[row.lang].codeSent);
            const from = chat.all.length;
            await chat.say(await chats.running().latestCode(row.email), localeOf(row.lang));
            await botSaysAfter(chat, from, PHRASES[row.lang].confirm);
            const said = botTextsSince(chat, from);
            assert.match(said, row.message);
            assert.doesNotMatch(said, PHRASES[row.lang].askMessage);
        });
    }
});

import * as assert from 'assert';
import type { Message } from 'botframework-directlinejs';
import type { ReceivedActivities } from '../../helpers/directLineNode';
import { botTextsSince, useDirectLineChats } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';
import { JONAS } from '../../helpers/demoPeople';
import type { Lang } from '../../../core/language';

/** What a person writes in each language: a whole sentence, then answers that tell no language. */
const WRITES = {
    de: { whoIs: 'Können Sie mir bitte sagen, wer bei uns der Abrechnungskontakt ist?', yes: 'ok', message: 'Bitte nehmen Sie mich in den Enterprise-Tarif auf.' },
    en: { whoIs: 'Could you tell me who the billing contact for our account is?', yes: 'ja', message: 'Please add me to the Enterprise plan.' }
} as const;

/**
 * The page's locale says one language, the person plainly writes the other:
 * the bot answers in the language the person writes, and stays in it at
 * answers that tell no language (an email address, a code, "ok", "ja").
 * Through botframework-directlinejs against the started server, every
 * message carrying the page's locale as Web Chat sends it.
 */
describe('The language the person writes, on the other language\'s page (Direct Line)', () => {
    const chats = useDirectLineChats();
    const chatOn = (page: Lang): Promise<ReceivedActivities> => chats.chatOn(page);

    for (const [page, writes] of [['en', 'de'], ['de', 'en']] as const) {
        it(`[${page} page] a whole ${writes === 'de' ? 'German' : 'English'} sentence is answered in that language, which stays at an address, a code and "${WRITES[writes].yes}"`, async () => {
            const chat = await chatOn(page);
            const w = WRITES[writes];
            const p = PHRASES[writes];
            const pageLocale = localeOf(page);
            const from = chat.all.length;
            await chat.say(w.whoIs, pageLocale);
            await chat.botSays(p.askEmail);
            await chat.say(JONAS, pageLocale);
            await chat.botSays(p.codeSent);
            await chat.say(await chats.running().latestCode(JONAS), pageLocale);
            await chat.botSays(p.offerEmail);
            await chat.say(w.yes, pageLocale);
            await chat.botSays(p.askMessage);
            await chat.say(w.message, pageLocale);
            await chat.botSays(p.confirm);
            const said = botTextsSince(chat, from);
            const other = PHRASES[page];
            for (const pattern of [other.askEmail, other.codeSent, other.verified, other.offerEmail, other.askMessage, other.confirm]) {
                assert.doesNotMatch(said, pattern, `nothing in the page's language:\n${said}`);
            }
            const replies = chat.all.slice(from).filter((a) => a.type === 'message' && a.from.role === 'bot');
            assert.ok(replies.every((a) => ((a as Message).locale ?? '').startsWith(writes)), `every reply carries the written language's locale: ${replies.map((a) => (a as Message).locale).join(', ')}`);
        });

        it(`[${page} page] short answers and names in the other language do not switch: "${WRITES[writes].yes}", a name, an address`, async () => {
            const chat = await chatOn(page);
            const p = PHRASES[page];
            const pageLocale = localeOf(page);
            await chat.say(p.whoIs, pageLocale);
            await chat.botSays(p.askEmail);
            await chat.say(JONAS, pageLocale);
            await chat.botSays(p.codeSent);
            await chat.say(await chats.running().latestCode(JONAS), pageLocale);
            await chat.botSays(p.offerEmail);
            const from = chat.all.length;
            await chat.say(WRITES[writes].yes, pageLocale);
            await chat.botSays(p.askMessage);
            await chat.say('Lea Fischer', pageLocale);
            await chat.botSays(p.confirm);
            const said = botTextsSince(chat, from);
            assert.doesNotMatch(said, PHRASES[writes].askMessage, said);
            assert.doesNotMatch(said, PHRASES[writes].confirm, said);
        });
    }
});

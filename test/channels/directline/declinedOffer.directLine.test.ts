import * as assert from 'assert';
import { botTextsSince, useDirectLineChats } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';
import { CHRIS, JONAS } from '../../helpers/demoPeople';
import type { Lang } from '../../../core/language';

type Chats = ReturnType<typeof useDirectLineChats>;
type Chat = Awaited<ReturnType<Chats['chatOn']>>;

/** A chat in `lang` where `email` asked who the billing contact is and typed the code; waits for `then`. */
async function verified(chats: Chats, lang: Lang, email: string, then: RegExp): Promise<Chat> {
    const chat = await chats.chatOn(lang);
    const p = PHRASES[lang];
    await chat.say(p.whoIs, localeOf(lang));
    await chat.botSays(p.askEmail);
    await chat.say(email, localeOf(lang));
    await chat.botSays(p.codeSent);
    await chat.say(await chats.running().latestCode(email), localeOf(lang));
    await chat.botSays(then);
    return chat;
}

/** A no to the offer to email the billing contact, and in the same message the question who it is, with a slip of typing in German. */
const DECLINED_AND_ASKED: Readonly<Record<Lang, string>> = {
    en: 'no thanks. but who is the billing contact there right now?',
    de: 'nein, doch nicht. wer ist eigentlich im moment zustendig?'
};

/** A no to the offer, and a question the bot cannot answer; what it says to that. */
const DECLINED_AND_UNANSWERABLE: Readonly<Record<Lang, { readonly text: string; readonly said: RegExp }>> = {
    en: { text: "no, but can you tell me what anna's phone number is?", said: /I'm afraid I can't answer that question here/ },
    de: { text: 'Nein danke. Erfährt Frau Müller, dass ich hier nachgefragt habe?', said: /Diese Frage kann ich Ihnen an dieser Stelle leider nicht beantworten/ }
};

/**
 * "nein, doch nicht. wer ist … zuständig?" at the offer to email the billing
 * contact: the question is answered (the contact named again), the offer the
 * person just declined is not made again, and "anything else?" follows. A
 * question the bot cannot answer is said to be one, not passed over.
 * Through botframework-directlinejs against the started server, as Web Chat sends it.
 */
describe('A no to the offer with a question after it (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const lang of ['en', 'de'] as const) {
        it(`[${lang}] "${DECLINED_AND_ASKED[lang]}": answered, the declined offer not made again`, async () => {
            const p = PHRASES[lang];
            const chat = await verified(chats, lang, JONAS, p.offerEmail);
            const from = chat.all.length;
            await chat.say(DECLINED_AND_ASKED[lang], localeOf(lang));
            await chat.botSays(p.anythingElse);
            const after = botTextsSince(chat, from);
            assert.match(after, /Anna Müller \(anna\.mueller@mueller-design\.example\)/, `the billing contact named again:\n${after}`);
            assert.doesNotMatch(after, p.offerEmail, `the declined offer is not made again:\n${after}`);
        });

        it(`[${lang}] "${DECLINED_AND_UNANSWERABLE[lang].text}": said to be a question the bot cannot answer, then "anything else?"`, async () => {
            const p = PHRASES[lang];
            const chat = await verified(chats, lang, JONAS, p.offerEmail);
            const from = chat.all.length;
            await chat.say(DECLINED_AND_UNANSWERABLE[lang].text, localeOf(lang));
            await chat.botSays(p.anythingElse);
            const after = botTextsSince(chat, from);
            assert.match(after, DECLINED_AND_UNANSWERABLE[lang].said, `the question is not passed over:\n${after}`);
            assert.doesNotMatch(after, p.offerEmail, `the declined offer is not made again:\n${after}`);
        });
    }
});

/** A goodbye that declines the question first, and the closing line it gets. */
const LEAVING: Readonly<Record<Lang, { readonly text: string; readonly goodbye: RegExp; readonly dropTask: RegExp }>> = {
    en: { text: 'no thanks, bye', goodbye: /Goodbye, and have a nice day!/, dropTask: /Shall I drop it/ },
    de: { text: 'nein danke, tschüss', goodbye: /Auf Wiedersehen und einen schönen Tag noch!/, dropTask: /Soll ich ihn verwerfen/ }
};

/**
 * "no thanks, bye" at the question which of two accounts: the verification
 * stays with the conversation, so nothing would be lost by leaving, and the
 * bot says goodbye at once instead of asking whether to drop the task.
 */
describe('A goodbye at the choice of account (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const lang of ['en', 'de'] as const) {
        it(`[${lang}] "${LEAVING[lang].text}": goodbye at once, no question whether to drop anything`, async () => {
            const chat = await verified(chats, lang, CHRIS, PHRASES[lang].chooseAccount);
            const from = chat.all.length;
            await chat.say(LEAVING[lang].text, localeOf(lang));
            await chat.botSays(LEAVING[lang].goodbye);
            assert.doesNotMatch(botTextsSince(chat, from), LEAVING[lang].dropTask);
        });
    }
});

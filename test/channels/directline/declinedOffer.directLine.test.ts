import * as assert from 'assert';
import { botSaysAfter, botTextsSince, useDirectLineChats, verifiedChat } from '../../helpers/directLineChats';
import type { ReceivedActivities } from '../../helpers/directLineNode';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';
import { CHRIS, JONAS, TOM } from '../../helpers/demoPeople';
import type { Lang } from '../../../core/language';

/**
 * Says `text` and waits for "anything else?" after it; the bot's messages in between hold `answer` and
 * no `offer` (the one the person just declined).
 */
async function declinedWithQuestion(chat: ReceivedActivities, lang: Lang, text: string, answer: RegExp, offer: RegExp): Promise<void> {
    const from = chat.all.length;
    await chat.say(text, localeOf(lang));
    await botSaysAfter(chat, from, PHRASES[lang].anythingElse);
    const after = botTextsSince(chat, from);
    assert.match(after, answer, `the question is answered:\n${after}`);
    assert.doesNotMatch(after, offer, `no offer after the no:\n${after}`);
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
            const chat = await verifiedChat(chats, lang, JONAS, p.offerEmail);
            await declinedWithQuestion(chat, lang, DECLINED_AND_ASKED[lang], /Anna Müller \(anna\.mueller@mueller-design\.example\)/, p.offerEmail);
        });

        it(`[${lang}] "${DECLINED_AND_UNANSWERABLE[lang].text}": said to be a question the bot cannot answer, then "anything else?"`, async () => {
            const p = PHRASES[lang];
            const chat = await verifiedChat(chats, lang, JONAS, p.offerEmail);
            await declinedWithQuestion(chat, lang, DECLINED_AND_UNANSWERABLE[lang].text, DECLINED_AND_UNANSWERABLE[lang].said, p.offerEmail);
        });
    }
});

/** Any offer to email the billing contact, alone or beside other offers. */
const EMAIL_OFFERED: Readonly<Record<Lang, RegExp>> = { en: /Shall I email/, de: /Soll ich .* eine E-Mail schreiben/ };

/** A no to an offer, with a question where to see the billing contact oneself; the start of the article's answer to it. */
const DECLINED_AND_WHERE: Readonly<Record<Lang, { readonly text: string; readonly answer: RegExp }>> = {
    en: { text: "no thanks, but why can't I see it myself?", answer: /You can look it up like this/ },
    de: { text: 'nein danke, aber wo sehe ich das selbst?', answer: /Nachsehen können Sie das so/ }
};

/** A topic that ends on the offer to email the billing contact or talk to a person. */
const TOPIC_WITH_OFFER: Readonly<Record<Lang, string>> = { en: 'can we pay by credit card?', de: 'Können wir per Kreditkarte zahlen?' };

/**
 * "no thanks, but why can't I see it myself?" at an offer, after the billing
 * role's answer or after a topic's: the question is answered, and no offer to
 * email the billing contact follows the no (before, the same offer came again).
 */
describe('A no to an offer with a question where to see it oneself (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const lang of ['en', 'de'] as const) {
        it(`[${lang}] at the billing role's offer: answered, then "anything else?", no offer again`, async () => {
            const p = PHRASES[lang];
            const chat = await verifiedChat(chats, lang, TOM, p.offerEmail);
            await declinedWithQuestion(chat, lang, DECLINED_AND_WHERE[lang].text, DECLINED_AND_WHERE[lang].answer, EMAIL_OFFERED[lang]);
        });

        it(`[${lang}] at a topic's offer: answered, then "anything else?", no offer again`, async () => {
            const p = PHRASES[lang];
            const chat = await verifiedChat(chats, lang, TOM, p.offerEmail);
            await chat.say(p.no, localeOf(lang));
            await chat.botSays(p.anythingElse);
            const topicFrom = chat.all.length;
            await chat.say(TOPIC_WITH_OFFER[lang], localeOf(lang));
            await botSaysAfter(chat, topicFrom, EMAIL_OFFERED[lang]);
            await declinedWithQuestion(chat, lang, DECLINED_AND_WHERE[lang].text, DECLINED_AND_WHERE[lang].answer, EMAIL_OFFERED[lang]);
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
            const chat = await verifiedChat(chats, lang, CHRIS, PHRASES[lang].chooseAccount);
            const from = chat.all.length;
            await chat.say(LEAVING[lang].text, localeOf(lang));
            await botSaysAfter(chat, from, LEAVING[lang].goodbye);
            assert.doesNotMatch(botTextsSince(chat, from), LEAVING[lang].dropTask);
        });
    }
});

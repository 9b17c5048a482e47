import * as assert from 'assert';
import type { Message } from 'botframework-directlinejs';
import { botSaysAfter, botTextsSince, useDirectLineChats } from '../../helpers/directLineChats';
import type { ReceivedActivities } from '../../helpers/directLineNode';
import { HANDOFF_PHRASES } from '../../helpers/handoffPhrases';
import { localeOf } from '../../helpers/script';
import type { Lang } from '../../../core/language';

interface Words {
    readonly concern: string;
    /** Three ways of asking why nobody can chat now, with and without a question mark. */
    readonly asked: readonly [string, string, string];
    readonly busy: RegExp;
    /** The article's topic of why an account cannot be changed online, which a bare "why" was taken for. */
    readonly topic: RegExp;
    readonly personButton: string;
}

const WORDS: Readonly<Record<Lang, Words>> = {
    en: {
        concern: 'a question about my invoice',
        asked: ['why not right now?', "why can't I talk to someone now", 'why not now'],
        busy: /Everyone in customer service is in other conversations at the moment, so nobody can take over the chat right now\./,
        topic: /corporate account|invoiced through your company/,
        personButton: 'Talk to a person'
    },
    de: {
        concern: 'Frage zur Rechnung',
        asked: ['Warum nicht sofort?', 'wieso ist gerade niemand frei', 'warum nicht jetzt'],
        busy: /Alle Mitarbeiterinnen und Mitarbeiter im Kundendienst sind gerade in anderen Gesprächen, deshalb kann im Moment niemand den Chat übernehmen\./,
        topic: /Unternehmenskonto|über Ihr Unternehmen abgerechnet/,
        personButton: 'Mit einem Mitarbeiter sprechen'
    }
};

/** The buttons of the bot's last message in `chat`. */
function lastButtons(chat: ReceivedActivities): string[] {
    const bot = chat.all.filter((a): a is Message => a.type === 'message' && a.from.role === 'bot');
    return (bot[bot.length - 1]?.suggestedActions?.actions ?? []).map((action) => String(action.title ?? action.value));
}

/**
 * Nobody from customer service is free, and the bot offers that they write
 * back. "Warum nicht sofort?", "why can't I talk to someone now" ask why not:
 * the bot says everyone is in other conversations and asks its question again.
 * Before, a bare "why" was answered with the article's topic of why a
 * corporate account cannot be changed online, and the offer was dropped; the
 * words without a question mark were taken as the concern. Asked twice, it is
 * answered twice, with no button for a person, who is just what is missing.
 * Through botframework-directlinejs against the started server, no agent signed in.
 */
describe('"Why not now?" when nobody from customer service is free (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const lang of ['en', 'de'] as const) {
        const w = WORDS[lang];
        const h = HANDOFF_PHRASES[lang];

        it(`[${lang}] "${w.asked[0]}", then "${w.asked[1]}": why not, and the offer again`, async () => {
            const chat = await chats.chatOn(lang);
            await chat.say(h.human, localeOf(lang));
            await chat.botSays(h.askDescription);
            await chat.say(w.concern, localeOf(lang));
            await chat.botSays(h.offerCallback);
            for (const asked of w.asked) {
                const from = chat.all.length;
                await chat.say(asked, localeOf(lang));
                await botSaysAfter(chat, from, h.offerCallback);
                const after = botTextsSince(chat, from);
                assert.match(after, w.busy, `why nobody is free:\n${after}`);
                assert.doesNotMatch(after, w.topic, `no topic of the article:\n${after}`);
                assert.ok(!lastButtons(chat).includes(w.personButton), `no button for a person: ${lastButtons(chat).join(' | ')}`);
            }
            const from = chat.all.length;
            await chat.say(h.yes, localeOf(lang));
            await botSaysAfter(chat, from, h.askEmail);
        });
    }
});

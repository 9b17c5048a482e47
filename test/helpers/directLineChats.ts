import * as assert from 'assert';
import type { Message } from 'botframework-directlinejs';
import type { Lang } from '../../core/language';
import { nodeDirectLine, ReceivedActivities } from './directLineNode';
import { PHRASES } from './phrases';
import { startRunningApp, type RunningApp } from './runningApp';
import { localeOf } from './script';
import { LEA } from './demoPeople';

/** Web Chat's Direct Line client against an app started for each test ({@link useDirectLineChats}). */
export interface DirectLineChats {
    /** The app of the test under way. */
    running(): RunningApp;
    /** A conversation opened as the help page in `page`'s language opens it, once the bot's menu has arrived. */
    chatOn(page: Lang): Promise<ReceivedActivities>;
}

/** In a `describe`: starts the app before each test, and ends its clients and closes it after. */
export function useDirectLineChats(): DirectLineChats {
    let running: RunningApp | undefined;
    const clients: ReceivedActivities[] = [];
    beforeEach(async () => {
        running = await startRunningApp();
    });
    afterEach(async () => {
        clients.splice(0).forEach((c) => c.end());
        await running?.close();
    });
    const app = (): RunningApp => {
        if (!running) {
            throw new Error('useDirectLineChats(): no app outside a test');
        }
        return running;
    };
    return {
        running: app,
        async chatOn(page) {
            const res = await fetch(`${app().url}/api/webchat/token`, { method: 'POST' });
            const { token } = (await res.json()) as { token: string };
            const chat = new ReceivedActivities(nodeDirectLine({ domain: `${app().url}/v3/directline`, token, webSocket: true, conversationStartProperties: { locale: localeOf(page) } }));
            clients.push(chat);
            await chat.botSays(PHRASES[page].menu);
            return chat;
        }
    };
}

/** The bot's messages in `chat` after its `from`-th activity, one per line. */
export function botTextsSince(chat: ReceivedActivities, from: number): string {
    return chat.all
        .slice(from)
        .filter((a): a is Message => a.type === 'message' && a.from.role === 'bot')
        .map((a) => a.text ?? '')
        .join('\n');
}

/** A chat in `lang` where `email` asked who the billing contact is and typed the code; waits for `then`. */
export async function verifiedChat(chats: DirectLineChats, lang: Lang, email: string, then: RegExp): Promise<ReceivedActivities> {
    const chat = await chats.chatOn(lang);
    await chat.say(PHRASES[lang].whoIs, localeOf(lang));
    await verifyAs(chats, chat, lang, email);
    await chat.botSays(then);
    return chat;
}

/** Answers the bot's email question in `chat` with `email`, then types the code mailed to it. */
export async function verifyAs(chats: DirectLineChats, chat: ReceivedActivities, lang: Lang, email: string): Promise<void> {
    const p = PHRASES[lang];
    await chat.botSays(p.askEmail);
    await chat.say(email, localeOf(lang));
    await chat.botSays(p.codeSent);
    await chat.say(await chats.running().latestCode(email), localeOf(lang));
}

/**
 * A first message, the person verified as `email` when the bot asks, and the bot's reply matching `expected`; fails
 * when anything the bot said on the way matches `absent`.
 */
export async function firstMessageAnswered(chats: DirectLineChats, lang: Lang, text: string, email: string | undefined, expected: RegExp, absent: RegExp): Promise<ReceivedActivities> {
    const chat = await chats.chatOn(lang);
    const from = chat.all.length;
    await chat.say(text, localeOf(lang));
    if (email !== undefined) {
        await verifyAs(chats, chat, lang, email);
    }
    await botSaysAfter(chat, from, expected);
    const said = botTextsSince(chat, from);
    assert.doesNotMatch(said, absent, `not ${absent} after "${text}":\n${said}`);
    return chat;
}

/** Lea Fischer verified, asked who her billing contact is; `answer` said at the offer to write to Anna Müller: what the bot said after it, up to the mail's preview. */
export async function draftAtOfferToAnna(chats: DirectLineChats, answer: string): Promise<string> {
    const chat = await verifiedChat(chats, 'de', LEA, /Soll ich Anna Müller für Sie eine E-Mail schreiben/);
    const offer = chat.all.length;
    await chat.say(answer, localeOf('de'));
    await botSaysAfter(chat, offer, PHRASES.de.preview);
    return botTextsSince(chat, offer);
}

/** `who` verified in `lang`, the mail to the billing contact chosen at the offer and `message` typed: the draft shown, "Shall I send it?" asked. */
export async function mailDrafted(chats: DirectLineChats, lang: Lang, who: string, message: string): Promise<ReceivedActivities> {
    const p = PHRASES[lang];
    const chat = await verifiedChat(chats, lang, who, p.offerEmail);
    await chat.say(p.emailButton, localeOf(lang));
    await chat.botSays(p.askMessage);
    await chat.say(message, localeOf(lang));
    await chat.botSays(p.confirm);
    return chat;
}

/** Waits for a bot message matching `pattern` after the chat's `from`-th activity (an earlier one of the same words does not count). */
export async function botSaysAfter(chat: ReceivedActivities, from: number, pattern: RegExp): Promise<void> {
    await chat.waitFor((a) => chat.all.indexOf(a) >= from && a.type === 'message' && a.from.role === 'bot' && pattern.test(a.text ?? ''), `saying ${pattern} after activity ${from}`);
}

import * as assert from 'assert';
import type { Message } from 'botframework-directlinejs';
import { botSaysAfter, useDirectLineChats } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';
import { PETER } from '../../helpers/demoPeople';
import type { Lang } from '../../../core/language';

interface Words {
    readonly reset: string;
    readonly askUserId: RegExp;
    readonly requested: RegExp;
    readonly missing: string;
    readonly offerCheck: RegExp;
    readonly checkButton: string;
    readonly ownUserId: RegExp;
}

const WORDS: Readonly<Record<Lang, Words>> = {
    en: {
        reset: 'I need to reset my portal password',
        askUserId: /Please type the user ID of the billing-contact account/,
        requested: /I've asked the portal to send a password reset link/,
        missing: "I didn't get any email",
        offerCheck: /Or shall I check whether you are a billing contact and which user ID you sign in with\?/,
        checkButton: 'Check my account type and role',
        ownUserId: /Sign in there with your billing-contact user ID \(a username: pbrooks\)|user ID[^.]*pbrooks/
    },
    de: {
        reset: 'Ich muss mein Portal-Kennwort zurücksetzen',
        askUserId: /Bitte geben Sie die Benutzer-ID des Abrechnungskontakts ein/,
        requested: /Wenn dies die Benutzer-ID eines Abrechnungskontakts ist, habe ich/,
        missing: 'es ist nichts angekommen',
        offerCheck: /Oder soll ich prüfen, ob Sie Abrechnungskontakt sind und mit welcher Benutzer-ID Sie sich anmelden\?/,
        checkButton: 'Kontotyp und Rolle prüfen',
        ownUserId: /Benutzer-ID[^.]*pbrooks/
    }
};

/**
 * Peter Brooks asks for a portal reset link and types his email address as
 * the user ID (his is pbrooks), so no mail comes. "I didn't get any email":
 * besides a new link and a person, the bot now offers to check his role,
 * which after the verification tells a billing contact of a corporate
 * account the user ID he signs in with (before: a new link or a person only).
 * Through botframework-directlinejs against the started server.
 */
describe('A reset link that did not come, for a person not verified (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const lang of ['en', 'de'] as const) {
        const w = WORDS[lang];
        const p = PHRASES[lang];

        it(`[${lang}] "${w.missing}": the role check offered, which names the user ID pbrooks`, async () => {
            const chat = await chats.chatOn(lang);
            await chat.say(w.reset, localeOf(lang));
            await chat.botSays(w.askUserId);
            await chat.say(PETER, localeOf(lang));
            await chat.botSays(w.requested);

            let from = chat.all.length;
            await chat.say(w.missing, localeOf(lang));
            await botSaysAfter(chat, from, w.offerCheck);
            const offer = chat.all.filter((a): a is Message => a.type === 'message' && a.from.role === 'bot').at(-1);
            const buttons = (offer?.suggestedActions?.actions ?? []).map((action) => String(action.title));
            assert.ok(buttons.includes(w.checkButton), `the role check among the buttons: ${buttons.join(' | ')}`);

            from = chat.all.length;
            await chat.say(w.checkButton, localeOf(lang));
            await botSaysAfter(chat, from, p.askEmail);
            await chat.say(PETER, localeOf(lang));
            await chat.botSays(p.codeSent);
            from = chat.all.length;
            await chat.say(await chats.running().latestCode(PETER), localeOf(lang));
            await botSaysAfter(chat, from, w.ownUserId);
        });
    }
});

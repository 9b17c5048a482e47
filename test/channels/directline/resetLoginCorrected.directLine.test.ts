import * as assert from 'assert';
import { OutboxRepository } from '../../../data/repositories/outboxRepository';
import { botSaysAfter, botTextsSince, useDirectLineChats, type DirectLineChats } from '../../helpers/directLineChats';
import { localeOf } from '../../helpers/script';
import type { Lang } from '../../../core/language';

/** Reset links the portal mailed to `to`, as the outbox holds them. */
async function resetMailsTo(chats: DirectLineChats, to: string): Promise<number> {
    const mails = await new OutboxRepository(chats.running().app.db).recent(100, to);
    return mails.filter((mail) => mail.kind === 'portal-reset').length;
}

interface Case {
    readonly lang: Lang;
    readonly ask: string;
    readonly wrongId: string;
    readonly correction: string;
    /** The billing contact whose user ID the correction names: the link goes to their address. */
    readonly contact: string;
    readonly requested: RegExp;
    readonly offer: RegExp;
    readonly goodbye: RegExp;
}

const CASES: readonly Case[] = [
    {
        lang: 'en',
        ask: 'reset pasword for the corporate biling portal pls',
        wrongId: 'my user id is pbrook',
        correction: 'no wait, i meant pbrooks',
        contact: 'peter.brooks@northwind.example',
        requested: /I've asked the portal to send a password reset link/,
        offer: /Shall I check whether you are a billing contact/,
        goodbye: /Goodbye/
    },
    {
        lang: 'de',
        ask: 'passwort portal zurücksetzen',
        wrongId: 'buchhaltung@bergmann-soehne.example',
        correction: 'nein, warte, ich meinte mbergmann-billing, das steht auf der rechnung',
        contact: 'buchhaltung@bergmann-soehne.example',
        requested: /habe ich das Portal gebeten, einen Link zum Zurücksetzen des Kennworts/,
        offer: /Soll ich prüfen, ob Sie Abrechnungskontakt sind/,
        goodbye: /Auf Wiedersehen/
    }
];

/**
 * A user ID corrected right after a reset link was asked for ("no wait, i meant pbrooks"): a link is asked for the
 * corrected one. Before, the "no" answered the offer that follows the link, the bot said goodbye and the corrected ID
 * was lost. Through botframework-directlinejs against the started server; the portal's mails are read from the outbox.
 */
describe('A user ID corrected right after the reset link (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const c of CASES) {
        it(`[${c.lang}] "${c.correction}": the link is asked for the corrected user ID, no goodbye`, async () => {
            const chat = await chats.chatOn(c.lang);
            await chat.say(c.ask, localeOf(c.lang));
            let from = chat.all.length;
            await chat.say(c.wrongId, localeOf(c.lang));
            await botSaysAfter(chat, from, c.offer);
            assert.strictEqual(await resetMailsTo(chats, c.contact), 0, 'no link for the wrong user ID');

            from = chat.all.length;
            await chat.say(c.correction, localeOf(c.lang));
            await botSaysAfter(chat, from, c.offer);
            const said = botTextsSince(chat, from);
            assert.match(said, c.requested);
            assert.doesNotMatch(said, c.goodbye);
            assert.strictEqual(await resetMailsTo(chats, c.contact), 1, 'the link for the corrected user ID');
        });
    }
});

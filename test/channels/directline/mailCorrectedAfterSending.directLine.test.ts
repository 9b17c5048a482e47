import * as assert from 'assert';
import { botSaysAfter, botTextsSince, mailDrafted, useDirectLineChats, verifiedChat, type DirectLineChats } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';
import { LEA, TOM } from '../../helpers/demoPeople';
import { OutboxRepository } from '../../../data/repositories/outboxRepository';
import type { Lang } from '../../../core/language';

interface Row {
    readonly lang: Lang;
    readonly who: string;
    /** The billing contact the mail goes to. */
    readonly to: string;
    readonly message: string;
    readonly correction: string;
    /** What the bot says before the new draft: the mail has gone. */
    readonly gone: RegExp;
    /** The corrected words as the second mail carries them. */
    readonly corrected: RegExp;
}

const ROWS: readonly Row[] = [
    {
        lang: 'en',
        who: TOM,
        to: 'peter.brooks@northwind.example',
        message: 'we need 5 more licences please',
        correction: 'no wait, make it 3',
        gone: /Your email to Peter Brooks has already gone out, so I can't change it anymore\./,
        corrected: /Correction to my previous message: we need 3 more licences please/
    },
    {
        lang: 'de',
        who: LEA,
        to: 'anna.mueller@mueller-design.example',
        message: 'Bitte die Rechnung vom 10.12. noch einmal schicken.',
        correction: 'Moment, statt 10.12. bitte 15.12.',
        gone: /Ihre E-Mail an Anna Müller ist bereits verschickt, ändern kann ich sie leider nicht mehr\./,
        corrected: /Korrektur zu meiner vorigen Nachricht: Bitte die Rechnung vom 15\.12\. noch einmal schicken\./
    }
];

/** The bodies of the mails to the billing contact `to` that the bot asked to send on a member's behalf, oldest first. */
async function mailsTo(chats: DirectLineChats, to: string): Promise<string[]> {
    const { db, mailer } = chats.running().app;
    const mails = await new OutboxRepository(db).recent(100, to);
    return mails
        .filter((mail) => mail.kind === 'admin-contact')
        .reverse()
        .map((mail) => mailer.reveal(mail));
}

/**
 * A correction typed right after the mail to the billing contact was sent ("no wait, make it 3", "statt 10.12. bitte
 * 15.12."): the bot says the mail has gone, drafts a correction with the words corrected, and sends it on a yes.
 * Before, the correction was not understood ("that's not something I can help with"). Through
 * botframework-directlinejs against the started server; the mails are read from the outbox.
 */
describe('A correction after the mail was sent (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const row of ROWS) {
        it(`[${row.lang}] "${row.correction}" after the mail went out drafts a correction, sent on a yes`, async () => {
            const p = PHRASES[row.lang];
            const chat = await mailDrafted(chats, row.lang, row.who, row.message);
            let from = chat.all.length;
            await chat.say(p.yes, localeOf(row.lang));
            await botSaysAfter(chat, from, p.sent);
            from = chat.all.length;
            await chat.say(row.correction, localeOf(row.lang));
            await botSaysAfter(chat, from, p.confirm);
            const shown = botTextsSince(chat, from);
            assert.match(shown, row.gone);
            assert.match(shown, row.corrected);
            assert.doesNotMatch(shown, p.notUnderstood);
            from = chat.all.length;
            await chat.say(p.yes, localeOf(row.lang));
            await botSaysAfter(chat, from, p.sent);
            const sent = await mailsTo(chats, row.to);
            assert.strictEqual(sent.length, 2, 'the first mail and the correction');
            assert.doesNotMatch(sent[0], /Correction|Korrektur/);
            assert.match(sent[1], row.corrected);
        });
    }

    it('[en] a message other than a correction right after the mail is read as before', async () => {
        const p = PHRASES.en;
        const chat = await verifiedChat(chats, 'en', TOM, p.offerEmail);
        await chat.say(p.emailButton, localeOf('en'));
        await chat.botSays(p.askMessage);
        await chat.say('we need 5 more licences please', localeOf('en'));
        await chat.botSays(p.confirm);
        let from = chat.all.length;
        await chat.say(p.yes, localeOf('en'));
        await botSaysAfter(chat, from, p.sent);
        from = chat.all.length;
        await chat.say('how do I reset my portal password?', localeOf('en'));
        await botSaysAfter(chat, from, /Corporate Billing Portal/);
        assert.doesNotMatch(botTextsSince(chat, from), /already gone out/);
        assert.strictEqual((await mailsTo(chats, 'peter.brooks@northwind.example')).length, 1);
    });
});

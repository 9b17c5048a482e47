import * as assert from 'assert';
import { OutboxRepository } from '../../../data/repositories/outboxRepository';
import { botSaysAfter, botTextsSince, mailDrafted, useDirectLineChats, type DirectLineChats } from '../../helpers/directLineChats';
import { LEA } from '../../helpers/demoPeople';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';
import type { Lang } from '../../../core/language';

/** The bodies of the mails to Anna Müller that the bot sent on a member's behalf. */
async function mailsToAnna(chats: DirectLineChats): Promise<string[]> {
    const { db, mailer } = chats.running().app;
    const mails = await new OutboxRepository(db).recent(100, 'anna.mueller@mueller-design.example');
    return mails.filter((mail) => mail.kind === 'admin-contact').map((mail) => mailer.reveal(mail));
}

const CASES: ReadonlyArray<{ readonly lang: Lang; readonly message: string; readonly takeBack: string }> = [
    { lang: 'en', message: 'We need a second licence for the new intern starting Monday.', takeBack: 'ok send it then' },
    { lang: 'de', message: 'Wir brauchen eine zweite Lizenz für den neuen Praktikanten ab Montag.', takeBack: 'doch, bitte abschicken' }
];

/**
 * A no to "Shall I send it?", then, as the next message, "ok send it then": the no is taken back and the same mail shown
 * again, sent on a yes. Before, the draft was gone and the words were not understood. Through botframework-directlinejs
 * against the started server; the mail is read from the outbox.
 */
describe('A mail declined and taken back at once (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const c of CASES) {
        it(`[${c.lang}] no, then "${c.takeBack}": the same mail again, sent with a yes`, async () => {
            const p = PHRASES[c.lang];
            const chat = await mailDrafted(chats, c.lang, LEA, c.message);
            let from = chat.all.length;
            await chat.say(p.no, localeOf(c.lang));
            await botSaysAfter(chat, from, p.notSent);

            from = chat.all.length;
            await chat.say(c.takeBack, localeOf(c.lang));
            await botSaysAfter(chat, from, p.confirm);
            const again = botTextsSince(chat, from);
            assert.match(again, p.preview);
            assert.ok(again.includes(c.message), again);
            assert.deepStrictEqual(await mailsToAnna(chats), [], 'nothing sent before the yes');

            from = chat.all.length;
            await chat.say(p.yes, localeOf(c.lang));
            await botSaysAfter(chat, from, p.sent);
            const mails = await mailsToAnna(chats);
            assert.strictEqual(mails.length, 1);
            assert.ok(mails[0].includes(c.message), mails[0]);
        });
    }
});

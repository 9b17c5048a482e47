import * as assert from 'assert';
import { OutboxRepository } from '../../../data/repositories/outboxRepository';
import { botSaysAfter, botTextsSince, useDirectLineChats, verifiedChat, type DirectLineChats } from '../../helpers/directLineChats';
import { LEA } from '../../helpers/demoPeople';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';
import type { Lang } from '../../../core/language';

/** The mails to Anna Müller that the bot sent on a member's behalf: subject and body as she reads them. */
async function mailsToAnna(chats: DirectLineChats): Promise<Array<{ readonly subject: string; readonly text: string }>> {
    const { db, mailer } = chats.running().app;
    const mails = await new OutboxRepository(db).recent(100, 'anna.mueller@mueller-design.example');
    return mails.filter((mail) => mail.kind === 'admin-contact').map((mail) => ({ subject: mail.subject, text: mailer.reveal(mail) }));
}

const CASES: ReadonlyArray<{ readonly lang: Lang; readonly offer: RegExp; readonly answer: string; readonly askUrgent: RegExp; readonly message: string }> = [
    {
        lang: 'de',
        offer: /Soll ich Anna Müller für Sie eine E-Mail schreiben/,
        answer: 'ja gerne, aber bitte mit dem Hinweis dass es eilt',
        askUrgent: /Was soll ich Anna Müller ausrichten\? Ich kennzeichne die E-Mail als dringend\./,
        message: 'Wir brauchen bis Freitag zwei weitere Lizenzen für die Praktikanten.'
    },
    {
        lang: 'en',
        offer: /Shall I email Anna Müller/,
        answer: "yes but tell her it's urgent",
        askUrgent: /What would you like me to tell Anna Müller\? I'll mark the email as urgent\./,
        message: 'We need two more licences for the interns by Friday.'
    }
];

/**
 * "Yes, but tell her it's urgent" at the offer to write to the billing contact: a wish for the mail, not its words. The
 * words are asked, saying the mail will be marked urgent, and the mail goes out with "Dringend:" before its subject (Anna
 * reads German) and the person's words as its message. Before, the mail said only "Aber bitte mit dem Hinweis dass es
 * eilt" and Anna never learnt what was needed. Through botframework-directlinejs against the started server; the mail is
 * read from the outbox.
 */
describe('A mail asked to be marked urgent at the offer (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const c of CASES) {
        it(`[${c.lang}] "${c.answer}": the message is asked, the mail goes out marked urgent with it`, async () => {
            const chat = await verifiedChat(chats, c.lang, LEA, c.offer);
            let from = chat.all.length;
            await chat.say(c.answer, localeOf(c.lang));
            await botSaysAfter(chat, from, c.askUrgent);
            assert.doesNotMatch(botTextsSince(chat, from), PHRASES[c.lang].preview, 'no mail drafted from the wish alone');

            from = chat.all.length;
            await chat.say(c.message, localeOf(c.lang));
            await botSaysAfter(chat, from, PHRASES[c.lang].preview);
            assert.match(botTextsSince(chat, from), /\*\*Dringend: Lea Fischer hat eine Frage zur Abrechnung von Müller Design GmbH\*\*/);

            from = chat.all.length;
            await chat.say(PHRASES[c.lang].yes, localeOf(c.lang));
            await botSaysAfter(chat, from, PHRASES[c.lang].sent);
            const mails = await mailsToAnna(chats);
            assert.strictEqual(mails.length, 1);
            assert.match(mails[0].subject, /^Dringend: /);
            assert.ok(mails[0].text.includes(c.message), mails[0].text);
            assert.doesNotMatch(mails[0].text, /Hinweis|urgent/);
        });
    }
});

import * as assert from 'assert';
import { botSaysAfter, botTextsSince, useDirectLineChats, verifyAs, type DirectLineChats } from '../../helpers/directLineChats';
import { localeOf } from '../../helpers/script';
import { EVA, MARIA, PETER, SARAH } from '../../helpers/demoPeople';
import type { Lang } from '../../../core/language';

/** Files a change request in a chat of its own, as `who` says it in one message, and answers its questions with `answers`; its reference (`done`'s group). */
async function filed(chats: DirectLineChats, lang: Lang, who: string, ask: string, answers: readonly string[], done: RegExp): Promise<string> {
    const chat = await chats.chatOn(lang);
    await chat.say(ask, localeOf(lang));
    await verifyAs(chats, chat, lang, who);
    for (const answer of answers) {
        await chat.say(answer, localeOf(lang));
    }
    await botSaysAfter(chat, 0, done);
    return done.exec(botTextsSince(chat, 0))?.[1] ?? '';
}

/**
 * A billing contact told of two open requests against the account at once, who answers "Damit bin ich nicht
 * einverstanden" / "i dont agree with that": the objection goes to the one that would replace them (Maria: Eva's
 * request for her place, not Julia Kraus's for Klaus's), and when both would, the bot asks which (Peter). Before, the
 * last one shown was taken: Maria objected to the request about Klaus, Peter to one of his two without being asked.
 * Through botframework-directlinejs against the started server; the requests are filed through it too.
 */
describe('An objection after several requests were shown at once (Direct Line)', () => {
    const chats = useDirectLineChats();

    it('[de] Maria objects to the request that replaces her, not to the last one shown', async () => {
        const done = /Ihr Antrag hat die Referenz (BC-\d{4}-\d{6})/;
        const forMaria = await filed(chats, 'de', EVA, 'ich möchte statt maria bergmann abrechnungskontakt werden, weil ich die buchhaltung übernehme', ['ja'], done);
        const forKlaus = await filed(chats, 'de', EVA, 'Frau Julia Kraus soll statt Klaus Bergmann Abrechnungskontakt werden, weil er in Rente geht', ['julia.kraus@bergmann-soehne.example', 'ja'], done);
        assert.notStrictEqual(forMaria, forKlaus);
        const chat = await chats.chatOn('de');
        await chat.say('wer ist mein abrechnungskontakt', localeOf('de'));
        await verifyAs(chats, chat, 'de', MARIA);
        await chat.botSays(/Damit würde Klaus Bergmann als Abrechnungskontakt ersetzt/);
        const from = chat.all.length;
        await chat.say('Damit bin ich nicht einverstanden.', localeOf('de'));
        await botSaysAfter(chat, from, /Ich habe Ihren Widerspruch gegen den Antrag BC-\d{4}-\d{6} festgehalten/);
        const said = botTextsSince(chat, from);
        assert.strictEqual(/Widerspruch gegen den Antrag (BC-\d{4}-\d{6})/.exec(said)?.[1], forMaria, said);
    });

    it('[en] Peter, whom both open requests would replace, is asked which one', async () => {
        const done = /your request has the reference (BC-\d{4}-\d{6})/;
        await filed(chats, 'en', SARAH, 'please make tom hughes our billing contact because peter is retiring', ['yes'], done);
        await filed(chats, 'en', SARAH, 'please make sarah lee our billing contact because peter is retiring', ['yes'], done);
        const chat = await chats.chatOn('en');
        await chat.say('am i the billing contact', localeOf('en'));
        await verifyAs(chats, chat, 'en', PETER);
        await chat.botSays(/If you do not agree with this change/);
        const from = chat.all.length;
        await chat.say('i dont agree with that, im still here', localeOf('en'));
        await botSaysAfter(chat, from, /Several change requests concern your accounts: BC-\d{4}-\d{6} and BC-\d{4}-\d{6}\. Which one do you object to\?/);
        assert.doesNotMatch(botTextsSince(chat, from), /I have recorded your objection/);
    });
});

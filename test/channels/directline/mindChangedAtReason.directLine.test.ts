import * as assert from 'assert';
import { botSaysAfter, botTextsSince, firstMessageAnswered, useDirectLineChats, verifyAs } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';
import { JONAS, SARAH, TOM } from '../../helpers/demoPeople';
import type { Lang } from '../../../core/language';

/** A change of billing contact begun, its new contact named, and at the question why, a change of mind with a mail asked for instead. */
const ROWS: ReadonlyArray<{ readonly lang: Lang; readonly asks: string; readonly who: string; readonly newContact: string; readonly instead: string; readonly line: RegExp; readonly filedAsReason: RegExp }> = [
    {
        lang: 'en', asks: 'i need to change the billing contact', who: SARAH, newContact: 'Tom',
        instead: "hmm actually forget it, just email Peter instead and ask him if he'd be ok with Tom doing it",
        line: /\n\s*I would like to know whether he'd be ok with Tom doing it\n/, filedAsReason: /Reason: hmm actually forget it/
    },
    {
        lang: 'de', asks: 'Abrechnungskontakt ändern bitte', who: JONAS, newContact: 'Lea',
        instead: 'ach vergiss es, schreib lieber der Anna, ob sie das überhaupt machen will',
        line: /\n\s*Wollen Sie das überhaupt machen\?\n/, filedAsReason: /Grund: ach vergiss es/
    }
];

/**
 * "hmm actually forget it, just email Peter instead and ask him if …" at the question why: the change of mind drops the
 * change request and the mail asked for instead is drafted. Before, the English words were taken as the request's
 * reason (its summary read "Reason: hmm actually forget it, …"), and after the German one the mail was lost. Also "ask
 * him if" after "and" keeps its "if" as the question asked ("I would like to know whether …", not "If he …"). Found in
 * an exploratory pass; through botframework-directlinejs against the started server.
 */
describe('A change of mind at the question why, with a mail asked for instead (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const row of ROWS) {
        it(`[${row.lang}] "${row.instead}" drafts the mail and files nothing`, async () => {
            const chat = await chats.chatOn(row.lang);
            const from = chat.all.length;
            await chat.say(row.asks, localeOf(row.lang));
            await verifyAs(chats, chat, row.lang, row.who);
            await botSaysAfter(chat, from, /Who should become the billing contact|Wer soll Abrechnungskontakt/);
            await chat.say(row.newContact, localeOf(row.lang));
            await botSaysAfter(chat, from, /Why should .* become the billing contact|Warum soll .* Abrechnungskontakt werden/);
            const reason = chat.all.length;
            await chat.say(row.instead, localeOf(row.lang));
            await botSaysAfter(chat, reason, PHRASES[row.lang].preview);
            const said = botTextsSince(chat, reason);
            assert.match(said, row.line);
            assert.doesNotMatch(said, row.filedAsReason);
        });
    }

    it('[en] "can you email Peter and ask him if he can add 3 seats" asks him in the mail', async () => {
        const chat = await firstMessageAnswered(chats, 'en', 'can you email Peter and ask him if he can add 3 seats', TOM, PHRASES.en.preview, /\n\s*If he can/);
        assert.match(botTextsSince(chat, 0), /\n\s*I would like to know whether you can add 3 seats\n/);
    });
});

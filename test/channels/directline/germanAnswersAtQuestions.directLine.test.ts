import * as assert from 'assert';
import { botSaysAfter, botTextsSince, useDirectLineChats, type DirectLineChats } from '../../helpers/directLineChats';
import type { ReceivedActivities } from '../../helpers/directLineNode';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';
import { JONAS, LEA } from '../../helpers/demoPeople';

const p = PHRASES.de;

/** A German chat in which `who` writes `first` and answers the code: what the bot says then follows. */
async function verifiedAfter(chats: DirectLineChats, first: string, who: string): Promise<ReceivedActivities> {
    const chat = await chats.chatOn('de');
    await chat.say(first, localeOf('de'));
    await chat.botSays(p.askEmail);
    await chat.say(who, localeOf('de'));
    await chat.botSays(p.codeSent);
    await chat.say(await chats.running().latestCode(who), localeOf('de'));
    await chat.botSays(p.verified);
    return chat;
}

/**
 * German answers to the bot's questions, in customers' own words, found in an exploratory pass (2026-12-06):
 * - "nein doch nicht, ich frag sie lieber selbst" at the mail's "Soll ich sie senden?" became the mail's new text
 *   (`main:askElsewhere.heard` had "ich frag lieber", not with "sie" or "ihn" between);
 * - "oh sorry, ich hab die mail noch nicht, können sie nochmal schicken" at the code question was asked for the code
 *   again (`identify:synonyms.resend` had "nochmal senden", not "schicken").
 * Through botframework-directlinejs against the started server.
 */
describe('German answers to the bot\'s questions in own words (Direct Line)', () => {
    const chats = useDirectLineChats();

    it('[de] "nein doch nicht, ich frag sie lieber selbst" at "Soll ich sie senden?" withdraws the mail unsent (Lea Fischer)', async () => {
        const chat = await verifiedAfter(chats, 'kannst du anna eine mail schreiben', LEA);
        await chat.botSays(p.askMessage);
        await chat.say('sie soll mir die rechnung vom märz schicken', localeOf('de'));
        await chat.botSays(p.confirm);
        const from = chat.all.length;
        await chat.say('nein doch nicht, ich frag sie lieber selbst', localeOf('de'));
        await chat.botSays(/ich habe nichts gesendet|ich habe den Vorgang abgebrochen/);
        const said = botTextsSince(chat, from);
        assert.doesNotMatch(said, /ich frag sie lieber selbst/i, said);
    });

    it('[de] "oh sorry, ich hab die mail noch nicht, können sie nochmal schicken" at the code question sends a new code', async () => {
        const chat = await chats.chatOn('de');
        await chat.say('bin ich der abrechnungskontakt', localeOf('de'));
        await chat.botSays(p.askEmail);
        await chat.say(JONAS, localeOf('de'));
        await chat.botSays(p.codeSent);
        const first = await chats.running().latestCode(JONAS);
        const from = chat.all.length;
        await chat.say('oh sorry, ich hab die mail noch nicht, können sie nochmal schicken', localeOf('de'));
        await botSaysAfter(chat, from, p.codeSent);
        const second = await chats.running().latestCode(JONAS);
        assert.notStrictEqual(second, first, 'a new code was mailed');
        await chat.say(second, localeOf('de'));
        await chat.botSays(p.verified);
    });
});

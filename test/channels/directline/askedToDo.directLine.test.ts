import * as assert from 'assert';
import { botSaysAfter, botTextsSince, useDirectLineChats, verifyAs } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';
import { LEA, TOM } from '../../helpers/demoPeople';

/**
 * A request to ask someone to do something ("can you email Peter and ask him to renew our plan", "please ask Peter to …",
 * "Können Sie Anna bitten, mehr Lizenzen zu kaufen?") is the mail to that person, with what they are asked to do as its
 * message. Before, a topic word in it won ("renew our plan" read as reactivating the plan, "Lizenzen kaufen" as changing
 * it) and the person got the topic's answer instead of the mail. Through botframework-directlinejs against the started server.
 */
describe('Asked to ask someone to do something: the mail to them (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const typed of ['can you email Peter and ask him to renew our plan', 'please ask Peter to renew our plan']) {
        it(`[en] "${typed}" drafts the mail "Please renew our plan.", which a yes sends`, async () => {
            const chat = await chats.chatOn('en');
            const from = chat.all.length;
            await chat.say(typed, localeOf('en'));
            await verifyAs(chats, chat, 'en', TOM);
            await botSaysAfter(chat, from, PHRASES.en.preview);
            const draft = botTextsSince(chat, from);
            assert.match(draft, /This is the email to Peter Brooks/);
            assert.match(draft, /\n\s*Please renew our plan\.\n/);
            assert.doesNotMatch(draft, /An expired or cancelled plan can be reactivated/);
            const yes = chat.all.length;
            await chat.say('yes', localeOf('en'));
            await botSaysAfter(chat, yes, PHRASES.en.sent);
        });
    }

    it('[de] "Können Sie Anna bitten, mehr Lizenzen zu kaufen?" drafts the mail to Anna Müller with what she is asked to do', async () => {
        const chat = await chats.chatOn('de');
        const from = chat.all.length;
        await chat.say('Können Sie Anna bitten, mehr Lizenzen zu kaufen?', localeOf('de'));
        await verifyAs(chats, chat, 'de', LEA);
        await botSaysAfter(chat, from, PHRASES.de.preview);
        const draft = botTextsSince(chat, from);
        assert.match(draft, /So sieht die E-Mail an Anna Müller aus/);
        assert.match(draft, /Ich möchte Sie bitten, mehr Lizenzen zu kaufen\./);
    });
});

import * as assert from 'assert';
import { botSaysAfter, botTextsSince, useDirectLineChats, verifyAs } from '../../helpers/directLineChats';
import { localeOf } from '../../helpers/script';
import { TASK_PHRASES } from '../../helpers/taskPhrases';
import { ANNA, PETER } from '../../helpers/demoPeople';

/**
 * A handover said with a time ("from May on Sarah takes over", "ab Mai übernimmt Lea das") as the first message is the
 * change of billing contact (`main:appointmentWords.handoverFrom` before `handoverWhen`): the request is drafted with
 * the person and the reason from the message. Before, the English one was read as "start over" (the "over" of "takes
 * over": "Let's start over.") and the German one as nothing ("Das habe ich leider nicht verstanden"), or, after a
 * greeting, as the greeting alone ("Hallo! Schön, dass Sie da sind."). Through
 * botframework-directlinejs against the started server.
 */
describe('A handover from a month on asks for the change (Direct Line)', () => {
    const chats = useDirectLineChats();

    it('[en] "Peter is leaving, from May on Sarah takes over" drafts the change to Sarah Lee, which a yes files', async () => {
        const chat = await chats.chatOn('en');
        const from = chat.all.length;
        await chat.say('Peter is leaving, from May on Sarah takes over', localeOf('en'));
        await verifyAs(chats, chat, 'en', PETER);
        await botSaysAfter(chat, from, TASK_PHRASES.en.summary);
        const draft = botTextsSince(chat, from);
        assert.match(draft, /New billing contact: Sarah Lee/);
        assert.match(draft, /Reason: .*from May on Sarah takes over/);
        assert.doesNotMatch(draft, /start over/);
        const yes = chat.all.length;
        await chat.say('yes', localeOf('en'));
        await botSaysAfter(chat, yes, TASK_PHRASES.en.filed);
    });

    it('[de] "ab Mai übernimmt Lea das" drafts the change to Lea Fischer', async () => {
        const chat = await chats.chatOn('de');
        const from = chat.all.length;
        await chat.say('ab Mai übernimmt Lea das', localeOf('de'));
        await verifyAs(chats, chat, 'de', ANNA);
        await botSaysAfter(chat, from, TASK_PHRASES.de.summary);
        const draft = botTextsSince(chat, from);
        assert.match(draft, /Neuer Abrechnungskontakt: Lea Fischer/);
        assert.doesNotMatch(draft, /nicht verstanden/);
    });

    it('[de] after a greeting, "Hallo, ab nächstem Monat übernimmt Jonas das mit der Abrechnung" begins the change to Jonas Weber', async () => {
        const chat = await chats.chatOn('de');
        const from = chat.all.length;
        await chat.say('Hallo, ab nächstem Monat übernimmt Jonas das mit der Abrechnung', localeOf('de'));
        await verifyAs(chats, chat, 'de', ANNA);
        await botSaysAfter(chat, from, /Warum soll Jonas Weber Abrechnungskontakt werden\?/);
        assert.doesNotMatch(botTextsSince(chat, from), /Schön, dass Sie da sind/);
    });

    it('[en] "from May Sarah no longer handles it" is no request for a change', async () => {
        const chat = await chats.chatOn('en');
        const from = chat.all.length;
        await chat.say('from May Sarah no longer handles it', localeOf('en'));
        await botSaysAfter(chat, from, /What can I do for you|Pick an option/);
        assert.doesNotMatch(botTextsSince(chat, from), /I'll file the request|Which email address/);
    });
});

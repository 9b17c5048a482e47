import * as assert from 'assert';
import { botSaysAfter, botTextsSince, useDirectLineChats, verifyAs } from '../../helpers/directLineChats';
import { localeOf } from '../../helpers/script';
import { TASK_PHRASES } from '../../helpers/taskPhrases';
import { EVA } from '../../helpers/demoPeople';

/**
 * "bin ab Mai in Elternzeit" typed at the summary of a change request is no cancel: the particle "ab" (of "brich ab")
 * backs no intent alone (main:particleWords). Before, the classifier's "cancel" for "ab Mai" dropped the request
 * ("In Ordnung, ich habe den Vorgang abgebrochen."); now the sentence is the request's reason, the summary shown
 * again, and a yes files it. Through botframework-directlinejs against the started server.
 */
describe('"ab Mai" is no cancel (Direct Line)', () => {
    const chats = useDirectLineChats();

    it('[de] "bin ab Mai in Elternzeit" at the change summary keeps the request, which a yes then files', async () => {
        const chat = await chats.chatOn('de');
        await chat.say('Ich möchte den Abrechnungskontakt ändern', localeOf('de'));
        await verifyAs(chats, chat, 'de', EVA);
        await chat.botSays(TASK_PHRASES.de.changeIntro);
        await chat.say('Eva Schulz', localeOf('de'));
        await chat.botSays(/Wen soll Eva Schulz als Abrechnungskontakt ersetzen/);
        await chat.say('Klaus Bergmann', localeOf('de'));
        await chat.botSays(TASK_PHRASES.de.askReason);
        await chat.say('Klaus geht in Rente', localeOf('de'));
        await chat.botSays(TASK_PHRASES.de.summary);
        const from = chat.all.length;
        await chat.say('bin ab Mai in Elternzeit', localeOf('de'));
        await botSaysAfter(chat, from, /Soll ich den Antrag stellen\?/);
        assert.doesNotMatch(botTextsSince(chat, from), /abgebrochen/);
        const yes = chat.all.length;
        await chat.say('ja', localeOf('de'));
        await botSaysAfter(chat, yes, TASK_PHRASES.de.filed);
    });
});

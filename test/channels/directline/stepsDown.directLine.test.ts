import * as assert from 'assert';
import { botSaysAfter, botTextsSince, useDirectLineChats, verifyAs } from '../../helpers/directLineChats';
import { localeOf } from '../../helpers/script';
import { TASK_PHRASES } from '../../helpers/taskPhrases';
import { ANNA, KLAUS } from '../../helpers/demoPeople';

/**
 * The billing contact giving the role up in their own words ("I'm no longer responsible for billing, please take me off",
 * "Ich bin nicht mehr für die Abrechnung zuständig, bitte nehmen Sie mich raus": `main:appointmentWords.selfStepsDown`
 * with the role named) asks for the change: after the code the bot asks who takes over from a sole contact (Anna), and
 * why the writer should go when another contact stays (Klaus; Maria stays). Before, both were read as "am I the billing
 * contact?" and answered with the role. Through botframework-directlinejs against the started server.
 */
describe('The billing contact giving the role up asks for the change (Direct Line)', () => {
    const chats = useDirectLineChats();

    it('[de] "Ich bin nicht mehr für die Abrechnung zuständig, bitte nehmen Sie mich raus" asks who becomes the billing contact', async () => {
        const chat = await chats.chatOn('de');
        const from = chat.all.length;
        await chat.say('Ich bin nicht mehr für die Abrechnung zuständig, bitte nehmen Sie mich raus', localeOf('de'));
        await verifyAs(chats, chat, 'de', ANNA);
        await botSaysAfter(chat, from, TASK_PHRASES.de.askNewContact);
        assert.match(botTextsSince(chat, from), TASK_PHRASES.de.changeIntro);
    });

    it('[en] "I\'m no longer responsible for billing, please take me off" from one of two contacts asks why the writer goes', async () => {
        const chat = await chats.chatOn('en');
        const from = chat.all.length;
        await chat.say("I'm no longer responsible for billing, please take me off", localeOf('en'));
        await verifyAs(chats, chat, 'en', KLAUS);
        await botSaysAfter(chat, from, /Why should Klaus Bergmann no longer be a billing contact\?/);
        assert.doesNotMatch(botTextsSince(chat, from), /You are (not )?(a|the) billing contact/);
    });
});

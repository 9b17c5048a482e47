import * as assert from 'assert';
import { botTextsSince, useDirectLineChats } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';

/**
 * "I can't get into the billing portal": between the training's "I can't get
 * into Billing" (the Admin Center's area) and the portal's own sentences, the
 * classifier was sure of neither, and the first message got "Sorry, I didn't
 * quite get that" and the menu — while "i cant get into the billing portal"
 * without the apostrophe was understood. Through botframework-directlinejs
 * against the started server.
 */
describe('"I can\'t get into the billing portal" (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const text of ["I can't get into the billing portal", "i can't get into the corporate billing portal anymore"]) {
        it(`[en] "${text}" starts the portal password reset`, async () => {
            const chat = await chats.chatOn('en');
            const from = chat.all.length;
            await chat.say(text, localeOf('en'));
            await chat.botSays(/Please type the user ID of the billing-contact account/);
            const said = botTextsSince(chat, from);
            assert.match(said, /The Corporate Billing Portal only accepts billing contacts of corporate accounts/, said);
            assert.doesNotMatch(said, PHRASES.en.notUnderstood, said);
        });
    }

    it('[en] "I can\'t get into Billing" is still the Admin Center\'s Billing, not the portal', async () => {
        const chat = await chats.chatOn('en');
        const from = chat.all.length;
        await chat.say("I can't get into Billing", localeOf('en'));
        await chat.botSays(/Shall I check whether you are a billing contact/);
        const said = botTextsSince(chat, from);
        assert.match(said, /click "Go to Billing"/, said);
        assert.doesNotMatch(said, /Please type the user ID/, said);
    });
});

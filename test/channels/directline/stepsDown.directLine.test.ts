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

/**
 * One of two billing contacts naming a successor "in their place" ("eva schulz soll statt mir abrechnungskontakt
 * werden", "eva schulz should become billing contact in my place": `changeContact:insteadOfMe`): Eva replaces the
 * writer, Klaus, and the bot asks only why; the summary says so. Before, the bot asked whom Eva replaces.
 */
describe('A successor named in the writer\'s place (Direct Line)', () => {
    const chats = useDirectLineChats();
    const CASES = [
        { lang: 'de', say: 'eva schulz soll statt mir abrechnungskontakt werden', reason: 'ich gehe in Rente', why: /Warum soll Eva Schulz Abrechnungskontakt werden\?/, replaces: /- Ersetzt: Klaus Bergmann/, askReplaces: /Wen soll Eva Schulz als Abrechnungskontakt ersetzen/ },
        { lang: 'en', say: 'eva schulz should become billing contact in my place', reason: 'I am retiring', why: /Why should Eva Schulz become the billing contact\?/, replaces: /- Replaces: Klaus Bergmann/, askReplaces: /Whom should Eva Schulz replace/ }
    ] as const;

    for (const c of CASES) {
        it(`[${c.lang}] "${c.say}" from Klaus: Eva replaces Klaus, nobody is asked whom`, async () => {
            const chat = await chats.chatOn(c.lang);
            const from = chat.all.length;
            await chat.say(c.say, localeOf(c.lang));
            await verifyAs(chats, chat, c.lang, KLAUS);
            await botSaysAfter(chat, from, c.why);
            const atReason = chat.all.length;
            await chat.say(c.reason, localeOf(c.lang));
            await botSaysAfter(chat, atReason, c.replaces);
            assert.doesNotMatch(botTextsSince(chat, from), c.askReplaces);
        });
    }
});

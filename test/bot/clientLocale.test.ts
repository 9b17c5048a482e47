import * as assert from 'assert';
import { ActivityTypes } from 'botbuilder';
import { BotHarness, joined } from '../helpers/botHarness';
import { LANGUAGES, PHRASES } from '../helpers/phrases';
import { localeOf } from '../helpers/script';

/** The help page's language switch changes the locale Web Chat sends; the bot follows it unless the person chose a language in words. */
describe('BillingBot: the client locale changes mid-conversation', () => {
    let harness: BotHarness;
    beforeEach(async () => {
        harness = await BotHarness.create();
    });
    afterEach(async () => harness.close());

    for (const lang of LANGUAGES) {
        const other = lang === 'de' ? 'en' : 'de';

        it(`[${lang} → ${other}] the bot answers in the language the client now reports`, async () => {
            const convo = harness.conversation(localeOf(lang));
            assert.match(joined(await convo.start()), PHRASES[lang].welcome);
            const replies = await convo.deliver({ type: ActivityTypes.Message, text: PHRASES[other].whoIs, locale: localeOf(other) });
            assert.match(joined(replies), PHRASES[other].askEmail);
        });

        it(`[${lang}] a language chosen in words stays, whatever locale the client keeps sending`, async () => {
            const convo = harness.conversation(localeOf(lang));
            await convo.start();
            assert.match(joined(await convo.say(PHRASES[lang].switchTo)), PHRASES[lang].switched);
            const replies = await convo.deliver({ type: ActivityTypes.Message, text: PHRASES[other].whoIs, locale: localeOf(lang) });
            assert.match(joined(replies), PHRASES[other].askEmail);
        });
    }
});

import * as assert from 'assert';
import { ActivityTypes } from 'botbuilder';
import { joined, useHarness } from '../helpers/botHarness';
import { LANGUAGES, PHRASES } from '../helpers/phrases';
import { localeOf } from '../helpers/script';

/** The conversation keeps its language when the client's locale changes; only the person changes it. */
describe('BillingBot: the client locale changes mid-conversation', () => {
    const harnessOf = useHarness();

    for (const lang of LANGUAGES) {
        const other = lang === 'de' ? 'en' : 'de';

        it(`[${lang}] a language chosen in words stays, whatever locale the client keeps sending`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await convo.start();
            assert.match(joined(await convo.say(PHRASES[lang].switchTo)), PHRASES[lang].switched);
            const replies = await convo.deliver({ type: ActivityTypes.Message, text: PHRASES[other].whoIs, locale: localeOf(lang) });
            assert.match(joined(replies), PHRASES[other].askEmail);
        });
    }
});

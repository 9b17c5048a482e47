import * as assert from 'assert';
import { joined, useHarness } from '../helpers/botHarness';
import { LANGUAGES, PHRASES } from '../helpers/phrases';
import { CODE, localeOf, play } from '../helpers/script';
import { configureLogging } from '../../core/logger';
import { JONAS } from '../helpers/demoPeople';

describe('IdentifyDialog: proving who you are', () => {
    const harnessOf = useHarness();

    for (const lang of LANGUAGES) {
        const p = PHRASES[lang];

        it(`[${lang}] an unknown email gets the same answer as a known one, and no mail`, async () => {

            const harness = harnessOf();
            const known = harness.conversation(localeOf(lang));
            const unknown = harness.conversation(localeOf(lang));
            await known.say(p.whoIs);
            await unknown.say(p.whoIs);
            const knownReply = joined(await known.say(JONAS));
            const unknownReply = joined(await unknown.say('nobody@nowhere.example'));
            assert.strictEqual(unknownReply.replace('nobody@nowhere.example', '<email>'), knownReply.replace(JONAS, '<email>'));
            assert.strictEqual((await harness.mails('nobody@nowhere.example')).length, 0);
            // Whatever is typed, the unknown address never verifies and never reveals data.
            const reply = joined(await unknown.say('123456'));
            assert.match(reply, p.wrongCode);
            assert.doesNotMatch(reply, /@|Müller/);
        });

        it(`[${lang}] an answer that is no email address is asked for again`, async () => {

            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [
                { say: p.whoIs, expect: [p.askEmail] },
                { say: 'jonas at mueller design', expect: [p.invalidEmail], absent: [p.codeSent] },
                { say: `it is ${JONAS}, thanks`, expect: [p.codeSent] }
            ]);
        });

        it(`[${lang}] a wrong code tells the tries left; the fifth wrong code locks the conversation`, async () => {

            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [{ say: p.whoIs }, { say: JONAS }]);
            const right = await harness.latestCode(JONAS);
            const wrong = right === '000000' ? '111111' : '000000';
            for (let left = 4; left >= 1; left--) {
                const reply = joined(await convo.say(wrong));
                assert.match(reply, p.wrongCode);
                // German spells out the last try ("noch einen Versuch"); every other count is a number.
                assert.match(reply, lang === 'de' && left === 1 ? /noch einen Versuch/ : new RegExp(`\\b${left}\\b`));
            }
            assert.match(joined(await convo.say(wrong)), p.locked);
            // The person declines the offer of a human; a new attempt is refused at once, even with the right code.
            await convo.say(p.no);
            const after = joined(await convo.say(p.whoIs));
            assert.match(after, p.locked);
            assert.doesNotMatch(after, p.askEmail);
            await convo.say(p.no);
            assert.doesNotMatch(joined(await convo.say(right)), p.verified);
        });

        it(`[${lang}] help at the code question says where the code is and how to get a new one`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [
                { say: p.whoIs },
                { say: JONAS, expect: [p.codeSent] },
                { say: p.help, expect: [lang === 'de' ? /landet manchmal im Spam-Ordner/ : /sometimes ends up in the spam folder/, p.askCode], absent: [p.helpInTask] },
                { say: CODE, expect: [p.verified] }
            ], JONAS);
        });

        it(`[${lang}] "send a new code" replaces the old one`, async () => {

            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [{ say: p.whoIs }, { say: JONAS }]);
            const first = await harness.latestCode(JONAS);
            const resend = lang === 'de' ? 'Neuen Code senden' : 'Send a new code';
            assert.match(joined(await convo.say(resend)), p.codeSent);
            const second = await harness.latestCode(JONAS);
            assert.strictEqual((await harness.mails(JONAS)).length, 2);
            if (first !== second) {
                assert.match(joined(await convo.say(first)), p.wrongCode, 'the replaced code no longer works');
            }
            assert.match(joined(await convo.say(second)), p.verified);
        });

        it(`[${lang}] resend works in the person's own words too`, async () => {

            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [{ say: p.whoIs }, { say: JONAS }]);
            const words = lang === 'de' ? 'Ich habe nichts bekommen, bitte nochmal senden' : "I didn't get it, please send it again";
            assert.match(joined(await convo.say(words)), p.codeSent);
            const plain = lang === 'de' ? 'Es ist kein Code angekommen' : "I didn't get a code";
            assert.match(joined(await convo.say(plain)), p.codeSent, 'saying only that nothing came sends a new code too');
        });

        it(`[${lang}] a code older than 10 minutes has expired; a new one works`, async () => {

            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [{ say: p.whoIs }, { say: JONAS }]);
            const code = await harness.latestCode(JONAS);
            harness.clock.advance(10 * 60_000 + 1000);
            assert.match(joined(await convo.say(code)), p.expired);
            await play(harness, convo, [{ say: lang === 'de' ? 'Neuen Code senden' : 'Send a new code', expect: [p.codeSent] }, { say: CODE, expect: [p.verified] }], JONAS);
        });

        it(`[${lang}] a code works once: another conversation cannot reuse it`, async () => {

            const harness = harnessOf();
            const first = harness.conversation(localeOf(lang));
            await play(harness, first, [{ say: p.whoIs }, { say: JONAS }, { say: CODE, expect: [p.verified] }], JONAS);
            const code = await harness.latestCode(JONAS);
            const second = harness.conversation(localeOf(lang));
            await play(harness, second, [{ say: p.whoIs }, { say: 'lea.fischer@mueller-design.example' }]);
            assert.match(joined(await second.say(code)), p.wrongCode);
        });

        it(`[${lang}] "use a different email" asks again`, async () => {

            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [
                { say: p.whoIs },
                { say: 'typo@mueller-design.example' },
                { say: lang === 'de' ? 'Andere E-Mail-Adresse verwenden' : 'Use a different email', expect: [p.askEmail] },
                { say: JONAS, expect: [p.codeSent] },
                { say: CODE, expect: [p.verified, p.caseB] }
            ], JONAS);
        });

        it(`[${lang}] after 5 codes in an hour the bot waits before sending more`, async () => {

            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [{ say: p.whoIs }, { say: JONAS }]);
            const resend = lang === 'de' ? 'Neuen Code senden' : 'Send a new code';
            for (let i = 0; i < 4; i++) {
                assert.match(joined(await convo.say(resend)), p.codeSent);
            }
            assert.match(joined(await convo.say(resend)), lang === 'de' ? /warte deshalb eine Weile/ : /I'll wait a while/);
            assert.strictEqual((await harness.mails(JONAS)).length, 5);
        });
    }

    it('never writes a one-time code into the logs', async () => {

        const harness = harnessOf();
        const lines: string[] = [];
        configureLogging('debug', (line) => lines.push(line));
        try {
            const convo = harness.conversation('en-US');
            await play(harness, convo, [{ say: PHRASES.en.whoIs }, { say: JONAS }, { say: '000001' }, { say: CODE }], JONAS);
        } finally {
            configureLogging('silent');
        }
        const code = await harness.latestCode(JONAS);
        assert.ok(lines.length > 0, 'the flow logs something');
        assert.ok(!lines.some((line) => line.includes(code)), 'no log line holds the code');
        assert.ok(!lines.some((line) => line.includes(JONAS)), 'emails are masked in logs');
    });
});

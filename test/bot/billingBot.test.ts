import * as assert from 'assert';
import * as path from 'path';
import { BotHarness, joined, useHarness } from '../helpers/botHarness';
import { PHRASES } from '../helpers/phrases';
import { CODE, play } from '../helpers/script';
import { makeTempDir } from '../helpers/tempDir';
import { SqliteStorage } from '../../data/sqliteStorage';
import { JONAS } from '../helpers/demoPeople';

describe('BillingBot: state, restarts, concurrency and errors', () => {
    it('resumes a conversation at the same step after a restart over the same database file', async () => {
        const temp = makeTempDir();
        const dbFile = path.join(temp.dir, 'bot.sqlite');
        try {
            const before = await BotHarness.create({ dbFile });
            await play(before, before.conversation('de-DE', 'restart-1'), [{ say: PHRASES.de.whoIs }, { say: JONAS, expect: [PHRASES.de.askCode] }]);
            const code = await before.latestCode(JONAS);
            await before.close();

            const after = await BotHarness.create({ dbFile, key: before.key });
            try {
                const replies = joined(await after.conversation('de-DE', 'restart-1').say(code));
                assert.match(replies, PHRASES.de.verified);
                assert.match(replies, /Anna Müller/);
            } finally {
                await after.close();
            }
        } finally {
            temp.cleanup();
        }
    });

    describe('with a fresh bot', () => {
        const harnessOf = useHarness();

        it('runs 20 parallel turns of one conversation one after another: no update is lost', async () => {

            const harness = harnessOf();
            const convo = harness.conversation('en-US', 'parallel-1');
            await convo.say(PHRASES.en.whoIs);
            const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => convo.say(`jonas(at)mueller-design ${i}`)));
            for (const reply of replies) {
                assert.match(joined(reply), PHRASES.en.invalidEmail);
            }
            // Each turn counted one more wrong answer in the saved dialog state; a lost update would count fewer.
            const storage = new SqliteStorage(harness.db, harness.clock);
            const key = 'directline/conversations/parallel-1/';
            const state = JSON.stringify((await storage.read([key]))[key]);
            assert.match(state, /"failures":20\b/);
            assert.match(joined(await convo.say(JONAS)), PHRASES.en.codeSent, 'the conversation goes on normally');
        });

        it('runs 50 conversations in parallel, each to its own answer', async () => {

            const harness = harnessOf();
            // Ten people, five conversations each: the hourly code limit of an address, reached but not passed.
            const people = [
                'jonas.weber@mueller-design.example',
                'lea.fischer@mueller-design.example',
                'tom.hughes@northwind.example',
                'eva.schulz@bergmann-soehne.example',
                'anna.mueller@mueller-design.example',
                'buchhaltung@bergmann-soehne.example',
                'chris.taylor@taylor-consulting.example',
                'klaus.bergmann@bergmann-soehne.example',
                'peter.brooks@northwind.example',
                'sarah.lee@northwind.example'
            ];
            await Promise.all(
                Array.from({ length: 50 }, async (_, i) => {
                    const convo = harness.conversation(i % 2 ? 'de-DE' : 'en-US', `many-${i}`);
                    const lang = i % 2 ? 'de' : 'en';
                    await convo.say(PHRASES[lang].whoIs);
                    await convo.say(people[i % people.length]);
                })
            );
            const mails = await harness.mails();
            assert.strictEqual(mails.filter((m) => m.kind === 'verification-code').length, 50);
        });

        it('apologises in the person\'s language when a turn fails, and the step can simply be repeated', async () => {

            const harness = harnessOf();
            const convo = harness.conversation('de-DE');
            await convo.say(PHRASES.de.whoIs);
            const verification = harness.runtime.services.verification;
            const sendCode = verification.sendCode.bind(verification);
            verification.sendCode = () => Promise.reject(new Error('mail database unavailable'));
            const failed = joined(await convo.say(JONAS));
            assert.match(failed, /Entschuldigung, bei mir ist etwas schiefgelaufen/);
            assert.doesNotMatch(failed, /mail database unavailable/);
            verification.sendCode = sendCode;
            await play(harness, convo, [{ say: JONAS, expect: [PHRASES.de.codeSent] }, { say: CODE, expect: [PHRASES.de.verified] }], JONAS);
        });

        it('after two failures in a row starts the step afresh instead of failing forever', async () => {

            const harness = harnessOf();
            const convo = harness.conversation('en-US');
            await convo.say(PHRASES.en.whoIs);
            const verification = harness.runtime.services.verification;
            verification.sendCode = () => Promise.reject(new Error('still broken'));
            assert.match(joined(await convo.say(JONAS)), /something went wrong on my side\. Please send/);
            assert.match(joined(await convo.say(JONAS)), /let's start this step afresh/);
            assert.match(joined(await convo.say(PHRASES.en.amI)), PHRASES.en.askEmail, 'the conversation is usable again');
        });
    });
});

import * as assert from 'assert';
import { useHarness, joined } from '../helpers/botHarness';
import { LANGUAGES, PHRASES } from '../helpers/phrases';
import { localeOf } from '../helpers/script';

/** Answers a question could not use twice in a row are kept (masked) for the team, once per turn. */
describe('Not understood: a question asked a second time keeps the answer, masked', () => {
    const harnessOf = useHarness();
    const ANSWERS = { en: ['blah blah', 'it is Anna Müller from 12 Main Street'], de: ['bla bla', 'das ist Anna Müller aus der Hauptstraße 12'] };

    for (const lang of LANGUAGES) {
        it(`[${lang}] the second unusable answer to the email question is kept with its reason`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            assert.match(joined(await convo.say(PHRASES[lang].whoIs)), PHRASES[lang].askEmail);
            await convo.say(ANSWERS[lang][0]);
            assert.deepStrictEqual(await harness.db.all("SELECT text FROM insight_unplaced WHERE reason = 'reprompted'"), [], 'not after the first');
            await convo.say(ANSWERS[lang][1]);
            const rows = await harness.db.all<{ text: string; lang: string }>("SELECT text, lang FROM insight_unplaced WHERE reason = 'reprompted'");
            assert.deepStrictEqual(rows, [{ text: ANSWERS[lang][1].replace('Anna Müller', '[name]').replace('12', '#'), lang }]);
            const events = await harness.db.all<{ detail: string }>("SELECT detail FROM insight_events WHERE kind = 'not-understood'");
            assert.deepStrictEqual(events, [{ detail: 'reprompted' }]);
        });
    }
});

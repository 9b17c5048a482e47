import * as assert from 'assert';
import { LANGS, type Lang } from '../../core/language';
import { saysNoWords } from '../../core/words';
import { Localizer } from '../../language/i18n';
import { IntentRecognizer } from '../../language/nlu';
import { LOCALES_DIR } from '../../paths';
import { understandText } from '../../turn/understand';
import { countCalls } from '../helpers/callCounter';

/**
 * The one-time code a person types (unique each time, so no kept reading
 * helps) was read by every word rule and the classifier: 89 µs a code, a
 * sixth of the code turn's CPU. A text without letters skips them (issue 16).
 */
describe('A message of digits and punctuation is read without the word rules and the classifier (issue 16)', () => {
    let recognizer: IntentRecognizer;
    let localizer: Localizer;
    before(async () => {
        [recognizer, localizer] = await Promise.all([IntentRecognizer.train(LOCALES_DIR), Localizer.load(LOCALES_DIR)]);
    });

    const read = (text: string, lang?: Lang) => understandText(recognizer, (one) => localizer.t(one), text, lang);

    it('counts digits, spaces and punctuation as no words, but not letters, symbols or emoji', () => {
        for (const text of ['482913', ' 482 913 ', '482-913.', '05.12.2026', '(030) 123', '?!', '…', '']) {
            assert.strictEqual(saysNoWords(text), true, text);
        }
        for (const text of ['482913 bitte', 'ja', 'BC-2026-000150', '12 + 3', '5 €', '👍', 'x']) {
            assert.strictEqual(saysNoWords(text), false, text);
        }
    });

    it('reads what it read before: codes, numbers and dates ask nothing; several numbers in a row and sums are out of scope', async () => {
        // Each reading as the full rules gave it before the shortcut (checked against that build over 27,000 random texts of this kind).
        const expected: ReadonlyArray<readonly [string, string, number]> = [
            ['482913', 'none', 1],
            [' 482 913 ', 'none', 1],
            ['482-913.', 'none', 1],
            ['05.12.2026', 'none', 1],
            ['3', 'none', 1],
            ['100/4', 'none', 1],
            ['?!', 'none', 1],
            ['0049 30 1234567', 'out-of-scope', 0.7],
            ['(030) 123 456', 'out-of-scope', 0.7],
            ['12 * 3', 'out-of-scope', 0.85]
        ];
        for (const lang of [...LANGS, undefined]) {
            for (const [text, intent, score] of expected) {
                assert.deepStrictEqual(await read(text, lang), { intent, score, language: lang ?? 'en' }, `${lang ?? '-'}: ${text}`);
            }
        }
    });

    it('asks the classifier nothing for a code, and does for the same code with a word', async () => {
        const classify = countCalls(recognizer, 'classify');
        try {
            for (const lang of [...LANGS, undefined]) {
                await read('731904', lang);
                await read('731 904.', lang);
            }
            assert.strictEqual(classify.calls, 0);
            await read('731904 danke', 'de');
            assert.ok(classify.calls > 0, 'a word beside the code is read by the classifier');
        } finally {
            classify.restore();
        }
    });
});

import * as assert from 'assert';
import { loadLanguage } from '../../app';
import type { IntentRecognizer, Understanding } from '../../language/nlu';
import { joined, useHarness } from '../helpers/botHarness';
import { LANGUAGES, PHRASES } from '../helpers/phrases';
import { localeOf } from '../helpers/script';

describe('A message many people send alike is read once (issue 16)', () => {
    const harnessOf = useHarness();

    /** The texts the classifier is asked to read while `work` runs, and the readings it gives. */
    async function readWhile<T>(recognizer: IntentRecognizer, work: () => Promise<T>): Promise<{ result: T; read: string[]; readings: Understanding[] }> {
        const read: string[] = [];
        const readings: Understanding[] = [];
        const recognize = recognizer.recognize.bind(recognizer);
        recognizer.recognize = async (text, lang) => {
            read.push(text);
            const reading = await recognize(text, lang);
            readings.push(reading);
            return reading;
        };
        try {
            return { result: await work(), read, readings };
        } finally {
            recognizer.recognize = recognize;
        }
    }

    for (const lang of LANGUAGES) {
        it(`[${lang}] hi: a second conversation asking the same in the same words gets the same answer without reading it again`, async () => {
            const harness = harnessOf();
            const { recognizer } = await loadLanguage();
            const asked = lang === 'de' ? 'Hallo, wer kümmert sich bei uns eigentlich um die Abrechnung? (Lesetest)' : 'Hi, who actually takes care of billing for us? (reading test)';
            const first = harness.conversation(localeOf(lang));
            await first.start();
            const one = await readWhile(recognizer, () => first.say(asked));
            const second = harness.conversation(localeOf(lang));
            await second.start();
            const two = await readWhile(recognizer, () => second.say(asked));
            assert.match(joined(one.result), PHRASES[lang].askEmail);
            assert.strictEqual(joined(two.result), joined(one.result));
            assert.ok(one.read.includes(asked), 'the first conversation reads the message');
            // The whole message is not read again; a clause another part of the bot reads gets the very reading kept from the first.
            assert.ok(!two.read.includes(asked), `read again: ${two.read.join(' | ')}`);
            assert.ok(two.readings.every((reading) => one.readings.includes(reading)), `read anew: ${two.read.join(' | ')}`);
        });
    }
});

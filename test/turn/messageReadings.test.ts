import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadLanguage } from '../../app';
import { LANGS } from '../../core/language';
import type { IntentRecognizer, Understanding } from '../../language/nlu';
import type { Localizer } from '../../language/i18n';
import { PROJECT_ROOT } from '../../paths';
import { READING_MAX_LENGTH, READINGS_KEPT, readingsKept, readOnce } from '../../turn/messageReadings';
import { understandText } from '../../turn/understand';

describe('readOnce: the reading of a message kept across turns (issue 16)', () => {
    let recognizer: IntentRecognizer;
    let localizer: Localizer;
    before(async () => {
        ({ recognizer, localizer } = await loadLanguage());
    });

    /** A reading counted: `read` for readOnce, running understandText as the turn does. */
    function counted(text: string, lang: 'de' | 'en'): { read: () => Promise<Understanding>; runs: () => number } {
        let runs = 0;
        const t = localizer.t(lang);
        return {
            read: () => {
                runs++;
                return understandText(recognizer, () => t, text, lang);
            },
            runs: () => runs
        };
    }

    it('gives every message the reading understandText gives it, and reads it once', async () => {
        const samples = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'intents-holdout.json'), 'utf8')) as Array<{ text: string }>;
        const texts = [...samples.map((sample) => sample.text).slice(0, 40), 'ja', 'Yes, email them for me', 'Wer ist mein Abrechnungskontakt?', 'anna.mueller@mueller-design.example'];
        for (const lang of LANGS) {
            const t = localizer.t(lang);
            for (const text of texts) {
                const expected = await understandText(recognizer, () => t, text, lang);
                const { read, runs } = counted(text, lang);
                const first = await readOnce(recognizer, t, lang, text, read);
                const again = await readOnce(recognizer, t, lang, text, read);
                assert.deepStrictEqual({ ...first }, { ...expected }, `${lang}: ${text}`);
                assert.strictEqual(again, first, `${lang}: ${text} (the reading kept)`);
                assert.ok(runs() <= 1, `${lang}: ${text} read ${runs()} times`);
                assert.ok(Object.isFrozen(first), 'a kept reading cannot be changed by one turn for the next');
            }
        }
    });

    it('keeps the languages apart: the same text is read again in the other language', async () => {
        const text = 'Wie ändere ich unseren Abrechnungskontakt?';
        const de = counted(text, 'de');
        const en = counted(text, 'en');
        await readOnce(recognizer, localizer.t('de'), 'de', text, de.read);
        await readOnce(recognizer, localizer.t('en'), 'en', text, en.read);
        assert.strictEqual(en.runs(), 1);
    });

    it('keeps at most READINGS_KEPT readings per language, however many different messages arrive', async () => {
        const t = localizer.t('en');
        const reading: Understanding = { intent: 'none', score: 0, language: 'en' };
        for (let i = 0; i < READINGS_KEPT + 200; i++) {
            await readOnce(recognizer, t, 'en', `message number ${i}`, async () => reading);
        }
        assert.strictEqual(readingsKept(recognizer, t), READINGS_KEPT);
    });

    it('reads a long message each time, and keeps no reading that failed', async () => {
        const t = localizer.t('de');
        let runs = 0;
        const read = async (): Promise<Understanding> => {
            runs++;
            return { intent: 'none', score: 0, language: 'de' };
        };
        const long = 'bitte '.repeat(Math.ceil(READING_MAX_LENGTH / 6) + 1);
        await readOnce(recognizer, t, 'de', long, read);
        await readOnce(recognizer, t, 'de', long, read);
        assert.strictEqual(runs, 2);
        const text = 'eine Nachricht, deren Lesen scheitert';
        await assert.rejects(readOnce(recognizer, t, 'de', text, async () => Promise.reject(new Error('classifier down'))), /classifier down/);
        await readOnce(recognizer, t, 'de', text, read);
        assert.strictEqual(runs, 3);
    });
});

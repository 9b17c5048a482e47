import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { LANGS } from '../../core/language';
import { IntentRecognizer, RECOGNIZED_KEPT } from '../../language/nlu';
import { LOCALES_DIR, PROJECT_ROOT } from '../../paths';

describe('IntentRecognizer.recognize: a text read once, its reading kept (issue 16)', () => {
    let kept: IntentRecognizer;
    let fresh: IntentRecognizer;
    before(async () => {
        [kept, fresh] = await Promise.all([IntentRecognizer.train(LOCALES_DIR), IntentRecognizer.train(LOCALES_DIR)]);
    });

    const samples = (): string[] =>
        ['intents-holdout.json', 'intents-unseen.json'].flatMap((fixture) => (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', fixture), 'utf8')) as Array<{ text: string }>).map((sample) => sample.text));

    it('reads every text as a recognizer that has read nothing else does, and gives the kept reading the second time', async () => {
        const texts = [...samples().slice(0, 120), 'ja', 'Yes', 'nope', 'Yes, email them for me', '123456', ''];
        for (const lang of [undefined, ...LANGS]) {
            for (const text of texts) {
                const first = await kept.recognize(text, lang);
                const again = await kept.recognize(text, lang);
                assert.strictEqual(again, first, `${lang ?? '-'}: ${text}`);
                assert.ok(Object.isFrozen(first), 'a kept reading cannot be changed by one turn for the next');
            }
        }
        // A second recognizer reads the same texts in another order, each once: the readings agree.
        for (const lang of [...LANGS, undefined]) {
            for (const text of [...texts].reverse()) {
                assert.deepStrictEqual({ ...(await fresh.recognize(text, lang)) }, { ...(await kept.recognize(text, lang)) }, `${lang ?? '-'}: ${text}`);
            }
        }
    });

    it('keeps at most RECOGNIZED_KEPT readings, however many different texts arrive', async () => {
        for (let i = 0; i < RECOGNIZED_KEPT + 100; i++) {
            await kept.recognize(`message ${i}`, 'en');
            assert.ok(kept.readingsKept <= RECOGNIZED_KEPT);
        }
        assert.strictEqual(kept.readingsKept, RECOGNIZED_KEPT);
    });

    it('reads a text longer than 1,000 characters each time', async () => {
        const long = `Wer ist mein Abrechnungskontakt? ${'bitte '.repeat(200)}`;
        const first = await kept.recognize(long, 'de');
        assert.notStrictEqual(await kept.recognize(long, 'de'), first);
        assert.deepStrictEqual(await kept.recognize(long, 'de'), first);
    });

    it('answers clearLanguage as a recognizer that has read nothing else does, kept once read (issue 16)', () => {
        const texts = [...samples(), 'ja', 'Yes', 'Wer ist mein Abrechnungskontakt?', 'I forgot my password for the portal', 'Lea Fischer', '123456', ''];
        const first = texts.map((text) => kept.clearLanguage(text));
        const before = kept.clearLanguagesKept;
        assert.deepStrictEqual(texts.map((text) => kept.clearLanguage(text)), first);
        assert.strictEqual(kept.clearLanguagesKept, before, 'asked again, nothing new is kept');
        // The other recognizer answers each text once, in the other order: the answers agree.
        assert.deepStrictEqual([...texts].reverse().map((text) => fresh.clearLanguage(text)), [...first].reverse());
        assert.ok(first.includes('de') && first.includes('en') && first.includes(undefined), 'the samples hold both languages and unclear ones');
    });

    it('answers asksWhetherPersonHolds as a recognizer that has read nothing else does, kept once read, at most RECOGNIZED_KEPT (issue 16)', () => {
        const texts = [...samples(), 'Is Peter our billing contact?', 'ist eva auch abrechnungskontakt?', 'wait, is Tom a billing contact now?', 'Is it possible to change it?', 'ja', ''];
        const first = texts.map((text) => kept.asksWhetherPersonHolds(text));
        const before = kept.holderQuestionsKept;
        assert.deepStrictEqual(texts.map((text) => kept.asksWhetherPersonHolds(text)), first);
        assert.strictEqual(kept.holderQuestionsKept, before, 'asked again, nothing new is kept');
        assert.deepStrictEqual([...texts].reverse().map((text) => fresh.asksWhetherPersonHolds(text)), [...first].reverse());
        assert.ok(first.includes(true) && first.includes(false), 'the samples hold questions whether someone holds the role, and others');
        for (let i = 0; i < RECOGNIZED_KEPT + 100; i++) {
            kept.asksWhetherPersonHolds(`Is person ${i} our billing contact?`);
            assert.ok(kept.holderQuestionsKept <= RECOGNIZED_KEPT);
        }
        assert.strictEqual(kept.holderQuestionsKept, RECOGNIZED_KEPT);
    });

    it('keeps at most RECOGNIZED_KEPT answers of clearLanguage, and none for a text longer than 1,000 characters', () => {
        for (let i = 0; i < RECOGNIZED_KEPT + 100; i++) {
            kept.clearLanguage(`Who is the billing contact of account ${i}?`);
            assert.ok(kept.clearLanguagesKept <= RECOGNIZED_KEPT);
        }
        assert.strictEqual(kept.clearLanguagesKept, RECOGNIZED_KEPT);
        const fresher = fresh.clearLanguagesKept;
        const long = `Wer ist mein Abrechnungskontakt? ${'bitte '.repeat(200)}`;
        assert.strictEqual(fresh.clearLanguage(long), fresh.clearLanguage(long));
        assert.strictEqual(fresh.clearLanguagesKept, fresher);
    });
});

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { LANGS } from '../../core/language';
import { IntentRecognizer } from '../../language/nlu';
import { LOCALES_DIR, PROJECT_ROOT } from '../../paths';
import { languageAskedBeside } from '../../turn/understand';

describe('languageAskedBeside: a clause that asks for a language beside the rest of a message', () => {
    let recognizer: IntentRecognizer;
    before(async () => {
        recognizer = await IntentRecognizer.train(LOCALES_DIR);
    });

    /** The texts `recognize` is asked to read while `work` runs. */
    async function readWhile<T>(work: () => Promise<T>): Promise<{ result: T; read: string[] }> {
        const read: string[] = [];
        const recognize = recognizer.recognize.bind(recognizer);
        recognizer.recognize = async (text, lang) => {
            read.push(text);
            return recognize(text, lang);
        };
        try {
            return { result: await work(), read };
        } finally {
            recognizer.recognize = recognize;
        }
    }

    it('reads only clauses that name a language: a yes, an address cut at its dots or a name are not classified', async () => {
        for (const text of ['Ja, bitte eine E-Mail senden', 'Yes, email them for me', 'emily.thompson@northwind.example', 'Lea Fischer, lea.fischer@contoso.example']) {
            const { result, read } = await readWhile(() => languageAskedBeside(recognizer, text));
            assert.strictEqual(result, undefined, text);
            assert.deepStrictEqual(read, [], text);
        }
    });

    it('still finds the language a clause asks for', async () => {
        const cases: Array<[string, string]> = [
            ['can we continue in german? who is my billing contact', 'de'],
            ['english please, wer ist mein abrechnungskontakt', 'en'],
            ['auf Deutsch bitte. who is my billing contact', 'de']
        ];
        for (const [text, lang] of cases) {
            const { result, read } = await readWhile(() => languageAskedBeside(recognizer, text));
            assert.strictEqual(result, lang, text);
            assert.ok(read.length >= 1, text);
        }
    });

    it('passes over no text the classifier would read as a request for a language (every phrasing of the fixtures and intents, in parts)', async () => {
        const texts = new Set<string>();
        for (const fixture of ['intents-holdout.json', 'intents-unseen.json', 'intents-stories-oos.json', 'intents-stories-oos-second.json']) {
            for (const sample of JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', fixture), 'utf8')) as Array<{ text: string }>) {
                texts.add(sample.text);
            }
        }
        for (const lang of LANGS) {
            const intents = JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, lang, 'intents.json'), 'utf8')) as Record<string, string[]>;
            Object.values(intents).flat().forEach((text) => texts.add(text));
        }
        // languageAskedBeside reads clauses: every clause of every text too.
        for (const text of [...texts]) {
            text.split(/[,;.!?]+/u).forEach((clause) => texts.add(clause));
        }
        let switches = 0;
        for (const text of texts) {
            for (const lang of [undefined, ...LANGS]) {
                const read = await recognizer.recognize(text, lang);
                if (read.intent === 'switch-language') {
                    switches++;
                    assert.ok(recognizer.mayAskForLanguage(text), `"${text}" (${lang ?? 'no language'}) asks for ${read.targetLanguage ?? '?'} but was passed over`);
                }
            }
        }
        assert.ok(switches >= 60, `${switches} requests for a language among ${texts.size} texts`);
    });
});

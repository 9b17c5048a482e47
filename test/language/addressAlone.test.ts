import * as assert from 'assert';
import { Culture, SequenceRecognizer } from '@microsoft/recognizers-text-sequence';
import { LANGS } from '../../core/language';
import { findEmail, findEmailByModel } from '../../language/entities';
import { countCalls } from '../helpers/callCounter';

/**
 * The answer to "which email address?" is mostly the address alone, unique
 * to the person: findEmail takes it as it stands instead of running
 * recognizers-text's email model over it (issue 16).
 */
describe('findEmail: an address alone is taken as written, as the email model reads it (issue 16)', () => {
    const firsts = ['anna', 'Jonas', 'lea', 'x', 'a1', 'o_neil', 'mary-jane', 'Ä', '.tom', 'eva'];
    const separators = ['.', '_', '-', '', '..', '.-'];
    const lasts = ['weber', 'Brooks', 'lee', 'smith-jones', 'b2', '', 'x', 'z.'];
    const domains = ['mueller-design', 'northwind', 'a', 'x-y-z', 'firma1', '9lives', '-bad', 'bad-', 'sub.domain', 'a--b'];
    const tops = ['example', 'de', 'com', 'co.uk', 'international', 'c', 'd3', 'EXAMPLE', 'io', 'de.', 'com-'];
    const texts = (): string[] =>
        firsts.flatMap((first) => separators.flatMap((separator) => lasts.flatMap((last) => domains.flatMap((domain) => tops.map((top) => `${first}${separator}${last}@${domain}.${top}`)))));

    it('finds the same address as the model in every address of a few thousand shapes, plain or not, with spaces around or not', () => {
        const all = texts();
        assert.ok(all.length > 40_000);
        let checked = 0;
        for (const [i, text] of all.entries()) {
            // Every seventh, with spaces around; the model in both languages for a sample of the rest (it takes ~0.2 ms a text).
            const asTyped = i % 7 === 0 ? `  ${text} ` : text;
            if (i % 5 !== 0) {
                continue;
            }
            const lang = LANGS[i % LANGS.length];
            assert.strictEqual(findEmail(asTyped, lang), findEmailByModel(asTyped, lang), JSON.stringify(asTyped));
            checked++;
        }
        assert.ok(checked > 8_000);
    });

    it('runs the model only when the text is more than one plain address', () => {
        const parse = countCalls(Object.getPrototypeOf(new SequenceRecognizer(Culture.German).getEmailModel()) as object, 'parse');
        try {
            assert.strictEqual(findEmail(' Lea.Fischer-2@mueller-design.example ', 'de'), 'Lea.Fischer-2@mueller-design.example');
            assert.strictEqual(findEmail('peter.brooks@northwind.example', 'en'), 'peter.brooks@northwind.example');
            assert.strictEqual(parse.calls, 0);
            assert.strictEqual(findEmail('Meine Adresse ist lea.fischer@mueller-design.example', 'de'), 'lea.fischer@mueller-design.example');
            assert.strictEqual(parse.calls, 1, 'words beside the address: the model finds it');
            assert.strictEqual(findEmail('lea.fischer@mueller-design.example.', 'en'), 'lea.fischer@mueller-design.example');
            assert.strictEqual(parse.calls, 2, 'a full stop after it: the model and the trimming of the domain');
        } finally {
            parse.restore();
        }
    });
});

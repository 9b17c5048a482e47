import * as assert from 'assert';
import { phraseOf, wordsOf } from '../../core/words';

describe('wordsOf and phraseOf: the words of a text, lower case', () => {
    it('split at everything that is no letter or digit', () => {
        assert.deepStrictEqual(wordsOf("What's my Abrechnungskontakt? (BC-2026-3)"), ['what', 's', 'my', 'abrechnungskontakt', 'bc', '2026', '3']);
        assert.strictEqual(phraseOf('  Nein, danke!  '), 'nein danke');
        assert.deepStrictEqual(wordsOf(''), []);
        assert.deepStrictEqual(wordsOf('?!  …'), []);
        assert.strictEqual(phraseOf('Tschüss, ÄRGER'), 'tschüss ärger');
    });

    it('give a fresh list each time: a caller that changes its list changes no later answer', () => {
        const first = wordsOf('ja bitte gern');
        first.push('x');
        first.shift();
        assert.deepStrictEqual(wordsOf('ja bitte gern'), ['ja', 'bitte', 'gern']);
    });

    it('read texts longer than they keep, and more texts than they keep, the same way', () => {
        const long = 'Wort '.repeat(5000);
        assert.strictEqual(wordsOf(long).length, 5000);
        for (let i = 0; i < 2000; i++) {
            assert.strictEqual(phraseOf(`Text Nr. ${i}!`), `text nr ${i}`);
        }
        assert.strictEqual(phraseOf('Text Nr. 0!'), 'text nr 0');
    });
});

import * as assert from 'assert';
import { beginsWith, hasPhrase, hasPhraseWords, phraseOf, wordsOf } from '../../core/words';

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

describe('beginsWith and hasPhraseWords: the checks a phrase list runs at every message', () => {
    it('beginsWith answers as startsWith(`${phrase} `) for every pair of phrases', () => {
        const phrases = ['', 'ja', 'ja bitte', 'jawohl', 'ja ja', 'nein', 'no', 'ok', 'ok ', ' ja', 'ja bitte gern', 'j', 'nö'];
        for (const said of phrases) {
            for (const phrase of phrases) {
                assert.strictEqual(beginsWith(said, phrase), said.startsWith(`${phrase} `), `"${said}" / "${phrase}"`);
            }
        }
    });

    it('hasPhrase answers as ` ${said} `.includes(` ${phrase} `) for every pair of phrases, empty ones and stray spaces included', () => {
        const phrases = ['', ' ', 'ja', 'ja bitte', 'bitte', 'bitteschön', 'ja ja', 'a', 'ja bitte gern', 'gern ja', ' ja', 'ja ', 'ja  bitte', 'bitte ja bitte'];
        for (const said of phrases) {
            for (const phrase of phrases) {
                assert.strictEqual(hasPhrase(said, phrase), ` ${said} `.includes(` ${phrase} `), `"${said}" / "${phrase}"`);
            }
        }
    });

    it('hasPhraseWords: every word but the slot is among the message\'s words', () => {
        const present = new Set(wordsOf('you can call me Tom'));
        assert.strictEqual(hasPhraseWords(present, ['call', 'me', 'nick'], 'nick'), true);
        assert.strictEqual(hasPhraseWords(present, ['call', 'me', 'nick'], 'name'), false);
        assert.strictEqual(hasPhraseWords(present, ['use', 'my', 'first', 'name'], 'nick'), false);
        assert.strictEqual(hasPhraseWords(present, [], 'nick'), true);
    });
});

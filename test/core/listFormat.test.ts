import * as assert from 'assert';
import { conjunctionList } from '../../core/listFormat';

describe('conjunctionList: a list joined as the language joins it, by a formatter made once per language', () => {
    it('joins as a new Intl.ListFormat does, in German and English', () => {
        for (const lang of ['de', 'en']) {
            const fresh = new Intl.ListFormat(lang, { type: 'conjunction' });
            for (const items of [[], ['Klaus'], ['Klaus', 'Maria'], ['Klaus', 'Maria', 'Eva']]) {
                assert.strictEqual(conjunctionList(lang).format(items), fresh.format(items), `${lang}: ${items.join(', ')}`);
            }
        }
        assert.strictEqual(conjunctionList('de').format(['Klaus', 'Maria']), 'Klaus und Maria');
    });

    it('keeps one formatter per language', () => {
        assert.strictEqual(conjunctionList('de'), conjunctionList('de'));
        assert.notStrictEqual(conjunctionList('de'), conjunctionList('en'));
    });

    it('refuses a locale text that is none, as Intl.ListFormat does, every time', () => {
        for (let i = 0; i < 2; i++) {
            assert.throws(() => conjunctionList('not a locale!'), RangeError);
        }
    });
});

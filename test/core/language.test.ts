import * as assert from 'assert';
import { langFromAcceptLanguage } from '../../core/language';

describe('langFromAcceptLanguage: the language a browser asks for', () => {
    const cases: Array<[string | undefined, 'de' | 'en', 'de' | 'en', string]> = [
        ['de-AT', 'en', 'de', 'a regional German counts as German'],
        ['en-GB,en;q=0.9,de;q=0.5', 'de', 'en', 'the first of several English entries'],
        ['fr-FR,de;q=0.4,en;q=0.3', 'en', 'de', 'an unknown first language is skipped, then the higher q wins'],
        ['en;q=0.2, de-CH;q=0.8', 'en', 'de', 'a higher q later in the header beats an earlier entry'],
        ['de;q=0.5,en;q=0.5', 'en', 'de', 'on equal q the earlier entry wins'],
        ['EN-us', 'de', 'en', 'tags are case-insensitive'],
        ['fr-FR,it;q=0.8', 'de', 'de', 'neither language: the fallback'],
        ['fr-FR,it;q=0.8', 'en', 'en', 'neither language: the fallback'],
        ['de;q=0,en;q=0.1', 'de', 'en', 'q=0 means "not German"'],
        [undefined, 'en', 'en', 'no header: the fallback'],
        ['', 'de', 'de', 'an empty header: the fallback'],
        [';;,q=,de;q=abc', 'en', 'en', 'garbage: the fallback, no throw']
    ];
    for (const [header, fallback, expected, why] of cases) {
        it(`${JSON.stringify(header)} (fallback ${fallback}) → ${expected}: ${why}`, () => {
            assert.strictEqual(langFromAcceptLanguage(header, fallback), expected);
        });
    }
});

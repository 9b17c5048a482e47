import * as assert from 'assert';
import { findEmail, findEmails } from '../../language/entities';

describe('findEmail: the first email address in a text', () => {
    it('finds an address alone or in a sentence, its whole domain, in either language', () => {
        assert.strictEqual(findEmail('sarah.lee@northwind.example', 'en'), 'sarah.lee@northwind.example');
        assert.strictEqual(findEmail("it's anna@example.com, thanks", 'en'), 'anna@example.com');
        assert.strictEqual(findEmail('Meine Adresse ist jonas.weber@firma-8.example.', 'de'), 'jonas.weber@firma-8.example');
        assert.deepStrictEqual(findEmails('a@b.example und c@d.example', 'de'), ['a@b.example', 'c@d.example']);
    });

    it('finds none in a text without an "@", nor in one whose "@" stands in no address', () => {
        for (const text of ['Who is my billing contact?', 'anna at example dot com', '123456', '', '@', 'duz@', 'mail me @ home']) {
            assert.strictEqual(findEmail(text, 'en'), undefined, text);
        }
    });

    it('answers the same when asked again, also after more texts than it keeps', () => {
        const texts = Array.from({ length: 600 }, (_, i) => `mein Kontakt ist person.${i}@company-${i % 7}.example`);
        for (const round of [1, 2]) {
            texts.forEach((text, i) => assert.strictEqual(findEmail(text, round === 1 ? 'de' : 'en'), `person.${i}@company-${i % 7}.example`, text));
        }
        assert.strictEqual(findEmail(texts[0], 'de'), 'person.0@company-0.example');
    });
});

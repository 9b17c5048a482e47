import * as assert from 'assert';
import { maskText } from '../../services/insights/textMask';

const NAMES = ['Anna Müller', 'Jonas Weber', 'Li'];

describe('maskText (what the insights keep of free text)', () => {
    const cases: Array<[string, string]> = [
        ['mail anna.mueller@mueller-design.example please', 'mail [email] please'],
        ['max (at) firma.de', '[email]'],
        ['max(at)firma.de oder max[at]firma.de', '[email] oder [email]'],
        ['Code 123456, Ticket BC-2026-000123', 'Code #, Ticket BC-#'],
        ['call +49 171 2345678', 'call +#'],
        ['Frau Müller und Herr Jonas Weber', 'Frau [name] und Herr [name]'],
        ['ANNA MÜLLER was great', '[name] was great'],
        ['Annabelle is not Anna', 'Annabelle is not [name]'],
        ['Lila Linie', 'Lila Linie'],
        ['wie wird das wetter morgen?', 'wie wird das wetter morgen?']
    ];
    for (const [text, masked] of cases) {
        it(`"${text}" → "${masked}"`, () => {
            assert.strictEqual(maskText(text, NAMES), masked);
        });
    }
});

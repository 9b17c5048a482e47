import assert from 'node:assert/strict';
import { clauseAsSentence } from '../../language/germanClause';

describe('a German "dass"/"ob" clause passed on as the text of a mail', () => {
    it('stands as a sentence of its own: the verb after the subject, a separable prefix at the end', () => {
        const cases: Array<[string, string]> = [
            ['wir ab märz zwei weitere lizenzen brauchen', 'Wir brauchen ab märz zwei weitere lizenzen'],
            ['ich die Rechnung vom Oktober als PDF brauche', 'Ich brauche die Rechnung vom Oktober als PDF'],
            ['ich die lizenzen aufstocken möchte', 'Ich möchte die lizenzen aufstocken'],
            ['unsere firma zum 1. april umzieht', 'Unsere firma zieht zum 1. april um'],
            ['die rechnung falsch ist, weil die adresse fehlt', 'Die rechnung ist falsch, weil die adresse fehlt'],
            ['er mich zurückruft.', 'Er ruft mich zurück.'],
            // "zurück" typed without its umlaut is one prefix, not "zu" + "rueckruft".
            ['er mich zurueckruft', 'Er ruft mich zurueck'],
            // Only begins like a separable verb.
            ['sie uns nicht antwortet', 'Sie antwortet uns nicht']
        ];
        for (const [clause, sentence] of cases) {
            assert.equal(clauseAsSentence(clause, 'dass'), sentence);
        }
    });

    it('an "ob" clause becomes the question it asks', () => {
        assert.equal(clauseAsSentence('sie die rechnung schicken kann', 'ob'), 'Kann sie die rechnung schicken?');
        assert.equal(clauseAsSentence('wir mehr lizenzen bekommen', 'ob'), 'Bekommen wir mehr lizenzen?');
    });

    it('leaves the clause to the caller where the order is not certain', () => {
        const kept = [
            // No verb at the end: it follows the clause ("Ausklammerung").
            'wir 5 weitere lizenzen brauchen für das vertriebsteam ab januar',
            // Already in the order of a main clause.
            'wir brauchen mehr lizenzen',
            // An adjective between article and noun, a number after the noun, two clauses, a name as subject.
            'die neue adresse ab märz gilt',
            'die Rechnung Nr. 4711 nicht angekommen ist.',
            'wir mehr lizenzen brauchen und die rechnung falsch ist',
            'anna die rechnungen bekommt'
        ];
        for (const clause of kept) {
            assert.equal(clauseAsSentence(clause, 'dass'), undefined);
        }
    });
});

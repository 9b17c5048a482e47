import { useHarness } from '../helpers/botHarness';
import { PHRASES } from '../helpers/phrases';
import { CODE, localeOf, play } from '../helpers/script';
import type { Lang } from '../../core/language';

const CHRIS = 'chris.taylor@taylor-consulting.example';
/** The answer for each of Chris Taylor's two accounts (listed Northwind first, Taylor Consulting second). */
const NORTHWIND = { en: /You are not the billing contact of your corporate account Northwind Traders Ltd/, de: /Sie sind nicht der Abrechnungskontakt Ihres Unternehmenskontos Northwind Traders Ltd/ };
const TAYLOR = { en: /You are the billing contact of your online account Taylor Consulting/, de: /Sie sind der Abrechnungskontakt Ihres Online-Kontos Taylor Consulting/ };

const CASES: ReadonlyArray<readonly [Lang, string, RegExp, RegExp]> = [
    ['de', 'das zweite', TAYLOR.de, NORTHWIND.de],
    ['de', 'Die erste bitte', NORTHWIND.de, TAYLOR.de],
    ['de', 'nimm das letzte Konto', TAYLOR.de, NORTHWIND.de],
    ['en', 'the last one', TAYLOR.en, NORTHWIND.en],
    ['en', 'first please', NORTHWIND.en, TAYLOR.en],
    ['en', 'the second one pls', TAYLOR.en, NORTHWIND.en],
    ['de', 'das zweite pls danke', TAYLOR.de, NORTHWIND.de]
];

describe('An account chosen by its place in the list ("das zweite", "the last one")', () => {
    const harnessOf = useHarness();

    for (const [lang, said, answer, other] of CASES) {
        it(`[${lang}] "${said}" picks that account`, async () => {
            const harness = harnessOf();
            const p = PHRASES[lang];
            await play(harness, harness.conversation(localeOf(lang)), [
                { say: p.whoIs, expect: [p.askEmail] },
                { say: CHRIS, expect: [p.codeSent] },
                { say: CODE, expect: [p.chooseAccount] },
                { say: said, expect: [answer], absent: [other, p.chooseAccount] }
            ], CHRIS);
        });
    }

    it('[de] "das dritte" of two accounts picks none: asked again', async () => {
        const harness = harnessOf();
        const p = PHRASES.de;
        await play(harness, harness.conversation(localeOf('de')), [
            { say: p.whoIs, expect: [p.askEmail] },
            { say: CHRIS, expect: [p.codeSent] },
            { say: CODE, expect: [p.chooseAccount] },
            { say: 'das dritte', expect: [/Bitte wählen Sie eines der Konten/], absent: [TAYLOR.de, NORTHWIND.de] }
        ], CHRIS);
    });
});

import { useHarness } from '../helpers/botHarness';
import { PHRASES } from '../helpers/phrases';
import { CODE, localeOf, play } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import type { Lang } from '../../core/language';
import { JONAS } from '../helpers/demoPeople';

/** At "who should become the billing contact?", the member named in a sentence of one's own is the one chosen. */
const CASES: ReadonlyArray<readonly [Lang, string]> = [
    ['de', 'die lea soll das übernehmen'],
    ['de', 'Lea kümmert sich künftig darum'],
    ['en', 'lea takes over from now on'],
    ['en', 'Lea should handle it']
];

describe('The new billing contact named in the person\'s own words ("die lea soll das übernehmen")', () => {
    const harnessOf = useHarness();

    for (const [lang, said] of CASES) {
        it(`[${lang}] "${said}" chooses Lea Fischer`, async () => {
            const harness = harnessOf();
            const p = PHRASES[lang];
            const task = TASK_PHRASES[lang];
            await play(harness, harness.conversation(localeOf(lang)), [
                { say: task.changeContact, expect: [p.askEmail] },
                { say: JONAS, expect: [p.codeSent] },
                { say: CODE, expect: [task.askNewContact] },
                { say: said, expect: [/Lea Fischer/], absent: [task.askNewContactRetry] }
            ], JONAS);
        });
    }
});

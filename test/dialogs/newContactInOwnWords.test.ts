import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE, localeOf, play, type Step } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { JONAS } from '../helpers/demoPeople';
import type { Lang } from '../../core/language';

const SARAH = 'sarah.lee@northwind.example';
const de = { p: PHRASES.de, task: TASK_PHRASES.de };
const en = { p: PHRASES.en, task: TASK_PHRASES.en };
/** The question for the new contact of Northwind, as it begins. */
const ASK_NORTHWIND = /Who should become the billing contact of Northwind Traders Ltd\?/;

/** Sarah, an admin of Northwind, at the choice of the new contact. */
const sarahAtChoice: Step[] = [
    { say: 'i want to change the billing contact', expect: [en.p.askEmail] },
    { say: SARAH, expect: [en.p.codeSent] },
    { say: CODE, expect: [ASK_NORTHWIND] }
];

/** Jonas, an admin of Müller Design, at the choice of the new contact, having asked for the change in `said`. */
const jonasAtChoiceIn = (lang: Lang, said: string): Step[] => [
    { say: said, expect: [PHRASES[lang].askEmail] },
    { say: JONAS, expect: [PHRASES[lang].codeSent] },
    { say: CODE, expect: [TASK_PHRASES[lang].askNewContact] }
];

/** Jonas at the choice, in German. */
const jonasAtChoice = jonasAtChoiceIn('de', 'ich möchte den abrechnungskontakt ändern');

/** The new billing contact named in the person's own words at "pick one of the people, or Someone else". */
const ROWS: readonly ConversationRow[] = [
    {
        name: '"make it tom" at the choice picks Tom Hughes, the only Tom of the account',
        lang: 'en', email: SARAH,
        steps: [...sarahAtChoice,
            { say: 'make it tom', expect: [/Why should Tom Hughes become the billing contact/], absent: [en.task.askEmail, en.task.askName, en.task.askNewContactRetry] },
            { say: 'Peter is leaving the company', expect: [en.task.summary] },
            { say: 'yes', expect: [en.task.filed] }],
        outcome: { request: { account: 'ACC-2002', newContact: /^Tom Hughes/, reason: /Peter is leaving/ }, noHandoff: true }
    },
    {
        name: '"bitte den kontakt ändern auf lea" bei der Wahl nimmt Lea Fischer',
        lang: 'de', email: JONAS,
        steps: [...jonasAtChoice,
            { say: 'bitte den kontakt ändern auf lea', expect: [/Warum soll Lea Fischer Abrechnungskontakt werden/], absent: [de.task.askName, de.task.askNewContactRetry] },
            { say: 'Anna wechselt in eine andere Abteilung', expect: [de.task.summary] },
            { say: 'ja', expect: [de.task.filed] }],
        outcome: { request: { account: 'ACC-1001', newContact: /^Lea Fischer/, reason: /andere Abteilung/ }, noHandoff: true }
    },
    {
        name: '"instead a new person: Linda Park, linda.park@…" takes the name and the address; nothing more is asked but the reason',
        lang: 'en', email: SARAH,
        steps: [...sarahAtChoice,
            { say: 'instead a new person: Linda Park, linda.park@northwind.example', expect: [/Why should Linda Park become the billing contact/], absent: [en.task.askName, /email address of/] },
            { say: 'She runs finance now.', expect: [en.task.summary] },
            { say: 'yes', expect: [en.task.filed] }],
        outcome: { request: { account: 'ACC-2002', newContact: /Linda Park.*linda\.park@northwind\.example/, reason: /runs finance/ }, noHandoff: true }
    },
    {
        name: '"eine neue Person: Linda Park" ohne Adresse: nur die Adresse wird gefragt',
        lang: 'de', email: JONAS,
        steps: [...jonasAtChoice,
            { say: 'lieber eine neue Person: Linda Park. Sie macht jetzt die Buchhaltung.', expect: [/wie lautet die E-Mail-Adresse von Linda Park\?/], absent: [de.task.askName] },
            { say: 'linda.park@mueller-design.example', expect: [/Warum soll Linda Park Abrechnungskontakt werden/] },
            { say: 'Sie macht jetzt die Buchhaltung.', expect: [de.task.summary] },
            { say: 'ja', expect: [de.task.filed] }],
        outcome: { request: { account: 'ACC-1001', newContact: /^Linda Park.*linda\.park@mueller-design\.example/ }, noHandoff: true }
    },
    {
        name: '"no wait, make it Sarah Lee instead" after a reason naming Tom: the reason is asked again for Sarah',
        lang: 'en', email: SARAH,
        steps: [...sarahAtChoice,
            { say: 'Tom Hughes', expect: [/Why should Tom Hughes become the billing contact/] },
            { say: 'Tom knows our invoices best', expect: [en.task.summary] },
            { say: 'no wait, make it Sarah Lee instead', expect: [/Why should Sarah Lee become the billing contact/], absent: [en.task.summary] },
            { say: 'Peter is leaving the company', expect: [en.task.summary, /Sarah Lee/] },
            { say: 'yes', expect: [en.task.filed] }],
        outcome: { request: { account: 'ACC-2002', newContact: /^Sarah Lee/, reason: /^Peter is leaving the company$/ }, noHandoff: true }
    }
];

describe('The new billing contact in the person\'s own words: first names, a name with its address, a change of mind', () => {
    const harness = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harness(), row);
        });
    }
});

/** At "who should become the billing contact?", the member named in a sentence of one's own is the one chosen. */
const NAMED_IN_SENTENCE: ReadonlyArray<readonly [Lang, string]> = [
    ['de', 'die lea soll das übernehmen'],
    ['de', 'Lea kümmert sich künftig darum'],
    ['en', 'lea takes over from now on'],
    ['en', 'Lea should handle it']
];

describe('The new billing contact named in the person\'s own words ("die lea soll das übernehmen")', () => {
    const harnessOf = useHarness();
    for (const [lang, said] of NAMED_IN_SENTENCE) {
        it(`[${lang}] "${said}" chooses Lea Fischer`, async () => {
            const harness = harnessOf();
            await play(harness, harness.conversation(localeOf(lang)), [
                ...jonasAtChoiceIn(lang, TASK_PHRASES[lang].changeContact),
                { say: said, expect: [/Lea Fischer/], absent: [TASK_PHRASES[lang].askNewContactRetry] }
            ], JONAS);
        });
    }
});

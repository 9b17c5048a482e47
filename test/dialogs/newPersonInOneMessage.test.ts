import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { JONAS } from '../helpers/demoPeople';

const SARAH = 'sarah.lee@northwind.example';
const de = { p: PHRASES.de, task: TASK_PHRASES.de };
const en = { p: PHRASES.en, task: TASK_PHRASES.en };

/** A new person as new billing contact, in the person's own words: a yes is no name, a title is no part of it, name and address in one message. */
const ROWS: readonly ConversationRow[] = [
    {
        name: '„Ja“ ist kein Name; „Herrn Peter Krause, peter.krause@mueller-design“: Name übernommen, die unvollständige Adresse gezielt nachgefragt',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'ich möchte den abrechnungskontakt ändern', expect: [de.p.askEmail] },
            { say: JONAS, expect: [de.p.codeSent] },
            { say: CODE, expect: [de.task.askNewContact] },
            { say: 'Eine andere Person', expect: [de.task.askName] },
            { say: 'Ja', expect: [/Bitte geben Sie Vor- und Nachnamen der Person ein/], absent: [/E-Mail-Adresse von Ja/] },
            {
                say: 'Herrn Peter Krause, peter.krause@mueller-design',
                expect: [/Die Adresse „peter\.krause@mueller-design“ ist leider unvollständig.*Wie lautet die vollständige E-Mail-Adresse von Peter Krause\?/],
                absent: [/Vor- und Nachnamen/, /Herrn/]
            },
            { say: 'peter.krause@mueller-design.example', expect: [/Warum soll Peter Krause Abrechnungskontakt werden/] },
            { say: 'Anna geht in Elternzeit.', expect: [de.task.summary, /Neuer Abrechnungskontakt: Peter Krause \(peter\.krause@mueller-design\.example\)/] },
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /^Peter Krause \(peter\.krause@mueller-design\.example\)$/ }, noHandoff: true }
    },
    {
        name: '"no" is no name; "Ms Linda Park, linda.park@northwind.example" at the name question: nothing more is asked but the reason',
        lang: 'en', email: SARAH,
        steps: [
            { say: 'i want to change the billing contact', expect: [en.p.askEmail] },
            { say: SARAH, expect: [en.p.codeSent] },
            { say: CODE, expect: [/Who should become the billing contact of Northwind/] },
            { say: 'Someone else', expect: [en.task.askName] },
            { say: 'no', expect: [/Please type the person's first and last name/], absent: [/email address of no/i] },
            { say: 'Ms Linda Park, linda.park@northwind.example', expect: [/Why should Linda Park become the billing contact/], absent: [/email address of/, /first and last name/] },
            { say: 'She runs finance now.', expect: [en.task.summary] },
            { say: 'yes', expect: [en.task.filed] }
        ],
        outcome: { request: { account: 'ACC-2002', newContact: /^Linda Park \(linda\.park@northwind\.example\)$/ }, noHandoff: true }
    }
];

describe('A new person as new billing contact: name and address in the person\'s own words', () => {
    const harness = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harness(), row);
        });
    }
});

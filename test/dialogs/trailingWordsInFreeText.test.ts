import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { CODE } from '../helpers/script';
import { PETER } from '../helpers/demoPeople';

/**
 * Exploratory pass: free text with trailing words. A courtesy after (or before) a new contact's name is no part of it
 * ("Petra Klein please", "Petra Klein Bitte"); a sentence after the reason that gives an address is that detail (the
 * requester's own, already known, or the new person's), not the reason.
 */
/** Peter, after a greeting, asks to change the billing contact and proves who he is. */
const PETER_ASKS_CHANGE = {
    en: [{ say: 'hi' }, { say: 'I want to change the billing contact' }, { say: PETER }, { say: CODE }],
    de: [{ say: 'hallo' }, { say: 'Ich möchte den Abrechnungskontakt ändern' }, { say: PETER }, { say: CODE }]
} as const;

const ROWS: readonly ConversationRow[] = [
    {
        name: '"Petra Klein please", then a reason with "My email is …" after it: Petra Klein filed, the reason without the email sentence',
        lang: 'en',
        email: PETER,
        steps: [
            ...PETER_ASKS_CHANGE.en,
            { say: 'Someone else' },
            { say: 'Petra Klein please', expect: [/email address of Petra Klein\?/] },
            { say: 'petra.klein@northwind.example' },
            { say: `he left the company; My email is ${PETER}`, expect: [/Reason: he left the company\s*$/m], absent: [/Reason:.*email/] },
            { say: 'yes' }
        ],
        outcome: { request: { account: 'ACC-2002', newContact: /^Petra Klein \(petra\.klein@northwind\.example\)$/, reason: /^he left the company$/ } }
    },
    {
        name: '„Petra Klein Bitte“ und „…; meine E-Mail ist …“ nach dem Grund: Petra Klein, der Grund ohne den Satz mit der Adresse',
        lang: 'de',
        email: PETER,
        steps: [
            ...PETER_ASKS_CHANGE.de,
            { say: 'Eine andere Person' },
            { say: 'Petra Klein Bitte', expect: [/E-Mail-Adresse von Petra Klein\?/] },
            { say: 'petra.klein@northwind.example' },
            { say: `er hat das Unternehmen verlassen; meine E-Mail ist ${PETER}`, absent: [/Grund:.*E-Mail/] },
            { say: 'ja' }
        ],
        outcome: { request: { account: 'ACC-2002', newContact: /^Petra Klein \(petra\.klein@northwind\.example\)$/, reason: /^er hat das Unternehmen verlassen$/, lang: 'de' } }
    },
    {
        name: '"I left the company. My email is …" for a member: the reason is the first sentence only',
        lang: 'en',
        email: PETER,
        steps: [...PETER_ASKS_CHANGE.en, { say: 'Sarah Lee' }, { say: `I left the company. My email is ${PETER}` }, { say: 'yes' }],
        outcome: { request: { account: 'ACC-2002', newContact: /^Sarah Lee$/, reason: /^I left the company\.?$/ } }
    },
    {
        name: '"… Her email is petra.k@…" after the reason: the new person\'s address, not the reason',
        lang: 'en',
        email: PETER,
        steps: [
            ...PETER_ASKS_CHANGE.en,
            { say: 'Someone else' },
            { say: 'Petra Klein, thanks' },
            { say: 'petra.klein@northwind.example' },
            { say: 'she runs accounting now. Her email is petra.k@northwind.example', expect: [/petra\.k@northwind\.example/] },
            { say: 'yes' }
        ],
        outcome: { request: { account: 'ACC-2002', newContact: /^Petra Klein \(petra\.k@northwind\.example\)$/, reason: /^she runs accounting now\.?$/ } }
    }
];

describe('Trailing words in free text: courtesies after a name, an address after the reason (exploratory pass)', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }
});

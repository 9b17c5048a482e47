import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';

/**
 * Exploratory pass: a wrong user ID corrected at the portal reset's question or after it ("wrong user id, it's pbrooks",
 * "falsche ID, ich meinte mbergmann-billing"): the right one is taken and its billing contact gets the reset link.
 */
const ROWS: readonly ConversationRow[] = [
    {
        name: '"wrong user id, it\'s pbrooks" after a reset for a mistyped ID: Peter gets the link',
        lang: 'en',
        steps: [{ say: 'hi' }, { say: 'reset my portal password' }, { say: 'pbrokes' }, { say: "wrong user id, it's pbrooks", expect: [/reset link/], absent: [/didn't quite get that/] }],
        outcome: { resetTo: 'peter.brooks@northwind.example', noHandoff: true }
    },
    {
        name: '„falsche ID, ich meinte mbergmann-billing“ nach dem Zurücksetzen für eine vertippte ID: Maria bekommt den Link',
        lang: 'de',
        steps: [{ say: 'hallo' }, { say: 'Portal-Kennwort zurücksetzen' }, { say: 'mbergman' }, { say: 'falsche ID, ich meinte mbergmann-billing', absent: [/nicht verstanden/] }],
        outcome: { resetTo: 'buchhaltung@bergmann-soehne.example', noHandoff: true }
    },
    {
        name: '"the username I gave was wrong, should be pbrooks" at the user-ID question: Peter gets the link',
        lang: 'en',
        steps: [{ say: 'hi' }, { say: 'reset my portal password' }, { say: 'Where do I find my user ID?' }, { say: 'sorry, the username I gave was wrong, should be pbrooks', absent: [/Please type just the user ID/] }],
        outcome: { resetTo: 'peter.brooks@northwind.example', noHandoff: true }
    }
];

describe('A wrong user ID corrected at the portal reset (exploratory pass)', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }
});

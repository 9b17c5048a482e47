import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';

const en = PHRASES.en;
const de = PHRASES.de;

/** The article's answer on online and corporate accounts. */
const ONLINE_VS_CORPORATE = { en: /Corporate accounts are set up through your company and invoiced/, de: /Unternehmenskonten werden über Ihr Unternehmen eingerichtet und per Rechnung/ };
/** The email question's retry: the words taken as a wrong address. */
const NOT_AN_EMAIL = { en: /doesn't look like an email address/, de: /sieht nicht nach einer E-Mail-Adresse aus/ };

/**
 * Issue 12 (Direct Line pass on main): two questions in one message, and at the email question of the first "just the
 * second question please": the first is dropped and the second answered, not the address asked for again.
 */
const ROWS: readonly ConversationRow[] = [
    {
        name: '„ach, nur die zweite frage bitte“ bei der Frage nach der E-Mail-Adresse: die zweite Frage wird beantwortet',
        lang: 'de',
        steps: [
            { say: 'hallo' },
            { say: 'wer ist unser abrechnungskontakt und was ist ein unternehmenskonto?', expect: [de.askEmail] },
            { say: 'ach, nur die zweite frage bitte', expect: [ONLINE_VS_CORPORATE.de], absent: [NOT_AN_EMAIL.de, de.askEmail] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '"just the second question please" at the email question: the second question is answered',
        lang: 'en',
        steps: [
            { say: 'hi' },
            { say: 'who is our billing contact and what is a corporate account?', expect: [en.askEmail] },
            { say: 'just the second question please', expect: [ONLINE_VS_CORPORATE.en], absent: [NOT_AN_EMAIL.en, en.askEmail] }
        ],
        outcome: { noHandoff: true }
    }
];

describe('Only the next of several questions, asked for at a question of the first (issue 12)', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }
});

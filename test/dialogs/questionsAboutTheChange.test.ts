import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';

const en = PHRASES.en;
const de = PHRASES.de;

/** Who may change the billing contact: the admins. */
const ONLY_ADMINS = { en: /Only the account's admins can ask for a change of the billing contact/, de: /können nur die Administratoren des Kontos beantragen/ };
/** How long a change takes: no time the product names; a staff member decides. */
const HOW_LONG = { en: /How long a change takes isn't fixed: a LogMeIn staff member reviews every request/, de: /Wie lange eine Änderung dauert, ist nicht festgelegt: Ein LogMeIn-Mitarbeiter prüft jeden Antrag/ };
/** The change offered, not begun. */
const OFFER_CHANGE = { en: /Shall I request a change of the billing contact for you\?/, de: /Soll ich für Sie eine Änderung des Abrechnungskontakts beantragen\?/ };

/**
 * Issue 12 (Direct Line pass on main): "who may change our billing contact and how long does it take?" is a question,
 * answered (only admins may ask for it; no time is promised), with the change offered; verification starts only when
 * the person takes the offer.
 */
const ROWS: readonly ConversationRow[] = [
    {
        name: '„wer darf bei uns den abrechnungskontakt ändern und wie lange dauert das?“: beantwortet, die Änderung nur angeboten',
        lang: 'de',
        steps: [
            { say: 'hallo' },
            { say: 'wer darf bei uns den abrechnungskontakt ändern und wie lange dauert das?', expect: [ONLY_ADMINS.de, HOW_LONG.de, OFFER_CHANGE.de], absent: [de.askEmail] },
            { say: 'ja bitte', expect: [de.askEmail] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '"who can change the billing contact for us and how long does it take?": answered, the change only offered',
        lang: 'en',
        steps: [
            { say: 'hi' },
            { say: 'who can change the billing contact for us and how long does it take?', expect: [ONLY_ADMINS.en, HOW_LONG.en, OFFER_CHANGE.en], absent: [en.askEmail] },
            { say: 'no thanks', absent: [en.askEmail] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '„Wer darf den Abrechnungskontakt ändern? Und wie lange dauert das?“ in zwei Sätzen: ebenso beantwortet',
        lang: 'de',
        steps: [
            { say: 'hallo' },
            { say: 'Wer darf den Abrechnungskontakt ändern? Und wie lange dauert das?', expect: [ONLY_ADMINS.de, HOW_LONG.de, OFFER_CHANGE.de], absent: [de.askEmail] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '"who can change the billing contact? I want Lea Fischer instead": a wish after the question is the change itself',
        lang: 'en',
        steps: [
            { say: 'hi' },
            { say: 'who can change the billing contact? I want Lea Fischer instead.', expect: [en.askEmail], absent: [OFFER_CHANGE.en] }
        ],
        outcome: { noHandoff: true }
    }
];

describe('Questions about changing the billing contact, asked first (issue 12)', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }
});

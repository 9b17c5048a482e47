import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { ANNA, LEA } from '../helpers/demoPeople';

const en = PHRASES.en;
const de = PHRASES.de;

/** The prompt's retry: the answer was not taken. */
const CHOOSE = { en: /Please choose one of the options/, de: /Bitte wählen Sie eine der Optionen/ };

/** Lea Fischer (no admin, no billing contact of Müller Design) verified and offered the mail to Anna Müller. */
const LEA_AT_OFFER = {
    en: [
        { say: 'hi who is our billing contact', expect: [en.askEmail] },
        { say: LEA, expect: [en.codeSent] },
        { say: CODE, expect: [en.caseB, en.offerEmail] }
    ],
    de: [
        { say: 'hi wer ist unser abrechnungskontakt', expect: [de.askEmail] },
        { say: LEA, expect: [de.codeSent] },
        { say: CODE, expect: [de.caseB, de.offerEmail] }
    ]
} as const;

const ROWS: readonly ConversationRow[] = [
    // The mail's words at the offer to write it, without a plain yes: a yes with those words, shown in the draft.
    ...(
        [
            ['en', 'actually, tell her we need it by friday', [/We need it by friday/i]],
            ['en', "actually make it 4 licences, and say it's for the new interns", [/4 licences/, /new interns/]],
        ] as const
    ).map(([lang, said, shown]): ConversationRow => ({
        name: `„${said}“ beim Angebot der Mail an Anna: ein Ja mit diesen Worten, im Entwurf gezeigt`,
        lang, email: LEA,
        steps: [...LEA_AT_OFFER[lang], { say: said, expect: [PHRASES[lang].preview, ...shown, PHRASES[lang].confirm], absent: [CHOOSE[lang]] }],
        outcome: { noMailTo: ANNA }
    }))
];

describe('Customers\' own words (issue 12): the mail\'s words at its offer, statements after a filed request, who-questions about the last answer', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }
});

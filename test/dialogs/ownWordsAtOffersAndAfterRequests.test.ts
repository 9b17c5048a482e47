import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { ANNA, LEA } from '../helpers/demoPeople';

const en = PHRASES.en;
const de = PHRASES.de;

const SARAH = 'sarah.lee@northwind.example';

/** A new change request begins: the question for the new person. */
const NEW_REQUEST = { en: /Who should become the billing contact/, de: /Wer soll .*Abrechnungskontakt werden/ };

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
    })),
    // Right after a change request was filed, the same change said again without anyone new: the request filed covers it.
    ...(
        [
            ['en', 'he left, his mailbox is closed']
        ] as const
    ).map(([lang, said]): ConversationRow => ({
        name: `"${said}" right after the change request was filed: that request covers it, another one only for someone else`,
        lang, email: SARAH,
        steps: [
            { say: 'hi our billing contact left the company, can you change it to me', expect: [en.askEmail] },
            { say: SARAH, expect: [en.codeSent] },
            { say: CODE },
            { say: 'peter left the company' },
            { say: 'yes', expect: [/BC-\d{4}-\d{6}/] },
            { say: said, expect: [/BC-\d{4}-\d{6}.* covers that/, /LogMeIn staff member reviews it/], absent: [NEW_REQUEST.en], buttons: ['Another request', 'No, thanks'] }
        ],
        outcome: {}
    })),
    // A who-question that points back at the topic just answered: who gets what it was about, the billing contact, once verified.
    {
        name: '„ok und wer bekommt sie dann?“ nach der Antwort zu Rechnungen: wer der Abrechnungskontakt ist, nach der Bestätigung',
        lang: 'de', email: LEA,
        steps: [
            { say: 'hi ich möchte wissen ob ich rechnungen bekomme', expect: [/Rechnung/] },
            { say: 'ok und wer bekommt sie dann?', expect: [de.askEmail], absent: [/an dieser Stelle leider nicht beantworten/] },
            { say: LEA, expect: [de.codeSent] },
            { say: CODE, expect: [de.caseB, /Anna Müller/] }
        ],
        outcome: { noMailTo: ANNA }
    }
];

describe('Customers\' own words (issue 12): the mail\'s words at its offer, statements after a filed request, who-questions about the last answer', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }
});

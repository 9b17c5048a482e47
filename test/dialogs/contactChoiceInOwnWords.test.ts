import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE, type Step } from '../helpers/script';
import { ANNA, EVA, JONAS } from '../helpers/demoPeople';
import { TASK_PHRASES as TASK } from '../helpers/taskPhrases';

const en = PHRASES.en;
const de = PHRASES.de;
const CLOSED = { en: /Goodbye|goodbye|Have a nice day/, de: /Auf Wiedersehen|schönen Tag/ } as const;
const NOT_ADDRESS = { en: /doesn't look like an email address/, de: /sieht nicht nach einer E-Mail-Adresse aus/ } as const;
const ASK_REPLACES = { en: /Whom should Eva Schulz replace as billing contact\?/, de: /Wen soll Eva Schulz als Abrechnungskontakt ersetzen\?/ } as const;
const REPLACES_RETRY = { en: /Please choose whom Eva Schulz replaces/, de: /Bitte wählen Sie, wen Eva Schulz ersetzen soll/ } as const;

/** Verified as `email` in the change of billing contact, at the choice of the new contact. */
function toChoice(lang: 'de' | 'en', email: string): Step[] {
    const p = lang === 'de' ? de : en;
    return [
        { say: lang === 'de' ? 'Abrechnungskontakt ändern' : 'change the billing contact', expect: [p.askEmail] },
        { say: email, expect: [p.codeSent] },
        { say: CODE, expect: [lang === 'de' ? /Wer soll Abrechnungskontakt von .* werden\?/ : /Who should become the billing contact of/] }
    ];
}

/** Verified as Jonas Weber, at the address of the new person Max Mustermann. */
function toAddress(lang: 'de' | 'en'): Step[] {
    return [...toChoice(lang, JONAS), { say: 'Max Mustermann', expect: [TASK[lang].askEmail] }];
}

/**
 * Issue 12: the new contact in the customer's own words — a person who already is a billing contact (themselves too), a
 * correction at the new person's address, a yes or a goodbye there, and own words at whom the new contact replaces.
 */
const ROWS: readonly ConversationRow[] = [
    {
        name: '„Anna Müller“, schon Abrechnungskontakt, bei der Wahl: gesagt, und wer stattdessen gefragt',
        lang: 'de', email: JONAS,
        steps: [
            ...toChoice('de', JONAS),
            { say: 'Anna Müller', expect: [/Anna Müller ist bereits Abrechnungskontakt von Müller Design GmbH/, /„abbrechen“/], absent: [/E-Mail-Adresse von Anna Müller/] },
            { say: 'Lea Fischer', expect: [TASK.de.askReason] }
        ],
        outcome: { noRequest: 'ACC-1001' }
    },
    {
        name: '"myself" from the billing contact: already one, and whom else asked',
        lang: 'en', email: ANNA,
        steps: [...toChoice('en', ANNA), { say: 'myself', expect: [/You are already a billing contact of Müller Design GmbH/, /"cancel"/], absent: [/Please pick one of the people/] }],
        outcome: { noRequest: 'ACC-1001' }
    },
    {
        name: '"klaus" at the choice of ACC-3003: Klaus Bergmann already is a billing contact',
        lang: 'en', email: EVA,
        steps: [...toChoice('en', EVA), { say: 'klaus', expect: [/Klaus Bergmann is already a billing contact of Bergmann & Söhne AG/] }],
        outcome: { noRequest: 'ACC-3003' }
    },
    {
        name: '„nein, stattdessen bitte mich selbst“ bei der Adresse: der Antrag für die Person selbst',
        lang: 'de', email: JONAS,
        steps: [...toAddress('de'), { say: 'nein, stattdessen bitte mich selbst', expect: [/Warum soll Jonas Weber Abrechnungskontakt werden\?/], absent: [NOT_ADDRESS.de] }],
        outcome: { noRequest: 'ACC-1001' }
    },
    {
        name: '"no, instead make it me" at the address: the request for the person themselves',
        lang: 'en', email: JONAS,
        steps: [...toAddress('en'), { say: 'no, instead make it me', expect: [/Why should Jonas Weber become the billing contact\?/], absent: [NOT_ADDRESS.en] }],
        outcome: { noRequest: 'ACC-1001' }
    },
    {
        name: '„doch lieber Lea Fischer“ bei der Adresse: Lea Fischer aus dem Konto, keine Adresse gefragt',
        lang: 'de', email: JONAS,
        steps: [...toAddress('de'), { say: 'doch lieber Lea Fischer', expect: [/Warum soll Lea Fischer Abrechnungskontakt werden\?/], absent: [NOT_ADDRESS.de] }],
        outcome: { noRequest: 'ACC-1001' }
    },
    {
        name: '„nein, lieber peter schmidt“ bei der Adresse: die Adresse von Peter Schmidt gefragt',
        lang: 'de', email: JONAS,
        steps: [...toAddress('de'), { say: 'nein, lieber peter schmidt', expect: [/E-Mail-Adresse von Peter Schmidt\?/], absent: [NOT_ADDRESS.de] }],
        outcome: { noRequest: 'ACC-1001' }
    },
    {
        name: '„nein, stattdessen bitte mich selbst, eva schulz“ bei der Adresse (ACC-3003): wen Eva Schulz ersetzt',
        lang: 'de', email: EVA,
        steps: [...toChoice('de', EVA), { say: 'Peter Krause', expect: [/E-Mail-Adresse von Peter Krause/] }, { say: 'nein, stattdessen bitte mich selbst, eva schulz', expect: [ASK_REPLACES.de] }],
        outcome: { noRequest: 'ACC-3003' }
    },
    {
        name: '„ja“ bei der Adresse: was fehlt, gesagt',
        lang: 'de', email: JONAS,
        steps: [...toAddress('de'), { say: 'ja', expect: [/Ich brauche noch die E-Mail-Adresse von Max Mustermann/], absent: [NOT_ADDRESS.de] }],
        outcome: { noRequest: 'ACC-1001' }
    },
    {
        name: '"yes" at the address: what is needed, said',
        lang: 'en', email: JONAS,
        steps: [...toAddress('en'), { say: 'yes', expect: [/I still need the email address of Max Mustermann/], absent: [NOT_ADDRESS.en] }],
        outcome: { noRequest: 'ACC-1001' }
    },
    {
        name: '„na, des woars, pfiat di“ bei der Adresse: kein Antrag gestellt, verabschiedet',
        lang: 'de', email: JONAS,
        steps: [...toAddress('de'), { say: 'na, des woars, pfiat di', expect: [TASK.de.notFiled, CLOSED.de], absent: [/verwerfen/] }],
        outcome: { noRequest: 'ACC-1001' }
    },
    {
        name: '"ok forget it, bye" at the address: nothing filed, goodbye',
        lang: 'en', email: JONAS,
        steps: [...toAddress('en'), { say: 'ok forget it, bye', expect: [TASK.en.notFiled, CLOSED.en], absent: [/Shall I drop it/] }],
        outcome: { noRequest: 'ACC-1001' }
    },
    {
        name: '„beide“ bei „Wen soll … ersetzen?“: ein Antrag ersetzt einen Kontakt',
        lang: 'de', email: EVA,
        steps: [...toChoice('de', EVA), { say: 'mich selbst', expect: [ASK_REPLACES.de] }, { say: 'beide', expect: [/Ein Antrag ersetzt genau einen Abrechnungskontakt/], absent: [REPLACES_RETRY.de] }],
        outcome: { noRequest: 'ACC-3003' }
    },
    {
        name: '"the one in accounting" at whom to replace: the contacts with their addresses',
        lang: 'en', email: EVA,
        steps: [...toChoice('en', EVA), { say: 'myself', expect: [ASK_REPLACES.en] }, { say: 'the one in accounting', expect: [/can't tell from that whom you mean/, /Maria Bergmann \(buchhaltung@bergmann-soehne\.example\)/], absent: [REPLACES_RETRY.en] }],
        outcome: { noRequest: 'ACC-3003' }
    },
    {
        name: '„keine ahnung“ bei „Wen soll … ersetzen?“: zusätzlich eintragen empfohlen',
        lang: 'de', email: EVA,
        steps: [...toChoice('de', EVA), { say: 'mich selbst', expect: [ASK_REPLACES.de] }, { say: 'keine ahnung', expect: [/Wenn Sie nicht sicher sind, lassen Sie Eva Schulz am besten zusätzlich eintragen/] }],
        outcome: { noRequest: 'ACC-3003' }
    },
    {
        name: '„nein, doch nicht ich, sondern Peter Krause“ bei „Wen soll … ersetzen?“: die Adresse von Peter Krause gefragt, nichts abgebrochen',
        lang: 'de', email: EVA,
        steps: [
            ...toChoice('de', EVA),
            { say: 'mich selbst', expect: [ASK_REPLACES.de] },
            { say: 'nein, doch nicht ich, sondern Peter Krause', expect: [/E-Mail-Adresse von Peter Krause\?/], absent: [/abgebrochen/, /Ich stelle den Antrag/] },
            { say: 'peter.krause@bergmann-soehne.example', expect: [/Wen soll Peter Krause als Abrechnungskontakt ersetzen\?/] }
        ],
        outcome: { noRequest: 'ACC-3003' }
    },
    {
        name: '"no wait, not me, a new person: Peter Krause" at whom to replace: his address asked',
        lang: 'en', email: EVA,
        steps: [...toChoice('en', EVA), { say: 'myself', expect: [ASK_REPLACES.en] }, { say: 'no wait, not me, a new person: Peter Krause', expect: [/email address of Peter Krause\?/], absent: [REPLACES_RETRY.en, /can't tell/] }],
        outcome: { noRequest: 'ACC-3003' }
    },
    {
        name: '"neither of them" at whom to replace: added alongside',
        lang: 'en', email: EVA,
        steps: [...toChoice('en', EVA), { say: 'myself', expect: [ASK_REPLACES.en] }, { say: 'neither of them', expect: [TASK.en.askReason] }, { say: 'she joins the finance team', expect: [/Eva Schulz is added alongside|alongside/i] }],
        outcome: { noRequest: 'ACC-3003' }
    }
];

describe('Who the new billing contact is and whom they replace, in own words (issue 12)', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }
});

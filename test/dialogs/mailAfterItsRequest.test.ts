import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { ANNA, LEA, PETER } from '../helpers/demoPeople';

const TOM = 'tom.hughes@northwind.example';
const en = PHRASES.en;
const de = PHRASES.de;

/**
 * Issue 12 (third exploratory pass): a request to write in one sentence, what to tell in the next ("Can you email our
 * billing person for me? Tell him the invoice address is wrong, …") was answered with what invoices show, and after
 * verification the message was asked for again. The sentence after the request is the mail's message.
 */
const ROWS: readonly ConversationRow[] = [
    {
        name: '"Can you email our billing person for me? Tell him the invoice address is wrong, …": the mail with that message, not the invoice topic',
        lang: 'en', email: TOM,
        steps: [
            { say: 'hi', expect: [en.menu] },
            { say: 'Can you email our billing person for me? Tell him the invoice address is wrong, it should be 12 Baker Street, London', expect: [en.askEmail] },
            { say: TOM, expect: [en.codeSent] },
            { say: CODE, expect: [en.preview, /invoice address is wrong, it should be 12 Baker Street, London/i, en.confirm], absent: [en.askMessage, /Tell him/] },
            { say: 'yes', expect: [en.sent] }
        ],
        outcome: { mailTo: { to: [PETER], words: /12 Baker Street, London/ } }
    },
    {
        name: '„kannst du unserer Abrechnungskontaktin schreiben? Sag ihr bitte, die Rechnungsadresse ist falsch …“: die Mail mit diesem Text',
        lang: 'de', email: LEA,
        steps: [
            { say: 'hallo', expect: [de.menu] },
            { say: 'kannst du unserer Abrechnungskontaktin schreiben? Sag ihr bitte, die Rechnungsadresse ist falsch, wir sitzen jetzt in der Lindenstraße 4', expect: [de.askEmail] },
            { say: LEA, expect: [de.codeSent] },
            { say: CODE, expect: [de.preview, /Lindenstraße 4/, de.confirm], absent: [de.askMessage, /Sag ihr/] },
            { say: 'ja', expect: [de.sent] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /die Rechnungsadresse ist falsch, wir sitzen jetzt in der Lindenstraße 4/i } }
    },
    {
        name: '"ok then: Tell Peter we need to upgrade …" at the offer after an off-topic question: the mail with that message, not the plan topic',
        lang: 'en', email: TOM,
        steps: [
            { say: 'hi', expect: [en.menu] },
            { say: 'who is the billing contact at our landlord?', expect: [/not something I can help with/] },
            { say: 'ok then: Tell Peter we need to upgrade before the webinar next month.', expect: [en.askEmail], absent: [/Only the billing contact can change the subscription plan/] },
            { say: TOM, expect: [en.codeSent] },
            { say: CODE, expect: [en.preview, /we need to upgrade before the webinar next month/i, en.confirm], absent: [en.askMessage] },
            { say: 'yes', expect: [en.sent] }
        ],
        outcome: { mailTo: { to: [PETER], words: /we need to upgrade before the webinar next month/i } }
    },
    {
        name: '„also gut: sag Anna, wir brauchen zwei Lizenzen mehr“ am Menü: die Mail mit diesem Text, nicht das Thema Tarif',
        lang: 'de', email: LEA,
        steps: [
            { say: 'hallo', expect: [de.menu] },
            { say: 'also gut: sag Anna, wir brauchen zwei Lizenzen mehr', expect: [de.askEmail] },
            { say: LEA, expect: [de.codeSent] },
            { say: CODE, expect: [de.preview, /wir brauchen zwei Lizenzen mehr/i, de.confirm], absent: [de.askMessage] },
            { say: 'ja', expect: [de.sent] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /wir brauchen zwei Lizenzen mehr/i } }
    }
];

describe('A mail asked for in one sentence, its message in the next (issue 12)', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }
});

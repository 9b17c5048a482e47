import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { CODE } from '../helpers/script';

const LEA = 'lea.fischer@mueller-design.example';
const TOM = 'tom.hughes@northwind.example';

/**
 * Exploratory pass: a no to an offer followed by a question ("no. but who can change it?") declines and has the question
 * answered: who may change the billing contact is the account's admins, by name (never their addresses) once verified.
 */
const ROWS: readonly ConversationRow[] = [
    {
        name: '"no. but who can change it?" to the offer of a mail: no mail, the admins of the account by name',
        lang: 'en',
        email: LEA,
        steps: [
            { say: 'hi' },
            { say: 'who is our billing contact?' },
            { say: LEA },
            { say: CODE, expect: [/Shall I email Anna Müller/] },
            { say: 'no. but who can change it?', expect: [/admins/, /Anna Müller/, /Jonas Weber/, /anything else/], absent: [/jonas\.weber@/] }
        ],
        outcome: { noMailTo: 'anna.mueller@mueller-design.example', noRequest: 'ACC-1001', noHandoff: true }
    },
    {
        name: '„nein, aber wer darf das ändern?“ auf das Angebot einer Mail: keine Mail, die Administratoren mit Namen',
        lang: 'de',
        email: LEA,
        steps: [
            { say: 'hallo' },
            { say: 'wer ist unser Abrechnungskontakt?' },
            { say: LEA },
            { say: CODE, expect: [/Soll ich Anna Müller/] },
            { say: 'nein, aber wer darf das ändern?', expect: [/Administratoren/, /Anna Müller/, /Jonas Weber/, /sonst noch/], absent: [/jonas\.weber@/] }
        ],
        outcome: { noMailTo: 'anna.mueller@mueller-design.example', noRequest: 'ACC-1001', noHandoff: true }
    },
    {
        name: '"nah thanks, who is allowed to replace him though?" is no question who the billing contact is: the admins',
        lang: 'en',
        email: TOM,
        steps: [
            { say: 'hi' },
            { say: 'who is our billing contact?' },
            { say: TOM },
            { say: CODE, expect: [/Shall I email Peter Brooks/] },
            { say: 'nah thanks, who is allowed to replace him though?', expect: [/Chris Taylor/, /Sarah Lee/], absent: [/Shall I email/] }
        ],
        outcome: { noMailTo: 'peter.brooks@northwind.example', noRequest: 'ACC-2002' }
    },
    {
        name: '"no, but who may change the billing contact?" from an admin is a question, not the change itself',
        lang: 'en',
        email: 'jonas.weber@mueller-design.example',
        steps: [
            { say: 'hi' },
            { say: 'who is our billing contact?' },
            { say: 'jonas.weber@mueller-design.example' },
            { say: CODE, expect: [/Shall I email Anna Müller/] },
            { say: 'no, but who may change the billing contact?', expect: [/admins/, /Anna Müller and Jonas Weber/], absent: [/Who should become/] }
        ],
        outcome: { noMailTo: 'anna.mueller@mueller-design.example', noRequest: 'ACC-1001', noHandoff: true }
    }
];

describe('A question after a no is answered (exploratory pass)', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }
});

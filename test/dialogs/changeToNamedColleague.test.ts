import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { ANNA, JONAS } from '../helpers/demoPeople';
import { TASK_PHRASES as TASK } from '../helpers/taskPhrases';

const KLAUS = 'klaus.bergmann@bergmann-soehne.example';
const SARAH = 'sarah.lee@northwind.example';
const TOM = 'tom.hughes@northwind.example';
const en = PHRASES.en;
const de = PHRASES.de;
/** The bot saying it cannot answer a question here. */
const CANNOT = { en: /can't answer that question here/, de: /nicht beantworten/ };

/**
 * Issue 12: after the answer who the billing contact is, a colleague named as the one to change to ("und wie ändere ich
 * das auf eva?", "can we switch it to tom?") asks for the change, whatever the classifier makes of the words around the name.
 */
const ROWS: readonly ConversationRow[] = [
    {
        name: '„ok danke. und wie ändere ich das auf eva?“ nach der Antwort: der Antrag für Eva Schulz beginnt',
        lang: 'de', email: KLAUS,
        steps: [
            { say: 'wer ist bei uns der abrechnungskontakt?', expect: [de.askEmail] },
            { say: KLAUS, expect: [de.codeSent] },
            { say: CODE, expect: [de.caseC] },
            { say: 'ok danke. und wie ändere ich das auf eva?', expect: [/Wen soll Eva Schulz als Abrechnungskontakt ersetzen\?/], absent: [CANNOT.de] },
            { say: 'Maria Bergmann', expect: [/Warum soll Eva Schulz Abrechnungskontakt werden\?/] },
            { say: 'maria geht in rente', expect: [TASK.de.summary] },
            { say: 'ja', expect: [TASK.de.filed] }
        ],
        outcome: { request: { account: 'ACC-3003', newContact: /^Eva Schulz/, reason: /rente/i } }
    },
    {
        name: '"tom should take that over then" at the offer of a mail: the request for Tom Hughes begins',
        lang: 'en', email: SARAH,
        steps: [
            { say: 'who is our billing contact', expect: [en.askEmail] },
            { say: SARAH, expect: [en.codeSent] },
            { say: CODE, expect: [en.caseBD, en.offerEmail] },
            { say: 'hm ok. tom should take that over then', expect: [TASK.en.summary, /New billing contact: Tom Hughes/], absent: [CANNOT.en, /This is the email to Peter Brooks/] },
            { say: 'yes', expect: [TASK.en.filed] }
        ],
        outcome: { request: { account: 'ACC-2002', newContact: /^Tom Hughes/ }, noMailTo: 'peter.brooks@northwind.example' }
    },
    {
        name: '"can we switch it to sarah instead?" from a member who is no admin: only admins can, and which they are',
        lang: 'en', email: TOM,
        steps: [
            { say: 'who is our billing contact', expect: [en.askEmail] },
            { say: TOM, expect: [en.codeSent] },
            { say: CODE, expect: [en.caseBD, en.offerEmail] },
            { say: 'hmm ok. can we switch it to sarah instead?', expect: [/Only account admins can ask for a change/, /Sarah Lee/], absent: [CANNOT.en] }
        ],
        outcome: { noRequest: 'ACC-2002', noMailTo: 'peter.brooks@northwind.example' }
    },
    {
        name: '„kann man das auf lea umstellen?“ beim Angebot der Mail: der Antrag für Lea Fischer beginnt, keine Mail an Anna',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'wer ist unser abrechnungskontakt', expect: [de.askEmail] },
            { say: JONAS, expect: [de.codeSent] },
            { say: CODE, expect: [de.caseB, de.offerEmail] },
            { say: 'kann man das auf lea umstellen?', expect: [/Warum soll Lea Fischer Abrechnungskontakt werden\?/], absent: [CANNOT.de] }
        ],
        outcome: { noRequest: 'ACC-1001', noMailTo: 'anna.mueller@mueller-design.example' }
    },
    {
        name: '„ok. ich möchte das aber abgeben, an jonas weber bitte“ nach der eigenen Rolle: der Antrag für Jonas Weber beginnt',
        lang: 'de', email: ANNA,
        steps: [
            { say: 'bin ich der abrechnungskontakt?', expect: [de.askEmail] },
            { say: ANNA, expect: [de.codeSent] },
            { say: CODE, expect: [/Sie sind (der|ein) Abrechnungskontakt/] },
            { say: 'ok. ich möchte das aber abgeben, an jonas weber bitte', expect: [/Warum soll Jonas Weber Abrechnungskontakt werden\?/], absent: [CANNOT.de, /sonst noch etwas/] }
        ],
        outcome: { noRequest: 'ACC-1001' }
    }
];

describe('A colleague named as the new billing contact after the answer (issue 12)', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }
});

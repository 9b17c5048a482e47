import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { LEA } from '../helpers/demoPeople';

const TOM = 'tom.hughes@northwind.example';
const en = PHRASES.en;
const de = PHRASES.de;
/** The bot saying it cannot answer a question here. */
const CANNOT = { en: /can't answer that question here/, de: /nicht beantworten/ };
/** The closing line of a conversation, with the rating question. */
const CLOSED = { en: /did this conversation help you\?/, de: /Hat Ihnen dieses Gespräch geholfen\?/ };

/** Issue 12: after verification, follow-up questions about what was just answered are answered from what the bot knows. */
const ROWS: readonly ConversationRow[] = [
    {
        name: 'a non-admin told to ask the admins, asking "und wer sind unsere admins?", is told their names (not their addresses)',
        lang: 'de', email: LEA,
        steps: [
            { say: 'Ich würde gerne den Abrechnungskontakt auf mich umstellen lassen, Frau Müller hat dafür keine Zeit mehr.', expect: [de.askEmail] },
            { say: LEA, expect: [de.codeSent] },
            { say: CODE, expect: [/Anna Müller und Jonas Weber/] },
            { say: 'und wer sind unsere admins?', expect: [/Anna Müller/, /Jonas Weber/], absent: [CANNOT.de, /jonas\.weber@/] }
        ],
        outcome: { noRequest: 'ACC-1001' }
    },
    {
        name: 'a non-admin told to ask the admins, asking "and who are our admins?", is told their names (not their addresses)',
        lang: 'en', email: LEA,
        steps: [
            { say: 'please change the billing contact to me, Anna has no time for it anymore', expect: [en.askEmail] },
            { say: LEA, expect: [en.codeSent] },
            { say: CODE, expect: [/Anna Müller and Jonas Weber/] },
            { say: 'and who are our admins?', expect: [/Anna Müller/, /Jonas Weber/], absent: [CANNOT.en, /jonas\.weber@/] }
        ],
        outcome: { noRequest: 'ACC-1001' }
    },
    {
        name: '„dann eben northwind, wer ist das da?“ beim Angebot der Mail wird mit dem Abrechnungskontakt von Northwind beantwortet',
        lang: 'de', email: TOM,
        steps: [
            { say: 'wer ist unser abrechnungskontakt', expect: [de.askEmail] },
            { say: TOM, expect: [de.codeSent] },
            { say: CODE, expect: [de.caseB, de.offerEmail] },
            { say: 'achso, ok. dann eben northwind, wer ist das da?', expect: [/von Northwind Traders Ltd ist Peter Brooks \(peter\.brooks@northwind\.example\)/, de.offerEmail], absent: [CANNOT.de] }
        ],
        outcome: { noMailTo: 'peter.brooks@northwind.example' }
    },
    {
        name: '"so who is the billing contact at northwind then?" at the offer of a mail is answered with Northwind\'s billing contact',
        lang: 'en', email: TOM,
        steps: [
            { say: 'who is our billing contact', expect: [en.askEmail] },
            { say: TOM, expect: [en.codeSent] },
            { say: CODE, expect: [en.caseB, en.offerEmail] },
            { say: 'so who is the billing contact at northwind then?', expect: [/of Northwind Traders Ltd is Peter Brooks \(peter\.brooks@northwind\.example\)/, en.offerEmail], absent: [CANNOT.en] }
        ],
        outcome: { noMailTo: 'peter.brooks@northwind.example' }
    },
    {
        name: '"is there a way to see who our billing admin is without asking you?" gets the article\'s ways to look it up, no verification',
        lang: 'en',
        steps: [
            { say: 'hello, is there a way to see who our billing admin is without asking you? like in some settings page?', expect: [/Add licenses/, /Go to Billing/], absent: [en.askEmail] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '„kann ich den abrechnungskontakt irgendwo selbst nachsehen, ohne sie zu fragen?“ bekommt die Wege aus dem Artikel, ohne Anmeldung',
        lang: 'de',
        steps: [
            { say: 'kann ich den abrechnungskontakt irgendwo selbst nachsehen, ohne sie zu fragen?', expect: [/Lizenzen hinzufügen/, /Zur Abrechnung/], absent: [de.askEmail] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '"nah that\'s everything" at "anything else?" closes the conversation',
        lang: 'en', email: TOM,
        steps: [
            { say: 'who is our billing contact', expect: [en.askEmail] },
            { say: TOM, expect: [en.codeSent] },
            { say: CODE, expect: [en.offerEmail] },
            { say: 'yes', expect: [en.askMessage] },
            { say: 'please add 5 licenses to our plan', expect: [en.preview] },
            { say: 'yes', expect: [en.sent, en.anythingElse] },
            { say: 'nah that\'s everything', expect: [CLOSED.en], absent: [/didn't quite get that/] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '„nö, das ist alles“ bei „sonst noch etwas?“ beendet das Gespräch',
        lang: 'de', email: LEA,
        steps: [
            { say: 'wer ist unser abrechnungskontakt', expect: [de.askEmail] },
            { say: LEA, expect: [de.codeSent] },
            { say: CODE, expect: [de.offerEmail] },
            { say: 'ja', expect: [de.askMessage] },
            { say: 'ich brauche die rechnung vom oktober als pdf', expect: [de.preview] },
            { say: 'ja', expect: [de.sent, de.anythingElse] },
            { say: 'nö, das ist alles', expect: [CLOSED.de], absent: [/nicht ganz verstanden/] }
        ],
        outcome: { noHandoff: true }
    }
];

describe('After verification, answers use what the bot knows (issue 12)', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }
});

import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { CODE } from '../helpers/script';
import { ANNA, JONAS, KLAUS, LEA, MARIA, PETER } from '../helpers/demoPeople';

const en = { ...TASK_PHRASES.en, ...PHRASES.en };
const de = { ...TASK_PHRASES.de, ...PHRASES.de };
const CHRIS = 'chris.taylor@taylor-consulting.example';

/**
 * Issue 12, customers' own words: the words that link a user ID's name to it come from the locales, dialect included
 * ("benutzer-id isch mbergmann-billing", Swiss German), so the reset goes out at the user-ID question; a story that ends
 * on "who is it now?" asks who the billing contact is; a please after the words to the recipient ("tell her please send …")
 * stays in the message passed on; a reason written as a clause ("Dass Herr Bergmann in Rente geht") is taken as a sentence;
 * a question whether the person may write ("can I contact them?") is answered and the mail offered before its text is asked.
 */
const ROWS: readonly ConversationRow[] = [
    {
        name: '„benutzer-id isch mbergmann-billing“ (Schweizerdeutsch) bei der Frage nach der Benutzer-ID: Maria bekommt den Link',
        lang: 'de',
        steps: [
            { say: 'hallo' },
            { say: 'Portal-Kennwort zurücksetzen', expect: [de.askUserId] },
            { say: 'benutzer-id isch mbergmann-billing', expect: [de.resetRequested], absent: [de.askUserIdRetry, de.notUnderstood] }
        ],
        outcome: { resetTo: MARIA, noHandoff: true }
    },
    {
        name: '„mei benutzername wär pbrooks“ bei der Frage nach der Benutzer-ID: Peter bekommt den Link',
        lang: 'de',
        steps: [
            { say: 'hallo' },
            { say: 'Portal-Kennwort zurücksetzen', expect: [de.askUserId] },
            { say: 'mei benutzername wär pbrooks', expect: [de.resetRequested], absent: [de.askUserIdRetry, de.notUnderstood] }
        ],
        outcome: { resetTo: PETER, noHandoff: true }
    },
    {
        name: '"username would be pbrooks" at the user-ID question: Peter gets the link',
        lang: 'en',
        steps: [
            { say: 'hi' },
            { say: 'reset my portal password', expect: [en.askUserId] },
            { say: 'username would be pbrooks', expect: [en.resetRequested], absent: [en.askUserIdRetry, en.notUnderstood] }
        ],
        outcome: { resetTo: PETER, noHandoff: true }
    },
    {
        name: '"Anna has left the company, who is it now?" once verified: who the billing contact is, no question for a new one',
        lang: 'en',
        email: JONAS,
        steps: [
            { say: 'hi' },
            { say: 'Am I the billing contact?' },
            { say: JONAS },
            { say: CODE, expect: [en.verified] },
            { say: 'Anna has left the company, who is it now?', expect: [/Anna Müller/], absent: [en.askNewContact, en.changeIntro] }
        ],
        outcome: { noRequest: 'ACC-1001', noHandoff: true }
    },
    {
        name: '"Anna left. Who\'s our billing contact now?" before verification: asked who, answered after the code, no question for a new one',
        lang: 'en',
        email: JONAS,
        steps: [
            { say: 'hi' },
            { say: "Anna left. Who's our billing contact now?", expect: [en.askEmail] },
            { say: JONAS },
            { say: CODE, expect: [en.verified, /Anna Müller/], absent: [en.askNewContact, en.changeIntro] }
        ],
        outcome: { noRequest: 'ACC-1001', noHandoff: true }
    },
    {
        name: '"yes, tell her please send me the invoice as pdf" at the offer to email Anna: the please stays in what Anna reads',
        lang: 'en',
        email: LEA,
        steps: [
            { say: 'hi' },
            { say: 'who is my billing contact?' },
            { say: LEA },
            { say: CODE, expect: [en.verified, /Anna Müller/] },
            { say: 'yes, tell her please send me the invoice as pdf', expect: [/Please send me the invoice as pdf/] },
            { say: 'yes', expect: [en.sent] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /Please send me the invoice as pdf/ }, noHandoff: true }
    },
    {
        name: '„ja, sag ihr bitte schick mir die Rechnung als PDF“ beim Angebot, Anna zu schreiben: das Bitte bleibt in dem, was Anna liest',
        lang: 'de',
        email: LEA,
        steps: [
            { say: 'hallo' },
            { say: 'wer ist mein Abrechnungskontakt?' },
            { say: LEA },
            { say: CODE, expect: [de.verified, /Anna Müller/] },
            { say: 'ja, sag ihr bitte schick mir die Rechnung als PDF', expect: [/Bitte schick mir die Rechnung als PDF/] },
            { say: 'ja', expect: [de.sent] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /Bitte schick mir die Rechnung als PDF/ }, noHandoff: true }
    },
    {
        name: '„Dass Herr Bergmann in Rente geht“ als Grund: als Satz übernommen („Herr Bergmann geht in Rente“), ohne das „Dass“',
        lang: 'de',
        email: KLAUS,
        steps: [
            { say: 'hallo' },
            { say: 'Abrechnungskontakt ändern' },
            { say: KLAUS },
            { say: CODE, expect: [de.verified] },
            { say: 'Eva Schulz' },
            { say: 'Klaus Bergmann', expect: [de.askReason] },
            { say: 'Dass Herr Bergmann in Rente geht', expect: [/Grund: Herr Bergmann geht in Rente/], absent: [/Dass Herr/] },
            { say: 'ja', expect: [de.filed] }
        ],
        outcome: { request: { account: 'ACC-3003', newContact: /Eva Schulz/, reason: /^Herr Bergmann geht in Rente$/ }, noHandoff: true }
    },
    {
        name: '„Dass Herr Bergmann in Rente geht“ bei der Zusammenfassung: der neue Grund, als Satz',
        lang: 'de',
        email: KLAUS,
        steps: [
            { say: 'hallo' },
            { say: 'Abrechnungskontakt ändern' },
            { say: KLAUS },
            { say: CODE, expect: [de.verified] },
            { say: 'Eva Schulz' },
            { say: 'Klaus Bergmann' },
            { say: 'Sie macht jetzt die Buchhaltung', expect: [de.summary] },
            { say: 'Dass Herr Bergmann in Rente geht', expect: [/Grund: Herr Bergmann geht in Rente/], absent: [/Dass Herr/] },
            { say: 'ja', expect: [de.filed] }
        ],
        outcome: { request: { account: 'ACC-3003', newContact: /Eva Schulz/, reason: /^Herr Bergmann geht in Rente$/ }, noHandoff: true }
    },
    {
        name: '"who is my billing contact and can I contact them?" from Chris, admin of Northwind: answered, then the mail offered, its text asked only after a yes',
        lang: 'en',
        email: CHRIS,
        steps: [
            { say: 'hi' },
            { say: 'who is my billing contact and can I contact them?' },
            { say: CHRIS },
            { say: CODE, expect: [en.chooseAccount] },
            { say: 'Northwind', expect: [/Peter Brooks/, en.offerEmail], absent: [en.askMessage] },
            { say: 'yes', expect: [en.askMessage] }
        ],
        outcome: { noMailTo: PETER, noHandoff: true }
    },
    {
        name: '„kann ich den Abrechnungskontakt anschreiben?“ von Lea: die Antwort, dann das Angebot, keine Frage nach dem Text',
        lang: 'de',
        email: LEA,
        steps: [
            { say: 'hallo' },
            { say: 'kann ich den Abrechnungskontakt anschreiben?' },
            { say: LEA },
            { say: CODE, expect: [de.verified, /Anna Müller/, de.offerEmail], absent: [de.askMessage] }
        ],
        outcome: { noMailTo: ANNA, noHandoff: true }
    }
];

describe('Dialect and stories in customers\' own words (issue 12)', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }
});

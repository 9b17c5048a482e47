import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE, type Step } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { JONAS } from '../helpers/demoPeople';

const SARAH = 'sarah.lee@northwind.example';
const de = { p: PHRASES.de, task: TASK_PHRASES.de };
const en = { p: PHRASES.en, task: TASK_PHRASES.en };
/** What the status answer says when the person has no change request yet. */
const NONE_YET = { en: /I can't find a change request that you filed/, de: /Ich finde keinen Änderungsantrag, den Sie gestellt haben/ };

/** Sarah, an admin of Northwind, has picked Tom Hughes: the reason is asked. */
const sarahAtReason: Step[] = [
    { say: 'i want to change the billing contact', expect: [en.p.askEmail] },
    { say: SARAH, expect: [en.p.codeSent] },
    { say: CODE, expect: [/Who should become the billing contact of Northwind Traders Ltd\?/] },
    { say: 'tom hughes', expect: [en.task.askReason] }
];

/** Jonas, an admin of Müller Design, has picked Lea Fischer: the reason is asked. */
const jonasAtReason: Step[] = [
    { say: 'ich möchte den abrechnungskontakt ändern', expect: [de.p.askEmail] },
    { say: JONAS, expect: [de.p.codeSent] },
    { say: CODE, expect: [de.task.askNewContact] },
    { say: 'lea fischer', expect: [de.task.askReason] }
];

/**
 * A short question about the person's requests in the middle of a change request ("whats the status?") is answered on top of
 * it; the task's question is asked again, the question never becomes the reason, and nothing in progress is dropped.
 */
const ROWS: readonly ConversationRow[] = [
    {
        name: '"whats the status?" at the reason: answered, the reason asked again; the request is filed with the real reason',
        lang: 'en', email: SARAH,
        steps: [...sarahAtReason,
            { say: 'whats the status?', expect: [NONE_YET.en, en.task.askReason], absent: [en.task.summary] },
            { say: 'Peter left the company', expect: [en.task.summary] },
            { say: 'yes', expect: [en.task.filed] }],
        outcome: { request: { account: 'ACC-2002', newContact: /^Tom Hughes/, reason: /^Peter left the company/ }, noHandoff: true }
    },
    {
        name: '"what is the status of my request?" at the summary: answered, the summary\'s question again; "yes" files it',
        lang: 'en', email: SARAH,
        steps: [...sarahAtReason,
            { say: 'Peter left the company', expect: [en.task.summary] },
            { say: 'what is the status of my request?', expect: [NONE_YET.en, /Shall I file this request\?/], absent: [/anything else/] },
            { say: 'yes', expect: [en.task.filed] }],
        outcome: { request: { account: 'ACC-2002', newContact: /^Tom Hughes/, reason: /Peter left/ }, noHandoff: true }
    },
    {
        name: '„wie ist der stand?“ beim Grund: beantwortet, der Grund noch einmal erfragt; der Antrag mit dem echten Grund gestellt',
        lang: 'de', email: JONAS,
        steps: [...jonasAtReason,
            { say: 'wie ist der stand?', expect: [NONE_YET.de, de.task.askReason], absent: [de.task.summary] },
            { say: 'Anna geht in Rente', expect: [de.task.summary] },
            { say: 'ja', expect: [de.task.filed] }],
        outcome: { request: { account: 'ACC-1001', newContact: /^Lea Fischer/, reason: /Anna geht in Rente/ }, noHandoff: true }
    },
    {
        name: '„Wie ist der Status meines Antrags?“ bei der Zusammenfassung: beantwortet, dann wieder die Frage; „ja“ stellt ihn',
        lang: 'de', email: JONAS,
        steps: [...jonasAtReason,
            { say: 'Anna geht in Rente', expect: [de.task.summary] },
            { say: 'Wie ist der Status meines Antrags?', expect: [NONE_YET.de, /Soll ich den Antrag stellen\?/], absent: [/sonst noch/] },
            { say: 'ja', expect: [de.task.filed] }],
        outcome: { request: { account: 'ACC-1001', newContact: /^Lea Fischer/, reason: /Anna geht in Rente/ }, noHandoff: true }
    }
];

describe('A status question in the middle of a change request: answered on top of it, nothing dropped, never the reason', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }
});

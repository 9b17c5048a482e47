import * as assert from 'assert';
import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { ANNA, JONAS } from '../helpers/demoPeople';

const SARAH = 'sarah.lee@northwind.example';
const de = { p: PHRASES.de, task: TASK_PHRASES.de };
const en = { p: PHRASES.en, task: TASK_PHRASES.en };
const MISSING_DE = /Ich brauche aber noch den Grund selbst, in einem kurzen Satz: Warum soll Lea Fischer Abrechnungskontakt werden\?/;
const MISSING_EN = /I still need the reason itself, in a short sentence: why should Tom Hughes become the billing contact\?/;

/** The reason of a change request in the person's own words: a bare yes is none, lead-ins are no part of it. */
const ROWS: ReadonlyArray<ConversationRow & { readonly notice?: { readonly to: string; readonly reason: string } }> = [
    {
        name: '„ja“ ist kein Grund; „Grund: …“ und „nein, grund bitte: …“ bleiben nicht im Grund stehen, auch nicht in der Mitteilung',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'ich möchte den abrechnungskontakt ändern', expect: [de.p.askEmail] },
            { say: JONAS, expect: [de.p.codeSent] },
            { say: CODE, expect: [de.task.askNewContact] },
            { say: 'Lea Fischer', expect: [/Warum soll Lea Fischer Abrechnungskontakt werden/] },
            { say: 'ja', expect: [MISSING_DE], absent: [de.task.summary] },
            { say: 'Grund: Anna wechselt in eine andere Abteilung', expect: [de.task.summary, /Grund: Anna wechselt in eine andere Abteilung$/m] },
            { say: 'nein, grund bitte: ich wechsle in eine andere abteilung', expect: [de.task.summary, /Grund: Ich wechsle in eine andere abteilung$/m], absent: [/grund bitte/i] },
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /^Lea Fischer/, reason: /^Ich wechsle in eine andere abteilung$/ }, noHandoff: true },
        notice: { to: ANNA, reason: 'Angegebener Grund: Ich wechsle in eine andere abteilung' }
    },
    {
        name: '„soll lauten: …“ bei der Frage nach dem Grund: nur der Grund selbst wird übernommen',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'ich möchte den abrechnungskontakt ändern', expect: [de.p.askEmail] },
            { say: JONAS, expect: [de.p.codeSent] },
            { say: CODE, expect: [de.task.askNewContact] },
            { say: 'Lea Fischer', expect: [/Warum soll Lea Fischer Abrechnungskontakt werden/] },
            { say: 'nein', expect: [MISSING_DE], absent: [de.task.summary] },
            { say: 'soll lauten: Anna Müller ist im Ruhestand', expect: [de.task.summary, /Grund: Anna Müller ist im Ruhestand$/m] },
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /^Lea Fischer/, reason: /^Anna Müller ist im Ruhestand$/ }, noHandoff: true }
    },
    {
        name: '"ok" is no reason; "the reason is …" and "make it: …" lose their lead-in',
        lang: 'en', email: SARAH,
        steps: [
            { say: 'i want to change the billing contact', expect: [en.p.askEmail] },
            { say: SARAH, expect: [en.p.codeSent] },
            { say: CODE, expect: [/Who should become the billing contact of Northwind/] },
            { say: 'Tom Hughes', expect: [/Why should Tom Hughes become the billing contact/] },
            { say: 'ok', expect: [MISSING_EN], absent: [en.task.summary] },
            { say: 'make it: Peter retires at the end of the month', expect: [en.task.summary, /Reason: Peter retires at the end of the month$/m] },
            { say: 'no, the reason is Peter is leaving the company', expect: [en.task.summary, /Reason: Peter is leaving the company$/m] },
            { say: 'yes', expect: [en.task.filed] }
        ],
        outcome: { request: { account: 'ACC-2002', newContact: /^Tom Hughes/, reason: /^Peter is leaving the company$/ }, noHandoff: true }
    }
];

describe('The reason of a change request in the person\'s own words', () => {
    const harness = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harness(), row);
            if (row.notice) {
                const notices = (await harness().mails(row.notice.to)).filter((m) => m.kind === 'change-request-notice');
                assert.strictEqual(notices.length, 1, `one notice to ${row.notice.to}`);
                assert.ok(notices[0].text.includes(row.notice.reason), notices[0].text);
            }
        });
    }
});

import * as assert from 'assert';
import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { EVA, KLAUS } from '../helpers/demoPeople';

/** Bergmann & Söhne AG has two billing contacts, Klaus Bergmann (U-301, admin) and Maria Bergmann (U-302); Eva Schulz is an admin. */
const ACCOUNT = 'ACC-3003';
const de = { p: PHRASES.de, task: TASK_PHRASES.de };
const en = { p: PHRASES.en, task: TASK_PHRASES.en };
const KLAUS_OUT_DE = /Ersetzt: Klaus Bergmann \(wird als Abrechnungskontakt entfernt; Maria Bergmann bleibt/;
const MARIA_OUT_DE = /Ersetzt: Maria Bergmann \(wird als Abrechnungskontakt entfernt; Klaus Bergmann bleibt/;
const KLAUS_OUT_EN = /Replaces: Klaus Bergmann \(removed as billing contact; Maria Bergmann stays/;
const MARIA_OUT_EN = /Replaces: Maria Bergmann \(removed as billing contact; Klaus Bergmann stays/;
const ASKS_OTHERS = /Wer soll Abrechnungskontakt|Wen soll|Who should become|Whom should|Wählen Sie eine der Personen|pick one of the people/i;

const menuDe = (who: string): ConversationRow['steps'] => [{ say: 'hallo' }, { say: 'wer ist mein abrechnungskontakt?' }, { say: who }, { say: CODE }, { say: 'nein danke' }];
const menuEn = (who: string): ConversationRow['steps'] => [{ say: 'hi' }, { say: 'who is my billing contact?' }, { say: who }, { say: CODE }, { say: 'no thanks' }];

/** One of two billing contacts removed, the other kept: filed as the one who stays, replacing the one removed. */
const ROWS: ReadonlyArray<ConversationRow & { readonly removed: string }> = [
    {
        name: 'Klaus, first message „klaus soll raus, nur noch maria“',
        lang: 'de', email: KLAUS, removed: 'U-301',
        steps: [
            { say: 'hallo' }, { say: 'klaus soll raus, nur noch maria', expect: [de.p.askEmail] }, { say: KLAUS },
            { say: CODE, expect: [/Klaus Bergmann/], absent: [ASKS_OTHERS] },
            { say: 'Ich gehe in den Ruhestand.', expect: [de.task.summary, KLAUS_OUT_DE] },
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: ACCOUNT, newContact: /^Maria Bergmann$/, lang: 'de', reason: /Ruhestand/ }, noHandoff: true }
    },
    {
        name: 'Klaus, first message "remove Klaus, Maria stays"',
        lang: 'en', email: KLAUS, removed: 'U-301',
        steps: [
            { say: 'hi' }, { say: 'remove Klaus, Maria stays', expect: [en.p.askEmail] }, { say: KLAUS },
            { say: CODE, absent: [ASKS_OTHERS] },
            { say: 'I am retiring.', expect: [en.task.summary, KLAUS_OUT_EN] },
            { say: 'yes', expect: [en.task.filed] }
        ],
        outcome: { request: { account: ACCOUNT, newContact: /^Maria Bergmann$/, lang: 'en' }, noHandoff: true }
    },
    {
        name: 'Eva at the menu after verification: „bitte Maria als Abrechnungskontakt entfernen, Klaus bleibt“',
        lang: 'de', email: EVA, removed: 'U-302',
        steps: [
            ...menuDe(EVA),
            { say: 'bitte Maria als Abrechnungskontakt entfernen, Klaus bleibt', absent: [ASKS_OTHERS] },
            { say: 'Frau Bergmann hat das Unternehmen verlassen.', expect: [de.task.summary, MARIA_OUT_DE] },
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: ACCOUNT, newContact: /^Klaus Bergmann$/, lang: 'de' }, noHandoff: true }
    },
    {
        name: 'Klaus at the menu after verification: "take Maria off, keep Klaus"',
        lang: 'en', email: KLAUS, removed: 'U-302',
        steps: [
            ...menuEn(KLAUS),
            { say: 'take Maria off, keep Klaus', absent: [ASKS_OTHERS] },
            { say: 'Maria has moved to another company.', expect: [en.task.summary, MARIA_OUT_EN] },
            { say: 'yes', expect: [en.task.filed] }
        ],
        outcome: { request: { account: ACCOUNT, newContact: /^Klaus Bergmann$/, lang: 'en' }, noHandoff: true }
    },
    {
        name: 'Klaus at "Wer soll Abrechnungskontakt werden?": „klaus soll raus, nur noch maria“',
        lang: 'de', email: KLAUS, removed: 'U-301',
        steps: [
            { say: 'hallo' }, { say: 'ich möchte den abrechnungskontakt ändern' }, { say: KLAUS }, { say: CODE, expect: [/Wer soll Abrechnungskontakt von Bergmann/] },
            { say: 'klaus soll raus, nur noch maria', absent: [ASKS_OTHERS, /Auf Wiedersehen/] },
            { say: 'Ich gehe in den Ruhestand.', expect: [de.task.summary, KLAUS_OUT_DE] },
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: ACCOUNT, newContact: /^Maria Bergmann$/ }, noHandoff: true }
    },
    {
        name: 'Eva at "Who should become the billing contact?": "Maria has to go, Klaus stays"',
        lang: 'en', email: EVA, removed: 'U-302',
        steps: [
            { say: 'hi' }, { say: 'i want to change the billing contact' }, { say: EVA }, { say: CODE, expect: [/Who should become the billing contact of Bergmann/] },
            { say: 'Maria has to go, Klaus stays', absent: [ASKS_OTHERS, /Goodbye/] },
            { say: 'Maria left the company.', expect: [en.task.summary, MARIA_OUT_EN] },
            { say: 'yes', expect: [en.task.filed] }
        ],
        outcome: { request: { account: ACCOUNT, newContact: /^Klaus Bergmann$/ }, noHandoff: true }
    }
];

describe('One of two billing contacts removed, the other kept, in the person\'s own words', () => {
    const harness = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}: filed as the one who stays, replacing the one removed`, async () => {
            await playRow(harness(), row);
            const [request] = await harness().runtime.services.changeRequests.pendingFor(ACCOUNT);
            assert.strictEqual(request.replacesContactId, row.removed, 'whom the request removes, on file');
        });
    }
});

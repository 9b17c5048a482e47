import * as assert from 'assert';
import { useHarness, type BotHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { KLAUS } from '../helpers/demoPeople';

/** Bergmann & Söhne AG has two billing contacts: Klaus Bergmann (U-301, admin, the one asking) and Maria Bergmann (U-302). */
const ACCOUNT = 'ACC-3003';
const MARIA_MAIL = 'buchhaltung@bergmann-soehne.example';
const de = { p: PHRASES.de, task: TASK_PHRASES.de };
const en = { p: PHRASES.en, task: TASK_PHRASES.en };
const ASK_REPLACES_DE = /Wen soll Eva Schulz als Abrechnungskontakt ersetzen\?/;
const ASK_REPLACES_EN = /Whom should Eva Schulz replace as billing contact\?/;

/** What must be on file (and in the notice to Maria) besides the row's outcome. */
interface Replacement {
    readonly replaces?: string;
    readonly alongside?: boolean;
    /** Words of the notice mail to Maria Bergmann. */
    readonly notice: RegExp;
}

const ROWS: ReadonlyArray<ConversationRow & { readonly replacement: Replacement }> = [
    {
        name: 'Maria Bergmann named in the first message ("austragen … stattdessen Eva Schulz"): not asked, summary and notice say whom Eva replaces',
        lang: 'de', email: KLAUS,
        steps: [
            { say: 'Ich möchte Frau Maria Bergmann als Abrechnungskontakt austragen lassen und stattdessen Frau Eva Schulz eintragen.', expect: [de.p.askEmail] },
            { say: KLAUS, expect: [de.p.codeSent] },
            { say: CODE, expect: [/Warum soll Eva Schulz Abrechnungskontakt werden/], absent: [ASK_REPLACES_DE] },
            { say: 'Frau Bergmann geht in den Ruhestand.', expect: [de.task.summary, /Ersetzt: Maria Bergmann/] },
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: ACCOUNT, newContact: /^Eva Schulz/ }, noHandoff: true },
        replacement: { replaces: 'U-302', notice: /ersetzt: Maria Bergmann/ }
    },
    {
        name: 'not named: asked with a button per contact; "Maria Bergmann" chosen, then corrected at the summary to Klaus',
        lang: 'en', email: KLAUS,
        steps: [
            { say: 'i want to change the billing contact', expect: [en.p.askEmail] },
            { say: KLAUS, expect: [en.p.codeSent] },
            { say: CODE, expect: [/Who should become the billing contact of Bergmann/] },
            { say: 'Eva Schulz', expect: [ASK_REPLACES_EN], buttons: ['Klaus Bergmann', 'Maria Bergmann', 'Add alongside, replace nobody'] },
            { say: 'Maria Bergmann', expect: [/Why should Eva Schulz become the billing contact/] },
            { say: 'Eva runs our accounts now.', expect: [en.task.summary, /Replaces: Maria Bergmann/] },
            { say: 'no, she should replace Klaus', expect: [en.task.summary, /Replaces: Klaus Bergmann/], absent: [en.task.filed, en.task.notFiled] },
            { say: 'yes', expect: [en.task.filed] }
        ],
        outcome: { request: { account: ACCOUNT, newContact: /^Eva Schulz/, reason: /^Eva runs our accounts now\.$/ }, noHandoff: true },
        replacement: { replaces: 'U-301', notice: /ersetzt: Klaus Bergmann/ }
    },
    ...(
        [
            ['de', 'mich', 'ich möchte den abrechnungskontakt ändern', /Warum soll Eva Schulz Abrechnungskontakt werden/, 'Ich gehe in den Ruhestand.', /Ersetzt: Klaus Bergmann/, 'ja'],
            ['en', 'me', 'i want to change the billing contact', /Why should Eva Schulz become the billing contact/, "I'm retiring.", /Replaces: Klaus Bergmann/, 'yes']
        ] as const
    ).map(([lang, me, ask, why, reason, replaces, yes]): ConversationRow & { readonly replacement: Replacement } => ({
        name: `„${me}“ at whom Eva replaces: Klaus, who asks, is the one replaced`,
        lang, email: KLAUS,
        steps: [
            { say: ask, expect: [PHRASES[lang].askEmail] },
            { say: KLAUS, expect: [PHRASES[lang].codeSent] },
            { say: CODE, expect: [lang === 'de' ? /Wer soll Abrechnungskontakt von Bergmann/ : /Who should become the billing contact of Bergmann/] },
            { say: 'Eva Schulz', expect: [lang === 'de' ? ASK_REPLACES_DE : ASK_REPLACES_EN] },
            { say: me, expect: [why] },
            { say: reason, expect: [TASK_PHRASES[lang].summary, replaces] },
            { say: yes, expect: [TASK_PHRASES[lang].filed] }
        ],
        outcome: { request: { account: ACCOUNT, newContact: /^Eva Schulz/ }, noHandoff: true },
        replacement: { replaces: 'U-301', notice: /ersetzt: Klaus Bergmann/ }
    })),
    {
        name: '„zusätzlich eintragen“: niemand wird ersetzt, so steht es in der Zusammenfassung und in der Mitteilung',
        lang: 'de', email: KLAUS,
        steps: [
            { say: 'ich möchte den abrechnungskontakt ändern', expect: [de.p.askEmail] },
            { say: KLAUS, expect: [de.p.codeSent] },
            { say: CODE, expect: [/Wer soll Abrechnungskontakt von Bergmann/] },
            { say: 'Eva Schulz', expect: [ASK_REPLACES_DE], buttons: ['Klaus Bergmann', 'Maria Bergmann', 'Zusätzlich eintragen, niemand wird ersetzt'] },
            { say: 'zusätzlich eintragen bitte', expect: [/Warum soll Eva Schulz Abrechnungskontakt werden/] },
            { say: 'Sie übernimmt einen Teil der Rechnungen.', expect: [de.task.summary, /Ersetzt: niemand \(Eva Schulz kommt zusätzlich hinzu\)/] },
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: ACCOUNT, newContact: /^Eva Schulz/ }, noHandoff: true },
        replacement: { alongside: true, notice: /kommt hinzu; niemand wird ersetzt/ }
    }
];

async function checkReplacement(harness: BotHarness, replacement: Replacement): Promise<void> {
    const [request] = await harness.runtime.services.changeRequests.pendingFor(ACCOUNT);
    assert.strictEqual(request.replacesContactId, replacement.replaces, 'whom the new contact replaces, on file');
    assert.strictEqual(request.addedAlongside ?? false, replacement.alongside ?? false, 'added alongside, on file');
    const notices = (await harness.mails(MARIA_MAIL)).filter((m) => m.kind === 'change-request-notice');
    assert.strictEqual(notices.length, 1, 'one notice to Maria Bergmann');
    assert.match(notices[0].text, replacement.notice);
}

describe('A change of billing contact on an account with two: whom the new contact replaces', () => {
    const harness = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harness(), row);
            await checkReplacement(harness(), row.replacement);
        });
    }
});

describe('A change of billing contact with the new person named in the first message', () => {
    const harness = useHarness();
    it('[de] „Frau Maria Bergmann austragen … stattdessen Herrn Peter Krause eintragen“: Peter Krause taken, only his address asked, Maria replaced', async () => {
        await playRow(harness(), {
            name: 'first message names whom to remove and the new person',
            lang: 'de', email: KLAUS,
            steps: [
                { say: 'Dann möchte ich Frau Maria Bergmann als Abrechnungskontakt austragen lassen und stattdessen unseren neuen Buchhalter Herrn Peter Krause eintragen.', expect: [de.p.askEmail] },
                { say: KLAUS, expect: [de.p.codeSent] },
                { say: CODE, expect: [/Und wie lautet die E-Mail-Adresse von Peter Krause\?/], absent: [/Wer soll Abrechnungskontakt von Bergmann/] },
                { say: 'peter.krause@bergmann-soehne.example', expect: [/Warum soll Peter Krause Abrechnungskontakt werden/], absent: [/Wen soll Peter Krause/] },
                { say: 'Frau Bergmann geht in den Ruhestand.', expect: [de.task.summary, /Ersetzt: Maria Bergmann/] },
                { say: 'ja', expect: [de.task.filed] }
            ],
            outcome: { request: { account: ACCOUNT, newContact: /^Peter Krause \(peter\.krause@bergmann-soehne\.example\)$/ }, noHandoff: true }
        });
        await checkReplacement(harness(), { replaces: 'U-302', notice: /ersetzt: Maria Bergmann/ });
    });
});

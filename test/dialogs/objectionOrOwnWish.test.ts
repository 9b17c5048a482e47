import * as assert from 'assert';
import { useHarness, type BotHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { CODE } from '../helpers/script';
import { KLAUS } from '../helpers/demoPeople';

const ACCOUNT = 'ACC-3003';

/** Eva Schulz asked before the conversation to replace Klaus Bergmann; Klaus, verified at the menu, answers in his own words. */
async function evaFiled(harness: BotHarness): Promise<void> {
    const { services } = harness.runtime;
    const [requester, account] = [await services.users.get('U-303'), await services.accounts.get(ACCOUNT)];
    assert.ok(requester && account);
    const outcome = await services.changeRequests.submit(
        { requester, account, newContact: { userId: 'U-303', name: 'Eva Schulz' }, replaces: 'U-301', reason: 'reorganisation', lang: 'de', channel: 'test', conversationKey: 'test:eva' },
        'test:eva'
    );
    assert.strictEqual(outcome.kind, 'filed');
}

const atMenu = (lang: 'de' | 'en', said: string): ConversationRow['steps'] =>
    lang === 'de'
        ? [{ say: 'hallo' }, { say: 'bin ich abrechnungskontakt?' }, { say: KLAUS }, { say: CODE }, { say: 'nein danke' }, { say: said }]
        : [{ say: 'hi' }, { say: 'am i the billing contact?' }, { say: KLAUS }, { say: CODE }, { say: 'no thanks' }, { say: said }];

/** Not wanting another person to replace one: an objection to the open request, no new request. */
const OBJECTIONS: readonly ConversationRow[] = [
    { name: '"i do not want eva schulz to replace me as billing contact"', lang: 'en', email: KLAUS, steps: atMenu('en', 'i do not want eva schulz to replace me as billing contact'), outcome: { noHandoff: true } },
    { name: '"we don\'t want Eva replacing me as billing contact"', lang: 'en', email: KLAUS, steps: atMenu('en', "we don't want Eva replacing me as billing contact"), outcome: { noHandoff: true } },
    { name: '„ich möchte nicht, dass Eva Schulz mich ablöst“', lang: 'de', email: KLAUS, steps: atMenu('de', 'ich möchte nicht, dass Eva Schulz mich ablöst'), outcome: { noHandoff: true } },
    // A word that disputes a change, being taken over, a change "against me": objections in other words.
    { name: '"i dispute this billing contact change"', lang: 'en', email: KLAUS, steps: atMenu('en', 'i dispute this billing contact change'), outcome: { noHandoff: true } },
    { name: '„Widerspruch gegen die Aenderung des Abrechnungskontakts“', lang: 'de', email: KLAUS, steps: atMenu('de', 'Widerspruch gegen die Aenderung des Abrechnungskontakts'), outcome: { noHandoff: true } },
    { name: '„Eva soll die Abrechnung übernehmen? das ist nicht abgesprochen, ich bin der aktuelle Abrechnungskontakt“', lang: 'de', email: KLAUS, steps: atMenu('de', 'Eva soll die Abrechnung übernehmen? das ist nicht abgesprochen, ich bin der aktuelle Abrechnungskontakt'), outcome: { noHandoff: true } },
    { name: '"please halt the change request against me, I\'m still the right person"', lang: 'en', email: KLAUS, steps: atMenu('en', "please halt the change request against me, I'm still the right person"), outcome: { noHandoff: true } }
];

/** Not wanting to be the billing contact oneself any more: a change request, no objection. */
const OWN_WISH: readonly ConversationRow[] = [
    { name: '"I don\'t want to be the billing contact anymore, replace me"', lang: 'en', email: KLAUS, steps: atMenu('en', "I don't want to be the billing contact anymore, replace me"), outcome: { noHandoff: true } },
    { name: '„ich will nicht mehr Abrechnungskontakt sein, bitte mich ersetzen“', lang: 'de', email: KLAUS, steps: atMenu('de', 'ich will nicht mehr Abrechnungskontakt sein, bitte mich ersetzen'), outcome: { noHandoff: true } }
];

describe('Not wanting to be replaced by someone, or not wanting the role any more', () => {
    const harness = useHarness();
    for (const row of OBJECTIONS) {
        it(`[${row.lang}] ${row.name}: Klaus's objection recorded on Eva's request, Eva told, no request started`, async () => {
            await evaFiled(harness());
            await playRow(harness(), { ...row, steps: row.steps.map((step, i) => (i === row.steps.length - 1 ? { ...step, absent: [/Wen soll|Whom should|Wer soll Abrechnungskontakt|Who should become/] } : step)) });
            const [request] = await harness().runtime.services.changeRequests.pendingFor(ACCOUNT);
            assert.strictEqual(request.objection?.userId, 'U-301', 'objection by Klaus on file');
            assert.strictEqual((await harness().mails('eva.schulz@bergmann-soehne.example')).filter((m) => m.kind === 'change-request-objection').length, 1, 'Eva told of the objection');
        });
    }
    for (const row of OWN_WISH) {
        it(`[${row.lang}] ${row.name}: the change of billing contact starts (who becomes it asked), no objection`, async () => {
            await evaFiled(harness());
            await playRow(harness(), { ...row, steps: row.steps.map((step, i) => (i === row.steps.length - 1 ? { ...step, expect: [/Wen soll|Whom should|Wer soll Abrechnungskontakt|Who should become/] } : step)) });
            const [request] = await harness().runtime.services.changeRequests.pendingFor(ACCOUNT);
            assert.strictEqual(request.objection, undefined, 'no objection on file');
        });
    }
});

/** An objection as the first message whose story asks about the role on the way ("… being replaced as billing contact?? I never agreed"). */
const FIRST_OBJECTIONS: readonly ConversationRow[] = [
    {
        name: '"i got an email saying im being replaced as billing contact?? i never agreed to that"',
        lang: 'en', email: KLAUS,
        steps: [{ say: 'i got an email saying im being replaced as billing contact?? i never agreed to that' }, { say: KLAUS }, { say: CODE, absent: [/You are a billing contact of your corporate account/, /Now to your next question/] }],
        outcome: { noHandoff: true }
    },
    {
        name: '„ich hab ne mail bekommen dass ich als abrechnungskontakt ersetzt werden soll?? dem hab ich nie zugestimmt“',
        lang: 'de', email: KLAUS,
        steps: [{ say: 'ich hab ne mail bekommen dass ich als abrechnungskontakt ersetzt werden soll?? dem hab ich nie zugestimmt' }, { say: KLAUS }, { say: CODE, absent: [/Sie sind ein Abrechnungskontakt Ihres Unternehmenskontos/, /Nun zu Ihrer nächsten Frage|Jetzt zu Ihrer nächsten Frage/] }],
        outcome: { noHandoff: true }
    }
];

describe('An objection as the first message: its question about the role is part of it, the objection is answered alone', () => {
    const harness = useHarness();
    for (const row of FIRST_OBJECTIONS) {
        it(`[${row.lang}] ${row.name}: Klaus's objection recorded on Eva's request, no role answer before it`, async () => {
            await evaFiled(harness());
            await playRow(harness(), row);
            const [request] = await harness().runtime.services.changeRequests.pendingFor(ACCOUNT);
            assert.strictEqual(request.objection?.userId, 'U-301', 'objection by Klaus on file');
        });
    }
});

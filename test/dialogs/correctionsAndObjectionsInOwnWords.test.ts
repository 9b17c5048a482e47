import * as assert from 'assert';
import type { Lang } from '../../core/language';
import { ChangeRequestRepository } from '../../data/repositories/changeRequestRepository';
import { useHarness, type BotHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';

const SARAH = 'sarah.lee@northwind.example';
import { ANNA, JONAS, KLAUS, LEA, PETER } from '../helpers/demoPeople';

/** A request filed against the billing contact before the conversation: `who` files it for `newContact` (a member by id, or someone outside). */
async function filedAgainst(harness: BotHarness, requesterId: string, accountId: string, newContact: { readonly userId?: string; readonly name: string; readonly email?: string }, lang: Lang): Promise<string> {
    const { services } = harness.runtime;
    const requester = await services.users.get(requesterId);
    const account = await services.accounts.get(accountId);
    assert.ok(requester && account);
    const outcome = await services.changeRequests.submit({ requester, account, newContact: newContact as never, reason: 'reorganisation', lang, channel: 'test', conversationKey: `test:${accountId}` }, `test:${accountId}`);
    assert.strictEqual(outcome.kind, 'filed');
    return outcome.request.reference;
}

/** Objections in the person's own words after verification, naming the colleague who should replace them: taken as objections. */
const OBJECTIONS: readonly (ConversationRow & { readonly against: readonly [string, string, { userId?: string; name: string; email?: string }]; readonly objector: string })[] = [
    {
        name: 'Peter, at the offer of a reset link: "I object to the request to replace me with Tom Hughes"',
        lang: 'en',
        email: PETER,
        objector: 'U-201',
        against: ['U-202', 'ACC-2002', { userId: 'U-203', name: 'Tom Hughes' }],
        steps: [{ say: 'hi' }, { say: 'am I the billing contact?' }, { say: PETER }, { say: CODE }, { say: 'I object to the request to replace me with Tom Hughes', absent: [/Why should Tom Hughes become/, /I'll file the request/] }],
        outcome: { noHandoff: true }
    },
    {
        name: 'Peter, at the offer of a reset link: "i don\'t agree, please don\'t replace me with Tom Hughes"',
        lang: 'en',
        email: PETER,
        objector: 'U-201',
        against: ['U-202', 'ACC-2002', { userId: 'U-203', name: 'Tom Hughes' }],
        steps: [{ say: 'hi' }, { say: 'am I the billing contact?' }, { say: PETER }, { say: CODE }, { say: "i don't agree, please don't replace me with Tom Hughes", absent: [/Why should Tom Hughes become/, /I'll file the request/] }],
        outcome: { noHandoff: true }
    },
    {
        name: 'Klaus, at the offer of a reset link: "ich widerspreche dem Antrag, mich durch Eva Schulz zu ersetzen"',
        lang: 'de',
        email: KLAUS,
        objector: 'U-301',
        against: ['U-303', 'ACC-3003', { userId: 'U-303', name: 'Eva Schulz' }],
        steps: [{ say: 'hallo' }, { say: 'bin ich abrechnungskontakt?' }, { say: KLAUS }, { say: CODE }, { say: 'ich widerspreche dem Antrag, mich durch Eva Schulz zu ersetzen', absent: [/Warum soll Eva Schulz/, /Ich stelle den Antrag/] }],
        outcome: { noHandoff: true }
    },
];

/** A correction of whom to write to, typed where the mail's text is asked: not the mail's text; the text is asked again. */
const RECIPIENT_CORRECTIONS: readonly ConversationRow[] = [
    {
        name: 'Jonas: "nein, stattdessen lea.fischer@…" at the mail\'s text',
        lang: 'de',
        email: JONAS,
        steps: [
            { say: 'hallo' }, { say: 'ich möchte dem Abrechnungsadmin eine Mail schreiben' }, { say: JONAS }, { say: CODE },
            { say: 'nein, stattdessen lea.fischer@mueller-design.example', expect: [/nur an den Abrechnungskontakt/, /Was soll ich Anna Müller ausrichten\?/], absent: [/So sieht die E-Mail/] },
            { say: 'Wir brauchen zwei weitere Lizenzen.' },
            { say: PHRASES.de.yes }
        ],
        outcome: { mailTo: { to: [ANNA], words: /^(?![\s\S]*stattdessen)[\s\S]*zwei weitere Lizenzen/ } }
    },
    {
        name: 'Lea: "no, send it to jonas.weber@… instead" at the mail\'s text',
        lang: 'en',
        email: LEA,
        steps: [
            { say: 'hi' }, { say: 'I want to email the billing admin' }, { say: LEA }, { say: CODE },
            { say: 'no, send it to jonas.weber@mueller-design.example instead', expect: [/only send this email to the account's billing contact/, /What would you like me to tell Anna Müller\?/], absent: [/This is the email/] },
            { say: 'We need two more licences.' },
            { say: PHRASES.en.yes }
        ],
        outcome: { mailTo: { to: [ANNA], words: /^(?![\s\S]*instead)[\s\S]*two more licences/ }, noMailTo: JONAS }
    },
    {
        name: 'Lea: "no, to Jonas instead" at the mail\'s text',
        lang: 'en',
        email: LEA,
        steps: [
            { say: 'hi' }, { say: 'I want to email the billing admin' }, { say: LEA }, { say: CODE },
            { say: 'no, to Jonas Weber instead', expect: [/What would you like me to tell Anna Müller\?/], absent: [/This is the email/] }
        ],
        outcome: { noMailTo: JONAS }
    }
];

/** A first change request that carries the new contact (the writer) and the reason: both taken, the request filed with them. */
const CHANGE_TO_ME: readonly ConversationRow[] = [
    {
        name: 'Jonas: "ich möchte, dass der Abrechnungskontakt auf mich geändert wird, Anna ist in Elternzeit"',
        lang: 'de',
        email: JONAS,
        steps: [
            { say: 'hallo' }, { say: 'ich möchte, dass der Abrechnungskontakt auf mich geändert wird, Anna ist in Elternzeit' }, { say: JONAS },
            { say: CODE, expect: [/Neuer Abrechnungskontakt: Jonas Weber/, /Grund: Anna ist in Elternzeit/] },
            { say: PHRASES.de.yes }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /Jonas Weber/, requester: 'Jonas Weber', lang: 'de', reason: /Elternzeit/ } }
    },
    {
        name: 'Jonas: "ich möchte, dass der Abrechnungskontakt auf Lea geändert wird, Anna ist in Elternzeit"',
        lang: 'de',
        email: JONAS,
        steps: [
            { say: 'hallo' }, { say: 'ich möchte, dass der Abrechnungskontakt auf Lea geändert wird, Anna ist in Elternzeit' }, { say: JONAS },
            { say: CODE, expect: [/Neuer Abrechnungskontakt: Lea Fischer/, /Grund: Anna ist in Elternzeit/] },
            { say: PHRASES.de.yes }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /Lea Fischer/, requester: 'Jonas Weber', lang: 'de', reason: /Elternzeit/ } }
    }
];

/** The person's own address inside a longer first message, after their name ("Jonas Weber hier (…)"): taken, the code sent to it. */
const OWN_ADDRESS: readonly ConversationRow[] = [
    {
        name: '"Jonas Weber hier (jonas.weber@…), wer ist unser Abrechnungskontakt?"',
        lang: 'de',
        email: JONAS,
        steps: [{ say: 'hallo' }, { say: 'Jonas Weber hier (jonas.weber@mueller-design.example), wer ist unser Abrechnungskontakt?', expect: [PHRASES.de.codeSent] }, { say: CODE, expect: [/Anna Müller/] }],
        outcome: { noHandoff: true }
    },
    {
        name: '"Sarah Lee here (sarah.lee@…) - who is our billing contact?"',
        lang: 'en',
        email: SARAH,
        steps: [{ say: 'hi' }, { say: 'Sarah Lee here (sarah.lee@northwind.example) - who is our billing contact?', expect: [PHRASES.en.codeSent] }, { say: CODE, expect: [/Peter Brooks/] }],
        outcome: { noHandoff: true }
    },
    {
        name: '"who is our billing contact? Peter Brooks speaking: peter.brooks@…"',
        lang: 'en',
        email: PETER,
        steps: [{ say: 'hi' }, { say: 'who is our billing contact? Peter Brooks speaking: peter.brooks@northwind.example', expect: [PHRASES.en.codeSent] }, { say: CODE, expect: [/billing contact/] }],
        outcome: { noHandoff: true }
    }
];

describe('Corrections and objections in the person\'s own words (exploratory pass)', () => {
    const harnessOf = useHarness();
    for (const row of OBJECTIONS) {
        it(`[${row.lang}] objection: ${row.name}`, async () => {
            const harness = harnessOf();
            const reference = await filedAgainst(harness, ...row.against, row.lang);
            await playRow(harness, row);
            const stored = await new ChangeRequestRepository(harness.db).byReference(reference);
            assert.strictEqual(stored?.objection?.userId, row.objector, 'the objection is recorded');
            assert.strictEqual((await harness.runtime.services.changeRequests.pendingFor(row.against[1])).length, 1, 'no change request of their own');
        });
    }
    for (const row of RECIPIENT_CORRECTIONS) {
        it(`[${row.lang}] recipient: ${row.name}`, async () => playRow(harnessOf(), row));
    }
    for (const row of CHANGE_TO_ME) {
        it(`[${row.lang}] change to the writer with the reason: ${row.name}`, async () => playRow(harnessOf(), row));
    }
    for (const row of OWN_ADDRESS) {
        it(`[${row.lang}] own address after the name: ${row.name}`, async () => playRow(harnessOf(), row));
    }
});

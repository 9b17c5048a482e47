import * as assert from 'assert';
import { ALONGSIDE, STATUS_TRANSITIONS } from '../../services/changeRequestService';
import type { NewContact } from '../../data/repositories/changeRequestRepository';
import { useHarness } from '../helpers/botHarness';

describe('ChangeRequestService: references, visibility, status changes', () => {
    const harnessOf = useHarness();

    const LEA: NewContact = { userId: 'U-103', name: 'Lea Fischer' };

    async function fileFor(lang: 'de' | 'en', dedupeKey: string, newContact: NewContact = LEA) {
        const outcome = await submitFor(lang, dedupeKey, newContact);
        assert.strictEqual(outcome.kind, 'filed');
        return outcome.request;
    }

    /** Jonas Weber asks for `newContact` as billing contact of `accountId` (he is an admin of Müller Design; Bergmann's admin is Eva Schulz). */
    async function submitFor(lang: 'de' | 'en', dedupeKey: string, newContact: NewContact, accountId = 'ACC-1001', replaces?: string) {
        const { services } = harnessOf().runtime;
        const requester = await services.users.get(accountId === 'ACC-1001' ? 'U-102' : 'U-303');
        const account = await services.accounts.get(accountId);
        assert.ok(requester && account);
        return services.changeRequests.submit(
            { requester, account, newContact, replaces, reason: 'test', lang, channel: 'test', conversationKey: `test:${dedupeKey}` },
            dedupeKey
        );
    }

    it('numbers the requests of a year from BC-<year>-000001 and starts again in a new year', async () => {
        const harness = harnessOf();
        assert.strictEqual((await fileFor('en', 'a')).reference, 'BC-2026-000001');
        assert.strictEqual((await fileFor('en', 'b', { userId: 'U-102', name: 'Jonas Weber' })).reference, 'BC-2026-000002');
        assert.strictEqual((await fileFor('en', 'a')).reference, 'BC-2026-000001', 'the same key finds the same request');
        harness.clock.advance(365 * 24 * 3600_000);
        assert.strictEqual((await fileFor('de', 'c', { name: 'Max Muster', email: 'max@firma.example' })).reference, 'BC-2027-000001');
    });

    it('files the very same change only once while it is pending, also when asked for twice at the same time; another change, another place or a decided request files anew', async () => {
        const { changeRequests } = harnessOf().runtime.services;
        const [first, second] = await Promise.all([submitFor('en', 'p1', LEA), submitFor('de', 'p2', LEA)]);
        assert.deepStrictEqual([first.kind, second.kind].sort(), ['duplicate', 'filed']);
        const filed = first.kind === 'filed' ? first.request : second.kind === 'filed' ? second.request : assert.fail('none filed');
        const again = await submitFor('en', 'p3', { userId: 'U-103', name: 'Lea Fischer' });
        assert.strictEqual(again.kind, 'duplicate');
        assert.strictEqual(again.kind === 'duplicate' && again.request.reference, filed.reference);

        const max = await fileFor('en', 'p4', { name: 'Max Muster', email: 'Max@Firma.example' });
        const maxAgain = await submitFor('de', 'p5', { name: 'Max Mustermann', email: ' max@firma.example' });
        assert.strictEqual(maxAgain.kind === 'duplicate' && maxAgain.request.reference, max.reference, 'the same address of a new person');

        // Bergmann & Söhne has two billing contacts: replacing Klaus, replacing Maria and adding alongside are three changes.
        const klaus = await submitFor('en', 'b2', { userId: 'U-303', name: 'Eva Schulz' }, 'ACC-3003', 'U-301');
        const maria = await submitFor('en', 'b3', { userId: 'U-303', name: 'Eva Schulz' }, 'ACC-3003', 'U-302');
        const alongside = await submitFor('en', 'b4', { userId: 'U-303', name: 'Eva Schulz' }, 'ACC-3003', ALONGSIDE);
        assert.deepStrictEqual([klaus.kind, maria.kind, alongside.kind], ['filed', 'filed', 'filed']);
        assert.strictEqual((await submitFor('en', 'b5', { userId: 'U-303', name: 'Eva Schulz' }, 'ACC-3003', 'U-302')).kind, 'duplicate');

        assert.strictEqual((await changeRequests.updateStatus(filed.reference, 'rejected', undefined, 'operator:test')).kind, 'updated');
        assert.strictEqual((await submitFor('en', 'p6', LEA)).kind, 'filed', 'the pending one was decided');
    });

    it('files the reason as a sentence is written, first letter capitalised, and mails it so to the current billing contact', async () => {
        const harness = harnessOf();
        const { services } = harness.runtime;
        const requester = await services.users.get('U-102');
        const account = await services.accounts.get('ACC-1001');
        assert.ok(requester && account);
        const outcome = await services.changeRequests.submit(
            { requester, account, newContact: { userId: 'U-103', name: 'Lea Fischer' }, reason: '  anna ist in elternzeit', lang: 'de', channel: 'test', conversationKey: 'test:reason' },
            'reason'
        );
        assert.strictEqual(outcome.kind, 'filed');
        assert.strictEqual(outcome.request.reason, 'Anna ist in elternzeit');
        const notice = (await harness.mails()).find((m) => m.to === 'anna.mueller@mueller-design.example');
        assert.ok(notice?.text.includes('Anna ist in elternzeit'), notice?.text);
    });

    it('shows a request to its requester and the account\'s billing contacts only', async () => {
        const { changeRequests } = harnessOf().runtime.services;
        const { reference } = await fileFor('de', 'v');
        assert.ok(await changeRequests.visibleTo(reference, 'U-102'), 'Jonas filed it');
        assert.ok(await changeRequests.visibleTo(reference, 'U-101'), 'Anna is the billing contact');
        assert.strictEqual(await changeRequests.visibleTo(reference, 'U-103'), undefined, 'Lea is neither');
        assert.strictEqual(await changeRequests.visibleTo(reference, 'U-201'), undefined, 'Peter is in another account');
        assert.strictEqual(await changeRequests.visibleTo('BC-2026-999999', 'U-101'), undefined);
    });

    it('moves open → approved → done and refuses anything after a final status', async () => {
        const { changeRequests } = harnessOf().runtime.services;
        const { reference } = await fileFor('en', 's');
        assert.strictEqual((await changeRequests.updateStatus(reference, 'approved', undefined, 'operator:test')).kind, 'updated');
        assert.strictEqual((await changeRequests.updateStatus(reference, 'done', 'Lea is set up.', 'operator:test')).kind, 'updated');
        assert.deepStrictEqual(await changeRequests.updateStatus(reference, 'rejected', undefined, 'operator:test'), { kind: 'not-allowed', from: 'done' });
        assert.deepStrictEqual(await changeRequests.updateStatus('BC-2026-424242', 'done', undefined, 'operator:test'), { kind: 'not-found' });
        assert.deepStrictEqual(STATUS_TRANSITIONS.rejected, []);
        const mails = (await harnessOf().mails('jonas.weber@mueller-design.example')).filter((m) => m.kind === 'change-request-status');
        assert.deepStrictEqual(mails.map((m) => m.subject), [`Your request ${reference} is now done`, `Your request ${reference} is now approved`]);
        assert.match(mails[0].text, /Note from LogMeIn: Lea is set up\./);
    });
});

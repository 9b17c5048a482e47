import * as assert from 'assert';
import { STATUS_TRANSITIONS } from '../../services/changeRequestService';
import { useHarness } from '../helpers/botHarness';

describe('ChangeRequestService: references, visibility, status changes', () => {
    const harnessOf = useHarness();

    async function fileFor(lang: 'de' | 'en', dedupeKey: string) {
        const { services } = harnessOf().runtime;
        const requester = await services.users.get('U-102');
        const account = await services.accounts.get('ACC-1001');
        assert.ok(requester && account);
        const outcome = await services.changeRequests.submit(
            { requester, account, newContact: { userId: 'U-103', name: 'Lea Fischer' }, reason: 'test', lang, channel: 'test', conversationKey: `test:${dedupeKey}` },
            dedupeKey
        );
        assert.strictEqual(outcome.kind, 'filed');
        return outcome.request;
    }

    it('numbers the requests of a year from BC-<year>-000001 and starts again in a new year', async () => {
        const harness = harnessOf();
        assert.strictEqual((await fileFor('en', 'a')).reference, 'BC-2026-000001');
        assert.strictEqual((await fileFor('en', 'b')).reference, 'BC-2026-000002');
        assert.strictEqual((await fileFor('en', 'a')).reference, 'BC-2026-000001', 'the same key finds the same request');
        harness.clock.advance(365 * 24 * 3600_000);
        assert.strictEqual((await fileFor('de', 'c')).reference, 'BC-2027-000001');
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

import * as assert from 'assert';
import { joined, useHarness } from '../helpers/botHarness';
import { PHRASES } from '../helpers/phrases';
import { localeOf, play } from '../helpers/script';
import { statementsDuring } from '../helpers/statementsDuring';
import { PETER } from '../helpers/demoPeople';

describe('The code turn reads the account\'s open change requests along with the code\'s check (dialogs/pendingReadAhead.ts)', () => {
    const harnessOf = useHarness();

    it('Peter, billing contact of Northwind with a request against him open, is told of it after his code; the read went out before the check', async () => {
        const harness = harnessOf();
        const { services } = harness.runtime;
        const [sarah, northwind] = [await services.users.get('U-202'), await services.accounts.get('ACC-2002')];
        assert.ok(sarah && northwind);
        const outcome = await services.changeRequests.submit({ requester: sarah, account: northwind, newContact: { userId: 'U-203', name: 'Tom Hughes' }, reason: 'reorganisation', lang: 'en', channel: 'test', conversationKey: 'test:filed' }, 'test:filed');
        assert.strictEqual(outcome.kind, 'filed');
        const reference = outcome.request.reference;

        const convo = harness.conversation(localeOf('en'));
        await play(harness, convo, [{ say: PHRASES.en.whoIs, expect: [PHRASES.en.askEmail] }, { say: PETER, expect: [PHRASES.en.codeSent] }], PETER);
        const code = await harness.latestCode(PETER);
        const { statements, result } = await statementsDuring(harness.db, () => convo.say(code));
        const answer = joined(result);
        assert.match(answer, PHRASES.en.verified);
        assert.match(answer, new RegExp(reference), 'the open request against Peter is in the answer');
        assert.match(answer, /If you do not agree with this change, just tell me/);

        const pendingRead = statements.findIndex((sql) => /FROM change_requests WHERE account_id = \?/.test(sql));
        const check = statements.findIndex((sql) => /^UPDATE verification_codes/.test(sql));
        assert.ok(pendingRead >= 0 && check >= 0, statements.join('\n'));
        assert.ok(pendingRead < check, `the open requests were read after the code's check:\n${statements.join('\n')}`);
        assert.strictEqual(statements.filter((sql) => /FROM change_requests WHERE account_id = \?/.test(sql)).length, 1, 'read once');
    });
});

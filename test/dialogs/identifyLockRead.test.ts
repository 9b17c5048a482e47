import * as assert from 'assert';
import { AppHarness } from '../helpers/appHarness';
import { JONAS } from '../helpers/demoPeople';
import { PHRASES } from '../helpers/phrases';
import { statementsDuring } from '../helpers/statementsDuring';

describe('Identify: a conversation that never asked for a code reads no lock (issue 16, through /api/messages)', () => {
    let harness: AppHarness;
    before(async () => {
        harness = await AppHarness.start();
    });
    after(async () => harness.close());

    it('the first "who is my billing contact" runs no read of wrong codes; once locked, the question is refused at once', async () => {
        const en = PHRASES.en;
        const customer = harness.customer('en-US');
        const { statements, result: replies } = await statementsDuring(harness.app.db, () => customer.say(en.whoIs));
        assert.match(replies.join('\n'), en.askEmail);
        assert.deepStrictEqual(statements.filter((sql) => /failed_attempts/.test(sql)), [], statements.join('\n'));

        assert.match((await customer.say(JONAS)).join('\n'), en.codeSent);
        const code = await harness.latestCode(JONAS);
        const wrong = code === '000000' ? '111111' : '000000';
        let reply = '';
        for (let i = 0; i < 5; i++) {
            reply = (await customer.say(wrong)).join('\n');
        }
        assert.match(reply, en.locked);
        await customer.say(en.no);
        const after = (await customer.say(en.whoIs)).join('\n');
        assert.match(after, en.locked);
        assert.doesNotMatch(after, en.askEmail);
    });
});

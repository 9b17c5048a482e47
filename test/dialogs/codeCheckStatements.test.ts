import * as assert from 'assert';
import { AppHarness } from '../helpers/appHarness';
import { JONAS } from '../helpers/demoPeople';
import { PHRASES } from '../helpers/phrases';
import { statementsDuring } from '../helpers/statementsDuring';

describe('Code check: the right code is one statement (issue 16, through /api/messages)', () => {
    let harness: AppHarness;
    before(async () => {
        harness = await AppHarness.start();
    });
    after(async () => harness.close());

    /** The statements of the turn that answers with the right code, and how many the database counted (BEGIN/COMMIT too). */
    async function codeTurn(): Promise<{ statements: string[]; counted: number; replies: string[] }> {
        const en = PHRASES.en;
        const customer = harness.customer('en-US');
        await customer.say(en.whoIs);
        assert.match((await customer.say(JONAS)).join('\n'), en.codeSent);
        const code = await harness.latestCode(JONAS);
        const before = harness.app.db.statementsRun;
        const { statements, result: replies } = await statementsDuring(harness.app.db, () => customer.say(code));
        return { statements, counted: harness.app.db.statementsRun - before, replies };
    }

    it('uses the code in one UPDATE without a transaction, and the person is looked up without a statement for the directory version', async () => {
        await codeTurn();
        // Again, with the person's look-ups kept by the directory cache.
        const { statements, counted, replies } = await codeTurn();
        assert.match(replies.join('\n'), PHRASES.en.verified);
        const list = statements.join('\n');
        assert.deepStrictEqual(statements.filter((sql) => /verification_codes/.test(sql) && !/^INSERT INTO turn_records/.test(sql)).map((sql) => sql.split(' ').slice(0, 4).join(' ')), ['UPDATE verification_codes SET used_at'], list);
        assert.strictEqual(counted, statements.length, `no BEGIN/COMMIT:\n${list}`);
        assert.deepStrictEqual(statements.filter((sql) => /^SELECT version FROM directory_version/.test(sql)), [], list);
        const audited = await harness.app.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'verification.succeeded'");
        assert.strictEqual(audited?.n, 2, 'each use audited by the UPDATE\'s trigger (migration 022)');
    });
});

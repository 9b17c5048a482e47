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

describe('Code mail: a code and its mail are one statement with the limits in it (issue 16, through /api/messages)', () => {
    let harness: AppHarness;
    before(async () => {
        harness = await AppHarness.start();
    });
    after(async () => harness.close());

    it('the turn that mails a code runs one statement for it and no transaction; the sixth code an hour to the address is refused, storing nothing', async () => {
        const en = PHRASES.en;
        const customer = harness.customer('en-US');
        await customer.say(en.whoIs);
        const before = harness.app.db.statementsRun;
        const { statements, result: replies } = await statementsDuring(harness.app.db, () => customer.say(JONAS));
        assert.match(replies.join('\n'), en.codeSent);
        const list = statements.join('\n');
        const ours = statements.filter((sql) => /verification_codes|outbox|code_mail/.test(sql) && !/^INSERT INTO turn_records/.test(sql));
        assert.deepStrictEqual(ours.map((sql) => sql.split(' ').slice(0, 3).join(' ')), ['INSERT INTO code_mail'], list);
        assert.strictEqual(harness.app.db.statementsRun - before, statements.length, `no BEGIN/COMMIT:\n${list}`);
        const stored = await harness.app.db.get<{ codes: number; mails: number; audited: number }>(
            "SELECT (SELECT COUNT(*) FROM verification_codes) AS codes, (SELECT COUNT(*) FROM outbox WHERE kind = 'verification-code') AS mails, (SELECT COUNT(*) FROM audit_log WHERE action = 'verification.code-sent') AS audited"
        );
        assert.deepStrictEqual(stored, { codes: 1, mails: 1, audited: 1 });
        // Four more codes in other conversations to the same address reach the hourly limit: the next is refused and nothing is stored.
        for (let i = 0; i < 4; i++) {
            const other = harness.customer('en-US');
            await other.say(en.whoIs);
            assert.match((await other.say(JONAS)).join('\n'), en.codeSent);
        }
        const late = harness.customer('en-US');
        await late.say(en.whoIs);
        const refused = (await late.say(JONAS)).join('\n');
        assert.doesNotMatch(refused, en.codeSent, refused);
        const after = await harness.app.db.get<{ codes: number; mails: number }>("SELECT (SELECT COUNT(*) FROM verification_codes) AS codes, (SELECT COUNT(*) FROM outbox WHERE kind = 'verification-code') AS mails");
        assert.deepStrictEqual(after, { codes: 5, mails: 5 });
    });
});

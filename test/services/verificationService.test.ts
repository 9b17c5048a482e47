import * as assert from 'assert';
import { useHarness } from '../helpers/botHarness';

describe('VerificationService: a code is used once', () => {
    const harnessOf = useHarness();

    it('counts a used code again only for a retry of the activity that used it', async () => {
        const harness = harnessOf();
        const verification = harness.runtime.services.verification;
        const email = 'jonas.weber@mueller-design.example';
        assert.strictEqual(await verification.sendCode('test:once', email, 'en'), 'sent');
        const code = await harness.latestCode(email);
        assert.strictEqual((await verification.checkCode('test:once', code, 'activity-1')).kind, 'verified');
        assert.strictEqual((await verification.checkCode('test:once', code, 'activity-2')).kind, 'no-code', 'a new message with the used code does not verify');
        assert.strictEqual((await verification.checkCode('test:once', code)).kind, 'no-code');
        assert.strictEqual((await verification.checkCode('test:once', code, 'activity-1')).kind, 'verified', 'the retried delivery of the same message completes');
        assert.strictEqual((await verification.checkCode('test:other', code, 'activity-1')).kind, 'no-code', 'never in another conversation');
    });
});

describe('VerificationService: a wrong code on SQLite is one read in its transaction', () => {
    const harnessOf = useHarness();

    it('reads the conversation\'s wrong codes, its live code and its address\'s wrong codes in one statement, and still locks at the address\'s limit', async () => {
        const harness = harnessOf();
        const verification = harness.runtime.services.verification;
        const email = 'jonas.weber@mueller-design.example';
        assert.strictEqual(await verification.sendCode('test:one-read', email, 'en'), 'sent');
        const code = await harness.latestCode(email);
        const wrong = code === '000000' ? '111111' : '000000';
        const statements: string[] = [];
        const stop = harness.db.watchStatements((sql) => statements.push(sql.replace(/\s+/g, ' ').trim()));
        const before = harness.db.statementsRun;
        const outcome = await verification.checkCode('test:one-read', wrong, 'activity-1');
        stop();
        assert.deepStrictEqual(outcome, { kind: 'wrong', triesLeft: 4 });
        assert.strictEqual(statements.filter((sql) => /^SELECT/.test(sql)).length, 1, statements.join('\n'));
        assert.strictEqual(harness.db.statementsRun - before, 5, `the right code's UPDATE that changed nothing, then BEGIN, the read, the failure, COMMIT:\n${statements.join('\n')}`);
        assert.match(statements[0], /^UPDATE verification_codes SET used_at/, statements.join('\n'));

        // Nine wrong codes for the address in other conversations: the next wrong one is its tenth and locks.
        await harness.db.run('UPDATE verification_codes SET failed_attempts = failed_attempts + 8 WHERE conversation_key = ?', ['test:one-read']);
        assert.strictEqual(await verification.sendCode('test:other-conversation', email, 'en'), 'sent');
        const other = await harness.latestCode(email);
        assert.deepStrictEqual(await verification.checkCode('test:other-conversation', other === '000000' ? '111111' : '000000', 'activity-2'), { kind: 'locked' });
        assert.deepStrictEqual(await verification.checkCode('test:other-conversation', other, 'activity-3'), { kind: 'locked' }, 'ten wrong codes for the address: even the right one is refused');
    });
});

import * as assert from 'assert';
import { systemClock } from '../../core/clock';
import { AuditLog } from '../../data/repositories/auditLog';
import { AppHarness } from '../helpers/appHarness';
import { useHarness } from '../helpers/botHarness';
import { JONAS } from '../helpers/demoPeople';
import { PHRASES } from '../helpers/phrases';
import { statementsDuring } from '../helpers/statementsDuring';
import { BACKENDS } from '../helpers/tempDatabase';

describe('A one-time code is audited by the statements that store and use it (migration 022)', () => {
    let harness: AppHarness;
    before(async () => {
        harness = await AppHarness.start();
    });
    after(async () => harness.close());

    it('the email turn and the code turn through /api/messages run no audit statement of their own, and the entries are there', async () => {
        const en = PHRASES.en;
        const customer = harness.customer('en-US');
        assert.match((await customer.say(en.whoIs)).join('\n'), en.askEmail);
        const { statements: sending } = await statementsDuring(harness.app.db, () => customer.say(JONAS));
        const code = await harness.latestCode(JONAS);
        const { statements: checking, result: replies } = await statementsDuring(harness.app.db, () => customer.say(code));
        assert.match(replies.join('\n'), en.offerEmail);
        for (const [turn, statements] of [['email', sending], ['code', checking]] as const) {
            assert.deepStrictEqual(statements.filter((sql) => /INSERT INTO audit_log/i.test(sql)), [], `the ${turn} turn:\n${statements.join('\n')}`);
        }
        const entries = await new AuditLog(harness.app.db, systemClock).recent(10);
        assert.deepStrictEqual(
            entries.filter((e) => e.action.startsWith('verification.')).map((e) => [e.action, e.subject]).reverse(),
            [
                ['verification.code-sent', 'user:U-102'],
                ['verification.succeeded', 'user:U-102']
            ]
        );
    });
});

for (const backend of BACKENDS) {
    describe(`VerificationService: the code's audit entries commit and roll back with the code [${backend}]`, () => {
        const harnessOf = useHarness({ backend });

        it('code sent, unknown address and success are audited once each, with the clock of the code; a refused check audits nothing', async () => {
            const harness = harnessOf();
            const verification = harness.runtime.services.verification;
            const audit = new AuditLog(harness.db, harness.clock);
            assert.strictEqual(await verification.sendCode('test:audit', JONAS, 'en', 'a-1'), 'sent');
            assert.strictEqual(await verification.sendCode('test:audit', JONAS, 'en', 'a-1'), 'sent', 'a retried turn');
            assert.strictEqual(await verification.sendCode('test:unknown', 'nobody@example.com', 'en'), 'sent');
            const code = await harness.latestCode(JONAS);
            assert.strictEqual((await verification.checkCode('test:audit', code === '000000' ? '111111' : '000000', 'a-2')).kind, 'wrong');
            assert.strictEqual((await verification.checkCode('test:audit', code, 'a-3')).kind, 'verified');
            assert.strictEqual((await verification.checkCode('test:audit', code, 'a-4')).kind, 'no-code');
            const entries = (await audit.recent(20)).reverse().filter((e) => e.actor.startsWith('conversation:test:'));
            const at = harness.clock.now().getTime();
            const user = (await harness.runtime.services.users.findByEmail(JONAS))?.id;
            assert.deepStrictEqual(entries, [
                { at, actor: 'conversation:test:audit', action: 'verification.code-sent', subject: `user:${user}`, details: null },
                { at, actor: 'conversation:test:unknown', action: 'verification.code-requested-unknown', subject: null, details: null },
                { at, actor: 'conversation:test:audit', action: 'verification.succeeded', subject: `user:${user}`, details: null }
            ]);
            await assert.rejects(
                harness.db.transaction(async (tx) => {
                    await tx.run('INSERT INTO verification_codes (conversation_key, user_id, target_hash, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)', ['test:rolled-back', user ?? null, 'h', 'c', at, at + 1]);
                    throw new Error('changed my mind');
                })
            );
            assert.deepStrictEqual((await audit.recent(50)).filter((e) => e.actor === 'conversation:test:rolled-back'), [], 'the entry rolls back with its code');
        });
    });
}

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

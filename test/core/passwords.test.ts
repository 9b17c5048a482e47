import * as assert from 'assert';
import { hashPassword, verifyPassword } from '../../core/passwords';

/** An agent password hash as the agent code stored it before it shared the portal's hasher: N=2^15, a 64-byte key. */
const OLD_AGENT_HASH = 'scrypt$32768$8$1$UQLZ08YZpmylZaxWTFaUog$LzNhdaruGWstvGpYZClZavxdbJ1oxXvPq_43FXiLP1CwJkv3hIFW4Bj_3b9v4FOXRGtc6IJsZsDGLQCkriMIKA';

describe('Agent passwords: the portal hasher at the OWASP cost, older hashes still valid', () => {
    it('verifies a hash stored with the older, lower agent cost, and refuses a wrong password against it', async () => {
        assert.strictEqual(await verifyPassword('Agent-Passwort 2025', OLD_AGENT_HASH), true);
        assert.strictEqual(await verifyPassword('Agent-Passwort 2026', OLD_AGENT_HASH), false);
    });

    it('hashes a new password at N=2^17, r=8, p=1 and verifies it', async () => {
        const stored = await hashPassword('ein neues Kennwort');
        assert.match(stored, /^scrypt\$131072\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
        assert.strictEqual(await verifyPassword('ein neues Kennwort', stored), true);
        assert.strictEqual(await verifyPassword('ein neues Kennwort!', stored), false);
    });

    it('refuses an unknown login (no stored hash) and a stored value of another form', async () => {
        assert.strictEqual(await verifyPassword('anything', undefined), false);
        assert.strictEqual(await verifyPassword('anything', 'bcrypt$2$8$1$abc$def'), false);
    });
});

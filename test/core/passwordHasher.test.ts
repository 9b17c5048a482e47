import * as assert from 'assert';
import { DEFAULT_SCRYPT_COST, PasswordHasher } from '../../core/passwordHasher';

describe('PasswordHasher (scrypt, a salt per password)', () => {
    const hasher = new PasswordHasher({ N: 2 ** 10, r: 8, p: 1 });

    it('verifies the right password and refuses others', async () => {
        const stored = await hasher.hash('correct horse battery staple');
        assert.ok(await hasher.verify('correct horse battery staple', stored));
        assert.ok(!(await hasher.verify('correct horse battery stapler', stored)));
        assert.ok(!(await hasher.verify('', stored)));
    });

    it('salts every hash, so the same password is stored differently, and keeps its cost with it', async () => {
        const [a, b] = [await hasher.hash('same password here'), await hasher.hash('same password here')];
        assert.notStrictEqual(a, b);
        assert.match(a, /^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
        assert.ok(await new PasswordHasher().verify('same password here', a), 'a hasher with another cost still verifies it');
    });

    it('treats an umlaut typed as one or as two code points as the same password', async () => {
        const stored = await hasher.hash('Kennwort für Müller');
        assert.ok(await hasher.verify('Kennwort fu\u0308r Mu\u0308ller', stored));
    });

    it('refuses stored values of another form instead of throwing', async () => {
        for (const stored of ['', 'plain', 'scrypt$x$8$1$abc$def', 'bcrypt$2$8$1$abc$def', 'scrypt$1024$8$1$$']) {
            assert.strictEqual(await hasher.verify('anything', stored), false, stored);
        }
    });

    it('defaults to the OWASP cost N=2^17, r=8, p=1', () => {
        assert.deepStrictEqual(DEFAULT_SCRYPT_COST, { N: 131072, r: 8, p: 1 });
    });

    it('asks for a new hash when the stored one has another cost or a 64-byte key, not when it matches', async () => {
        const owasp = new PasswordHasher();
        assert.strictEqual(owasp.needsRehash(await hasher.hash('same password here')), true, 'lower cost');
        assert.strictEqual(owasp.needsRehash(await owasp.hash('same password here')), false, 'today\'s cost');
        const long = 'scrypt$131072$8$1$UQLZ08YZpmylZaxWTFaUog$' + Buffer.alloc(64, 7).toString('base64url');
        assert.strictEqual(owasp.needsRehash(long), true, '64-byte key of the older agent code');
    });
});

import * as crypto from 'crypto';

/** Cost settings of scrypt. */
export interface ScryptCost {
    /** CPU/memory cost, a power of two. */
    readonly N: number;
    readonly r: number;
    readonly p: number;
}

/** OWASP's recommendation for scrypt (Password Storage Cheat Sheet): N=2^17, r=8, p=1. */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const PREFIX = 'scrypt';

/**
 * Hashes passwords with scrypt and a random salt per password. The stored form
 * `scrypt$N$r$p$salt$hash` carries its own cost, so the cost can be raised
 * later without breaking stored hashes. Passwords are NFC-normalised first, so
 * "ä" typed either way is the same password.
 */
export class PasswordHasher {
    public constructor(private readonly cost: ScryptCost = DEFAULT_SCRYPT_COST) {}

    public async hash(password: string): Promise<string> {
        const salt = crypto.randomBytes(SALT_LENGTH);
        const key = await derive(password, salt, this.cost);
        return [PREFIX, this.cost.N, this.cost.r, this.cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
    }

    /** True when `password` matches `stored`; false for a stored value of another form. */
    public async verify(password: string, stored: string): Promise<boolean> {
        const [prefix, n, r, p, salt, hash] = stored.split('$');
        if (prefix !== PREFIX || !salt || !hash) {
            return false;
        }
        const cost = { N: Number(n), r: Number(r), p: Number(p) };
        if (![cost.N, cost.r, cost.p].every((v) => Number.isInteger(v) && v > 0)) {
            return false;
        }
        const expected = Buffer.from(hash, 'base64url');
        const actual = await derive(password, Buffer.from(salt, 'base64url'), cost);
        return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
    }
}

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
    return new Promise((resolve, reject) => {
        // scrypt needs about 128·N·r bytes; allow twice that.
        const maxmem = 256 * cost.N * cost.r;
        crypto.scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N: cost.N, r: cost.r, p: cost.p, maxmem }, (err, key) => (err ? reject(err) : resolve(key)));
    });
}

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
/** Key lengths a stored hash may have: 32 bytes now, 64 in agent hashes made before both used this class. */
const STORED_KEY_LENGTHS = new Set([32, 64]);
const SALT_LENGTH = 16;
const PREFIX = 'scrypt';

/**
 * Hashes passwords with scrypt and a random salt per password, for portal and
 * agent passwords alike. The stored form `scrypt$N$r$p$salt$hash` carries its
 * own cost (and, by the hash's length, its key length), so the cost can be
 * raised later without breaking stored hashes. Passwords are NFC-normalised first, so
 * "ä" typed either way is the same password.
 */
export class PasswordHasher {
    public constructor(private readonly cost: ScryptCost = DEFAULT_SCRYPT_COST) {}

    /** A new stored hash of `password`, with this hasher's cost. */
    public async hash(password: string): Promise<string> {
        const salt = crypto.randomBytes(SALT_LENGTH);
        const key = await derive(password, salt, this.cost, KEY_LENGTH);
        return [PREFIX, this.cost.N, this.cost.r, this.cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
    }

    /**
     * True when `stored` was made with another cost or key length than this hasher's: after a
     * successful sign-in it should be replaced by `hash(password)`, so older hashes reach today's cost.
     */
    public needsRehash(stored: string): boolean {
        const [prefix, n, r, p, , hash] = stored.split('$');
        return prefix !== PREFIX || Number(n) !== this.cost.N || Number(r) !== this.cost.r || Number(p) !== this.cost.p
            || Buffer.from(hash ?? '', 'base64url').length !== KEY_LENGTH;
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
        if (!STORED_KEY_LENGTHS.has(expected.length)) {
            return false;
        }
        const actual = await derive(password, Buffer.from(salt, 'base64url'), cost, expected.length);
        return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
    }
}

function derive(password: string, salt: Buffer, cost: ScryptCost, keyLength: number): Promise<Buffer> {
    return new Promise((resolve, reject) => {
        // scrypt needs about 128·N·r bytes; allow twice that.
        const maxmem = 256 * cost.N * cost.r;
        crypto.scrypt(password.normalize('NFC'), salt, keyLength, { N: cost.N, r: cost.r, p: cost.p, maxmem }, (err, key) => (err ? reject(err) : resolve(key)));
    });
}

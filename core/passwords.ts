import * as crypto from 'crypto';

/** scrypt cost parameters (N = 2^15, r = 8, p = 1: about 32 MiB and 50–100 ms per hash). */
const N = 32768;
const R = 8;
const P = 1;
const KEY_LENGTH = 64;
const MAX_MEMORY = 64 * 1024 * 1024;

/** Longest password accepted (scrypt would take any length; a limit keeps requests cheap). */
export const MAX_PASSWORD_LENGTH = 256;

function scrypt(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
    return new Promise((resolve, reject) => {
        crypto.scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N: n, r, p, maxmem: MAX_MEMORY }, (err, key) => (err ? reject(err) : resolve(key)));
    });
}

/** Hashes a password with scrypt and a random salt: `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashPassword(password: string): Promise<string> {
    const salt = crypto.randomBytes(16);
    const key = await scrypt(password, salt, N, R, P);
    return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** A hash to compare against when the login is unknown, so both cases take equally long. */
let decoy: Promise<string> | undefined;

/**
 * Checks a password against a stored hash in constant time. With no stored
 * hash it still does the work once (no timing hint that the login is unknown).
 */
export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
    decoy ??= hashPassword(crypto.randomBytes(16).toString('hex'));
    const [scheme, n, r, p, salt, hash] = (stored ?? (await decoy)).split('$');
    if (scheme !== 'scrypt' || !salt || !hash) {
        return false;
    }
    const expected = Buffer.from(hash, 'base64url');
    const actual = await scrypt(password.slice(0, MAX_PASSWORD_LENGTH), Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
    return stored !== undefined && actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}

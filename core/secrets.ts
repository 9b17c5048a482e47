import * as crypto from 'crypto';
import * as fs from 'fs';

/**
 * Keyed hashing and encryption for secrets the bot must keep but never store
 * in clear text: one-time codes (HMAC) and the secret part of queued emails
 * (AES-256-GCM, so the operator can still read a mail that was not delivered).
 */
export class SecretBox {
    private readonly hmacKey: Buffer;
    private readonly cipherKey: Buffer;

    public constructor(key: Buffer) {
        if (key.length !== 32) {
            throw new Error(`SecretBox: the key must be 32 bytes (got ${key.length})`);
        }
        this.hmacKey = crypto.createHmac('sha256', key).update('hmac').digest();
        this.cipherKey = crypto.createHmac('sha256', key).update('cipher').digest();
    }

    /** HMAC-SHA256 of `value` under the box key, hex. */
    public hash(value: string): string {
        return crypto.createHmac('sha256', this.hmacKey).update(value, 'utf8').digest('hex');
    }

    /** Compares `value` with a stored hash in constant time. */
    public matches(value: string, storedHash: string): boolean {
        const actual = Buffer.from(this.hash(value), 'hex');
        const expected = Buffer.from(storedHash, 'hex');
        return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
    }

    /** Encrypts `plain`; the result is `iv.tag.ciphertext`, base64url. */
    public encrypt(plain: string): string {
        const iv = crypto.randomBytes(12);
        const cipher = crypto.createCipheriv('aes-256-gcm', this.cipherKey, iv);
        const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
        return [iv, cipher.getAuthTag(), data].map((part) => part.toString('base64url')).join('.');
    }

    /** Decrypts what {@link encrypt} produced. @throws when the text was altered or the key differs. */
    public decrypt(sealed: string): string {
        const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
        if (!iv || !tag || !data) {
            throw new Error('SecretBox.decrypt(): malformed value');
        }
        const decipher = crypto.createDecipheriv('aes-256-gcm', this.cipherKey, iv);
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
    }
}

/** A random n-digit code, from the crypto source, with leading zeros. */
export function randomDigits(length: number): string {
    let code = '';
    for (let i = 0; i < length; i++) {
        code += crypto.randomInt(0, 10).toString();
    }
    return code;
}

/**
 * Returns the 32-byte key stored in `file`, creating it (mode 0600) when absent.
 * Kept apart from the database so a copy of the database alone reveals no secret.
 */
export function loadOrCreateKeyFile(file: string): Buffer {
    if (fs.existsSync(file)) {
        const text = fs.readFileSync(file, 'utf8').trim();
        if (!/^[0-9a-f]{64}$/.test(text)) {
            throw new Error(`loadOrCreateKeyFile(): ${file} does not hold a 64-character hex key`);
        }
        return Buffer.from(text, 'hex');
    }
    const key = crypto.randomBytes(32);
    fs.writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    return key;
}

import * as crypto from 'crypto';
import { PasswordHasher } from './passwordHasher';

/** Longest password accepted (scrypt would take any length; a limit keeps requests cheap). */
export const MAX_PASSWORD_LENGTH = 256;

/** Agent passwords use the same hasher and cost (OWASP) as portal passwords. */
const hasher = new PasswordHasher();

/** Hashes a password with scrypt and a random salt: `scrypt$N$r$p$salt$hash` (base64url), at the OWASP cost. */
export async function hashPassword(password: string): Promise<string> {
    return hasher.hash(password);
}

/** True when a stored agent hash predates today's cost or key length (replace it at the next sign-in). */
export function passwordNeedsRehash(stored: string): boolean {
    return hasher.needsRehash(stored);
}

/** A hash to compare against when the login is unknown, so both cases take equally long. */
let decoy: Promise<string> | undefined;

/**
 * Checks a password against a stored hash in constant time. With no stored
 * hash it still does the work once (no timing hint that the login is unknown).
 */
export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
    decoy ??= hashPassword(crypto.randomBytes(16).toString('hex'));
    const matches = await hasher.verify(password.slice(0, MAX_PASSWORD_LENGTH), stored ?? (await decoy));
    return stored !== undefined && matches;
}

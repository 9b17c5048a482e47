import type { Database } from '../database';
import { isLang, type Lang } from '../../core/language';
import type { PortalLoginFormat } from '../model';

/** A Corporate Billing Portal login with the billing contact it belongs to. */
export interface PortalAccount {
    readonly userId: string;
    readonly login: string;
    readonly format: PortalLoginFormat;
    readonly name: string;
    readonly email: string;
    readonly locale: Lang;
}

/** A reset token as stored: only its hash. `userId` is null for a user ID that does not exist. */
export interface StoredResetToken {
    readonly id: number;
    readonly userId: string | null;
    readonly expiresAt: number;
    readonly usedAt: number | null;
    readonly supersededAt: number | null;
}

interface AccountRow {
    user_id: string;
    login: string;
    format: PortalLoginFormat;
    name: string;
    email: string;
    locale: string;
}

const ACCOUNT_SELECT = `SELECT p.user_id, p.login, p.format, u.name, u.email, u.locale
    FROM portal_logins p JOIN users u ON u.id = p.user_id`;

/** Normalises a portal user ID for lookups (both formats compare case-insensitively). */
export function normalizeLogin(login: string): string {
    return login.trim().toLowerCase();
}

/** The embedded portal's data: logins, password hashes and reset tokens. */
export class PortalAccountRepository {
    public constructor(private readonly db: Database) {}

    public async byUserId(userId: string): Promise<PortalAccount | undefined> {
        const row = await this.db.get<AccountRow>(`${ACCOUNT_SELECT} WHERE p.user_id = ?`, [userId]);
        return row && toAccount(row);
    }

    /**
     * In one transaction: looks the login up, retires the live tokens issued for
     * it, and stores the new token's hash (with a null user when the login does
     * not exist, so both cases do the same work and the row can never be used).
     * @returns the account the token is for, if the login exists.
     */
    public async issueToken(login: string, loginHash: string, tokenHash: string, now: number, expiresAt: number): Promise<PortalAccount | undefined> {
        return this.db.transaction(async (tx) => {
            const row = await tx.get<AccountRow>(`${ACCOUNT_SELECT} WHERE p.login_normalized = ?`, [normalizeLogin(login)]);
            await tx.run('UPDATE portal_reset_tokens SET superseded_at = ? WHERE login_hash = ? AND used_at IS NULL AND superseded_at IS NULL', [now, loginHash]);
            await tx.run('INSERT INTO portal_reset_tokens (login_hash, user_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)', [
                loginHash,
                row?.user_id ?? null,
                tokenHash,
                now,
                expiresAt
            ]);
            return row && toAccount(row);
        });
    }

    public async tokenByHash(tokenHash: string): Promise<StoredResetToken | undefined> {
        const row = await this.db.get<{ id: number; user_id: string | null; expires_at: number; used_at: number | null; superseded_at: number | null }>(
            'SELECT id, user_id, expires_at, used_at, superseded_at FROM portal_reset_tokens WHERE token_hash = ?',
            [tokenHash]
        );
        return row && { id: row.id, userId: row.user_id, expiresAt: row.expires_at, usedAt: row.used_at, supersededAt: row.superseded_at };
    }

    /**
     * Uses the token and sets the password, atomically: false (and nothing
     * changed) when the token was used, replaced or expired in the meantime.
     * Every other live token of the login is retired with it.
     */
    public async completeReset(token: StoredResetToken & { userId: string }, passwordHash: string, now: number): Promise<boolean> {
        return this.db.transaction(async (tx) => {
            const used = await tx.run('UPDATE portal_reset_tokens SET used_at = ? WHERE id = ? AND used_at IS NULL AND superseded_at IS NULL AND expires_at > ?', [now, token.id, now]);
            if (used.changes !== 1) {
                return false;
            }
            await tx.run('UPDATE portal_logins SET password_hash = ?, password_changed_at = ? WHERE user_id = ?', [passwordHash, now, token.userId]);
            await tx.run('UPDATE portal_reset_tokens SET superseded_at = ? WHERE user_id = ? AND used_at IS NULL AND superseded_at IS NULL', [now, token.userId]);
            return true;
        });
    }

    /** The stored password hash of a login (for the portal's sign-in and for tests). */
    public async passwordHash(userId: string): Promise<string | undefined> {
        const row = await this.db.get<{ password_hash: string | null }>('SELECT password_hash FROM portal_logins WHERE user_id = ?', [userId]);
        return row?.password_hash ?? undefined;
    }
}

function toAccount(row: AccountRow): PortalAccount {
    return { userId: row.user_id, login: row.login, format: row.format, name: row.name, email: row.email, locale: isLang(row.locale) ? row.locale : 'en' };
}

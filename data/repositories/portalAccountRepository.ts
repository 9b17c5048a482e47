import type { Queryable } from '../database';
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

/**
 * The embedded portal's data: logins, password hashes and reset tokens.
 * Construct it over a transaction handle where several steps must go together.
 */
export class PortalAccountRepository {
    public constructor(private readonly db: Queryable) {}

    public async byUserId(userId: string): Promise<PortalAccount | undefined> {
        const row = await this.db.get<AccountRow>(`${ACCOUNT_SELECT} WHERE p.user_id = ?`, [userId]);
        return row && toAccount(row);
    }

    public async byLogin(login: string): Promise<PortalAccount | undefined> {
        const row = await this.db.get<AccountRow>(`${ACCOUNT_SELECT} WHERE p.login_normalized = ?`, [normalizeLogin(login)]);
        return row && toAccount(row);
    }

    /** Retires the live tokens issued for a login (by its hash): a new link replaces the previous. */
    public async retireTokens(loginHash: string, now: number): Promise<void> {
        await this.db.run('UPDATE portal_reset_tokens SET superseded_at = ? WHERE login_hash = ? AND used_at IS NULL AND superseded_at IS NULL', [now, loginHash]);
    }

    /** Stores a token's hash; `userId` null for a login that does not exist (the row can never be used). */
    public async insertToken(loginHash: string, userId: string | null, tokenHash: string, now: number, expiresAt: number): Promise<void> {
        await this.db.run('INSERT INTO portal_reset_tokens (login_hash, user_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)', [loginHash, userId, tokenHash, now, expiresAt]);
    }

    public async tokenByHash(tokenHash: string): Promise<StoredResetToken | undefined> {
        const row = await this.db.get<{ id: number; user_id: string | null; expires_at: number; used_at: number | null; superseded_at: number | null }>(
            'SELECT id, user_id, expires_at, used_at, superseded_at FROM portal_reset_tokens WHERE token_hash = ?',
            [tokenHash]
        );
        return row && { id: row.id, userId: row.user_id, expiresAt: row.expires_at, usedAt: row.used_at, supersededAt: row.superseded_at };
    }

    /** Marks a token used; false when it was used, replaced or expired meanwhile (single use even under races). */
    public async useToken(id: number, now: number): Promise<boolean> {
        const result = await this.db.run('UPDATE portal_reset_tokens SET used_at = ? WHERE id = ? AND used_at IS NULL AND superseded_at IS NULL AND expires_at > ?', [now, id, now]);
        return result.changes === 1;
    }

    /** Stores a new password hash and retires every other live token of the person. */
    public async setPassword(userId: string, passwordHash: string, now: number): Promise<void> {
        await this.db.run('UPDATE portal_logins SET password_hash = ?, password_changed_at = ? WHERE user_id = ?', [passwordHash, now, userId]);
        await this.db.run('UPDATE portal_reset_tokens SET superseded_at = ? WHERE user_id = ? AND used_at IS NULL AND superseded_at IS NULL', [now, userId]);
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

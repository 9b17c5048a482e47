import type { Queryable } from '../database';
import { normalizeEmail, type Account, type Membership, type PortalLogin, type PortalLoginFormat, type User } from '../model';
import type { Lang } from '../../core/language';

interface UserRow {
    id: string;
    name: string;
    email: string;
    locale: Lang;
}

interface MembershipRow {
    id: string;
    name: string;
    type: Account['type'];
    product: string;
    locale: Lang;
    is_admin: number;
    is_billing_contact: number;
}

/** The column of a versioned directory read ({@link directoryRead}) that holds the directory's version. */
export const DIRECTORY_VERSION_COLUMN = 'directory_version';

/** The directory's version (migration 018; no row yet is 0) as a subquery of one row and column. */
export const DIRECTORY_VERSION_QUERY = '(SELECT COALESCE(MAX(version), 0) AS version FROM directory_version WHERE id = 1)';

/**
 * The SQL of a directory read, `SELECT columns FROM table [JOIN join] WHERE
 * condition order`; `versioned` (the directory cache's reads,
 * `directoryCache.ts`): the same rows joined to the directory's version
 * (migration 018, no row yet is 0) in the column
 * {@link DIRECTORY_VERSION_COLUMN}, and when nothing matched one row of NULLs
 * with the version ({@link found} tells them apart), so the version is read
 * in the same statement as the rows it is true for. `join` (`accounts a ON
 * …`) is then a LEFT JOIN: a row it leaves empty has no `id` and is no found
 * row either, as with the inner join.
 */
export function directoryRead(versioned: boolean, columns: string, table: string, condition: string, join?: string, order = ''): string {
    return versioned
        ? `SELECT dv.version AS ${DIRECTORY_VERSION_COLUMN}, ${columns} FROM ${DIRECTORY_VERSION_QUERY} dv LEFT JOIN ${table} ON ${condition}${join ? ` LEFT JOIN ${join}` : ''}${order}`
        : `SELECT ${columns} FROM ${table}${join ? ` JOIN ${join}` : ''} WHERE ${condition}${order}`;
}

/**
 * Reads people and their roles. `versioned`: every read also reads the
 * directory's version ({@link directoryRead}); a read that found nothing
 * still answers `undefined` or `[]`.
 */
export class UserRepository {
    public constructor(private readonly db: Queryable, private readonly versioned = false) {}

    /** The person whose email on file is `email` (case-insensitive), if any. */
    public async findByEmail(email: string): Promise<User | undefined> {
        const row = await this.db.get<UserRow>(directoryRead(this.versioned, 'id, name, email, locale', 'users', 'email_normalized = ?'), [normalizeEmail(email)]);
        return found(row) ? toUser(row) : undefined;
    }

    public async get(id: string): Promise<User | undefined> {
        const row = await this.db.get<UserRow>(directoryRead(this.versioned, 'id, name, email, locale', 'users', 'id = ?'), [id]);
        return found(row) ? toUser(row) : undefined;
    }

    /** The accounts a person belongs to with their roles, by account name. */
    public async memberships(userId: string): Promise<Membership[]> {
        const rows = await this.db.all<MembershipRow>(
            directoryRead(
                this.versioned,
                'a.id, a.name, a.type, a.product, a.locale, m.is_admin, m.is_billing_contact',
                'memberships m',
                'm.user_id = ?',
                'accounts a ON a.id = m.account_id',
                ' ORDER BY a.name'
            ),
            [userId]
        );
        return rows.filter(found).map((row) => ({
            account: { id: row.id, name: row.name, type: row.type, product: row.product, locale: row.locale },
            isAdmin: row.is_admin === 1,
            isBillingContact: row.is_billing_contact === 1
        }));
    }

    /** A person's Corporate Billing Portal login, if they have one. */
    public async portalLogin(userId: string): Promise<PortalLogin | undefined> {
        const row = await this.db.get<{ user_id: string; login: string; format: PortalLoginFormat }>(
            directoryRead(this.versioned, 'user_id, login, format', 'portal_logins', 'user_id = ?'),
            [userId]
        );
        return row && row.user_id !== null ? { userId: row.user_id, login: row.login, format: row.format } : undefined;
    }
}

/** Whether a directory read's row is a found row, not the row of NULLs of a versioned read that found nothing. */
export function found<T extends { readonly id: string | null }>(row: T | undefined): row is T {
    return row !== undefined && row.id !== null;
}

/** Maps a users row to a {@link User}. */
export function toUser(row: UserRow): User {
    return { id: row.id, name: row.name, email: row.email, locale: row.locale };
}

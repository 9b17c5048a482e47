import type { Queryable } from '../database';
import { normalizeEmail, type Account, type Member, type Membership, type PortalLogin, type PortalLoginFormat, type User } from '../model';
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

/** A row of {@link UserRepository.personWithAccounts}: the person (part 0), a membership of theirs (1), or a member of their one account (2). */
interface PersonPartRow {
    directory_version: number | null;
    part: number;
    id: string | null;
    name: string;
    email: string | null;
    locale: Lang;
    type: Account['type'] | null;
    product: string | null;
    account_id: string | null;
    is_admin: number | null;
    is_billing_contact: number | null;
}

/** A person found by address, their memberships, and with one account its members ({@link UserRepository.personWithAccounts}). */
export interface PersonWithAccounts {
    readonly user?: User;
    readonly memberships: Membership[];
    /** The members of the person's account when they have exactly one; else none read. */
    readonly members?: { readonly accountId: string; readonly members: Member[] };
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
        return rows.filter(found).map(toMembership);
    }

    /**
     * {@link findByEmail}, {@link memberships} and, with exactly one
     * membership, that account's members (`AccountRepository.members`), in
     * one statement, ordered as each of them orders its rows; the
     * directory's version with them when `versioned` (a row of its own, so
     * read even when no one has the address).
     */
    public async personWithAccounts(email: string): Promise<PersonWithAccounts> {
        const rows = await this.db.all<PersonPartRow>(personWithAccountsSql(this.versioned), [normalizeEmail(email)]);
        const person = rows.find((row) => row.part === 0 && row.id !== null);
        if (!person) {
            return { memberships: [] };
        }
        const memberships = rows.filter((row) => row.part === 1).map((row) => toMembership(row as MembershipRow));
        const members = rows.filter((row) => row.part === 2).map((row) => toMember(row as UserRow & RoleColumns));
        return { user: toUser(person as UserRow), memberships, ...(memberships.length === 1 ? { members: { accountId: memberships[0].account.id, members } } : {}) };
    }

    /**
     * The ids of the accounts of the person with `email` as a directory cache
     * keeps them from an earlier {@link personWithAccounts}, without a read
     * and unchecked against the directory's version: a guess of what a turn
     * is about to read, never an answer. None without a cache.
     */
    public accountIdsKept(_email: string): readonly string[] | undefined {
        return undefined;
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

/**
 * The statement of {@link UserRepository.personWithAccounts}: the person by
 * normalised address, each of their memberships with its account, and the
 * members of their account when they have one, as three parts of one
 * result, each part ordered as its own read orders it (memberships by
 * account name, members by name).
 */
function personWithAccountsSql(versioned: boolean): string {
    const person = versioned
        ? `SELECT dv.version AS ${DIRECTORY_VERSION_COLUMN}, 0 AS part, p.id, p.name, p.email, p.locale, NULL AS type, NULL AS product, NULL AS account_id, NULL AS is_admin, NULL AS is_billing_contact FROM ${DIRECTORY_VERSION_QUERY} dv LEFT JOIN p ON 1 = 1`
        : `SELECT NULL AS ${DIRECTORY_VERSION_COLUMN}, 0 AS part, p.id, p.name, p.email, p.locale, NULL AS type, NULL AS product, NULL AS account_id, NULL AS is_admin, NULL AS is_billing_contact FROM p`;
    return (
        'WITH p AS (SELECT id, name, email, locale FROM users WHERE email_normalized = ?), ' +
        'pm AS (SELECT m.account_id, m.is_admin, m.is_billing_contact FROM memberships m JOIN p ON m.user_id = p.id) ' +
        `${person} ` +
        'UNION ALL SELECT NULL, 1, a.id, a.name, NULL, a.locale, a.type, a.product, NULL, pm.is_admin, pm.is_billing_contact FROM pm JOIN accounts a ON a.id = pm.account_id ' +
        'UNION ALL SELECT NULL, 2, u.id, u.name, u.email, u.locale, NULL, NULL, m.account_id, m.is_admin, m.is_billing_contact FROM pm JOIN memberships m ON m.account_id = pm.account_id JOIN users u ON u.id = m.user_id WHERE (SELECT COUNT(*) FROM pm) = 1 ' +
        'ORDER BY part, name'
    );
}

/** Whether a directory read's row is a found row, not the row of NULLs of a versioned read that found nothing. */
export function found<T extends { readonly id: string | null }>(row: T | undefined): row is T {
    return row !== undefined && row.id !== null;
}

/** Maps a users row to a {@link User}. */
export function toUser(row: UserRow): User {
    return { id: row.id, name: row.name, email: row.email, locale: row.locale };
}

/** A memberships row's roles (1 or 0). */
interface RoleColumns {
    is_admin: number;
    is_billing_contact: number;
}

/** Maps an account row with the person's roles in it to a {@link Membership}. */
function toMembership(row: MembershipRow): Membership {
    return {
        account: { id: row.id, name: row.name, type: row.type, product: row.product, locale: row.locale },
        isAdmin: row.is_admin === 1,
        isBillingContact: row.is_billing_contact === 1
    };
}

/** Maps a users row with the person's roles in an account to a {@link Member} of it. */
export function toMember(row: UserRow & RoleColumns): Member {
    return { user: toUser(row), isAdmin: row.is_admin === 1, isBillingContact: row.is_billing_contact === 1 };
}

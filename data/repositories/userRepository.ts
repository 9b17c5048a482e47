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

/** Reads people and their roles. */
export class UserRepository {
    public constructor(private readonly db: Queryable) {}

    /** The person whose email on file is `email` (case-insensitive), if any. */
    public async findByEmail(email: string): Promise<User | undefined> {
        const row = await this.db.get<UserRow>('SELECT id, name, email, locale FROM users WHERE email_normalized = ?', [normalizeEmail(email)]);
        return row && toUser(row);
    }

    public async get(id: string): Promise<User | undefined> {
        const row = await this.db.get<UserRow>('SELECT id, name, email, locale FROM users WHERE id = ?', [id]);
        return row && toUser(row);
    }

    /** The accounts a person belongs to with their roles, by account name. */
    public async memberships(userId: string): Promise<Membership[]> {
        const rows = await this.db.all<MembershipRow>(
            `SELECT a.id, a.name, a.type, a.product, a.locale, m.is_admin, m.is_billing_contact
               FROM memberships m JOIN accounts a ON a.id = m.account_id
              WHERE m.user_id = ? ORDER BY a.name`,
            [userId]
        );
        return rows.map((row) => ({
            account: { id: row.id, name: row.name, type: row.type, product: row.product, locale: row.locale },
            isAdmin: row.is_admin === 1,
            isBillingContact: row.is_billing_contact === 1
        }));
    }

    /** A person's Corporate Billing Portal login, if they have one. */
    public async portalLogin(userId: string): Promise<PortalLogin | undefined> {
        const row = await this.db.get<{ user_id: string; login: string; format: PortalLoginFormat }>(
            'SELECT user_id, login, format FROM portal_logins WHERE user_id = ?',
            [userId]
        );
        return row && { userId: row.user_id, login: row.login, format: row.format };
    }
}

/** Maps a users row to a {@link User}. */
export function toUser(row: UserRow): User {
    return { id: row.id, name: row.name, email: row.email, locale: row.locale };
}

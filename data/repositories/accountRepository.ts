import type { Queryable } from '../database';
import type { Account, Member, User } from '../model';
import { directoryRead, found, toMember } from './userRepository';
import type { Lang } from '../../core/language';

interface MemberRow {
    id: string;
    name: string;
    email: string;
    locale: Lang;
    is_admin: number;
    is_billing_contact: number;
}

/** Reads accounts and who holds which role in them; `versioned`: see {@link UserRepository}. */
export class AccountRepository {
    public constructor(private readonly db: Queryable, private readonly versioned = false) {}

    public async get(id: string): Promise<Account | undefined> {
        const row = await this.db.get<Account>(directoryRead(this.versioned, 'id, name, type, product, locale', 'accounts', 'id = ?'), [id]);
        return found(row) ? { id: row.id, name: row.name, type: row.type, product: row.product, locale: row.locale } : undefined;
    }

    /** Everyone in the account with their roles, by name. */
    public async members(accountId: string): Promise<Member[]> {
        const rows = await this.db.all<MemberRow>(
            directoryRead(
                this.versioned,
                'u.id, u.name, u.email, u.locale, m.is_admin, m.is_billing_contact',
                'memberships m',
                'm.account_id = ?',
                'users u ON u.id = m.user_id',
                ' ORDER BY u.name'
            ),
            [accountId]
        );
        return rows.filter(found).map(toMember);
    }

    /** The account's billing contacts (billing administrators). */
    public async billingContacts(accountId: string): Promise<User[]> {
        return (await this.members(accountId)).filter((m) => m.isBillingContact).map((m) => m.user);
    }

    /** The account's admins. */
    public async admins(accountId: string): Promise<User[]> {
        return (await this.members(accountId)).filter((m) => m.isAdmin).map((m) => m.user);
    }
}

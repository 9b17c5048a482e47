import type { Account, AccountType, Membership, PortalLogin, User } from '../data/model';
import type { AccountRepository } from '../data/repositories/accountRepository';
import type { UserRepository } from '../data/repositories/userRepository';

/**
 * The cases of the help article (DESIGN §1.4 and the table in §3):
 * `a` billing contact of an online account, `b` not the billing contact of an
 * online account, `c` billing contact of a corporate account, `bd` not the
 * billing contact of a corporate account (the portal will not let them in).
 */
export type BillingCase = 'a' | 'b' | 'c' | 'bd';

/** Everything the bot may tell a verified person about their billing role in one account. */
export interface BillingRoleAnswer {
    readonly case: BillingCase;
    readonly user: User;
    readonly account: Account;
    readonly membership: Membership;
    /** The account's billing contacts other than the person. */
    readonly otherBillingContacts: readonly User[];
    /** The person's own portal login (corporate billing contacts). */
    readonly portalLogin?: PortalLogin;
}

/** The article's decision table. */
export function decideCase(type: AccountType, isBillingContact: boolean): BillingCase {
    if (type === 'online') {
        return isBillingContact ? 'a' : 'b';
    }
    return isBillingContact ? 'c' : 'bd';
}

/** Looks up a verified person's billing role in one of their accounts. */
export class BillingRoleService {
    public constructor(private readonly users: UserRepository, private readonly accounts: AccountRepository) {}

    /** The answer for `userId` in `accountId`; undefined when they are not (or no longer) a member. */
    public async evaluate(userId: string, accountId: string): Promise<BillingRoleAnswer | undefined> {
        // Read together: on SQLite the statements go to the connection at once, not one after another's answer.
        const [user, memberships, contacts] = await Promise.all([this.users.get(userId), this.users.memberships(userId), this.accounts.billingContacts(accountId)]);
        const membership = memberships.find((m) => m.account.id === accountId);
        if (!user || !membership) {
            return undefined;
        }
        return {
            case: decideCase(membership.account.type, membership.isBillingContact),
            user,
            account: membership.account,
            membership,
            otherBillingContacts: contacts.filter((c) => c.id !== userId),
            portalLogin: membership.isBillingContact ? await this.users.portalLogin(userId) : undefined
        };
    }
}

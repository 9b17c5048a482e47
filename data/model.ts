import type { Lang } from '../core/language';

/** Online accounts are billed online; corporate accounts are invoiced through the company. */
export type AccountType = 'online' | 'corporate';

/** A customer account (a company's GoToMeeting subscription). */
export interface Account {
    readonly id: string;
    readonly name: string;
    readonly type: AccountType;
    readonly product: string;
    readonly locale: Lang;
}

/** A person on file. */
export interface User {
    readonly id: string;
    readonly name: string;
    readonly email: string;
    readonly locale: Lang;
}

/** A person's place in one account. */
export interface Membership {
    readonly account: Account;
    readonly isAdmin: boolean;
    readonly isBillingContact: boolean;
}

/** A member of an account, seen from the account. */
export interface Member {
    readonly user: User;
    readonly isAdmin: boolean;
    readonly isBillingContact: boolean;
}

/** Format of a Corporate Billing Portal user id. */
export type PortalLoginFormat = 'username' | 'email';

/** A billing contact's Corporate Billing Portal login. */
export interface PortalLogin {
    readonly userId: string;
    readonly login: string;
    readonly format: PortalLoginFormat;
}

/** Lower-cases and trims an email address for lookups. */
export function normalizeEmail(email: string): string {
    return email.trim().toLowerCase();
}

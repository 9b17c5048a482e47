import { Repositories } from '../data/repositories/repositories';
import { BoundedQueue } from '../core/boundedQueue';
import * as crypto from 'crypto';
import type { Localizer } from '../language/i18n';
import type { Clock } from '../core/clock';
import { formatDateTime } from '../core/dates';
import type { Lang } from '../core/language';
import { getLogger } from '../core/logger';
import type { SecretBox } from '../core/secrets';
import type { Database } from '../data/database';
import { normalizeLogin, PortalAccountRepository, type PortalAccount, type StoredResetToken } from '../data/repositories/portalAccountRepository';
import { composeMail } from '../mail/compose';
import { SECRET_PLACEHOLDER, type Mailer, type OutgoingMail } from '../mail/mailer';
import { LINKS } from '../core/links';
import type { BillingPortal } from './billingPortal';
import { PasswordHasher } from '../core/passwordHasher';

/** Rules of the embedded portal's reset. */
export interface PortalResetPolicy {
    readonly tokenTtlMs: number;
    readonly minPasswordLength: number;
    readonly maxPasswordLength: number;
}

/** 60-minute links; passwords of 12 to 128 characters. */
export const DEFAULT_PORTAL_RESET_POLICY: PortalResetPolicy = { tokenTtlMs: 60 * 60_000, minPasswordLength: 12, maxPasswordLength: 128 };

/** Why a new password was not accepted. */
export type PasswordProblem = 'tooShort' | 'tooLong' | 'mismatch' | 'sameAsUserId';

/** A reset link checked: usable (for whom), or not (used, replaced, expired or never issued: one answer for all). */
export type TokenCheck = { readonly kind: 'valid'; readonly account: PortalAccount } | { readonly kind: 'invalid' };

/** Outcome of setting a new password through a reset link. */
export type ResetOutcome =
    | { readonly kind: 'changed'; readonly account: PortalAccount }
    | { readonly kind: 'invalid' }
    | { readonly kind: 'rejected'; readonly problem: PasswordProblem; readonly account: PortalAccount }
    /** Too many passwords are being hashed right now, or this link is already being used: try again shortly. */
    | { readonly kind: 'busy'; readonly account: PortalAccount };

/** Path of the reset page the embedded portal serves. */
export const RESET_PAGE_PATH = '/portal/reset';

/** Whom the mail for a user ID that does not exist is composed for (it is never stored). */
function standIn(login: string): PortalAccount {
    return { userId: '', login, format: 'username', name: 'Billing Contact', email: 'nobody@invalid', locale: 'en' };
}

/** 32 random bytes, base64url: 43 characters. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const log = getLogger('portal.embedded');

/** The keyed hash a portal user ID is stored as with its reset links. */
export function portalLoginHash(secrets: SecretBox, login: string): string {
    return secrets.hash(`portal-login:${normalizeLogin(login)}`);
}

/**
 * The embedded Corporate Billing Portal: issues single-use, expiring reset
 * tokens (≥ 256 bits from the crypto source, only their keyed hash stored, a
 * new one replacing the previous), mails the link to the billing contact's
 * address on file (the link travels as the mail's encrypted secret, never in
 * clear text), and sets the new password as a scrypt hash. Token, mail and
 * audit entry are written in one transaction, for a known user ID and (without
 * the mail) an unknown one alike, so both take about the same time.
 */
export class EmbeddedBillingPortal implements BillingPortal {
    private readonly accounts: PortalAccountRepository;
    /** Passwords being hashed: one at a time (scrypt at the OWASP cost takes 128 MiB), two more may wait. */
    private readonly hashing = new BoundedQueue(1, 2);
    /** Ids of the links whose new password is being set right now. */
    private readonly resetting = new Set<number>();

    public constructor(
        private readonly db: Database,
        private readonly mailer: Mailer,
        private readonly secrets: SecretBox,
        private readonly localizer: Localizer,
        private readonly clock: Clock,
        private readonly publicUrl: string,
        private readonly hasher: PasswordHasher = new PasswordHasher(),
        public readonly policy: PortalResetPolicy = DEFAULT_PORTAL_RESET_POLICY
    ) {
        if (!/^https?:\/\//.test(publicUrl)) {
            throw new Error(`EmbeddedBillingPortal: publicUrl must be an http(s) URL (got "${publicUrl}")`);
        }
        this.accounts = new PortalAccountRepository(db);
    }

    public get resetLinkValidMinutes(): number {
        return Math.round(this.policy.tokenTtlMs / 60_000);
    }

    public async requestPasswordReset(login: string): Promise<void> {
        const now = this.clock.now().getTime();
        const token = crypto.randomBytes(32).toString('base64url');
        const loginHash = portalLoginHash(this.secrets, login);
        const account = await this.db.transaction(async (tx) => {
            const repos = new Repositories(tx, this.clock);
            const accounts = repos.portalAccounts;
            const found = await accounts.byLogin(login);
            await accounts.retireTokens(loginHash, now);
            await accounts.insertToken(loginHash, found?.userId ?? null, this.tokenHash(token), now, now + this.policy.tokenTtlMs);
            // An unknown user ID gets the same work: a stand-in's mail is composed, written and rolled back.
            const mail = this.mailer.prepare(this.resetMail(found ?? standIn(login), token));
            await tx.run('SAVEPOINT reset_mail');
            await repos.outbox.insert(mail, now);
            if (!found) {
                await tx.run('ROLLBACK TO reset_mail');
            }
            await tx.run('RELEASE reset_mail');
            await repos.audit.record('portal', found ? 'portal.reset-link-sent' : 'portal.reset-requested-unknown', found ? `user:${found.userId}` : undefined);
            return found;
        }, { locks: [`portal:login:${loginHash}`] });
        if (account) {
            this.mailer.deliverSoon();
            log.info('reset link mailed', { userId: account.userId });
        }
    }

    /** Whether a link's token can still be used (the page shows the form only then). */
    public async checkToken(token: string): Promise<TokenCheck> {
        const found = await this.liveToken(token);
        return found ? { kind: 'valid', account: found.account } : { kind: 'invalid' };
    }

    /** Checks the new password and, if it is fine, uses the token and stores the password's hash; mails the billing contact. */
    public async resetPassword(token: string, password: string, confirmation: string): Promise<ResetOutcome> {
        const found = await this.liveToken(token);
        if (!found) {
            return { kind: 'invalid' };
        }
        const problem = this.passwordProblem(password, confirmation, found.account.login);
        if (problem) {
            return { kind: 'rejected', problem, account: found.account };
        }
        // One use of a link at a time, and a bounded number of hashes at once: a flood of posts, even with
        // a valid link, costs a refusal instead of scrypt's memory and the thread pool the database needs.
        const tokenId = found.stored.id;
        if (this.resetting.has(tokenId)) {
            return { kind: 'busy', account: found.account };
        }
        this.resetting.add(tokenId);
        try {
            const hashing = this.hashing.tryRun(() => this.hasher.hash(password));
            if (!hashing) {
                return { kind: 'busy', account: found.account };
            }
            return await this.useTokenFor(found, await hashing);
        } finally {
            this.resetting.delete(tokenId);
        }
    }

    private async useTokenFor(found: { stored: StoredResetToken; account: PortalAccount }, hash: string): Promise<ResetOutcome> {
        const now = this.clock.now().getTime();
        const { account } = found;
        const changed = await this.db.transaction(async (tx) => {
            const repos = new Repositories(tx, this.clock);
            const accounts = repos.portalAccounts;
            if (!(await accounts.useToken(found.stored.id, now))) {
                return false;
            }
            await accounts.setPassword(account.userId, hash, now);
            const t = this.localizer.t(account.locale);
            const mail = composeMail(t, 'portalPasswordChanged', { name: account.name, login: account.login, time: formatDateTime(account.locale, now), supportUrl: LINKS.support });
            await repos.outbox.insert(this.mailer.prepare({ kind: 'portal-password-changed', to: account.email, toName: account.name, locale: account.locale, ...mail }), now);
            await repos.audit.record('portal', 'portal.password-changed', `user:${account.userId}`);
            return true;
        }, { locks: [`portal:login:${portalLoginHash(this.secrets, account.login)}`] });
        if (!changed) {
            return { kind: 'invalid' };
        }
        this.mailer.deliverSoon();
        log.info('portal password changed', { userId: account.userId });
        return { kind: 'changed', account };
    }

    /** The link mailed to the billing contact (also the page's address for the language switch). */
    public resetUrl(token: string, lang: Lang): string {
        return `${this.publicUrl}${RESET_PAGE_PATH}?token=${encodeURIComponent(token)}&lang=${lang}`;
    }

    /** The keyed hash a token is stored as (also binds the page's CSRF field to the link). */
    public tokenHash(token: string): string {
        return this.secrets.hash(`portal-reset-token:${token}`);
    }

    private resetMail(account: PortalAccount, token: string): OutgoingMail {
        const mail = composeMail(this.localizer.t(account.locale), 'portalReset', {
            name: account.name,
            login: account.login,
            link: SECRET_PLACEHOLDER,
            minutes: this.resetLinkValidMinutes,
            supportUrl: LINKS.support
        });
        return { kind: 'portal-reset', to: account.email, toName: account.name, locale: account.locale, ...mail, secret: this.resetUrl(token, account.locale) };
    }

    private passwordProblem(password: string, confirmation: string, login: string): PasswordProblem | undefined {
        const length = [...password.normalize('NFC')].length;
        if (length < this.policy.minPasswordLength) {
            return 'tooShort';
        }
        if (length > this.policy.maxPasswordLength) {
            return 'tooLong';
        }
        if (password !== confirmation) {
            return 'mismatch';
        }
        if (normalizeLogin(password) === normalizeLogin(login)) {
            return 'sameAsUserId';
        }
        return undefined;
    }

    private async liveToken(token: string): Promise<{ stored: StoredResetToken; account: PortalAccount } | undefined> {
        if (!TOKEN_SHAPE.test(token)) {
            return undefined;
        }
        const stored = await this.accounts.tokenByHash(this.tokenHash(token));
        const now = this.clock.now().getTime();
        if (!stored || stored.userId === null || stored.usedAt !== null || stored.supersededAt !== null || now >= stored.expiresAt) {
            return undefined;
        }
        const account = await this.accounts.byUserId(stored.userId);
        return account && { stored, account };
    }
}

import * as crypto from 'crypto';
import type { Localizer } from '../bot/i18n';
import type { Clock } from '../core/clock';
import { formatDateTime } from '../core/dates';
import type { Lang } from '../core/language';
import { getLogger } from '../core/logger';
import type { SecretBox } from '../core/secrets';
import type { AuditLog } from '../data/repositories/auditLog';
import { normalizeLogin, type PortalAccount, type PortalAccountRepository, type StoredResetToken } from '../data/repositories/portalAccountRepository';
import { composeMail } from '../mail/compose';
import { SECRET_PLACEHOLDER, type Mailer } from '../mail/mailer';
import { LINKS } from '../services/links';
import type { BillingPortal } from './billingPortal';
import { PasswordHasher } from './passwordHasher';

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
    | { readonly kind: 'rejected'; readonly problem: PasswordProblem; readonly account: PortalAccount };

/** Path of the reset page the embedded portal serves. */
export const RESET_PAGE_PATH = '/portal/reset';

/** 32 random bytes, base64url: 43 characters. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const log = getLogger('portal.embedded');

/**
 * The embedded Corporate Billing Portal: issues single-use, expiring reset
 * tokens (≥ 256 bits from the crypto source, only their keyed hash stored, a
 * new one replacing the previous), mails the link to the billing contact's
 * address on file (the link travels as the mail's encrypted secret, never in
 * clear text), and sets the new password as a scrypt hash.
 */
export class EmbeddedBillingPortal implements BillingPortal {
    public constructor(
        private readonly accounts: PortalAccountRepository,
        private readonly mailer: Mailer,
        private readonly secrets: SecretBox,
        private readonly localizer: Localizer,
        private readonly audit: AuditLog,
        private readonly clock: Clock,
        private readonly publicUrl: string,
        private readonly hasher: PasswordHasher = new PasswordHasher(),
        public readonly policy: PortalResetPolicy = DEFAULT_PORTAL_RESET_POLICY
    ) {
        if (!/^https?:\/\//.test(publicUrl)) {
            throw new Error(`EmbeddedBillingPortal: publicUrl must be an http(s) URL (got "${publicUrl}")`);
        }
    }

    public get resetLinkValidMinutes(): number {
        return Math.round(this.policy.tokenTtlMs / 60_000);
    }

    public async requestPasswordReset(login: string): Promise<void> {
        const now = this.clock.now().getTime();
        const token = crypto.randomBytes(32).toString('base64url');
        const account = await this.accounts.issueToken(login, this.loginHash(login), this.tokenHash(token), now, now + this.policy.tokenTtlMs);
        if (!account) {
            await this.audit.record('portal', 'portal.reset-requested-unknown');
            return;
        }
        const t = this.localizer.t(account.locale);
        const mail = composeMail(t, 'portalReset', {
            name: account.name,
            login: account.login,
            link: SECRET_PLACEHOLDER,
            minutes: this.resetLinkValidMinutes,
            supportUrl: LINKS.support
        });
        await this.mailer.queue({ kind: 'portal-reset', to: account.email, toName: account.name, locale: account.locale, ...mail, secret: this.resetUrl(token, account.locale) });
        await this.audit.record('portal', 'portal.reset-link-sent', `user:${account.userId}`);
        log.info('reset link mailed', { userId: account.userId });
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
        const hash = await this.hasher.hash(password);
        const now = this.clock.now().getTime();
        if (!(await this.accounts.completeReset(found.stored, hash, now))) {
            return { kind: 'invalid' };
        }
        const { account } = found;
        const t = this.localizer.t(account.locale);
        const mail = composeMail(t, 'portalPasswordChanged', { name: account.name, login: account.login, time: formatDateTime(account.locale, now), supportUrl: LINKS.support });
        await this.mailer.queue({ kind: 'portal-password-changed', to: account.email, toName: account.name, locale: account.locale, ...mail });
        await this.audit.record('portal', 'portal.password-changed', `user:${account.userId}`);
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

    private loginHash(login: string): string {
        return this.secrets.hash(`portal-login:${normalizeLogin(login)}`);
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

    private async liveToken(token: string): Promise<{ stored: StoredResetToken & { userId: string }; account: PortalAccount } | undefined> {
        if (!TOKEN_SHAPE.test(token)) {
            return undefined;
        }
        const stored = await this.accounts.tokenByHash(this.tokenHash(token));
        const now = this.clock.now().getTime();
        if (!stored || stored.userId === null || stored.usedAt !== null || stored.supersededAt !== null || now >= stored.expiresAt) {
            return undefined;
        }
        const account = await this.accounts.byUserId(stored.userId);
        return account && { stored: { ...stored, userId: stored.userId }, account };
    }
}

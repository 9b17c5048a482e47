import type { Localizer } from '../bot/i18n';
import type { Clock } from '../core/clock';
import type { Lang } from '../core/language';
import { getLogger } from '../core/logger';
import { randomDigits, type SecretBox } from '../core/secrets';
import { normalizeEmail, type User } from '../data/model';
import type { AuditLog } from '../data/repositories/auditLog';
import type { UserRepository } from '../data/repositories/userRepository';
import type { VerificationCodeRepository } from '../data/repositories/verificationCodeRepository';
import { composeMail } from '../mail/compose';
import { SECRET_PLACEHOLDER, type Mailer } from '../mail/mailer';

/** Limits of the one-time code check. */
export interface VerificationPolicy {
    readonly codeLength: number;
    readonly codeTtlMs: number;
    /** Wrong codes per conversation before it is locked. */
    readonly maxWrongCodes: number;
    /** Codes per conversation, and per email address, per hour. */
    readonly maxCodesPerHour: number;
}

/** The policy of the issue: 6 digits, 10 minutes, 5 wrong tries, 5 codes an hour. */
export const DEFAULT_VERIFICATION_POLICY: VerificationPolicy = { codeLength: 6, codeTtlMs: 10 * 60_000, maxWrongCodes: 5, maxCodesPerHour: 5 };

/** Outcome of asking for a code. Unknown emails get `sent` too, so nobody learns who is a customer. */
export type SendCodeOutcome = 'sent' | 'rate-limited' | 'locked';

/** Outcome of checking a typed code. */
export type CheckCodeOutcome =
    | { readonly kind: 'verified'; readonly user: User }
    | { readonly kind: 'wrong'; readonly triesLeft: number }
    | { readonly kind: 'expired' }
    | { readonly kind: 'no-code' }
    | { readonly kind: 'locked' };

const log = getLogger('services.verification');

/** The keyed hash an address is stored as with its codes (rate limits per address; finding a person's codes). */
export function emailTargetHash(secrets: SecretBox, email: string): string {
    return secrets.hash(`email:${normalizeEmail(email)}`);
}

/**
 * Proves that a person owns an email address on file: a random code goes to
 * that address, only its keyed hash is stored, it expires, works once, and a
 * conversation gets a limited number of wrong tries.
 */
export class VerificationService {
    public constructor(
        private readonly users: UserRepository,
        private readonly codes: VerificationCodeRepository,
        private readonly mailer: Mailer,
        private readonly secrets: SecretBox,
        private readonly localizer: Localizer,
        private readonly audit: AuditLog,
        private readonly clock: Clock,
        public readonly policy: VerificationPolicy = DEFAULT_VERIFICATION_POLICY
    ) {}

    /** True once the conversation has used up its wrong tries. */
    public async isLocked(conversationKey: string): Promise<boolean> {
        return (await this.codes.failuresInConversation(conversationKey)) >= this.policy.maxWrongCodes;
    }

    /**
     * Sends a fresh code to `email` when it is on file (replacing any earlier
     * code of the conversation) and behaves the same when it is not.
     * `requestId` (the activity id) makes a retried turn send no second code:
     * the code mailed the first time stays the live one.
     */
    public async sendCode(conversationKey: string, email: string, lang: Lang, requestId?: string): Promise<SendCodeOutcome> {
        const now = this.clock.now().getTime();
        const targetHash = emailTargetHash(this.secrets, email);
        const figures = await this.codes.sendingFigures(conversationKey, targetHash, now - 3600_000);
        if (figures.failures >= this.policy.maxWrongCodes) {
            return 'locked';
        }
        const dedupeKey = requestId === undefined ? undefined : `verification-code:${conversationKey}:${requestId}`;
        if (dedupeKey !== undefined && (await this.mailer.isQueued(dedupeKey))) {
            return 'sent';
        }
        if (figures.codesInConversation >= this.policy.maxCodesPerHour || figures.codesForTarget >= this.policy.maxCodesPerHour) {
            log.warn('code rate limit reached', { conversationKey });
            return 'rate-limited';
        }
        const user = await this.users.findByEmail(email);
        const code = randomDigits(this.policy.codeLength);
        await this.codes.replace(conversationKey, user?.id ?? null, targetHash, this.secrets.hash(`${conversationKey}:${code}`), now, now + this.policy.codeTtlMs);
        if (user) {
            const t = this.localizer.t(lang);
            const mail = composeMail(t, 'verificationCode', { name: user.name, code: SECRET_PLACEHOLDER, minutes: Math.round(this.policy.codeTtlMs / 60_000) });
            await this.mailer.queue({ kind: 'verification-code', to: user.email, toName: user.name, locale: lang, ...mail, secret: code, conversationKey, dedupeKey });
            await this.audit.record(`conversation:${conversationKey}`, 'verification.code-sent', `user:${user.id}`);
        } else {
            await this.audit.record(`conversation:${conversationKey}`, 'verification.code-requested-unknown');
        }
        return 'sent';
    }

    /**
     * Checks a typed code against the conversation's live code. `activityId`
     * is the turn's: a used code counts again only for a retry of the very
     * activity that used it.
     */
    public async checkCode(conversationKey: string, code: string, activityId?: string): Promise<CheckCodeOutcome> {
        const { failures, live } = await this.codes.failuresAndLive(conversationKey);
        if (failures >= this.policy.maxWrongCodes) {
            return { kind: 'locked' };
        }
        const now = this.clock.now().getTime();
        if (!live) {
            const repeated = activityId === undefined ? undefined : await this.repeatedCode(conversationKey, code, now, activityId);
            return repeated ?? { kind: 'no-code' };
        }
        if (now >= live.expiresAt) {
            return { kind: 'expired' };
        }
        if (live.userId !== null && this.secrets.matches(`${conversationKey}:${code}`, live.codeHash) && (await this.codes.consume(live.id, now, activityId))) {
            const user = await this.users.get(live.userId);
            if (user) {
                await this.audit.record(`conversation:${conversationKey}`, 'verification.succeeded', `user:${user.id}`);
                return { kind: 'verified', user };
            }
        }
        await this.codes.recordFailure(live.id);
        const triesLeft = this.policy.maxWrongCodes - (failures + 1);
        if (triesLeft <= 0) {
            await this.audit.record(`conversation:${conversationKey}`, 'verification.locked');
            return { kind: 'locked' };
        }
        return { kind: 'wrong', triesLeft };
    }

    /**
     * The activity that used the code delivered again before the code expired:
     * its turn did not get saved (a crash, a retried delivery), so the same
     * verification completes again instead of mailing a new code.
     */
    private async repeatedCode(conversationKey: string, code: string, now: number, activityId: string): Promise<CheckCodeOutcome | undefined> {
        const used = await this.codes.lastUsed(conversationKey, activityId);
        if (!used || used.userId === null || now >= used.expiresAt || !this.secrets.matches(`${conversationKey}:${code}`, used.codeHash)) {
            return undefined;
        }
        const user = await this.users.get(used.userId);
        if (!user) {
            return undefined;
        }
        await this.audit.record(`conversation:${conversationKey}`, 'verification.repeated', `user:${user.id}`);
        return { kind: 'verified', user };
    }
}

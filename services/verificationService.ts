import { Repositories } from '../data/repositories/repositories';
import type { Localizer } from '../language/i18n';
import type { Clock } from '../core/clock';
import type { Lang } from '../core/language';
import { getLogger } from '../core/logger';
import { randomDigits, type SecretBox } from '../core/secrets';
import { normalizeEmail, type User } from '../data/model';
import type { Database } from '../data/database';
import type { AuditLog } from '../data/repositories/auditLog';
import type { NewOutboxMail } from '../data/repositories/outboxRepository';
import type { UserRepository } from '../data/repositories/userRepository';
import { UNCACHED_DIRECTORY, type DirectoryVersionReads } from '../data/repositories/directoryCache';
import { VerificationCodeRepository } from '../data/repositories/verificationCodeRepository';
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
    /** Wrong codes per email address per hour, over all conversations, before its codes are locked. */
    readonly maxWrongCodesPerAddress: number;
}

/** The policy of the issue: 6 digits, 10 minutes, 5 wrong tries, 5 codes an hour; 10 wrong codes an hour per address. */
export const DEFAULT_VERIFICATION_POLICY: VerificationPolicy = { codeLength: 6, codeTtlMs: 10 * 60_000, maxWrongCodes: 5, maxCodesPerHour: 5, maxWrongCodesPerAddress: 10 };

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

/** What the one transaction of a code check decided. */
type CheckStep =
    | { readonly kind: 'locked' }
    | { readonly kind: 'no-code' }
    | { readonly kind: 'expired' }
    | { readonly kind: 'right'; readonly codeId: number; readonly userId: string }
    | { readonly kind: 'wrong'; readonly triesLeft: number };

/**
 * Proves that a person owns an email address on file: a random code goes to
 * that address, only its keyed hash is stored, it expires, works once, and a
 * conversation, and an address over all conversations, get a limited number of
 * codes and of wrong tries. Every limit is checked and recorded in one
 * transaction, so parallel conversations cannot race past it.
 */
export class VerificationService {
    private readonly codes: VerificationCodeRepository;

    public constructor(
        private readonly users: UserRepository,
        private readonly db: Database,
        private readonly mailer: Mailer,
        private readonly secrets: SecretBox,
        private readonly localizer: Localizer,
        private readonly audit: AuditLog,
        private readonly clock: Clock,
        public readonly policy: VerificationPolicy = DEFAULT_VERIFICATION_POLICY,
        private readonly directory: DirectoryVersionReads = UNCACHED_DIRECTORY
    ) {
        this.codes = new VerificationCodeRepository(db);
    }

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
        const dedupeKey = requestId === undefined ? undefined : `verification-code:${conversationKey}:${requestId}`;
        const user = await this.users.findByEmail(email);
        const code = randomDigits(this.policy.codeLength);
        const mail = user && this.codeMail(user, lang, code, conversationKey, dedupeKey);
        // Count and record in one statement (SQLite) or one transaction: parallel conversations asking for one address cannot all pass the count.
        const outcome = this.db.dialect === 'sqlite' ? await this.sendAtOnce(conversationKey, user?.id ?? null, targetHash, code, now, mail, dedupeKey) : await this.db.transaction(async (tx): Promise<SendCodeOutcome | 'again'> => {
            const repos = new Repositories(tx, this.clock);
            const codes = repos.verificationCodes;
            // Asked again in a retried turn: the code mailed the first time stays the live one.
            const figures = await codes.sendingFigures(conversationKey, targetHash, now - 3600_000, dedupeKey);
            if (figures.mailQueued) {
                return 'again';
            }
            if (figures.failures >= this.policy.maxWrongCodes) {
                return 'locked';
            }
            if (
                figures.codesInConversation >= this.policy.maxCodesPerHour ||
                figures.codesForTarget >= this.policy.maxCodesPerHour ||
                figures.failuresForTarget >= this.policy.maxWrongCodesPerAddress
            ) {
                return 'rate-limited';
            }
            await codes.replace(conversationKey, user?.id ?? null, targetHash, this.secrets.hash(`${conversationKey}:${code}`), now, now + this.policy.codeTtlMs);
            if (mail) {
                await repos.outbox.insert(mail, now);
            }
            // Audited by the code's own INSERT (`verification.code-sent` or `…-requested-unknown`, migration 022).
            return 'sent';
        }, { locks: [codesOfConversation(conversationKey), codesOfAddress(targetHash)] });
        if (outcome === 'again') {
            return 'sent';
        }
        if (outcome === 'rate-limited') {
            log.warn('code rate limit reached', { conversationKey });
        }
        if (outcome !== 'sent') {
            return outcome;
        }
        if (user) {
            log.info('code mailed', { conversationKey });
            this.mailer.deliverSoon();
        }
        return 'sent';
    }

    /**
     * SQLite: the code and its mail stored in one statement, the limits
     * checked in it ({@link VerificationCodeRepository.sendAtOnce}), instead
     * of a transaction of five statements.
     */
    private sendAtOnce(conversationKey: string, userId: string | null, targetHash: string, code: string, now: number, mail: NewOutboxMail | undefined, dedupeKey: string | undefined) {
        const limits = { since: now - 3600_000, maxWrong: this.policy.maxWrongCodes, maxCodes: this.policy.maxCodesPerHour, maxWrongForAddress: this.policy.maxWrongCodesPerAddress };
        const stored = { conversationKey, userId, targetHash, codeHash: this.secrets.hash(`${conversationKey}:${code}`), now, expiresAt: now + this.policy.codeTtlMs };
        return this.codes.sendAtOnce(stored, mail, dedupeKey, limits);
    }

    /**
     * Checks a typed code against the conversation's live code. `activityId`
     * is the turn's: a used code counts again only for a retry of the very
     * activity that used it. The lock, the check and the recorded failure are
     * one transaction; wrong codes count per conversation and per address.
     */
    public async checkCode(conversationKey: string, code: string, activityId?: string): Promise<CheckCodeOutcome> {
        const now = this.clock.now().getTime();
        const right = await this.rightCodeAtOnce(conversationKey, code, now, activityId);
        if (right) {
            return this.verifiedBy(right.id, right.userId);
        }
        const step = await this.db.transaction(async (tx): Promise<CheckStep> => {
            const codes = new Repositories(tx, this.clock).verificationCodes;
            // A transaction that runs alone (SQLite) reads the address's wrong codes in the same statement: nobody can add one before the lock.
            const { failures, live, addressFailures: early } = await codes.failuresAndLive(conversationKey, tx.alone ? now - 3600_000 : undefined);
            if (failures >= this.policy.maxWrongCodes) {
                return { kind: 'locked' };
            }
            if (!live) {
                return { kind: 'no-code' };
            }
            if (now >= live.expiresAt) {
                return { kind: 'expired' };
            }
            await tx.lock(codesOfAddress(live.targetHash));
            const addressFailures = early ?? (await codes.failuresForTargetSince(live.targetHash, now - 3600_000));
            if (addressFailures >= this.policy.maxWrongCodesPerAddress) {
                return { kind: 'locked' };
            }
            if (live.userId !== null && this.secrets.matches(`${conversationKey}:${code}`, live.codeHash) && (await codes.consume(live.id, now, activityId))) {
                return { kind: 'right', codeId: live.id, userId: live.userId };
            }
            await codes.recordFailure(live.id);
            return { kind: 'wrong', triesLeft: Math.min(this.policy.maxWrongCodes - (failures + 1), this.policy.maxWrongCodesPerAddress - (addressFailures + 1)) };
        }, { locks: [codesOfConversation(conversationKey)] });
        switch (step.kind) {
            case 'no-code': {
                const repeated = activityId === undefined ? undefined : await this.repeatedCode(conversationKey, code, now, activityId);
                return repeated ?? { kind: 'no-code' };
            }
            case 'right':
                return this.verifiedBy(step.codeId, step.userId);
            case 'wrong':
                if (step.triesLeft <= 0) {
                    await this.audit.record(`conversation:${conversationKey}`, 'verification.locked');
                    return { kind: 'locked' };
                }
                return step;
            default:
                return step;
        }
    }

    /**
     * SQLite: the right code checked and used in one statement
     * ({@link VerificationCodeRepository.consumeIfRight}) instead of a
     * transaction of four (BEGIN, the read, the UPDATE, COMMIT); its
     * directory version spares the person's look-up after it a statement.
     * Undefined when the code is not right at once (or on PostgreSQL, whose
     * concurrent transactions need the locks of {@link checkCode}'s).
     */
    private rightCodeAtOnce(conversationKey: string, code: string, now: number, activityId: string | undefined): Promise<{ readonly id: number; readonly userId: string } | undefined> {
        if (this.db.dialect !== 'sqlite') {
            return Promise.resolve(undefined);
        }
        const limits = { maxWrong: this.policy.maxWrongCodes, maxWrongForAddress: this.policy.maxWrongCodesPerAddress, since: now - 3600_000 };
        return this.directory.withVersion(this.db, (db) => new VerificationCodeRepository(db).consumeIfRight(conversationKey, this.secrets.hash(`${conversationKey}:${code}`), now, activityId, limits));
    }

    /** The used code's person; a code whose person left the directory counts as a wrong one. */
    private async verifiedBy(codeId: number, userId: string): Promise<CheckCodeOutcome> {
        const user = await this.users.get(userId);
        if (user) {
            // `verification.succeeded` was audited by the code's consuming UPDATE (migration 022).
            return { kind: 'verified', user };
        }
        await this.codes.recordFailure(codeId);
        return { kind: 'no-code' };
    }

    /** The code mail of `user`, its code stored encrypted as the mail's secret. */
    private codeMail(user: User, lang: Lang, code: string, conversationKey: string, dedupeKey: string | undefined): NewOutboxMail {
        const t = this.localizer.t(lang);
        const mail = composeMail(t, 'verificationCode', { name: user.name, code: SECRET_PLACEHOLDER, minutes: Math.round(this.policy.codeTtlMs / 60_000) });
        return this.mailer.prepare({ kind: 'verification-code', to: user.email, toName: user.name, locale: lang, ...mail, secret: code, conversationKey, dedupeKey });
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

/** The lock of a conversation's codes and wrong tries; taken before {@link codesOfAddress}. */
function codesOfConversation(conversationKey: string): string {
    return `verification:conversation:${conversationKey}`;
}

/** The lock of the codes and wrong tries of one address (its hash), over all conversations. */
function codesOfAddress(targetHash: string): string {
    return `verification:address:${targetHash}`;
}

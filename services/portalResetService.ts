import type { Clock } from '../core/clock';
import { getLogger } from '../core/logger';
import type { SecretBox } from '../core/secrets';
import type { AuditLog } from '../data/repositories/auditLog';
import { normalizeLogin } from '../data/repositories/portalAccountRepository';
import type { PortalResetRequestRepository } from '../data/repositories/portalResetRequestRepository';
import type { BillingPortal } from '../portal/billingPortal';

/** How often a reset may be asked for, within an hour. */
export interface PortalResetLimits {
    readonly perConversationPerHour: number;
    readonly perUserIdPerHour: number;
}

/** Five resets per conversation and three per user ID an hour. */
export const DEFAULT_PORTAL_RESET_LIMITS: PortalResetLimits = { perConversationPerHour: 5, perUserIdPerHour: 3 };

/** `requested` whether or not the user ID exists; nobody learns which user IDs there are. */
export type PortalResetOutcome = 'requested' | 'rate-limited';

const log = getLogger('services.portalReset');

/** The keyed hash a portal user ID is stored as with the resets asked for in chat. */
export function resetTargetHash(secrets: SecretBox, login: string): string {
    return secrets.hash(`portal-reset-target:${normalizeLogin(login)}`);
}

/**
 * The bot's side of a portal password reset asked for in chat: rate limits per
 * conversation and per user ID (known or not, by keyed hash), one run per
 * retried activity, then the request to the {@link BillingPortal}. Every path
 * does the same database work, so neither the answer nor its timing tells
 * whether a user ID exists.
 */
export class PortalResetService {
    public constructor(
        private readonly requests: PortalResetRequestRepository,
        private readonly portal: BillingPortal,
        private readonly secrets: SecretBox,
        private readonly audit: AuditLog,
        private readonly clock: Clock,
        public readonly limits: PortalResetLimits = DEFAULT_PORTAL_RESET_LIMITS
    ) {}

    /** How long the portal's reset links work, in minutes. */
    public get linkValidMinutes(): number {
        return this.portal.resetLinkValidMinutes;
    }

    /**
     * Asks the portal to mail a reset link for `login`; `dedupeKey` (conversation
     * + activity) makes a retried turn ask once. The request is counted against
     * the limits and recorded in one step before the portal is asked, so
     * parallel conversations cannot race past the limit of a user ID.
     */
    public async request(conversationKey: string, login: string, dedupeKey: string): Promise<PortalResetOutcome> {
        const now = this.clock.now().getTime();
        const target = resetTargetHash(this.secrets, login);
        const recorded = await this.requests.recordWithinLimits(conversationKey, target, dedupeKey, now, now - 3600_000, {
            perConversation: this.limits.perConversationPerHour,
            perTarget: this.limits.perUserIdPerHour
        });
        if (recorded === 'duplicate') {
            return 'requested';
        }
        if (recorded === 'rate-limited') {
            log.warn('portal reset rate limit reached', { conversationKey });
            await this.audit.record(`conversation:${conversationKey}`, 'portal-reset.rate-limited');
            return 'rate-limited';
        }
        await this.portal.requestPasswordReset(login);
        await this.audit.record(`conversation:${conversationKey}`, 'portal-reset.requested');
        return 'requested';
    }
}

import type { Clock } from '../core/clock';
import type { IntentRecognizer } from '../language/nlu';
import type { Localizer } from '../language/i18n';
import type { ChannelIdentity } from '../turn/channelIdentity';
import type { AccountRepository } from '../data/repositories/accountRepository';
import type { AuditLog } from '../data/repositories/auditLog';
import type { UserRepository } from '../data/repositories/userRepository';
import type { AdminContactService } from './adminContactService';
import type { BillingRoleService } from './billingRoleService';
import type { CallbackService } from './callbackService';
import type { HandoffService } from './handoffService';
import type { HandoffSnapshot } from './handoffSnapshot';
import type { ChangeRequestService } from './changeRequestService';
import type { PortalResetService } from './portalResetService';
import type { VerificationService } from './verificationService';

/** What dialogs may use; built once at start-up and passed in through constructors. */
export interface BotServices {
    readonly clock: Clock;
    readonly localizer: Localizer;
    readonly recognizer: IntentRecognizer;
    readonly users: UserRepository;
    readonly accounts: AccountRepository;
    readonly audit: AuditLog;
    readonly verification: VerificationService;
    readonly billingRole: BillingRoleService;
    readonly adminContact: AdminContactService;
    /** The queue to customer service (escalate dialog). */
    readonly handoffs: HandoffService;
    readonly callbacks: CallbackService;
    readonly handoffSnapshot: HandoffSnapshot;
    /** Identity a channel vouches for (Teams sign-in); absent where none does. */
    readonly channelIdentity?: ChannelIdentity;
    readonly changeRequests: ChangeRequestService;
    readonly portalReset: PortalResetService;
}

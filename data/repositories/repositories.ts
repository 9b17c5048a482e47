import type { Clock } from '../../core/clock';
import type { Queryable } from '../database';
import { AccountRepository } from './accountRepository';
import { AuditLog } from './auditLog';
import { ChangeRequestRepository } from './changeRequestRepository';
import { ConversationReferenceRepository } from './conversationReferenceRepository';
import { OutboxRepository } from './outboxRepository';
import { PersonalDataRepository } from './personalDataRepository';
import { PortalAccountRepository } from './portalAccountRepository';
import { UserRepository } from './userRepository';
import { VerificationCodeRepository } from './verificationCodeRepository';

/**
 * The repositories that work on any connection, over one: the database, or a
 * transaction (`db.transaction(async (tx) => { const repos = new Repositories(tx, clock); … })`),
 * so everything written through them commits or rolls back together. Each is
 * made when first used.
 */
export class Repositories {
    private accountsRepo?: AccountRepository;
    private auditLog?: AuditLog;
    private changeRequestsRepo?: ChangeRequestRepository;
    private referencesRepo?: ConversationReferenceRepository;
    private outboxRepo?: OutboxRepository;
    private personalDataRepo?: PersonalDataRepository;
    private portalAccountsRepo?: PortalAccountRepository;
    private usersRepo?: UserRepository;
    private codesRepo?: VerificationCodeRepository;

    public constructor(private readonly q: Queryable, private readonly clock: Clock) {}

    public get accounts(): AccountRepository {
        return (this.accountsRepo ??= new AccountRepository(this.q));
    }

    public get audit(): AuditLog {
        return (this.auditLog ??= new AuditLog(this.q, this.clock));
    }

    public get changeRequests(): ChangeRequestRepository {
        return (this.changeRequestsRepo ??= new ChangeRequestRepository(this.q));
    }

    public get conversationReferences(): ConversationReferenceRepository {
        return (this.referencesRepo ??= new ConversationReferenceRepository(this.q));
    }

    public get outbox(): OutboxRepository {
        return (this.outboxRepo ??= new OutboxRepository(this.q));
    }

    public get personalData(): PersonalDataRepository {
        return (this.personalDataRepo ??= new PersonalDataRepository(this.q));
    }

    public get portalAccounts(): PortalAccountRepository {
        return (this.portalAccountsRepo ??= new PortalAccountRepository(this.q));
    }

    public get users(): UserRepository {
        return (this.usersRepo ??= new UserRepository(this.q));
    }

    public get verificationCodes(): VerificationCodeRepository {
        return (this.codesRepo ??= new VerificationCodeRepository(this.q));
    }
}

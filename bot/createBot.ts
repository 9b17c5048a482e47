import { ConversationState } from 'botbuilder';
import type { Clock } from '../core/clock';
import type { SecretBox } from '../core/secrets';
import type { Database } from '../data/database';
import { AccountRepository } from '../data/repositories/accountRepository';
import { AuditLog } from '../data/repositories/auditLog';
import { OutboxRepository } from '../data/repositories/outboxRepository';
import { ProcessedActivityRepository } from '../data/repositories/processedActivityRepository';
import { UserRepository } from '../data/repositories/userRepository';
import { VerificationCodeRepository } from '../data/repositories/verificationCodeRepository';
import { SqliteStorage } from '../data/sqliteStorage';
import { MainDialog } from '../dialogs/mainDialog';
import type { Mailer } from '../mail/mailer';
import type { ProactiveMessenger } from '../channels/proactive';
import { AdminContactService } from '../services/adminContactService';
import { BillingRoleService } from '../services/billingRoleService';
import type { BotServices } from '../services/botServices';
import { VerificationService } from '../services/verificationService';
import { BillingBot } from './billingBot';
import type { ChannelIdentity } from './channelIdentity';
import type { Localizer } from './i18n';
import type { IntentRecognizer } from './nlu';
import { TurnErrorHandler } from './turnErrorHandler';

/** What the bot is built from. */
export interface BotDependencies {
    readonly db: Database;
    readonly clock: Clock;
    readonly localizer: Localizer;
    readonly recognizer: IntentRecognizer;
    readonly secrets: SecretBox;
    readonly mailer: Mailer;
    /** Sends proactive turns (agent messages) through each conversation's own channel. */
    readonly messenger: ProactiveMessenger;
    /** Who a channel has already signed in (Teams); optional. */
    readonly channelIdentity?: ChannelIdentity;
}

/** The built bot and the parts channels and tools need. */
export interface BotRuntime {
    readonly bot: BillingBot;
    readonly services: BotServices;
    readonly storage: SqliteStorage;
    readonly errorHandler: TurnErrorHandler;
}

/** Wires repositories, services, dialogs and the bot over one database. */
export function createBot(deps: BotDependencies): BotRuntime {
    const { db, clock, localizer, recognizer, secrets, mailer } = deps;
    const users = new UserRepository(db);
    const accounts = new AccountRepository(db);
    const audit = new AuditLog(db, clock);
    const outbox = new OutboxRepository(db);
    const services: BotServices = {
        clock,
        localizer,
        recognizer,
        users,
        accounts,
        audit,
        verification: new VerificationService(users, new VerificationCodeRepository(db), mailer, secrets, localizer, audit, clock),
        billingRole: new BillingRoleService(users, accounts),
        adminContact: new AdminContactService(localizer, mailer, outbox, audit, clock),
        channelIdentity: deps.channelIdentity
    };
    const storage = new SqliteStorage(db, clock);
    const conversationState = new ConversationState(storage);
    let bot: BillingBot | undefined;
    const errorHandler = new TurnErrorHandler(localizer, async (context) => bot?.resetDialog(context));
    bot = new BillingBot(conversationState, new MainDialog(services), services, new ProcessedActivityRepository(db), (key) => errorHandler.succeeded(key));
    return { bot, services, storage, errorHandler };
}

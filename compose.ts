import * as crypto from 'crypto';
import type { Config, HandoffSettings } from './config';
import { systemClock, type Clock } from './core/clock';
import { loadOrCreateKeyFile, SecretBox } from './core/secrets';
import { OutboxRepository } from './data/repositories/outboxRepository';
import { Mailer } from './mail/mailer';
import { PersonalDataService } from './services/personalDataService';
import type { Database } from './data/database';
import { Repositories } from './data/repositories/repositories';
import { cachedDirectory } from './data/repositories/directoryCache';
import { TurnRecordWriter } from './data/repositories/turnRecords';
import type { MessageBus } from './data/messageBus';
import { PortalResetRequestRepository } from './data/repositories/portalResetRequestRepository';
import { createBotStorage, type BotStorage } from './data/botStorage';
import { MainDialog, type MainDialogDeps } from './dialogs/mainDialog';
import { ProactiveBotTurns, type ProactiveMessenger } from './channels/proactive';
import type { HandoffParts } from './agents/agentConsole';
import type { BillingPortal } from './portal/billingPortal';
import { AdminContactService } from './services/adminContactService';
import { BillingRoleService } from './services/billingRoleService';
import { ChangeRequestService } from './services/changeRequestService';
import { PortalResetService } from './services/portalResetService';
import { DEFAULT_VERIFICATION_POLICY, VerificationService } from './services/verificationService';
import { AgentDesk } from './services/agentDesk';
import { AgentDirectory } from './services/agentDirectory';
import { CallbackService } from './services/callbackService';
import { CustomerDelivery, type DeliveryPolicy } from './services/customerDelivery';
import { HandoffEvents } from './services/handoffEvents';
import { HandoffService } from './services/handoffService';
import { HandoffSnapshot } from './services/handoffSnapshot';
import { BusinessHours } from './core/businessHours';
import { AgentRepository } from './data/repositories/agentRepository';
import { CallbackRepository } from './data/repositories/callbackRepository';
import { ChangeRequestRepository } from './data/repositories/changeRequestRepository';
import { HandoffRepository } from './data/repositories/handoffRepository';
import { ProactiveDeliveryRepository } from './data/repositories/proactiveDeliveryRepository';
import { TranscriptRepository } from './data/repositories/transcriptRepository';
import { InsightRepository } from './data/repositories/insightRepository';
import { InsightsRecorder } from './services/insights/insightsRecorder';
import { HandoffGate } from './bot/handoffGate';
import { TranscriptRecorder } from './turn/transcript';
import { BillingBot } from './bot/billingBot';
import { SnapshotConversationState } from './sdkSpeedups/snapshotConversationState';
import type { ChannelIdentity } from './turn/channelIdentity';
import type { Localizer } from './language/i18n';
import type { IntentRecognizer } from './language/nlu';
import { TurnErrorHandler, TurnFailures } from './bot/turnErrorHandler';
import type { IdentityLifetime } from './turn/turn';

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
    /** Business hours, wait timeout, external handoff event; defaults: always open, 5 minutes, off. */
    readonly handoff?: HandoffSettings;
    /** Who a channel has already signed in (Teams); optional. */
    readonly channelIdentity?: ChannelIdentity;
    /** How long a verification holds (idle, in all); default 30 minutes and 8 hours. */
    readonly verificationLifetime?: IdentityLifetime;
    /** The Corporate Billing Portal that password resets go to (the embedded one by default, see app.ts). */
    readonly portal: BillingPortal;
    /** How proactive messages are retried; the default retries for about two minutes. */
    readonly deliveryPolicy?: DeliveryPolicy;
    /** The bus between the instances on the database (`db.openBus()`); default: this process only. */
    readonly bus?: MessageBus;
}

/** Used when no settings are given (tests, tools). */
const DEFAULT_HANDOFF_SETTINGS: HandoffSettings = { businessHours: BusinessHours.always(), waitTimeoutMs: 5 * 60_000, external: false };

/** The built bot and the parts channels and tools need. */
export interface BotRuntime {
    readonly bot: BillingBot;
    /** The services the dialogs were built with (tools and tests reach the domain through them). */
    readonly services: MainDialogDeps;
    readonly storage: BotStorage;
    readonly errorHandler: TurnErrorHandler;
    readonly handoff: HandoffParts;
    /** The support team's figures (issue 17). */
    readonly insights: InsightRepository;
}

/** Wires repositories, services, dialogs and the bot over one database. */
export function createBot(deps: BotDependencies): BotRuntime {
    const { db, clock, localizer, recognizer, secrets, mailer, portal } = deps;
    const { audit, conversationReferences: references } = new Repositories(db, clock);
    const { users, accounts, cache: directory } = cachedDirectory(db);
    const handoffRepository = new HandoffRepository(db);
    const callbackRepository = new CallbackRepository(db);
    const events = new HandoffEvents(deps.bus);
    const agents = new AgentDirectory(new AgentRepository(db), audit, clock);
    const deliveries = new ProactiveDeliveryRepository(db);
    const delivery = new CustomerDelivery(references, deliveries, handoffRepository, events, clock, deps.deliveryPolicy);
    const queue = new HandoffService(handoffRepository, references, agents, delivery, events, audit, clock, deps.handoff ?? DEFAULT_HANDOFF_SETTINGS);
    const desk = new AgentDesk(handoffRepository, callbackRepository, new ChangeRequestRepository(db), queue, delivery, events, agents, audit, clock, deliveries);
    const billingRole = new BillingRoleService(users, accounts);
    const services: MainDialogDeps = {
        clock,
        recognizer,
        users,
        accounts,
        verification: new VerificationService(users, db, mailer, secrets, localizer, audit, clock, DEFAULT_VERIFICATION_POLICY, directory),
        billingRole,
        adminContact: new AdminContactService(localizer, mailer, db, clock),
        // SQLite: the admin mail's statement checks the directory's version (`limited_mail`), so its drafts need not read it first.
        uncheckedDirectory: db.dialect === 'sqlite' ? () => directory.unchecked() : undefined,
        handoffs: queue,
        callbacks: new CallbackService(callbackRepository, mailer, localizer, events, audit, clock),
        handoffSnapshot: new HandoffSnapshot(users, billingRole),
        channelIdentity: deps.channelIdentity,
        changeRequests: new ChangeRequestService(db, users, accounts, mailer, localizer, clock),
        portalReset: new PortalResetService(new PortalResetRequestRepository(db), portal, secrets, audit, clock)
    };
    const storage = createBotStorage(db, clock);
    const conversationState = new SnapshotConversationState(storage, () => directory.turnBegins());
    const failures = new TurnFailures();
    const gate = new HandoffGate(queue, new TranscriptRecorder(new TranscriptRepository(db), clock));
    const insights = new InsightRepository(db);
    const recorder = new InsightsRecorder(insights, secrets, clock);
    const bot = new BillingBot({
        conversationState,
        mainDialog: new MainDialog(services),
        clock,
        localizer,
        recognizer,
        gate,
        onTurnSucceeded: (key) => failures.succeeded(key),
        identityLifetime: deps.verificationLifetime,
        insights: recorder,
        sharedLock: (name, work) => db.exclusive(name, work),
        records: new TurnRecordWriter(db)
    });
    const errorHandler = new TurnErrorHandler(localizer, failures, bot);
    // The outbox exists before the bot (the handoff gate writes to it); its worker reaches people through the bot's proactive turns.
    delivery.connect(new ProactiveBotTurns(deps.messenger, (context) => bot.run(context)));
    return { bot, services, storage, errorHandler, handoff: { agents, desk, events, queue, delivery }, insights };
}

/** The key for hashes and the outbox cipher: configured, or kept in a file beside the database. */
export function secretKeyFor(config: Config): Buffer {
    if (config.secretKey) {
        return config.secretKey;
    }
    return config.dbPath === ':memory:' ? crypto.randomBytes(32) : loadOrCreateKeyFile(`${config.dbPath}.key`);
}

/** What an operator command works with, built as the bot builds it (`npm run outbox`, `requests`, `person`, `agents`). */
export interface OperatorParts {
    readonly secrets: SecretBox;
    /** The outbox mailer; it does not deliver by itself (the running bot does). */
    readonly mailer: Mailer;
    readonly agents: AgentDirectory;
    readonly personalData: PersonalDataService;
    changeRequests(localizer: Localizer): ChangeRequestService;
}

/** The parts of an operator command over the bot's database and settings. */
export function composeOperatorParts(db: Database, config: Config, clock: Clock = systemClock): OperatorParts {
    const secrets = new SecretBox(secretKeyFor(config));
    const mailer = new Mailer(new OutboxRepository(db), secrets, clock, config.mailFrom);
    return {
        secrets,
        mailer,
        agents: new AgentDirectory(new AgentRepository(db), new Repositories(db, clock).audit, clock),
        personalData: new PersonalDataService(db, secrets, clock),
        changeRequests: (localizer) => {
            const { users, accounts } = new Repositories(db, clock);
            return new ChangeRequestService(db, users, accounts, mailer, localizer, clock);
        }
    };
}

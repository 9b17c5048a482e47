import * as path from 'path';
import type { Server } from 'restify';
import { DEFAULT_CUSTOMER_AWAY_MS, type Config } from './config';
import { systemClock, type Clock } from './core/clock';
import { configureLogging, getLogger } from './core/logger';
import { SecretBox } from './core/secrets';
import { Database } from './data/database';
import { loadDemoDataOnce, readDemoData } from './data/demoData';
import { OutboxRepository } from './data/repositories/outboxRepository';
import { JobSchedule } from './data/repositories/jobSchedule';
import { rateLimitsFor } from './data/repositories/rateWindows';
import { Localizer } from './language/i18n';
import { IntentRecognizer } from './language/nlu';
import { createBot, secretKeyFor, type BotRuntime } from './compose';
import { createChannelAdapter, type ChannelAdapter } from './channels/adapter';
import { createServer } from './channels/server';
import { UpgradeRouter } from './channels/upgradeRouter';
import { ClientAddresses } from './web/clientAddress';
import { cloudAdapterRoute, ProactiveMessenger } from './channels/proactive';
import { DirectLineChannel } from './channels/directline/directLineChannel';
import { HelpPage } from './channels/helpPage/helpPage';
import { TeamsIdentity } from './channels/teams/teamsIdentity';
import { UserRepository } from './data/repositories/userRepository';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import { Mailer, type MailTransport } from './mail/mailer';
import { AgentConsole } from './agents/agentConsole';
import type { LiveStreamLimits } from './agents/liveChannel';
import { EmbeddedBillingPortal } from './portal/embeddedBillingPortal';
import { PortalResetRoutes } from './portal/resetRoutes';
import { ASSETS_DIR, LOCALES_DIR, PUBLIC_DIR } from './paths';
import type { DeliveryPolicy } from './services/customerDelivery';
import { CustomerPresence } from './services/customerPresence';
import { InsightFigures } from './services/insights/insightFigures';
import { InsightRetention } from './services/insights/insightRetention';
import { RetentionKeeper, retentionRules } from './services/retention';

const log = getLogger('app');

/** A running bot: its parts, its address, and how to stop it. */
export interface App {
    readonly config: Config;
    readonly db: Database;
    readonly mailer: Mailer;
    readonly runtime: BotRuntime;
    readonly adapter: ChannelAdapter;
    readonly messenger: ProactiveMessenger;
    /** The built-in Direct Line (`/v3/directline`) that the help page's Web Chat uses. */
    readonly directLine: DirectLineChannel;
    readonly server: Server;
    /** Base URL of the listening server, e.g. `http://127.0.0.1:3978`. */
    readonly url: string;
    /** Deletes what is past its keeping time from the tables that only grow (hourly; `sweep()` runs it now). */
    readonly retention: RetentionKeeper;
    /** Stops taking requests, lets running turns finish, stops mail delivery, closes the database. */
    close(): Promise<void>;
}

/** Replaceable parts (tests use a manual clock or their own mail transport). */
export interface AppOptions {
    readonly clock?: Clock;
    readonly mailTransport?: MailTransport;
    readonly mailPollMs?: number;
    /** Credentials for the bot's calls to channels (tests: a local token issuer); default from the app password. */
    readonly channelCredentials?: ServiceClientCredentialsFactory;
    /** How proactive messages are retried (tests: in milliseconds instead of minutes). */
    readonly deliveryPolicy?: DeliveryPolicy;
    /** Live streams of the agent console open at once (tests: a few instead of 200). */
    readonly agentLiveStreams?: LiveStreamLimits;
}

let sharedLanguage: Promise<{ localizer: Localizer; recognizer: IntentRecognizer }> | undefined;

/** Loads the locales and trains the classifier once per process. */
export function loadLanguage(): Promise<{ localizer: Localizer; recognizer: IntentRecognizer }> {
    sharedLanguage ??= Promise.all([Localizer.load(LOCALES_DIR), IntentRecognizer.train(LOCALES_DIR)]).then(([localizer, recognizer]) => ({ localizer, recognizer }));
    return sharedLanguage;
}

/** Starts the bot: database and demo data, language, mail, bot, HTTP server. */
export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
    configureLogging(config.logLevel);
    const started = Date.now();
    const clock = options.clock ?? systemClock;
    const db = await Database.open(config.databaseUrl ?? config.dbPath);
    if (await loadDemoDataOnce(db, readDemoData(config.demoDataPath))) {
        log.info('demo data loaded', { file: config.demoDataPath });
    }
    // Of several instances on one PostgreSQL database, one runs each timed job per due time.
    const jobs = new JobSchedule(db, clock);
    // …and the rate limits are counted in the database, so together they allow no more than one would.
    const rateLimits = rateLimitsFor(db, clock);
    // Tells every instance on the database of new Direct Line activities and handoff events (in-process on SQLite).
    const bus = db.openBus();
    const key = secretKeyFor(config);
    const secrets = new SecretBox(key);
    const { localizer, recognizer } = await loadLanguage();
    const mailer = new Mailer(new OutboxRepository(db), secrets, clock, config.mailFrom, options.mailTransport ?? Mailer.smtpTransport(config.smtpUrl), options.mailPollMs);
    mailer.start();
    const messenger = new ProactiveMessenger();
    const channelIdentity = new TeamsIdentity(new UserRepository(db), config.teamsAllowedTenants, !config.localMode);
    const portal = new EmbeddedBillingPortal(db, mailer, secrets, localizer, clock, config.publicUrl);
    const runtime = createBot({ db, clock, localizer, recognizer, secrets, mailer, messenger, handoff: config.handoff, verificationLifetime: config.verification, channelIdentity, portal, deliveryPolicy: options.deliveryPolicy, bus });
    if (config.agentDemoPassword) {
        const agents = await runtime.handoff.agents.setMissingPasswords(config.agentDemoPassword);
        if (agents.length > 0) {
            log.info('demo agents can sign in with AGENT_DEMO_PASSWORD', { agents });
        }
    }
    const adapter = createChannelAdapter(config, runtime.errorHandler.handle, options.channelCredentials);
    messenger.setFallback(cloudAdapterRoute(adapter, config.microsoftAppId, config.localMode));
    const clients = new ClientAddresses(config.trustProxy);
    const presence = new CustomerPresence(config.handoff.customerAwayGraceMs ?? DEFAULT_CUSTOMER_AWAY_MS, runtime.handoff.queue);
    const directLine = new DirectLineChannel({
        db,
        clock,
        bus,
        key,
        secret: config.directLineSecret,
        maxBodyBytes: config.maxBodyBytes,
        limits: config.directLine,
        logic: (context) => runtime.bot.run(context),
        onTurnError: runtime.errorHandler.handle,
        clients,
        jobs,
        rateLimits,
        presence
    });
    messenger.register(directLine.proactiveRoute);
    const upgrades = new UpgradeRouter();
    const server = createServer({ config, adapter, bot: runtime.bot, db, upgrades, clients });
    const insights = new InsightFigures(runtime.insights, config.insights.abandonAfterMs);
    const agentConsole = new AgentConsole({ config, clients, handoff: runtime.handoff, localizer, clock, staticDir: path.join(PUBLIC_DIR, 'agent'), localesDir: LOCALES_DIR, liveStreams: options.agentLiveStreams, insights });
    const insightsRetention = new InsightRetention(runtime.insights, config.insights, clock, jobs);
    insightsRetention.start();
    agentConsole.mount(server);
    runtime.storage.watchOtherWriters();
    runtime.handoff.queue.start(undefined, jobs);
    // Messages written before a restart and not yet delivered go out now.
    runtime.handoff.delivery.start();
    const retention = new RetentionKeeper(retentionRules(db, config.retention), clock, undefined, jobs);
    retention.start();
    directLine.mount(server, upgrades);
    new HelpPage({ localizer, directLine: directLine.api, publicDir: PUBLIC_DIR, precompressedDir: ASSETS_DIR, clock, clients, rateLimits }).mount(server);
    new PortalResetRoutes(portal, localizer, secrets, config.publicUrl).mount(server);
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => resolve());
    });
    const address = server.address();
    const url = `http://${config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host}:${address.port}`;
    log.info('bot started', { url, localMode: config.localMode, smtp: mailer.delivers, startupMs: Date.now() - started });

    let closing: Promise<void> | undefined;
    const close = (): Promise<void> => {
        closing ??= (async () => {
            const step = (message: string): void => log.info(`stopping: ${message}`);
            step('no new connections; open WebSockets told to reconnect (1001), live streams ended');
            const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
            // A keep-alive connection is closed as soon as its request is answered, not when it times out.
            const idleCloser = setInterval(() => server.server.closeIdleConnections(), 50);
            presence.close();
            const directLineClosed = directLine.close();
            agentConsole.close();
            await stopped;
            clearInterval(idleCloser);
            step('requests answered; waiting for turns still running');
            await runtime.bot.idle();
            step('turns finished; stopping timers and deliveries');
            await insightsRetention.stop();
            await directLineClosed;
            runtime.storage.stopWatching();
            await runtime.handoff.queue.stop();
            await runtime.handoff.delivery.stop();
            await retention.stop();
            await mailer.stop();
            step('closing the database');
            await bus.close();
            await db.close();
            log.info('bot stopped');
        })();
        return closing;
    };
    return { config, db, mailer, runtime, adapter, messenger, directLine, server, url, retention, close };
}

import * as crypto from 'crypto';
import type { TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import type { Clock } from '../../core/clock';
import { inMemoryRateLimits, type RateLimits } from '../../core/rateLimiter';
import { getLogger } from '../../core/logger';
import type { Database } from '../../data/database';
import type { JobGate } from '../../data/repositories/jobSchedule';
import type { MessageBus } from '../../data/messageBus';
import type { ClientAddresses } from '../../web/clientAddress';
import type { ProactiveRoute } from '../proactive';
import type { UpgradeRouter } from '../upgradeRouter';
import { DirectLineAdapter, DIRECT_LINE_CHANNEL_ID, IN_PROCESS_SERVICE_URL } from './directLineAdapter';
import { DirectLineApi, MAX_POSTS_PER_MINUTE } from './directLineApi';
import { DirectLineAuth } from './directLineAuth';
import { DirectLineStore } from './directLineStore';
import { DirectLineRetention } from './directLineRetention';
import { DirectLineStream, type StreamWatcher } from './directLineStream';
import { DEFAULT_TOKEN_TTL_SECONDS, DirectLineTokens } from './directLineTokens';
import type { DirectLineSettings } from '../../config';

const log = getLogger('channels.directline');

/** What the built-in Direct Line is made of. */
export interface DirectLineOptions {
    readonly db: Database;
    readonly clock: Clock;
    /** Tells the other instances of new activities, so their streams deliver replies stored here. */
    readonly bus?: MessageBus;
    /** The bot's secret key; the token signing key is derived from it, so tokens outlive a restart. */
    readonly key: Buffer;
    /** `DIRECTLINE_SECRET`; undefined = a random secret for this run (only the bot's own token route can then start conversations). */
    readonly secret?: string;
    readonly maxBodyBytes: number;
    readonly limits: DirectLineSettings;
    /** Runs the bot for a turn (`bot.run`). */
    readonly logic: (context: TurnContext) => Promise<void>;
    readonly onTurnError: (context: TurnContext, error: Error) => Promise<void>;
    /** The trusted proxies (`TRUST_PROXY`), for the scheme of the stream URL. */
    readonly clients: ClientAddresses;
    /** Of several instances on one database, who runs the hourly retention (default: this one, always). */
    readonly jobs?: JobGate;
    /** Where the posting limit is counted (several instances: the database); default in this process. */
    readonly rateLimits?: RateLimits;
    /** Told when a person's stream opens or closes, by conversation key (`directline:<id>`): whether their page is open. */
    readonly presence?: StreamWatcher;
}

/**
 * The built-in Direct Line 3.0 channel: REST API and WebSocket stream over a
 * SQLite transcript, with its own in-process adapter, so Web Chat talks to
 * the same bot as every other channel and proactive messages (agents) reach
 * web chat users too.
 */
export class DirectLineChannel {
    /** The in-process adapter: runs this channel's turns and stores what the bot says. */
    public readonly adapter: DirectLineAdapter;
    /** The REST API; also hands out tokens for the help page's token route. */
    public readonly api: DirectLineApi;
    private readonly store: DirectLineStore;
    private readonly stream: DirectLineStream;
    /** Proactive turns for conversations of this channel; register it with the ProactiveMessenger. */
    public readonly proactiveRoute: ProactiveRoute;
    private readonly retention: DirectLineRetention;

    public constructor(options: DirectLineOptions) {
        if (!options.secret) {
            log.info('no DIRECTLINE_SECRET set: using a random secret for this run; the help page gets its tokens from the bot');
        }
        this.store = new DirectLineStore(options.db, options.clock, options.bus);
        const tokens = new DirectLineTokens(
            options.key,
            options.secret ?? crypto.randomBytes(32).toString('base64url'),
            options.clock,
            DEFAULT_TOKEN_TTL_SECONDS,
            options.limits.tokenLifetimeSeconds
        );
        const auth = new DirectLineAuth(tokens, this.store);
        this.adapter = new DirectLineAdapter(this.store);
        this.adapter.onTurnError = options.onTurnError;
        this.retention = new DirectLineRetention(this.store, options.clock, options.limits, options.jobs);
        this.api = new DirectLineApi({
            store: this.store,
            tokens,
            auth,
            adapter: this.adapter,
            logic: options.logic,
            maxBodyBytes: options.maxBodyBytes,
            clock: options.clock,
            conversationBudgetBytes: options.limits.conversationBudgetBytes,
            onStored: (bytes) => this.retention.noteStored(bytes),
            clients: options.clients,
            posts: (options.rateLimits ?? inMemoryRateLimits(options.clock))('directline-posts', MAX_POSTS_PER_MINUTE, 60_000)
        });
        const presence = options.presence;
        const watcher: StreamWatcher | undefined = presence && {
            opened: (id) => presence.opened(`${DIRECT_LINE_CHANNEL_ID}:${id}`),
            closed: (id) => presence.closed(`${DIRECT_LINE_CHANNEL_ID}:${id}`)
        };
        this.stream = new DirectLineStream(this.store, auth, undefined, options.limits.streamsPerConversation, watcher);
        this.proactiveRoute = {
            matches: (reference) => reference.channelId === DIRECT_LINE_CHANNEL_ID && reference.serviceUrl === IN_PROCESS_SERVICE_URL,
            continueConversation: (reference, logic) => this.adapter.continueConversation(reference, logic)
        };
        this.retention.start();
    }

    /** Serves the REST API on the server and the WebSocket stream through its upgrade router. */
    public mount(server: Server, upgrades: UpgradeRouter): void {
        this.api.mount(server);
        upgrades.add(this.stream.handleUpgrade);
    }

    /** Closes the streams (shutdown); resolves when a retention sweep under way has finished, before the database closes. */
    public close(): Promise<void> {
        const retentionStopped = this.retention.stop();
        this.stream.close();
        this.store.close();
        return retentionStopped;
    }
}

import * as crypto from 'crypto';
import * as path from 'path';
import { ActivityTypes, TestAdapter, type Activity, type ConversationReference, type MiddlewareHandler, type TurnContext } from 'botbuilder';
import type { HandoffSettings } from '../../config';
import type { Agent } from '../../data/handoffModel';
import { BusinessHours } from '../../core/businessHours';
import { loadLanguage } from '../../app';
import { createBot, type BotRuntime } from '../../compose';
import { ProactiveMessenger } from '../../channels/proactive';
import { ManualClock } from '../../core/clock';
import { configureLogging } from '../../core/logger';
import { SecretBox } from '../../core/secrets';
import { Database, type Dialect } from '../../data/database';
import { loadDemoDataOnce, readDemoData } from '../../data/demoData';
import { OutboxRepository, type OutboxMail } from '../../data/repositories/outboxRepository';
import { Mailer } from '../../mail/mailer';
import { EmbeddedBillingPortal } from '../../portal/embeddedBillingPortal';
import { PROJECT_ROOT } from '../../paths';
import { makeTempDir } from './tempDir';
import { tempDatabaseTarget } from './tempDatabase';
import { latestCode } from './outboxCode';

configureLogging((process.env.TEST_LOG_LEVEL as 'debug' | undefined) ?? 'silent');

/** The public URL of harness bots: reset links in their mails start with it. */
export const HARNESS_PUBLIC_URL = 'https://bot.test.example';

/** One bot reply as a person sees it: its text and the buttons offered with it. */
export interface Reply {
    readonly text: string;
    readonly buttons: string[];
}

/** Options of a harness: an existing database file (restart tests) and the secret key to reuse. */
export interface HarnessOptions {
    readonly dbFile?: string;
    /** The database backend (default SQLite, or TEST_BACKEND); PostgreSQL gets a schema of its own, dropped at close. */
    readonly backend?: Dialect;
    readonly key?: Buffer;
    readonly clock?: ManualClock;
    readonly channelId?: string;
    /** Handoff settings; default: always open, 5 minutes wait, no external event. */
    readonly handoff?: Partial<HandoffSettings>;
}

/** The password the harness gives agents it brings online. */
export const AGENT_TEST_PASSWORD = 'test-password-123';

/**
 * A bot over a real SQLite file with the demo data, driven through
 * botbuilder's TestAdapter exactly as a channel would drive it.
 */
export class BotHarness {
    private constructor(
        public readonly db: Database,
        public readonly runtime: BotRuntime,
        public readonly mailer: Mailer,
        public readonly clock: ManualClock,
        public readonly key: Buffer,
        public readonly dbFile: string,
        private readonly cleanup: () => void | Promise<void>,
        private readonly channelId: string,
        messenger: ProactiveMessenger
    ) {
        // Proactive turns (agent messages, queue updates, hand-back) reach the conversations of this harness.
        messenger.register({
            matches: (reference) => this.conversations.has(reference.conversation?.id ?? ''),
            continueConversation: async (reference, logic) => this.conversations.get(reference.conversation?.id ?? '')?.continueTurn(logic)
        });
    }

    private readonly conversations = new Map<string, Conversation>();

    public static async create(options: HarnessOptions = {}): Promise<BotHarness> {
        // A file (in a temp folder unless given), or on PostgreSQL a schema of its own.
        const backend = options.backend ?? (process.env.TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite');
        const place = backend === 'postgres' ? tempDatabaseTarget('postgres') : undefined;
        const temp = place ? undefined : options.dbFile ? { dir: path.dirname(options.dbFile), cleanup: () => undefined } : makeTempDir();
        const dbFile = place?.target ?? options.dbFile ?? path.join(temp?.dir ?? '', 'bot.sqlite');
        const cleanup = (): void | Promise<void> => (place ? place.cleanup() : temp?.cleanup());
        const db = await Database.open(dbFile);
        await loadDemoDataOnce(db, readDemoData(path.join(PROJECT_ROOT, 'data', 'accounts.json')));
        const key = options.key ?? crypto.randomBytes(32);
        const secrets = new SecretBox(key);
        const clock = options.clock ?? new ManualClock();
        const mailer = new Mailer(new OutboxRepository(db), secrets, clock, 'bot@test.example');
        const { localizer, recognizer } = await loadLanguage();
        const messenger = new ProactiveMessenger();
        const handoff: HandoffSettings = { businessHours: BusinessHours.always(), waitTimeoutMs: 5 * 60_000, external: false, ...options.handoff };
        const portal = new EmbeddedBillingPortal(db, mailer, secrets, localizer, clock, HARNESS_PUBLIC_URL);
        const runtime = createBot({ db, clock, localizer, recognizer, secrets, mailer, messenger, handoff, portal });
        return new BotHarness(db, runtime, mailer, clock, key, dbFile, cleanup, options.channelId ?? 'directline', messenger);
    }

    /** Starts a conversation (its own id and user) in the given client locale. */
    public conversation(locale?: string, id: string = crypto.randomUUID(), channelId: string = this.channelId): Conversation {
        const convo = new Conversation(this, id, locale, channelId);
        this.conversations.set(id, convo);
        return convo;
    }

    /** Gives the agent a password and signs them in, so they count as online. */
    public async agentOnline(login: string): Promise<Agent> {
        const agents = this.runtime.handoff.agents;
        await agents.setPassword(login, AGENT_TEST_PASSWORD);
        const outcome = await agents.login(login, AGENT_TEST_PASSWORD, '127.0.0.1');
        if (outcome.kind !== 'ok') {
            throw new Error(`BotHarness.agentOnline(): ${login} could not sign in (${outcome.kind})`);
        }
        return outcome.agent;
    }

    /** Waits until the bot's own messages started so far (queue updates, agent messages) are delivered. */
    public async settle(): Promise<void> {
        await this.runtime.handoff.queue.idle();
        await this.runtime.bot.idle();
    }

    /** Mails in the outbox, newest first, with secrets filled in. */
    public async mails(to?: string): Promise<Array<OutboxMail & { text: string }>> {
        const mails = await new OutboxRepository(this.db).recent(100, to);
        return mails.map((mail) => ({ ...mail, text: this.mailer.reveal(mail) }));
    }

    /** The code of the newest verification mail to `email`, read the way an operator would. */
    public latestCode(email: string): Promise<string> {
        return latestCode(this, email);
    }

    public async close(): Promise<void> {
        await this.settle();
        await this.db.close();
        await this.cleanup();
    }
}

/** A conversation with the harness bot. */
export class Conversation {
    private readonly adapter: TestAdapter;
    private readonly proactive: Reply[] = [];
    /** Every event activity the bot sent (e.g. `handoff.initiate`). */
    public readonly events: Array<Partial<Activity>> = [];

    public constructor(private readonly harness: BotHarness, public readonly id: string, private readonly locale: string | undefined, channelId: string) {
        const reference: Partial<ConversationReference> = {
            channelId,
            serviceUrl: 'https://test.example',
            user: { id: `user-${id}`, name: 'Customer' },
            bot: { id: 'bot', name: 'Billing Contact Assistant' },
            conversation: { id, isGroup: false, conversationType: 'personal', name: 'test' },
            locale
        };
        this.adapter = new TestAdapter(reference as ConversationReference);
        this.adapter.onTurnError = harness.runtime.errorHandler.handle;
        this.adapter.locale = locale ?? '';
    }

    /** Adds middleware to this conversation's channel, e.g. to make a send fail once as a flaky channel would. */
    public use(middleware: MiddlewareHandler): void {
        this.adapter.use(middleware);
    }

    /** The conversation starts: the channel adds the user (the bot greets). */
    public async start(): Promise<Reply[]> {
        return this.deliver({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: `user-${this.id}`, name: 'Customer' }] });
    }

    /** The person types `text`; returns the bot's replies of that turn. */
    public async say(text: string): Promise<Reply[]> {
        return this.deliver({ type: ActivityTypes.Message, text });
    }

    /** Sends any activity (card submits, odd payloads); returns the replies. */
    public async deliver(activity: Partial<Activity>): Promise<Reply[]> {
        // Real channels give every activity a unique id (a fresh TestAdapter would start again at "0").
        const withLocale = { id: crypto.randomUUID(), ...activity, locale: activity.locale ?? (this.locale || undefined) };
        await this.adapter.processActivity(withLocale, (context) => this.harness.runtime.bot.run(context));
        return this.drain();
    }

    /** Runs a proactive turn in this conversation, as a channel's adapter would; its replies go to {@link inbox}. */
    public async continueTurn(logic: (context: TurnContext) => Promise<void>): Promise<void> {
        await this.adapter.processActivity({ type: ActivityTypes.Event, name: 'ContinueConversation', id: crypto.randomUUID() }, logic);
        this.proactive.push(...this.drain());
    }

    /** The messages the bot sent on its own since the last call (call `harness.settle()` first). */
    public inbox(): Reply[] {
        return this.proactive.splice(0, this.proactive.length);
    }

    private drain(): Reply[] {
        const replies: Reply[] = [];
        for (let reply = this.adapter.getNextReply(); reply; reply = this.adapter.getNextReply()) {
            if (reply.type === ActivityTypes.Message) {
                replies.push(toReply(reply));
            } else if (reply.type === ActivityTypes.Event) {
                this.events.push(reply);
            }
        }
        return replies;
    }
}

function toReply(activity: Partial<Activity>): Reply {
    const buttons = (activity.suggestedActions?.actions ?? []).map((a) => String(a.title ?? a.value));
    for (const attachment of activity.attachments ?? []) {
        const content = attachment.content as { buttons?: Array<{ title?: string }> } | undefined;
        buttons.push(...(content?.buttons ?? []).map((b) => String(b.title)));
    }
    return { text: activity.text ?? '', buttons };
}

/** All reply texts of a turn joined, for matching. */
export function joined(replies: readonly Reply[]): string {
    return replies.map((r) => r.text).join('\n');
}

/** Gives each test of the enclosing `describe` a fresh harness; call the returned function inside tests. */
export function useHarness(options: HarnessOptions = {}): () => BotHarness {
    let harness: BotHarness | undefined;
    beforeEach(async () => {
        harness = await BotHarness.create(options);
    });
    afterEach(async () => harness?.close());
    return () => {
        if (!harness) {
            throw new Error('useHarness(): only available inside a test');
        }
        return harness;
    };
}

import * as path from 'path';
import { startApp, type App, type AppOptions } from '../../app';
import { loadConfig } from '../../config';
import { makeTempDir } from './tempDir';
import { AgentClient } from './agentClient';
import { LoopbackChannel, type LoopbackCustomer } from './loopbackChannel';
import { latestCode } from './outboxCode';

/** The demo agents' password in HTTP and browser tests. */
export const DEMO_PASSWORD = 'demo-password-for-tests';

/** The real bot on port 0 over a temp database, with a loopback channel for its customers. */
export class AppHarness {
    private constructor(public readonly app: App, public readonly channel: LoopbackChannel, private readonly cleanup: () => void) {}

    public static async start(env: Record<string, string> = {}, options: AppOptions = {}): Promise<AppHarness> {
        const temp = makeTempDir();
        const config = loadConfig({
            PORT: '0',
            HOST: '127.0.0.1',
            DB_PATH: path.join(temp.dir, 'bot.sqlite'),
            LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
            AGENT_DEMO_PASSWORD: DEMO_PASSWORD,
            ...env
        });
        const app = await startApp(config, options);
        return new AppHarness(app, await LoopbackChannel.start(), temp.cleanup);
    }

    public get url(): string {
        return this.app.url;
    }

    public agent(): AgentClient {
        return new AgentClient(this.app.url);
    }

    /** A signed-in demo agent. */
    public async signedIn(login: string): Promise<AgentClient> {
        const client = this.agent();
        const res = await client.login(login, DEMO_PASSWORD);
        if (res.status !== 200) {
            throw new Error(`AppHarness.signedIn(): ${login} could not sign in (${res.status})`);
        }
        return client;
    }

    /** A Web Chat token from the help page's token route, as the page gets it. */
    public async webChatToken(): Promise<string> {
        const res = await fetch(`${this.app.url}/api/webchat/token`, { method: 'POST' });
        return ((await res.json()) as { token: string }).token;
    }

    /** The code of the newest verification mail to `email`, read the way an operator would. */
    public latestCode(email: string): Promise<string> {
        return latestCode(this.app, email);
    }

    public customer(locale: string): LoopbackCustomer {
        return this.channel.customer(this.app.url, locale);
    }

    public async close(): Promise<void> {
        await this.app.close();
        await this.channel.close();
        this.cleanup();
    }
}

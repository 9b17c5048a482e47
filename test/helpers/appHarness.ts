import type { App, AppOptions } from '../../app';
import { AgentClient } from './agentClient';
import { LoopbackChannel, type LoopbackCustomer } from './loopbackChannel';
import { latestCode } from './outboxCode';
import { startRunningApp, type RunningApp } from './runningApp';

/** The demo agents' password in HTTP and browser tests. */
export const DEMO_PASSWORD = 'demo-password-for-tests';

/** The real bot on port 0 over a temp database, with a loopback channel for its customers. */
export class AppHarness {
    private constructor(private readonly running: RunningApp, public readonly channel: LoopbackChannel) {}

    public static async start(env: Record<string, string> = {}, options: AppOptions = {}): Promise<AppHarness> {
        const running = await startRunningApp({ env: { AGENT_DEMO_PASSWORD: DEMO_PASSWORD, ...env }, options });
        return new AppHarness(running, await LoopbackChannel.start());
    }

    public get app(): App {
        return this.running.app;
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
        await this.running.close();
        await this.channel.close();
    }
}

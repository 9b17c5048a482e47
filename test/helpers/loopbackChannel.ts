import * as crypto from 'crypto';
import * as http from 'http';
import type { AddressInfo } from 'net';

/** An activity as the bot sent it to the channel. */
export interface SentActivity {
    readonly type: string;
    readonly text?: string;
    readonly conversation?: { id: string };
    readonly [field: string]: unknown;
}

/**
 * A small channel on this machine, as Bot Framework channels are: it receives
 * what the bot sends on its own (`POST /v3/conversations/:id/activities`),
 * and drives customers over the bot's `POST /api/messages` with a loopback
 * `serviceUrl` pointing back at itself.
 */
export class LoopbackChannel {
    private readonly received: SentActivity[] = [];
    /**
     * While true, the channel refuses what the bot sends (403, which the
     * connector client does not retry on its own, so each of the bot's
     * attempts is one request).
     */
    public refusing = false;
    /** How many sends the channel refused. */
    public refused = 0;
    private waiters: Array<() => void> = [];
    /** Sends to hold unanswered, by conversation id (see {@link holdNext}). */
    private readonly holds = new Map<string, { arrived: () => void; cut: () => void }>();
    /** Sends that were held until their sender went away: not counted as received. */
    public cutOff = 0;

    private constructor(private readonly server: http.Server, public readonly serviceUrl: string) {}

    public static async start(): Promise<LoopbackChannel> {
        let channel: LoopbackChannel | undefined;
        const server = http.createServer((req, res) => {
            const chunks: Buffer[] = [];
            req.on('data', (chunk: Buffer) => chunks.push(chunk));
            req.on('end', () => {
                const addressed = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
                if (req.method === 'POST' && addressed) {
                    const held = channel?.holds.get(decodeURIComponent(addressed[1]));
                    const sent = JSON.parse(Buffer.concat(chunks).toString('utf8')) as SentActivity;
                    if (held && sent.type === 'message') {
                        channel?.holds.delete(decodeURIComponent(addressed[1]));
                        channel?.hold(held, res);
                        return;
                    }
                    if (channel?.refusing) {
                        channel.refused++;
                        res.writeHead(403, { 'Content-Type': 'application/json' });
                        res.end(JSON.stringify({ error: { code: 'BotNotAllowed', message: 'refused for the test' } }));
                        return;
                    }
                    channel?.receive(sent);
                    res.writeHead(200, { 'Content-Type': 'application/json' });
                    res.end(JSON.stringify({ id: crypto.randomUUID() }));
                    return;
                }
                res.writeHead(404);
                res.end();
            });
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        channel = new LoopbackChannel(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
        return channel;
    }

    /** A customer of this channel talking to the bot at `botUrl`. */
    public customer(botUrl: string, locale: string): LoopbackCustomer {
        return new LoopbackCustomer(this, botUrl, locale);
    }

    /** Messages the bot sent on its own into a conversation so far. */
    public messagesTo(conversationId: string): string[] {
        return this.received.filter((a) => a.type === 'message' && a.conversation?.id === conversationId).map((a) => a.text ?? '');
    }

    /** Waits until a proactive message to the conversation matches `pattern`; returns its text. */
    public async waitForMessage(conversationId: string, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const found = this.messagesTo(conversationId).find((text) => pattern.test(text));
            if (found !== undefined) {
                return found;
            }
            const left = deadline - Date.now();
            if (left <= 0) {
                throw new Error(`LoopbackChannel: no message matching ${pattern} to ${conversationId}; got:\n${this.messagesTo(conversationId).join('\n')}`);
            }
            await new Promise<void>((resolve) => {
                const timer = setTimeout(resolve, left);
                this.waiters.push(() => {
                    clearTimeout(timer);
                    resolve();
                });
            });
        }
    }

    /**
     * Holds the bot's next message into `conversationId` unanswered (the bot is
     * in the middle of its turn) until its connection closes (the bot's
     * process was killed). It does not count as received, as a channel drops a
     * request cut off before it answered it. `arrived` resolves when the
     * message is held, `cut` when its connection closed.
     */
    public holdNext(conversationId: string): { arrived: Promise<void>; cut: Promise<void> } {
        let arrived = (): void => undefined;
        let cut = (): void => undefined;
        const arrival = new Promise<void>((resolve) => (arrived = resolve));
        const closed = new Promise<void>((resolve) => (cut = resolve));
        this.holds.set(conversationId, { arrived, cut });
        return { arrived: arrival, cut: closed };
    }

    public async close(): Promise<void> {
        this.server.closeAllConnections();
        await new Promise<void>((resolve) => this.server.close(() => resolve()));
    }

    private hold(held: { arrived: () => void; cut: () => void }, res: http.ServerResponse): void {
        res.once('close', () => {
            this.cutOff++;
            held.cut();
        });
        held.arrived();
    }

    private receive(activity: SentActivity): void {
        this.received.push(activity);
        const waiters = this.waiters;
        this.waiters = [];
        waiters.forEach((wake) => wake());
    }
}

/** A customer whose own turns use `deliveryMode: expectReplies`, so the bot's answers come back in the response. */
export class LoopbackCustomer {
    public readonly conversationId = `loopback-${crypto.randomUUID()}`;
    private readonly userId = `user-${crypto.randomUUID()}`;

    public constructor(private readonly channel: LoopbackChannel, private readonly botUrl: string, private readonly locale: string) {}

    /** Sends `text`; returns the texts of the bot's direct replies. */
    public async say(text: string): Promise<string[]> {
        const res = await fetch(`${this.botUrl}/api/messages`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({
                type: 'message',
                id: crypto.randomUUID(),
                channelId: 'emulator',
                serviceUrl: this.channel.serviceUrl,
                deliveryMode: 'expectReplies',
                locale: this.locale,
                text,
                from: { id: this.userId, name: 'Customer' },
                recipient: { id: 'bot', name: 'Billing Contact Assistant' },
                conversation: { id: this.conversationId }
            })
        });
        if (res.status !== 200) {
            throw new Error(`LoopbackCustomer.say(): /api/messages answered ${res.status}: ${await res.text()}`);
        }
        const body = (await res.json()) as { activities?: Array<{ type: string; text?: string }> };
        return (body.activities ?? []).filter((a) => a.type === 'message').map((a) => a.text ?? '');
    }

    /** Sends a typing activity ("the person is typing"), as chat clients do. */
    public async typing(): Promise<void> {
        const res = await fetch(`${this.botUrl}/api/messages`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({
                type: 'typing',
                id: crypto.randomUUID(),
                channelId: 'emulator',
                serviceUrl: this.channel.serviceUrl,
                locale: this.locale,
                from: { id: this.userId, name: 'Customer' },
                recipient: { id: 'bot', name: 'Billing Contact Assistant' },
                conversation: { id: this.conversationId }
            })
        });
        if (res.status >= 300) {
            throw new Error(`LoopbackCustomer.typing(): /api/messages answered ${res.status}: ${await res.text()}`);
        }
    }

    /** Proactive messages received so far. */
    public inbox(): string[] {
        return this.channel.messagesTo(this.conversationId);
    }

    public waitFor(pattern: RegExp, timeoutMs?: number): Promise<string> {
        return this.channel.waitForMessage(this.conversationId, pattern, timeoutMs);
    }
}

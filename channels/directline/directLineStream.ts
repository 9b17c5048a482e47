import type { IncomingMessage } from 'http';
import type { Duplex } from 'stream';
import { WebSocket, WebSocketServer } from 'ws';
import { getLogger } from '../../core/logger';
import { HttpError } from '../../web/httpError';
import type { UpgradeHandler } from '../upgradeRouter';
import type { DirectLineAuth } from './directLineAuth';
import type { AppendedActivity, DirectLineStore, StoredActivity } from './directLineStore';
import { parseWatermark } from './watermark';

const log = getLogger('channels.directline.stream');

/** `/v3/directline/conversations/{id}/stream`, the `streamUrl` handed out with every conversation. */
const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/]+)\/stream\/?$/;

/** Streams one conversation may have open at once by default: a page, a reconnect overlapping a dead socket, a second tab. */
export const DEFAULT_STREAMS_PER_CONVERSATION = 4;

/** Told when a conversation's stream opens or closes (whose page is open); must not throw. */
export interface StreamWatcher {
    opened(conversationId: string): void;
    closed(conversationId: string): void;
}

/** A client that lets this much pile up unread is dropped; it reconnects with its watermark. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/**
 * The WebSocket side of the built-in Direct Line. A client connects to the
 * `streamUrl` (token in `t` or the Authorization header) and receives every
 * activity after its watermark as `{ activities: [one], watermark }` messages, in
 * order and without gaps: first the stored backlog, then each new activity.
 * Unanswered pings end dead connections.
 */
export class DirectLineStream {
    private readonly server = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
    private readonly connections = new Set<StreamConnection>();
    private readonly heartbeat: NodeJS.Timeout;
    /** Streams open or being opened, per conversation (every token of a conversation counts together). */
    private readonly perConversation = new Map<string, number>();

    public constructor(
        private readonly store: DirectLineStore,
        private readonly auth: DirectLineAuth,
        heartbeatMs = 30_000,
        private readonly maxPerConversation = DEFAULT_STREAMS_PER_CONVERSATION,
        private readonly watcher?: StreamWatcher
    ) {
        this.heartbeat = setInterval(() => this.connections.forEach((c) => c.checkAlive()), heartbeatMs);
        this.heartbeat.unref();
    }

    /**
     * The {@link UpgradeHandler} of the stream path: undefined for any other
     * path, else the handshake (rejected with an HttpError when refused).
     */
    public readonly handleUpgrade: UpgradeHandler = (req, socket, head, path, url) => {
        const match = STREAM_PATH.exec(path);
        if (!match) {
            return undefined;
        }
        return this.accept(req, socket, head, decodeURIComponent(match[1]), url);
    };

    /** Closes every stream (shutdown); clients reconnect with their watermark once the bot is back. */
    public close(): void {
        clearInterval(this.heartbeat);
        for (const connection of this.connections) {
            connection.close(1001, 'The bot is restarting.');
        }
        this.server.close();
    }

    private tell(what: keyof StreamWatcher, conversationId: string): void {
        try {
            this.watcher?.[what](conversationId);
        } catch (err) {
            log.error('stream watcher failed', { conversation: conversationId, error: err });
        }
    }

    private async accept(req: IncomingMessage, socket: Duplex, head: Buffer, conversationId: string, url: URL): Promise<void> {
        const credential = url.searchParams.get('t');
        const caller = credential ? this.auth.fromCredential(credential) : this.auth.fromHeader(req.headers.authorization);
        await this.auth.conversation(caller, conversationId);
        const watermark = parseWatermark(url.searchParams.get('watermark'));
        if (socket.destroyed) {
            return;
        }
        // Checked and counted with no await in between, so parallel handshakes cannot pass the cap together.
        const open = this.perConversation.get(conversationId) ?? 0;
        if (open >= this.maxPerConversation) {
            throw new HttpError(429, 'TooManyStreams', `A conversation can have at most ${this.maxPerConversation} streams open; close one first.`);
        }
        this.perConversation.set(conversationId, open + 1);
        let released = false;
        const release = (): void => {
            if (!released) {
                released = true;
                const left = (this.perConversation.get(conversationId) ?? 1) - 1;
                if (left > 0) {
                    this.perConversation.set(conversationId, left);
                } else {
                    this.perConversation.delete(conversationId);
                }
            }
        };
        let accepted = false;
        // A handshake ws refuses (bad headers) ends with the socket; an accepted one hands over to the WebSocket.
        socket.once('close', () => {
            if (!accepted) {
                release();
            }
        });
        await new Promise<void>((resolve) => {
            this.server.handleUpgrade(req, socket, head, (ws) => {
                accepted = true;
                const connection = new StreamConnection(ws, conversationId, watermark, this.store);
                this.connections.add(connection);
                ws.once('close', () => {
                    release();
                    connection.stop();
                    this.connections.delete(connection);
                    this.tell('closed', conversationId);
                });
                connection.start();
                this.tell('opened', conversationId);
                resolve();
            });
        });
    }
}

/** One client's stream: delivers in watermark order, reading from the store to fill any gap. */
class StreamConnection {
    private queue: Promise<void> = Promise.resolve();
    private unsubscribe?: () => void;
    private alive = true;

    public constructor(private readonly ws: WebSocket, private readonly conversationId: string, private watermark: number, private readonly store: DirectLineStore) {}

    public start(): void {
        this.ws.on('pong', () => {
            this.alive = true;
        });
        // Clients send empty keep-alive messages; anything they send is ignored (posting is over REST).
        this.ws.on('message', () => undefined);
        this.ws.on('error', (err) => log.debug('stream error', { conversation: this.conversationId, error: err }));
        this.unsubscribe = this.store.subscribe(this.conversationId, (stored) => this.enqueue(() => this.deliver(stored)));
        this.enqueue(() => this.catchUp());
    }

    public stop(): void {
        this.unsubscribe?.();
    }

    public checkAlive(): void {
        if (!this.alive) {
            this.ws.terminate();
            return;
        }
        this.alive = false;
        this.ws.ping();
        // A new activity whose notice was missed (the bus between instances was reconnecting) still arrives.
        this.enqueue(() => this.catchUp());
    }

    public close(code: number, reason: string): void {
        this.ws.close(code, reason);
    }

    private enqueue(task: () => Promise<void>): void {
        this.queue = this.queue.then(task).catch((err: unknown) => {
            log.warn('stream delivery failed; closing the stream so the client reconnects', { conversation: this.conversationId, error: err });
            this.ws.close(1011, 'Delivery failed.');
        });
    }

    private async deliver(appended: AppendedActivity): Promise<void> {
        if (appended.seq <= this.watermark) {
            return;
        }
        if (appended.seq === this.watermark + 1 && appended.activity) {
            this.send([{ seq: appended.seq, activity: appended.activity }]);
            return;
        }
        await this.catchUp();
    }

    private async catchUp(): Promise<void> {
        for (;;) {
            const batch = await this.store.after(this.conversationId, this.watermark);
            if (batch.length === 0 || this.ws.readyState !== WebSocket.OPEN) {
                return;
            }
            this.send(batch);
        }
    }

    private send(batch: readonly StoredActivity[]): void {
        if (this.ws.readyState !== WebSocket.OPEN) {
            return;
        }
        if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
            this.ws.terminate();
            return;
        }
        // One activity per message: botframework-directlinejs (Web Chat's client) hands out the activities of each
        // message one per timer tick and starts on the next message at once, so a message arriving while a longer
        // one is being handed out would interleave with it (seen as watermark 52 before 4 after a reconnect).
        for (const stored of batch) {
            this.watermark = stored.seq;
            this.ws.send(JSON.stringify({ activities: [stored.activity], watermark: String(stored.seq) }));
        }
    }
}

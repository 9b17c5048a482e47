import * as crypto from 'crypto';
import { Client, type ClientConfig } from 'pg';
import { getLogger } from '../core/logger';
import { BusListeners, type BusListener, type MessageBus } from './messageBus';

const log = getLogger('data.postgresBus');

/** First wait before connecting again after the listening connection broke; doubled up to {@link MAX_BACKOFF_MS}. */
const FIRST_BACKOFF_MS = 200;
const MAX_BACKOFF_MS = 10_000;

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes and more. */
const MAX_PAYLOAD_BYTES = 7900;

/** Sends a NOTIFY on some connection of the database (its pool). */
export type Notify = (channel: string, payload: string) => Promise<void>;

interface Envelope {
    /** The instance that published it: it has told its own listeners already. */
    readonly o: string;
    readonly t: string;
    readonly d: string;
}

/**
 * A {@link MessageBus} over PostgreSQL's LISTEN/NOTIFY: one dedicated
 * connection per process listens on one channel (named after the database
 * and schema, so several schemas on one server do not hear each other);
 * messages are sent through the database's pool. A broken listening
 * connection is opened again with backoff; what was published meanwhile is
 * missed (receivers read the state from the database).
 */
export class PostgresBus implements MessageBus {
    private readonly listeners = new BusListeners();
    private readonly origin = crypto.randomUUID();
    private client?: Client;
    private backoffMs = FIRST_BACKOFF_MS;
    private retry?: NodeJS.Timeout;
    private closed = false;
    private connected: Promise<void>;

    public constructor(
        private readonly connection: ClientConfig,
        private readonly channel: string,
        private readonly notify: Notify
    ) {
        if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) {
            throw new Error('PostgresBus: the channel must be a lower-case SQL name');
        }
        this.connected = this.connect();
    }

    /** Resolves once the first LISTEN is in place (or failed and a retry is scheduled). */
    public ready(): Promise<void> {
        return this.connected;
    }

    public publish(topic: string, data: string): void {
        this.listeners.deliver(topic, data);
        const payload = JSON.stringify({ o: this.origin, t: topic, d: data } satisfies Envelope);
        if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
            log.error('bus message too large; other instances are not told', { topic, bytes: Buffer.byteLength(payload) });
            return;
        }
        if (this.closed) {
            return;
        }
        this.notify(this.channel, payload).catch((err: Error) => log.warn('bus message not sent to other instances', { topic, error: err.message }));
    }

    public subscribe(topic: string, listener: BusListener): () => void {
        return this.listeners.add(topic, listener);
    }

    public async close(): Promise<void> {
        this.closed = true;
        clearTimeout(this.retry);
        const client = this.client;
        this.client = undefined;
        await client?.end().catch(() => undefined);
    }

    private async connect(): Promise<void> {
        const client = new Client(this.connection);
        // Errors of an idle connection come as events: never thrown out of here, answered by connecting again.
        client.on('error', (err) => this.broken(client, err));
        client.on('end', () => this.broken(client, new Error('connection ended')));
        client.on('notification', (message) => {
            if (message.channel === this.channel && message.payload) {
                this.received(message.payload);
            }
        });
        try {
            await client.connect();
            await client.query(`LISTEN ${this.channel}`);
            if (this.closed) {
                await client.end();
                return;
            }
            this.client = client;
            if (this.backoffMs > FIRST_BACKOFF_MS) {
                log.info('bus listening again', { channel: this.channel });
            }
            this.backoffMs = FIRST_BACKOFF_MS;
        } catch (err) {
            this.broken(client, err as Error);
        }
    }

    private broken(client: Client, err: Error): void {
        if (this.closed || (this.client !== undefined && this.client !== client)) {
            return;
        }
        this.client = undefined;
        // The old connection is done with: nothing it reports later counts.
        client.removeAllListeners();
        client.on('error', () => undefined);
        void client.end().catch(() => undefined);
        if (this.retry) {
            return;
        }
        log.warn('bus connection lost; listening again soon', { channel: this.channel, error: err.message, retryMs: this.backoffMs });
        this.retry = setTimeout(() => {
            this.retry = undefined;
            void this.connect();
        }, this.backoffMs);
        this.retry.unref();
        this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
    }

    private received(payload: string): void {
        let envelope: Envelope;
        try {
            envelope = JSON.parse(payload) as Envelope;
        } catch {
            log.warn('bus message not understood', { channel: this.channel });
            return;
        }
        if (envelope.o === this.origin || typeof envelope.t !== 'string' || typeof envelope.d !== 'string') {
            return;
        }
        this.listeners.deliver(envelope.t, envelope.d);
    }
}

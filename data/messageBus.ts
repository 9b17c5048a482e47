import { getLogger } from '../core/logger';

const log = getLogger('data.messageBus');

/** Receives the messages of one topic; `data` is what {@link MessageBus.publish} was given. */
export type BusListener = (data: string) => void;

/**
 * Tells every instance of the bot on the same database that something
 * changed (a Direct Line reply stored, a handoff event). Messages are small
 * (ids, not content): receivers read what changed from the database.
 * Delivery is at most once and not durable: a receiver that misses one (its
 * bus was reconnecting) must catch up from the database on its own terms.
 */
export interface MessageBus {
    /** Tells the listeners of `topic` on every instance, this one included (here at once). Never throws. */
    publish(topic: string, data: string): void;
    /** Calls `listener` for every message on `topic` from now on; returns the function that stops it. */
    subscribe(topic: string, listener: BusListener): () => void;
    /** Stops receiving (shutdown). Safe to call twice. */
    close(): Promise<void>;
}

/** The listeners of each topic, and their calls with errors caught (a listener never breaks the bus). */
export class BusListeners {
    private readonly topics = new Map<string, Set<BusListener>>();

    public add(topic: string, listener: BusListener): () => void {
        let listeners = this.topics.get(topic);
        if (!listeners) {
            listeners = new Set();
            this.topics.set(topic, listeners);
        }
        listeners.add(listener);
        return () => {
            listeners.delete(listener);
            if (listeners.size === 0 && this.topics.get(topic) === listeners) {
                this.topics.delete(topic);
            }
        };
    }

    public deliver(topic: string, data: string): void {
        for (const listener of this.topics.get(topic) ?? []) {
            try {
                listener(data);
            } catch (err) {
                log.error('bus listener failed', { topic, error: err });
            }
        }
    }
}

/** The bus of a single instance (SQLite): messages go to this process's listeners only. */
export class InProcessBus implements MessageBus {
    private readonly listeners = new BusListeners();

    public publish(topic: string, data: string): void {
        this.listeners.deliver(topic, data);
    }

    public subscribe(topic: string, listener: BusListener): () => void {
        return this.listeners.add(topic, listener);
    }

    public close(): Promise<void> {
        return Promise.resolve();
    }
}

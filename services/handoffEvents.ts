import { InProcessBus, type MessageBus } from '../data/messageBus';
import type { DeliveryStatus } from '../data/repositories/proactiveDeliveryRepository';
import { getLogger } from '../core/logger';

const log = getLogger('services.handoffEvents');

/** What the agents' live channel is told. Ids only: it reads the content through the API, where access is checked. */
export type HandoffEvent =
    /** The queue, a handoff's status or the callback list changed: reload the queue. */
    | { readonly type: 'queue' }
    /** A new line in a handoff's exchange; `agentLogin` is who has the conversation (null while waiting). */
    | { readonly type: 'message'; readonly handoffId: number; readonly agentLogin: string | null; readonly messageId: number }
    /** The person is typing; only the agent who has the conversation is told. */
    | { readonly type: 'typing'; readonly handoffId: number; readonly agentLogin: string | null }
    /** A handoff ended (`reason` when the person ended it) or changed hands. */
    | { readonly type: 'handoff'; readonly handoffId: number; readonly status: string; readonly agentLogin: string | null; readonly reason?: string }
    /** The delivery of an agent's message to the person changed (sent, delivered, failed, retried). */
    | { readonly type: 'delivery'; readonly handoffId: number; readonly agentLogin: string | null; readonly messageId: number; readonly delivery: DeliveryStatus; readonly attempts: number };

/** The bus topic of handoff events. */
const TOPIC = 'handoff.event';

const TYPES: ReadonlySet<string> = new Set(['queue', 'message', 'typing', 'handoff', 'delivery']);

/**
 * Listeners of handoff changes (the agent console's live channel
 * subscribes). Events travel over the {@link MessageBus}, so a console on
 * any instance hears what happened on every other one.
 */
export class HandoffEvents {
    private readonly listeners = new Set<(event: HandoffEvent) => void>();

    /** @param bus shared by the instances on one database; by default this process only. */
    public constructor(private readonly bus: MessageBus = new InProcessBus()) {
        bus.subscribe(TOPIC, (data) => this.received(data));
    }

    /** Subscribes; returns the function that unsubscribes. */
    public subscribe(listener: (event: HandoffEvent) => void): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    /** Tells the listeners on every instance (this one at once). */
    public emit(event: HandoffEvent): void {
        this.bus.publish(TOPIC, JSON.stringify(event));
    }

    private received(data: string): void {
        const event = JSON.parse(data) as HandoffEvent;
        if (typeof event !== 'object' || event === null || !TYPES.has(event.type)) {
            log.warn('handoff event not understood');
            return;
        }
        for (const listener of this.listeners) {
            listener(event);
        }
    }
}

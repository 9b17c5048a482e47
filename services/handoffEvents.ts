import type { HandoffMessage } from '../data/handoffModel';
import type { DeliveryStatus } from '../data/repositories/proactiveDeliveryRepository';

/** What the agents' live channel is told. */
export type HandoffEvent =
    /** The queue, a handoff's status or the callback list changed: reload the queue. */
    | { readonly type: 'queue' }
    /** A new line in a handoff's exchange; `agentLogin` is who has the conversation (null while waiting). */
    | { readonly type: 'message'; readonly handoffId: number; readonly agentLogin: string | null; readonly message: HandoffMessage }
    /** The person is typing; only the agent who has the conversation is told. */
    | { readonly type: 'typing'; readonly handoffId: number; readonly agentLogin: string | null }
    /** A handoff ended (`reason` when the person ended it) or changed hands. */
    | { readonly type: 'handoff'; readonly handoffId: number; readonly status: string; readonly agentLogin: string | null; readonly reason?: string }
    /** The delivery of an agent's message to the person changed (sent, delivered, failed, retried). */
    | { readonly type: 'delivery'; readonly handoffId: number; readonly agentLogin: string | null; readonly messageId: number; readonly delivery: DeliveryStatus; readonly attempts: number };

/** Listeners of handoff changes (the agent console's live channel subscribes). */
export class HandoffEvents {
    private readonly listeners = new Set<(event: HandoffEvent) => void>();

    /** Subscribes; returns the function that unsubscribes. */
    public subscribe(listener: (event: HandoffEvent) => void): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    public emit(event: HandoffEvent): void {
        for (const listener of this.listeners) {
            listener(event);
        }
    }
}

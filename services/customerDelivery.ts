import { CoalescingRunner } from '../core/coalescingRunner';
import type { ConversationReference } from 'botbuilder';
import type { Clock } from '../core/clock';
import { getLogger } from '../core/logger';
import { PROACTIVE_ID_PREFIX, type ProactiveInstruction } from '../turn/proactiveTurn';
import type { ConversationReferenceRepository } from '../data/repositories/conversationReferenceRepository';
import type { HandoffRepository } from '../data/repositories/handoffRepository';
import type { Delivery, DeliveryStatus, ProactiveDeliveryRepository } from '../data/repositories/proactiveDeliveryRepository';
import type { HandoffEvents } from './handoffEvents';

const log = getLogger('services.customerDelivery');

/** How deliveries are retried. */
export interface DeliveryPolicy {
    /** Wait before the second attempt; doubled for each further one. */
    readonly firstRetryMs: number;
    /** Longest wait between two attempts. */
    readonly maxRetryMs: number;
    /** Attempts before a delivery is marked failed (an agent can send it again). */
    readonly maxAttempts: number;
    /** How often the outbox is looked at for due retries. */
    readonly pollMs: number;
}

/** About two minutes of retries: 1, 2, 4, 8, 16, 32, 60 s. */
export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = { firstRetryMs: 1000, maxRetryMs: 60_000, maxAttempts: 8, pollMs: 1000 };

/**
 * How a message reaches the person: the channel layer runs the bot's
 * proactive turn that carries out the instruction in the person's own
 * conversation (`ProactiveBotTurns` in channels/proactive.ts). Owned here, so
 * services never import a channel or the bot.
 */
export interface CustomerNotifier {
    /**
     * Runs the turn with the id `activityId` in the conversation of `reference`;
     * rejects when the channel refused it or the turn failed.
     */
    notify(reference: Partial<ConversationReference>, activityId: string, instruction: ProactiveInstruction): Promise<void>;
}

/** The activity id of a delivery's proactive turn: the retry guard and the Direct Line dedupe key both use it. */
export function proactiveActivityId(deliveryId: number): string {
    return `${PROACTIVE_ID_PREFIX}${deliveryId}`;
}

/**
 * Brings the bot's own messages to a person (agent messages, queue updates,
 * hand-back), durably. {@link enqueue} writes the message to the outbox
 * (`proactive_deliveries`) and returns; a worker sends what is due: it runs a
 * proactive turn through the conversation's own channel
 * ({@link CustomerNotifier} with the stored reference), in which the bot
 * carries out the {@link ProactiveInstruction} under its usual
 * one-turn-at-a-time lock, with the activity id `proactive-<row id>`. When
 * the channel refuses, the delivery is retried with exponential backoff and
 * after {@link DeliveryPolicy.maxAttempts} marked failed. A conversation's
 * messages go out in the order they were written. Pending rows are picked up
 * again after a restart.
 *
 * Exactly once: a turn whose state was saved is not run again (the bot's
 * retry guard remembers the activity id), and on the built-in Direct Line an
 * activity of a turn run again after a crash is not stored twice (dedupe
 * key). Through `/api/messages` a crash after the channel took a message and
 * before the turn's state was saved sends it again (at least once).
 *
 * Never await a delivery inside a turn: turns enqueue and move on.
 */
export class CustomerDelivery {
    private timer?: NodeJS.Timeout;
    private readonly rounds = new CoalescingRunner(() => this.pump(), (err) => log.error('delivery worker failed', { error: err }));
    private stopped = false;
    private readonly running = new Set<string>();
    private readonly inFlight = new Set<Promise<void>>();

    private notifier?: CustomerNotifier;

    public constructor(
        private readonly references: ConversationReferenceRepository,
        private readonly deliveries: ProactiveDeliveryRepository,
        private readonly handoffs: HandoffRepository,
        private readonly events: HandoffEvents,
        private readonly clock: Clock,
        private readonly policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY
    ) {}

    /**
     * Gives the worker its way to the person, once the bot exists (the bot's
     * handoff gate needs this outbox, so the outbox comes first); until then
     * messages wait in the outbox.
     */
    public connect(notifier: CustomerNotifier): void {
        this.notifier = notifier;
    }

    /** Writes the message to the outbox and starts sending it; resolves with the delivery id once it is stored. */
    public async enqueue(conversationKey: string, instruction: ProactiveInstruction, handoffId?: number): Promise<number> {
        const id = await this.deliveries.add({ conversationKey, instruction, handoffId }, this.clock.now().getTime());
        this.kick();
        return id;
    }

    /** Looks for due deliveries now (after a message was written elsewhere, e.g. with its line of the exchange). */
    public kick(): void {
        if (this.stopped) {
            return;
        }
        this.rounds.request();
    }

    /** An agent sends a failed message again; false when it had not failed. */
    public async retry(deliveryId: number): Promise<boolean> {
        if (!(await this.deliveries.retry(deliveryId, this.clock.now().getTime()))) {
            return false;
        }
        // What was written, not the row read again: the worker may already be on its next attempt.
        const delivery = await this.deliveries.get(deliveryId);
        if (delivery) {
            await this.announce(delivery, 'pending', 0);
        }
        this.kick();
        return true;
    }

    /**
     * Sends what is pending (from before a restart too) and keeps looking
     * every {@link DeliveryPolicy.pollMs}. (Delivered rows are deleted by the
     * retention keeper, services/retention.ts.)
     */
    public start(): void {
        this.stopped = false;
        if (!this.timer) {
            this.timer = setInterval(() => this.kick(), this.policy.pollMs);
            this.timer.unref();
            this.kick();
        }
    }

    /** Stops looking for due deliveries and waits for those under way. */
    public async stop(): Promise<void> {
        this.stopped = true;
        if (this.timer) {
            clearInterval(this.timer);
            this.timer = undefined;
        }
        await this.idle();
    }

    /** Resolves when the deliveries due now are done or waiting for a retry (tests, shutdown). */
    public async idle(): Promise<void> {
        while (this.rounds.busy || this.inFlight.size > 0) {
            await this.rounds.idle();
            await Promise.all([...this.inFlight]);
        }
    }

    private async pump(): Promise<void> {
        const notifier = this.notifier;
        if (!notifier) {
            return;
        }
        for (const delivery of await this.deliveries.due(this.clock.now().getTime())) {
            if (this.running.has(delivery.conversationKey)) {
                continue;
            }
            this.running.add(delivery.conversationKey);
            const run: Promise<void> = this.send(delivery, notifier)
                .then(
                    // The conversation's next message may be waiting for this one.
                    () => true,
                    (err: unknown) => {
                        // The database failed us: leave the row to the next round of the timer instead of trying again at once.
                        log.error('delivery bookkeeping failed', { delivery: delivery.id, error: err });
                        return false;
                    }
                )
                .then((next) => {
                    this.running.delete(delivery.conversationKey);
                    this.inFlight.delete(run);
                    if (next) {
                        this.kick();
                    }
                });
            this.inFlight.add(run);
        }
    }

    private async send(delivery: Delivery, notifier: CustomerNotifier): Promise<void> {
        const attempts = await this.deliveries.countAttempt(delivery.id);
        const instruction = delivery.instruction as ProactiveInstruction;
        try {
            const reference = await this.references.get(delivery.conversationKey);
            if (!reference) {
                log.warn('no conversation reference stored; message not delivered', { conversation: delivery.conversationKey, kind: instruction.kind });
                await this.deliveries.attemptFailed(delivery.id, 'no conversation reference', undefined);
                await this.announce(delivery, 'failed', attempts);
                return;
            }
            await notifier.notify(reference, proactiveActivityId(delivery.id), instruction);
        } catch (err) {
            const retryAt = attempts < this.policy.maxAttempts ? this.clock.now().getTime() + this.backoff(attempts) : undefined;
            log.warn(retryAt === undefined ? 'proactive delivery failed; giving up' : 'proactive delivery failed; will retry', {
                conversation: delivery.conversationKey,
                kind: instruction.kind,
                attempts,
                error: err
            });
            await this.deliveries.attemptFailed(delivery.id, (err as Error)?.message ?? String(err), retryAt);
            await this.announce(delivery, retryAt === undefined ? 'failed' : 'pending', attempts);
            return;
        }
        await this.deliveries.delivered(delivery.id, this.clock.now().getTime());
        await this.announce(delivery, 'delivered', attempts);
    }

    private backoff(attempts: number): number {
        return Math.min(this.policy.maxRetryMs, this.policy.firstRetryMs * 2 ** Math.max(0, attempts - 1));
    }

    /**
     * Tells the console about a change of an agent message's delivery: the
     * status and attempts this change wrote (reading the row again could
     * report a later change, or skip this one, when the worker has moved on).
     */
    private async announce(delivery: Delivery, status: DeliveryStatus, attempts: number): Promise<void> {
        if (delivery.handoffId === null || delivery.messageId === null) {
            return;
        }
        const handoff = await this.handoffs.get(delivery.handoffId);
        this.events.emit({
            type: 'delivery',
            handoffId: delivery.handoffId,
            agentLogin: handoff?.agentLogin ?? null,
            messageId: delivery.messageId,
            delivery: status,
            attempts
        });
    }
}

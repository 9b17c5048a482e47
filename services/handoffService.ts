import type { ConversationReference } from 'botbuilder';
import type { HandoffSettings } from '../config';
import type { Clock } from '../core/clock';
import type { Lang } from '../core/language';
import { getLogger } from '../core/logger';
import type { Handoff, HandoffContext, TranscriptLine } from '../data/handoffModel';
import type { AuditLog } from '../data/repositories/auditLog';
import type { ConversationReferenceRepository } from '../data/repositories/conversationReferenceRepository';
import type { HandoffRepository } from '../data/repositories/handoffRepository';
import { ALWAYS_DUE, type JobGate } from '../data/repositories/jobSchedule';
import type { AgentDirectory } from './agentDirectory';
import type { CustomerDelivery } from './customerDelivery';
import type { HandoffEvents } from './handoffEvents';
import { safeForAgents } from './handoffSnapshot';

/** Whether a chat with an agent can start now, and if not, why. */
export type Availability = 'open' | 'closed' | 'no-agent';

/** What the person is told after joining the queue. */
export interface QueuePlace {
    readonly handoff: Handoff;
    readonly position: number;
    readonly estimateMinutes: number;
}

/** A conversation asking for an agent. */
export interface EscalationRequest {
    readonly conversationKey: string;
    readonly reference: Partial<ConversationReference>;
    readonly lang: Lang;
    readonly channelId: string;
    readonly description?: string;
    readonly context: HandoffContext;
    readonly history: readonly TranscriptLine[];
}

/** Assumed wait per person ahead while there is no history to learn from. */
const DEFAULT_WAIT_MS = 3 * 60_000;

const log = getLogger('services.handoff');

/**
 * The customer side of the handoff: availability (business hours, agents
 * online), the queue with positions and estimates, updates when the queue
 * moves, messages from the person to the agent, and the wait timeout.
 */
export class HandoffService {
    private timer?: NodeJS.Timeout;
    private sweeping?: Promise<void>;
    private notifying: Promise<void> = Promise.resolve();

    public constructor(
        private readonly handoffs: HandoffRepository,
        private readonly references: ConversationReferenceRepository,
        private readonly agents: AgentDirectory,
        private readonly delivery: CustomerDelivery,
        private readonly events: HandoffEvents,
        private readonly audit: AuditLog,
        private readonly clock: Clock,
        public readonly settings: HandoffSettings
    ) {}

    /** Can a person in `lang` chat with an agent now? */
    public async availability(lang: Lang): Promise<Availability> {
        if (!this.settings.businessHours.isOpen(this.clock.now())) {
            return 'closed';
        }
        // An agent who is away is signed in but takes no new conversations.
        return (await this.agents.available(lang)).length > 0 ? 'open' : 'no-agent';
    }

    /** Queues the conversation (once) and says where it stands. */
    public async enqueue(request: EscalationRequest): Promise<QueuePlace> {
        const now = this.clock.now().getTime();
        await this.references.save(request.conversationKey, request.reference, now);
        const handoff = await this.handoffs.create(
            {
                conversationKey: request.conversationKey,
                lang: request.lang,
                channelId: request.channelId,
                // Masked like the transcript: the description is what the person typed, too.
                description: request.description === undefined ? undefined : safeForAgents(request.description, request.context.identity?.email),
                context: request.context,
                history: request.history
            },
            now
        );
        const position = await this.positionOf(handoff.id);
        await this.handoffs.setToldPosition(handoff.id, position);
        await this.audit.record(`conversation:${request.conversationKey}`, 'handoff.queued', `handoff:${handoff.id}`, { lang: request.lang, reason: request.context.reason });
        log.info('conversation queued for an agent', { handoff: handoff.id, position });
        this.events.emit({ type: 'queue' });
        return { handoff, position, estimateMinutes: await this.estimateMinutes(position, request.lang) };
    }

    /** The conversation's waiting or active handoff. */
    public openFor(conversationKey: string): Promise<Handoff | undefined> {
        return this.handoffs.openFor(conversationKey);
    }

    /** Where a waiting handoff stands now, and the estimate. */
    public async place(handoff: Handoff): Promise<QueuePlace> {
        const position = await this.positionOf(handoff.id);
        return { handoff, position, estimateMinutes: await this.estimateMinutes(position, handoff.lang) };
    }

    /** The person leaves the queue; false when they were not waiting. */
    public async cancelWaiting(conversationKey: string): Promise<boolean> {
        const open = await this.handoffs.openFor(conversationKey);
        if (!open || open.status !== 'waiting' || !(await this.handoffs.close(open.id, 'cancelled', this.clock.now().getTime()))) {
            return false;
        }
        await this.audit.record(`conversation:${conversationKey}`, 'handoff.cancelled', `handoff:${open.id}`);
        this.queueChanged();
        return true;
    }

    /**
     * A message from the person while their handoff is open: masked like the
     * description (codes hidden, other people's emails masked, invisible
     * characters removed), stored for the agent and pushed to the console;
     * the reference is kept current.
     */
    public async fromCustomer(handoff: Handoff, text: string, reference: Partial<ConversationReference>, lang: Lang): Promise<void> {
        const now = this.clock.now().getTime();
        await this.references.save(handoff.conversationKey, reference, now);
        await this.handoffs.setLang(handoff.id, lang);
        const message = await this.handoffs.addMessage(handoff.id, 'customer', safeForAgents(text, handoff.context.identity?.email), now);
        this.events.emit({ type: 'message', handoffId: handoff.id, agentLogin: handoff.agentLogin, messageId: message.id });
    }

    /** The person is typing while an agent has the conversation: that agent's console shows it. */
    public customerTyping(handoff: Handoff): void {
        if (handoff.status === 'active') {
            this.events.emit({ type: 'typing', handoffId: handoff.id, agentLogin: handoff.agentLogin });
        }
    }

    /**
     * The person ends their live chat: the handoff closes (`customer-ended`),
     * the agent sees a line and the change live. Returns the agent's name, or
     * undefined when the chat was no longer active.
     */
    public async endByCustomer(handoff: Handoff): Promise<string | undefined> {
        const now = this.clock.now().getTime();
        if (handoff.status !== 'active' || !(await this.handoffs.close(handoff.id, 'customer-ended', now))) {
            return undefined;
        }
        const message = await this.handoffs.addMessage(handoff.id, 'system', JSON.stringify({ event: 'customerEnded', args: {} }), now);
        this.events.emit({ type: 'message', handoffId: handoff.id, agentLogin: handoff.agentLogin, messageId: message.id });
        this.events.emit({ type: 'handoff', handoffId: handoff.id, status: 'closed', agentLogin: handoff.agentLogin, reason: 'customer-ended' });
        await this.audit.record(`conversation:${handoff.conversationKey}`, 'handoff.customer-ended', `handoff:${handoff.id}`);
        this.queueChanged();
        return this.agentNameOf(handoff);
    }

    /**
     * The person's chat page has been closed past the grace period: their
     * open handoff is marked (a waiting one goes behind the people still
     * there, who hear their better place), the agents see it live and a line
     * in the exchange. Nothing when there is no open handoff or it is marked.
     */
    public async customerAway(conversationKey: string): Promise<void> {
        await this.presenceChanged(conversationKey, this.clock.now().getTime());
    }

    /** The person's page is open again: the mark goes, and the agents see it. */
    public async customerBack(conversationKey: string): Promise<void> {
        await this.presenceChanged(conversationKey, null);
    }

    private async presenceChanged(conversationKey: string, awaySince: number | null): Promise<void> {
        const handoff = await this.handoffs.setCustomerAway(conversationKey, awaySince);
        if (!handoff) {
            return;
        }
        const now = this.clock.now().getTime();
        log.info(awaySince === null ? "the person's chat page is open again" : "the person's chat page was closed", { handoff: handoff.id });
        const message = await this.handoffs.addMessage(handoff.id, 'system', JSON.stringify({ event: awaySince === null ? 'customerBack' : 'customerAway', args: {} }), now);
        this.events.emit({ type: 'message', handoffId: handoff.id, agentLogin: handoff.agentLogin, messageId: message.id });
        this.queueChanged();
    }

    /** The name of the agent who has (or had) the handoff, as the person sees it. */
    public async agentNameOf(handoff: Handoff): Promise<string> {
        const agent = handoff.agentLogin ? await this.agents.get(handoff.agentLogin) : undefined;
        return agent?.name ?? handoff.agentLogin ?? '';
    }

    /**
     * Tells every waiting person whose place changed their new position. Runs
     * after the queue moved; deliveries are started, not awaited.
     */
    public async notifyPositions(): Promise<void> {
        const waiting = await this.handoffs.waiting();
        for (const [index, handoff] of waiting.entries()) {
            const position = index + 1;
            if (handoff.toldPosition !== null && position >= handoff.toldPosition) {
                continue;
            }
            await this.handoffs.setToldPosition(handoff.id, position);
            const minutes = await this.estimateMinutes(position, handoff.lang);
            await this.delivery.enqueue(handoff.conversationKey, { kind: 'say', key: position === 1 ? 'escalate:positionNext' : 'escalate:positionUpdate', args: { position, minutes } }, handoff.id);
        }
    }

    /** The queue moved: agents reload it, and waiting people hear their new place (one round at a time). */
    public queueChanged(): void {
        this.events.emit({ type: 'queue' });
        this.notifying = this.notifying.then(() => this.notifyPositions()).catch((err: unknown) => log.error('position updates failed', { error: err }));
    }

    /** Resolves when position updates and deliveries started so far are done (tests, shutdown). */
    public async idle(): Promise<void> {
        await this.notifying;
        await this.delivery.idle();
    }

    /**
     * Waiting longer than the timeout → the bot offers a callback instead; an
     * agent gone silent for as long → the bot takes the conversation back.
     */
    public async sweep(): Promise<void> {
        const now = this.clock.now().getTime();
        const timeout = this.settings.waitTimeoutMs;
        let moved = false;
        for (const handoff of await this.handoffs.waiting()) {
            if (now - handoff.waitingSince >= timeout && (await this.handoffs.close(handoff.id, 'timed-out', now))) {
                moved = true;
                log.info('queue wait timed out; offering a callback', { handoff: handoff.id });
                await this.delivery.enqueue(handoff.conversationKey, {
                    kind: 'resume',
                    key: 'escalate:waitTimedOut',
                    args: { minutes: Math.round(timeout / 60_000) },
                    options: { understood: { intent: 'talk-to-human', score: 1, language: handoff.lang }, escalate: { callbackReason: 'timeout', description: handoff.description ?? undefined } }
                }, handoff.id);
            }
        }
        const online = new Set((await this.agents.online()).map((a) => a.login));
        for (const handoff of await this.handoffs.active()) {
            if (handoff.agentLogin && !online.has(handoff.agentLogin) && (handoff.acceptedAt ?? now) <= now - timeout) {
                if (await this.handoffs.close(handoff.id, 'agent-gone', now)) {
                    moved = true;
                    log.warn('agent went offline during a conversation; the bot takes it back', { handoff: handoff.id });
                    await this.delivery.enqueue(handoff.conversationKey, { kind: 'resume', key: 'escalate:agentGone', options: { again: true } });
                }
            }
        }
        if (moved) {
            this.queueChanged();
        }
    }

    /**
     * The agent signed out: each of their open chats goes back to the queue at
     * once when another agent who speaks the person's language is available,
     * else to the bot; the person is told right away either way, and the
     * console shows a line. Returns how many chats were released.
     */
    public async releaseAgent(agent: { readonly login: string; readonly name: string }): Promise<number> {
        const now = this.clock.now().getTime();
        let released = 0;
        for (const handoff of await this.handoffs.active(agent.login)) {
            const others = (await this.agents.available(handoff.lang)).filter((a) => a.login !== agent.login);
            if (others.length > 0 && (await this.handoffs.requeue(handoff.id, agent.login, now))) {
                released++;
                const position = await this.positionOf(handoff.id);
                await this.handoffs.setToldPosition(handoff.id, position);
                const minutes = await this.estimateMinutes(position, handoff.lang);
                await this.systemLine(handoff, 'signedOutQueued', agent, now);
                await this.delivery.enqueue(handoff.conversationKey, { kind: 'say', key: 'escalate:agentLeftQueued', args: { name: agent.name, position, minutes } }, handoff.id);
                await this.audit.record(`agent:${agent.login}`, 'handoff.requeued', `handoff:${handoff.id}`);
            } else if (others.length === 0 && (await this.handoffs.close(handoff.id, 'agent-gone', now))) {
                released++;
                await this.systemLine(handoff, 'signedOutBot', agent, now);
                await this.delivery.enqueue(handoff.conversationKey, { kind: 'resume', key: 'escalate:agentLeft', args: { name: agent.name }, options: { again: true } }, handoff.id);
                await this.audit.record(`agent:${agent.login}`, 'handoff.agent-signed-out', `handoff:${handoff.id}`);
                this.events.emit({ type: 'handoff', handoffId: handoff.id, status: 'closed', agentLogin: agent.login, reason: 'agent-gone' });
            }
        }
        if (released > 0) {
            log.info('agent signed out with open chats; released them', { agent: agent.login, released });
            this.queueChanged();
        }
        return released;
    }

    /** A line in the handoff's exchange for the agents (worded by the console in the agent's language). */
    private async systemLine(handoff: Handoff, event: string, agent: { readonly login: string; readonly name: string }, now: number): Promise<void> {
        const message = await this.handoffs.addMessage(handoff.id, 'system', JSON.stringify({ event, args: { name: agent.name } }), now, agent.login);
        this.events.emit({ type: 'message', handoffId: handoff.id, agentLogin: null, messageId: message.id });
    }

    /**
     * Sweeps every 15 seconds until {@link stop}; with several instances on
     * one database, only the one that claims the due time from `jobs`.
     */
    public start(intervalMs = 15_000, jobs: JobGate = ALWAYS_DUE): void {
        if (!this.timer) {
            this.timer = setInterval(() => {
                this.sweeping ??= jobs
                    .claim('handoff-sweep', intervalMs)
                    .then((due) => (due ? this.sweep() : undefined))
                    .catch((err: unknown) => log.error('handoff sweep failed', { error: err }))
                    .finally(() => (this.sweeping = undefined));
            }, intervalMs);
            this.timer.unref();
        }
    }

    /** Stops sweeping and waits for deliveries already started. */
    public async stop(): Promise<void> {
        if (this.timer) {
            clearInterval(this.timer);
            this.timer = undefined;
        }
        await this.sweeping;
        await this.idle();
    }

    private async positionOf(id: number): Promise<number> {
        const waiting = await this.handoffs.waiting();
        const index = waiting.findIndex((h) => h.id === id);
        return index < 0 ? 1 : index + 1;
    }

    /** Minutes until an agent is free: the recent average wait per person ahead, shared by the agents online. */
    private async estimateMinutes(position: number, lang: Lang): Promise<number> {
        const waits = await this.handoffs.recentWaits(20);
        const average = waits.length > 0 ? waits.reduce((a, b) => a + b, 0) / waits.length : DEFAULT_WAIT_MS;
        const agents = Math.max(1, (await this.agents.available(lang)).length);
        return Math.max(1, Math.ceil((Math.max(average, 60_000) * position) / agents / 60_000));
    }
}

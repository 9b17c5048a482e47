import type { Clock } from '../core/clock';
import type { Intent } from '../language/nlu';
import type { ProactiveInstruction } from '../turn/proactiveTurn';
import type { Agent, CallbackRequest, Handoff, HandoffMessage } from '../data/handoffModel';
import type { AuditLog } from '../data/repositories/auditLog';
import type { CallbackRepository } from '../data/repositories/callbackRepository';
import type { ChangeRequest, ChangeRequestRepository } from '../data/repositories/changeRequestRepository';
import type { HandoffRepository } from '../data/repositories/handoffRepository';
import type { Delivery, ProactiveDeliveryRepository } from '../data/repositories/proactiveDeliveryRepository';
import type { CustomerDelivery } from './customerDelivery';
import type { HandoffEvents } from './handoffEvents';
import type { HandoffService } from './handoffService';

/** Bot flows an agent can hand a person to; the bot starts them as if the person had asked. */
export const HANDOFF_FLOWS = ['am-i-billing-contact', 'who-is-billing-contact', 'email-billing-admin', 'portal-password-reset', 'change-billing-contact'] as const satisfies readonly Intent[];

/** A bot flow an agent can hand a person to. */
export type HandoffFlow = (typeof HANDOFF_FLOWS)[number];

/** Longest message an agent may send at once. */
export const MAX_AGENT_MESSAGE_LENGTH = 2000;

/** Longest note an agent may store with a closed conversation or callback, or write as an internal note. */
export const MAX_NOTE_LENGTH = 1000;

/** The system event of an internal note: a line for agents only, never sent to the person. */
export const NOTE_EVENT = 'note';

/** Result of an agent action: done, or why not. */
export type DeskResult<T = void> =
    | { readonly ok: true; readonly value: T }
    | { readonly ok: false; readonly problem: DeskProblem; readonly detail?: string };

/**
 * Why an agent action was refused. A transfer goes only to another agent who
 * is online and speaks the customer's language (`same-agent`, `agent-offline`,
 * `agent-language`).
 */
export type DeskProblem = 'not-found' | 'not-waiting' | 'not-yours' | 'invalid' | 'same-agent' | 'agent-offline' | 'agent-away' | 'agent-language' | 'not-failed';

/** What an agent sees of the queue. */
export interface QueueSnapshot {
    readonly waiting: readonly Handoff[];
    readonly mine: readonly Handoff[];
    readonly callbacks: readonly CallbackRequest[];
    readonly agents: readonly Agent[];
    readonly online: readonly string[];
}

/** A handoff as an agent may open it, with what else is known about the person. */
export interface HandoffDetail {
    readonly handoff: Handoff;
    readonly messages: HandoffMessage[];
    /** The person's earlier handoffs (verified people only), newest first. */
    readonly earlier: Handoff[];
    /** Change requests the person filed (verified people only), newest first. */
    readonly changeRequests: ChangeRequest[];
    /** How the person was told each line that reached them (agent messages, joined, transferred), by line id. */
    readonly deliveries: ReadonlyMap<number, Delivery>;
}

/**
 * The agent side of the handoff: take a waiting conversation, write to the
 * person, hand back to the bot (optionally into a flow), transfer to another
 * agent, close callback requests. Every change reaches the person through
 * {@link CustomerDelivery} and the other agents through {@link HandoffEvents}.
 */
export class AgentDesk {
    public constructor(
        private readonly handoffs: HandoffRepository,
        private readonly callbacks: CallbackRepository,
        private readonly changeRequests: ChangeRequestRepository,
        private readonly queue: HandoffService,
        private readonly delivery: CustomerDelivery,
        private readonly events: HandoffEvents,
        private readonly directory: { list(): Promise<Agent[]>; online(): Promise<Agent[]>; get(login: string): Promise<Agent | undefined> },
        private readonly audit: AuditLog,
        private readonly clock: Clock,
        private readonly deliveries: ProactiveDeliveryRepository
    ) {}

    public async snapshot(agent: Agent): Promise<QueueSnapshot> {
        const [waiting, mine, callbacks, agents, online] = await Promise.all([
            this.handoffs.waiting(),
            this.handoffs.active(agent.login),
            this.callbacks.open(),
            this.directory.list(),
            this.directory.online()
        ]);
        return { waiting, mine, callbacks, agents, online: online.map((a) => a.login) };
    }

    /** The public id of a handoff, for what goes out to the console. */
    public publicIdOf(id: number): Promise<string | undefined> {
        return this.handoffs.publicIdOf(id);
    }

    /** The internal id of the handoff with this public id (the console's URLs carry public ids only). */
    public async resolve(publicId: string): Promise<number | undefined> {
        return (await this.handoffs.byPublicId(publicId))?.id;
    }

    /**
     * A handoff with its exchange: for anyone while it waits, for the agent
     * who has it while active, and once closed only for agents who took part.
     */
    public async detail(id: number, agent: Agent): Promise<DeskResult<HandoffDetail>> {
        const handoff = await this.handoffs.get(id);
        if (!handoff) {
            return { ok: false, problem: 'not-found' };
        }
        if (handoff.status === 'active' && handoff.agentLogin !== agent.login) {
            return { ok: false, problem: 'not-yours' };
        }
        if (handoff.status === 'closed' && !(await this.handoffs.participants(id)).includes(agent.login)) {
            // Not "not yours": whether a closed conversation exists is none of a stranger's business.
            return { ok: false, problem: 'not-found' };
        }
        const userId = handoff.context.identity?.userId;
        const [messages, earlier, changeRequests] = await Promise.all([
            this.handoffs.messages(id),
            userId ? this.handoffs.earlierOf(userId, id) : Promise.resolve([]),
            userId ? this.changeRequests.byRequester(userId) : Promise.resolve([])
        ]);
        return { ok: true, value: { handoff, messages, earlier, changeRequests, deliveries: await this.deliveries.forMessages(id) } };
    }

    /** An internal note in an active chat of the agent: other agents see it, the person never does. */
    public async addNote(id: number, agent: Agent, text: string): Promise<DeskResult<HandoffMessage>> {
        const clean = text.trim();
        if (clean === '' || clean.length > MAX_NOTE_LENGTH) {
            return { ok: false, problem: 'invalid', detail: `text must be 1 to ${MAX_NOTE_LENGTH} characters` };
        }
        const mine = await this.mine(id, agent);
        if (!mine.ok) {
            return mine;
        }
        const message = await this.handoffs.addMessage(id, 'system', JSON.stringify({ event: NOTE_EVENT, args: { text: clean } }), this.clock.now().getTime(), agent.login);
        this.events.emit({ type: 'message', handoffId: id, agentLogin: agent.login, messageId: message.id });
        return { ok: true, value: message };
    }

    /**
     * Takes a waiting conversation. Asking again for one the agent already has
     * (a double click, a second tab) is no conflict: it answers as the first
     * time did, and the customer hears of the agent once.
     */
    public async accept(id: number, agent: Agent): Promise<DeskResult<Handoff>> {
        const now = this.clock.now().getTime();
        if (!(await this.handoffs.accept(id, agent.login, now))) {
            const handoff = await this.handoffs.get(id);
            if (handoff?.status === 'active' && handoff.agentLogin === agent.login) {
                return { ok: true, value: handoff };
            }
            return handoff ? { ok: false, problem: 'not-waiting' } : { ok: false, problem: 'not-found' };
        }
        const handoff = await this.requireHandoff(id);
        await this.system(handoff, 'accepted', { name: agent.name }, agent.login, { kind: 'say', key: 'escalate:agentJoined', args: { name: agent.name }, offerEnd: true });
        await this.audit.record(`agent:${agent.login}`, 'handoff.accepted', `handoff:${id}`);
        this.queue.queueChanged();
        return { ok: true, value: handoff };
    }

    public async sendMessage(id: number, agent: Agent, text: string): Promise<DeskResult<HandoffMessage>> {
        const clean = text.trim();
        if (clean === '' || clean.length > MAX_AGENT_MESSAGE_LENGTH) {
            return { ok: false, problem: 'invalid', detail: `text must be 1 to ${MAX_AGENT_MESSAGE_LENGTH} characters` };
        }
        const mine = await this.mine(id, agent);
        if (!mine.ok) {
            return mine;
        }
        // The message and its delivery are written together, before anything is sent.
        const { message } = await this.handoffs.addMessageToDeliver(id, 'agent', clean, this.clock.now().getTime(), agent.login, {
            conversationKey: mine.value.conversationKey,
            instruction: { kind: 'agent-message', agentName: agent.name, text: clean } satisfies ProactiveInstruction
        });
        this.events.emit({ type: 'message', handoffId: id, agentLogin: agent.login, messageId: message.id });
        this.delivery.kick();
        return { ok: true, value: message };
    }

    /** Ends the chat; the bot tells the person and asks what else it can do. */
    public async handBack(id: number, agent: Agent, note?: string): Promise<DeskResult> {
        return this.end(id, agent, 'handed-back', note, undefined);
    }

    /** Ends the chat and starts a bot flow for the person. */
    public async handToFlow(id: number, agent: Agent, flow: string, note?: string): Promise<DeskResult> {
        if (!(HANDOFF_FLOWS as readonly string[]).includes(flow)) {
            return { ok: false, problem: 'invalid', detail: `flow must be one of ${HANDOFF_FLOWS.join(', ')}` };
        }
        return this.end(id, agent, 'flow', note, flow as HandoffFlow);
    }

    /** Passes an active chat to another agent who is online and speaks the customer's language. */
    public async transfer(id: number, agent: Agent, toLogin: string): Promise<DeskResult> {
        const target = await this.directory.get(toLogin);
        if (!target) {
            return { ok: false, problem: 'invalid', detail: 'to must be the login of another agent' };
        }
        if (target.login === agent.login) {
            return { ok: false, problem: 'same-agent', detail: 'You cannot transfer a conversation to yourself.' };
        }
        const mine = await this.mine(id, agent);
        if (!mine.ok) {
            return mine;
        }
        if (!target.languages.includes(mine.value.lang)) {
            return { ok: false, problem: 'agent-language', detail: `${target.name} does not speak the customer's language (${mine.value.lang}).` };
        }
        if (!(await this.directory.online()).some((a) => a.login === target.login)) {
            return { ok: false, problem: 'agent-offline', detail: `${target.name} is not online.` };
        }
        if (target.availability === 'away') {
            return { ok: false, problem: 'agent-away', detail: `${target.name} is away.` };
        }
        if (!(await this.handoffs.transfer(id, agent.login, target.login))) {
            return { ok: false, problem: 'not-yours' };
        }
        await this.system(mine.value, 'transferred', { name: agent.name, to: target.name }, agent.login, { kind: 'say', key: 'escalate:transferred', args: { name: target.name }, offerEnd: true });
        await this.audit.record(`agent:${agent.login}`, 'handoff.transferred', `handoff:${id}`, { to: target.login });
        this.events.emit({ type: 'handoff', handoffId: id, status: 'active', agentLogin: target.login });
        this.events.emit({ type: 'queue' });
        return { ok: true, value: undefined };
    }

    /** Sends an agent's failed message again; only while the chat is the agent's. */
    public async retryMessage(id: number, messageId: number, agent: Agent): Promise<DeskResult<Delivery>> {
        const mine = await this.mine(id, agent);
        if (!mine.ok) {
            return mine;
        }
        const delivery = await this.deliveries.forMessage(id, messageId);
        if (!delivery) {
            return { ok: false, problem: 'not-found' };
        }
        if (!(await this.delivery.retry(delivery.id))) {
            return { ok: false, problem: 'not-failed', detail: 'Only a message that could not be delivered can be sent again.' };
        }
        return { ok: true, value: { ...delivery, status: 'pending', attempts: 0 } };
    }

    public async closeCallback(id: number, agent: Agent, note?: string): Promise<DeskResult> {
        if ((note?.length ?? 0) > MAX_NOTE_LENGTH) {
            return { ok: false, problem: 'invalid', detail: `note must be at most ${MAX_NOTE_LENGTH} characters` };
        }
        if (!(await this.callbacks.close(id, agent.login, this.clock.now().getTime(), note?.trim() || undefined))) {
            return (await this.callbacks.get(id)) ? { ok: false, problem: 'not-waiting' } : { ok: false, problem: 'not-found' };
        }
        await this.audit.record(`agent:${agent.login}`, 'callback.closed', `callback:${id}`);
        this.events.emit({ type: 'queue' });
        return { ok: true, value: undefined };
    }

    private async end(id: number, agent: Agent, reason: 'handed-back' | 'flow', note: string | undefined, flow: HandoffFlow | undefined): Promise<DeskResult> {
        if ((note?.length ?? 0) > MAX_NOTE_LENGTH) {
            return { ok: false, problem: 'invalid', detail: `note must be at most ${MAX_NOTE_LENGTH} characters` };
        }
        const mine = await this.mine(id, agent);
        if (!mine.ok) {
            return mine;
        }
        const cleanNote = note?.trim() || undefined;
        if (!(await this.handoffs.close(id, reason, this.clock.now().getTime(), cleanNote, flow))) {
            return { ok: false, problem: 'not-yours' };
        }
        const lang = mine.value.lang;
        await this.system(
            mine.value,
            flow ? 'handedToFlow' : 'handedBack',
            { name: agent.name, flow: flow ?? '', note: cleanNote ?? '' },
            agent.login,
            flow
                ? { kind: 'resume', key: `escalate:handedToFlow.${flow}`, args: { name: agent.name }, options: { understood: { intent: flow, score: 1, language: lang } } }
                : { kind: 'resume', key: 'escalate:handedBack', args: { name: agent.name }, options: { again: true }, rateChatWith: agent.name }
        );
        await this.audit.record(`agent:${agent.login}`, reason === 'flow' ? 'handoff.handed-to-flow' : 'handoff.handed-back', `handoff:${id}`, flow ? { flow } : undefined);
        this.events.emit({ type: 'handoff', handoffId: id, status: 'closed', agentLogin: agent.login });
        this.events.emit({ type: 'queue' });
        return { ok: true, value: undefined };
    }

    /** The handoff if it is active with this agent. */
    private async mine(id: number, agent: Agent): Promise<DeskResult<Handoff>> {
        const handoff = await this.handoffs.get(id);
        if (!handoff) {
            return { ok: false, problem: 'not-found' };
        }
        if (handoff.status !== 'active' || handoff.agentLogin !== agent.login) {
            return { ok: false, problem: 'not-yours' };
        }
        return { ok: true, value: handoff };
    }

    private async requireHandoff(id: number): Promise<Handoff> {
        const handoff = await this.handoffs.get(id);
        if (!handoff) {
            throw new Error(`AgentDesk: handoff ${id} vanished`);
        }
        return handoff;
    }

    /**
     * A line for the transcript that neither side wrote (who accepted, handed
     * back, the note), stored as `{event, args}` so the console words it in the
     * agent's language; with what the person is told of it, written in the
     * same transaction and then sent.
     */
    private async system(handoff: Handoff, event: string, args: Record<string, string>, login: string, tell?: ProactiveInstruction): Promise<void> {
        const text = JSON.stringify({ event, args });
        const now = this.clock.now().getTime();
        const message = tell
            ? (await this.handoffs.addMessageToDeliver(handoff.id, 'system', text, now, login, { conversationKey: handoff.conversationKey, instruction: tell })).message
            : await this.handoffs.addMessage(handoff.id, 'system', text, now, login);
        this.events.emit({ type: 'message', handoffId: handoff.id, agentLogin: handoff.agentLogin ?? login, messageId: message.id });
        if (tell) {
            this.delivery.kick();
        }
    }
}

import type { Localizer } from '../language/i18n';
import type { Agent, CallbackRequest, Handoff, HandoffContext, HandoffMessage } from '../data/handoffModel';
import type { ChangeRequest } from '../data/repositories/changeRequestRepository';
import type { DeliveryStatus } from '../data/repositories/proactiveDeliveryRepository';
import { HANDOFF_FLOWS, NOTE_EVENT, type HandoffDetail, type QueueSnapshot } from '../services/agentDesk';

/** Canned replies offered to agents; their texts are in `escalate:canned.*`, in the customer's language. */
const CANNED_KEYS = ['greeting', 'checking', 'verify', 'anythingElse', 'goodbye'] as const;

/** Channel ids as the console words them (`agent:channel.*`); anything else is shown as `other`. */
const CHANNELS: Readonly<Record<string, string>> = { directline: 'webchat', webchat: 'webchat', msteams: 'teams', emulator: 'emulator' };

/** A reference the person can quote (change request, callback); other action details are internal ids. */
const REFERENCE = /^(BC|CB)-\d{4}-\d{6}$/;

/**
 * A line of the live exchange as the console shows it: text, an internal
 * note (`sender: 'note'`), or a system event to word in the agent's language.
 */
interface MessageView {
    readonly id: number;
    readonly at: number;
    readonly sender: HandoffMessage['sender'] | 'note';
    readonly agent: string | null;
    readonly text?: string;
    readonly event?: string;
    readonly args?: Record<string, string>;
    /** How far the message to the person got (agent messages and the lines the person is told of). */
    readonly delivery?: DeliveryStatus;
    readonly attempts?: number;
}

/**
 * Shapes handoffs and callback requests for the console's JSON API. Only
 * data goes out, no markup: the page puts every value in as text, and words
 * codes (channel, account type, billing case, action) from its locale.
 */
export class AgentViews {
    public constructor(private readonly localizer: Localizer, private readonly now: () => number) {}

    public queue(snapshot: QueueSnapshot): Record<string, unknown> {
        const online = new Set(snapshot.online);
        return {
            now: this.now(),
            waiting: snapshot.waiting.map((handoff, index) => ({ ...this.summary(handoff), position: index + 1 })),
            mine: snapshot.mine.map((handoff) => ({ ...this.summary(handoff), acceptedAt: handoff.acceptedAt })),
            callbacks: snapshot.callbacks.map((request) => this.callback(request)),
            agents: snapshot.agents.map((agent) => ({
                login: agent.login,
                name: agent.name,
                languages: agent.languages,
                online: online.has(agent.login),
                availability: agent.availability
            }))
        };
    }

    public detail(detail: HandoffDetail, agents: readonly Agent[]): Record<string, unknown> {
        const { handoff, messages, deliveries } = detail;
        const names = new Map(agents.map((a) => [a.login, a.name]));
        const t = this.localizer.t(handoff.lang);
        return {
            ...this.summary(handoff),
            status: handoff.status,
            closeReason: handoff.closeReason,
            agent: handoff.agentLogin ? { login: handoff.agentLogin, name: names.get(handoff.agentLogin) ?? handoff.agentLogin } : null,
            acceptedAt: handoff.acceptedAt,
            context: this.context(handoff.context),
            history: handoff.history,
            messages: messages.map((m) => {
                const delivery = deliveries.get(m.id);
                return delivery ? { ...this.message(m, names), delivery: delivery.status, attempts: delivery.attempts } : this.message(m, names);
            }),
            earlier: detail.earlier.map((h) => ({
                createdAt: h.createdAt,
                closedAt: h.closedAt,
                status: h.status,
                closeReason: h.closeReason,
                description: h.description,
                agent: h.agentLogin ? (names.get(h.agentLogin) ?? h.agentLogin) : null,
                note: h.closeNote
            })),
            changeRequests: detail.changeRequests.map((r) => this.changeRequest(r)),
            canned: CANNED_KEYS.map((key) => ({ key, text: t(`escalate:canned.${key}`) })),
            flows: [...HANDOFF_FLOWS]
        };
    }

    /** One line of the exchange; system lines carry their event and arguments instead of text. */
    public message(message: HandoffMessage, names: ReadonlyMap<string, string>): MessageView {
        const base = { id: message.id, at: message.at, sender: message.sender, agent: message.agentLogin ? (names.get(message.agentLogin) ?? message.agentLogin) : null };
        if (message.sender !== 'system') {
            return { ...base, text: message.text };
        }
        try {
            const parsed = JSON.parse(message.text) as { event?: unknown; args?: unknown };
            const args = (parsed.args ?? {}) as Record<string, string>;
            if (parsed.event === NOTE_EVENT) {
                return { ...base, sender: 'note', text: String(args.text ?? '') };
            }
            return { ...base, event: String(parsed.event), args };
        } catch {
            return { ...base, text: message.text };
        }
    }

    private summary(handoff: Handoff): Record<string, unknown> {
        const context = handoff.context;
        return {
            id: handoff.publicId,
            lang: handoff.lang,
            channel: CHANNELS[handoff.channelId] ?? 'other',
            description: handoff.description,
            createdAt: handoff.createdAt,
            waitMinutes: Math.max(0, Math.floor((this.now() - handoff.createdAt) / 60_000)),
            name: context.identity?.name ?? null,
            verified: context.identity !== undefined,
            account: context.account?.name ?? null,
            billingRole: context.billingRole ?? null,
            reason: context.reason,
            // Since when the person's chat page has been closed (past the grace period); null while open.
            customerAwayAt: handoff.status === 'closed' ? null : handoff.customerAwayAt
        };
    }

    private context(context: HandoffContext): Record<string, unknown> {
        return {
            lang: context.lang,
            channel: CHANNELS[context.channelId] ?? 'other',
            reason: context.reason,
            identity: context.identity ? { name: context.identity.name, email: context.identity.email, method: context.identity.method } : null,
            account: context.account ? { name: context.account.name, type: context.account.type } : null,
            billingRole: context.billingRole ?? null,
            actions: context.actions.map((a) => ({ at: a.at, kind: a.kind, ...(a.detail && REFERENCE.test(a.detail) ? { reference: a.detail } : {}) }))
        };
    }

    private changeRequest(request: ChangeRequest): Record<string, unknown> {
        return { reference: request.reference, status: request.status, createdAt: request.createdAt, account: request.accountName, newContact: request.newContact.name };
    }

    private callback(request: CallbackRequest): Record<string, unknown> {
        return {
            id: request.id,
            reference: request.reference,
            email: request.email,
            lang: request.lang,
            note: request.note,
            reason: request.reason,
            createdAt: request.createdAt,
            name: request.context.identity?.name ?? null,
            account: request.context.account?.name ?? null
        };
    }
}

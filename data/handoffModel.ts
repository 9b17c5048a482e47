import type { Lang } from '../core/language';

/** Where a handoff stands: in the queue, with an agent, or over. */
export type HandoffStatus = 'waiting' | 'active' | 'closed';

/** Why a handoff ended. */
export type HandoffCloseReason = 'handed-back' | 'flow' | 'cancelled' | 'timed-out' | 'agent-gone' | 'customer-ended';

/** One line of what was said before the escalation (emails of others masked). */
export interface TranscriptLine {
    readonly at: number;
    readonly from: 'customer' | 'bot';
    readonly text: string;
}

/** What the bot knew when the person asked for a human; shown to agents on the context card. */
export interface HandoffContext {
    readonly lang: Lang;
    readonly channelId: string;
    /** Why the conversation came to the queue (`asked`, `verification-locked`, …). */
    readonly reason: string;
    readonly identity?: { readonly userId: string; readonly name: string; readonly email: string; readonly method: string };
    readonly account?: { readonly id: string; readonly name: string; readonly type: string };
    readonly billingRole?: { readonly case: string; readonly isAdmin: boolean; readonly isBillingContact: boolean };
    readonly actions: ReadonlyArray<{ readonly at: number; readonly kind: string; readonly detail?: string }>;
}

/** A handoff as stored. */
export interface Handoff {
    /** Internal id; never leaves the server. */
    readonly id: number;
    /** Random id for the console's URLs and events: knowing one handoff's id tells nothing about another's. */
    readonly publicId: string;
    readonly conversationKey: string;
    readonly status: HandoffStatus;
    readonly lang: Lang;
    readonly channelId: string;
    readonly description: string | null;
    readonly context: HandoffContext;
    readonly history: readonly TranscriptLine[];
    readonly agentLogin: string | null;
    /** When the person asked; the place in the queue goes by this. */
    readonly createdAt: number;
    /** When the current wait began: `createdAt`, or when the handoff was put back into the queue. */
    readonly waitingSince: number;
    readonly acceptedAt: number | null;
    readonly closedAt: number | null;
    readonly closeReason: HandoffCloseReason | null;
    readonly closeNote: string | null;
    readonly flow: string | null;
    readonly toldPosition: number | null;
    /** Since when the person's chat page has been closed (past the grace period); null while it is open. */
    readonly customerAwayAt: number | null;
}

/** Who wrote a line of the live exchange. */
export type HandoffSender = 'customer' | 'agent' | 'system';

/** One line of the live exchange between the person and an agent. */
export interface HandoffMessage {
    readonly id: number;
    readonly handoffId: number;
    readonly at: number;
    readonly sender: HandoffSender;
    readonly agentLogin: string | null;
    readonly text: string;
}

/** Why the bot offered a callback. */
export type CallbackReason = 'closed' | 'no-agent' | 'timeout' | 'asked';

/** A request to be contacted later, with its reference number. */
export interface CallbackRequest {
    readonly id: number;
    readonly reference: string;
    readonly conversationKey: string;
    readonly email: string;
    readonly lang: Lang;
    readonly note: string | null;
    readonly reason: CallbackReason;
    readonly context: HandoffContext;
    readonly status: 'open' | 'closed';
    readonly createdAt: number;
    readonly closedAt: number | null;
    readonly closedBy: string | null;
    readonly closeNote: string | null;
}

/** A support agent as listed in the `agents` table. */
export interface Agent {
    readonly login: string;
    readonly name: string;
    readonly languages: readonly Lang[];
    readonly hasPassword: boolean;
    /** Whether the agent takes new conversations; routing counts only `available` agents. */
    readonly availability: AgentAvailability;
    /** A supervisor also sees the support team's insights (issue 17); set with `npm run agents -- supervisor`. */
    readonly supervisor: boolean;
}

/** An agent's status: taking conversations, or signed in but away. */
export type AgentAvailability = 'available' | 'away';

import type { Clock } from '../core/clock';
import type { CallbackRequest } from '../data/handoffModel';
import type { AuditLog } from '../data/repositories/auditLog';
import type { CallbackRepository, NewCallbackRequest } from '../data/repositories/callbackRepository';
import type { HandoffEvents } from './handoffEvents';
import { safeForAgents } from './handoffSnapshot';

/** Callback requests per conversation per day. */
const MAX_PER_DAY = 3;

/** Longest note the person may leave with a callback request. */
export const MAX_CALLBACK_NOTE_LENGTH = 500;

/** Outcome of asking for a callback. */
export type CallbackOutcome = { readonly kind: 'created'; readonly request: CallbackRequest } | { readonly kind: 'rate-limited' };

/** A callback to request (the note is trimmed and shortened here). */
export type CallbackInput = NewCallbackRequest;

/** Callback requests: when nobody can chat now, customer service gets back to the person by email. */
export class CallbackService {
    public constructor(
        private readonly callbacks: CallbackRepository,
        private readonly events: HandoffEvents,
        private readonly audit: AuditLog,
        private readonly clock: Clock
    ) {}

    public async request(input: CallbackInput): Promise<CallbackOutcome> {
        const now = this.clock.now().getTime();
        if ((await this.callbacks.countForConversationSince(input.conversationKey, now - 24 * 3600_000)) >= MAX_PER_DAY) {
            return { kind: 'rate-limited' };
        }
        // The note is masked like the transcript; the address the person gave for the callback stays readable.
        const note = input.note === undefined ? undefined : safeForAgents(input.note, input.context.identity?.email ?? input.email).trim().slice(0, MAX_CALLBACK_NOTE_LENGTH) || undefined;
        const request = await this.callbacks.create({ ...input, note }, now);
        await this.audit.record(`conversation:${input.conversationKey}`, 'callback.requested', `callback:${request.id}`, { reason: input.reason, lang: input.lang });
        this.events.emit({ type: 'queue' });
        return { kind: 'created', request };
    }
}

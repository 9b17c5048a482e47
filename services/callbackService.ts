import type { Localizer } from '../language/i18n';
import type { Clock } from '../core/clock';
import type { CallbackRequest } from '../data/handoffModel';
import { normalizeEmail } from '../data/model';
import type { AuditLog } from '../data/repositories/auditLog';
import type { CallbackRepository, NewCallbackRequest } from '../data/repositories/callbackRepository';
import type { NewOutboxMail } from '../data/repositories/outboxRepository';
import { composeMail } from '../mail/compose';
import type { Mailer } from '../mail/mailer';
import type { HandoffEvents } from './handoffEvents';
import { safeForAgents } from './handoffSnapshot';

/** Callback requests per conversation per day. */
const MAX_PER_DAY = 3;

/** Callback requests naming one email address per day, over all conversations. */
const MAX_PER_EMAIL_PER_DAY = 3;

/** Longest note the person may leave with a callback request. */
export const MAX_CALLBACK_NOTE_LENGTH = 500;

/** Kind of the confirmation mail: at most one per address a day. */
export const CALLBACK_CONFIRMATION_KIND = 'callback-confirmation';

/** Outcome of asking for a callback: created, or refused by the limit of the conversation or of the address. */
export type CallbackOutcome =
    | { readonly kind: 'created'; readonly request: CallbackRequest }
    | { readonly kind: 'rate-limited'; readonly scope: 'conversation' | 'email' };

/** A callback to request (the note is trimmed and shortened here). */
export type CallbackInput = NewCallbackRequest;

/**
 * Callback requests: when nobody can chat now, customer service gets back to
 * the person by email. The address may be typed by anyone, verified or not,
 * so requests are limited per conversation and per address over all
 * conversations (counted and stored in one transaction), and the address gets
 * at most one confirmation mail a day, however often it is named.
 */
export class CallbackService {
    public constructor(
        private readonly callbacks: CallbackRepository,
        private readonly mailer: Mailer,
        private readonly localizer: Localizer,
        private readonly events: HandoffEvents,
        private readonly audit: AuditLog,
        private readonly clock: Clock
    ) {}

    public async request(input: CallbackInput): Promise<CallbackOutcome> {
        const now = this.clock.now().getTime();
        const dayAgo = now - 24 * 3600_000;
        // The note is masked like the transcript; the address the person gave for the callback stays readable.
        const note = input.note === undefined ? undefined : safeForAgents(input.note, input.context.identity?.email ?? input.email).trim().slice(0, MAX_CALLBACK_NOTE_LENGTH) || undefined;
        const request = { ...input, email: normalizeEmail(input.email), note };
        const outcome = await this.callbacks.createWithinLimits(
            request,
            now,
            { since: dayAgo, perConversation: MAX_PER_DAY, perEmail: MAX_PER_EMAIL_PER_DAY },
            { since: dayAgo, mail: (created) => this.confirmation(created) }
        );
        if (outcome.kind === 'rate-limited') {
            await this.audit.record(`conversation:${input.conversationKey}`, 'callback.rate-limited', undefined, { scope: outcome.scope });
            return outcome;
        }
        if (outcome.confirmed) {
            this.mailer.deliverSoon();
        }
        await this.audit.record(`conversation:${input.conversationKey}`, 'callback.requested', `callback:${outcome.request.id}`, {
            reason: input.reason,
            lang: input.lang,
            confirmed: outcome.confirmed
        });
        this.events.emit({ type: 'queue' });
        return { kind: 'created', request: outcome.request };
    }

    /**
     * The mail that tells the address a callback was asked for, in the language chosen for it. Greeted by name and told the topic
     * only when the address is the verified person's own: an address anyone typed gets no name and none of the typed words.
     */
    private confirmation(request: CallbackRequest): NewOutboxMail {
        const t = this.localizer.t(request.lang);
        const identity = request.context.identity;
        const own = identity !== undefined && normalizeEmail(identity.email) === request.email;
        const mail = composeMail(t, 'callbackConfirmation', {
            reference: request.reference,
            language: t(`common:languageName.${request.lang}`),
            greeting: own ? t('mail:callbackConfirmation.greetingNamed', { name: identity.name }) : t('mail:callbackConfirmation.greeting'),
            topicLine: own && request.note ? t('mail:callbackConfirmation.topicLine', { note: request.note }) : ''
        });
        return this.mailer.prepare({ kind: CALLBACK_CONFIRMATION_KIND, to: request.email, locale: request.lang, ...mail, conversationKey: request.conversationKey });
    }
}

import { CoalescingRunner } from '../core/coalescingRunner';
import nodemailer from 'nodemailer';
import type { Clock } from '../core/clock';
import { getLogger } from '../core/logger';
import type { SecretBox } from '../core/secrets';
import type { NewOutboxMail, OutboxMail, OutboxRepository } from '../data/repositories/outboxRepository';

/** Placeholder in a mail body for its secret (one-time code, reset link). */
export const SECRET_PLACEHOLDER = '{{secret}}';

/** A mail the bot wants to send. */
export interface OutgoingMail {
    /** What the mail is for, e.g. `verification-code`; used for rate limits and the operator view. */
    readonly kind: string;
    readonly to: string;
    readonly toName?: string;
    readonly replyTo?: string;
    readonly locale: string;
    readonly subject: string;
    /** Plain text; may contain {@link SECRET_PLACEHOLDER} once when `secret` is given. */
    readonly body: string;
    /** Stored encrypted, never in clear text, and dropped once delivered. */
    readonly secret?: string;
    readonly conversationKey?: string;
    /** Same key twice (a retried activity) queues the mail once. */
    readonly dedupeKey?: string;
}

/** The part of nodemailer the mailer uses; tests may pass their own. */
export interface MailTransport {
    sendMail(message: { from: string; to: string; replyTo?: string; subject: string; text: string; headers?: Record<string, string> }): Promise<unknown>;
    close?(): void;
}

const log = getLogger('mail.mailer');

/** After this many failed attempts a mail is marked failed (it stays in the outbox). */
const MAX_ATTEMPTS = 10;

/**
 * Writes every mail to the outbox first, then delivers it over SMTP when a
 * transport is configured, retrying with backoff. Without SMTP the mail stays
 * in the outbox for the operator (`npm run outbox`).
 */
export class Mailer {
    private timer?: NodeJS.Timeout;
    private readonly rounds = new CoalescingRunner(() => this.deliverDue(), (err) => log.error('delivery round failed', { error: err }));

    public constructor(
        private readonly outbox: OutboxRepository,
        private readonly secrets: SecretBox,
        private readonly clock: Clock,
        private readonly from: string,
        private readonly transport?: MailTransport,
        private readonly pollMs = 5000
    ) {}

    /** Creates the SMTP transport for `smtpUrl` (nodemailer), or none. */
    public static smtpTransport(smtpUrl: string | undefined): MailTransport | undefined {
        return smtpUrl ? nodemailer.createTransport(smtpUrl) : undefined;
    }

    /** True when mails leave the machine. */
    public get delivers(): boolean {
        return this.transport !== undefined;
    }

    /** Stores the mail in the outbox and starts its delivery; returns its id (undefined for a duplicate). */
    public async queue(mail: OutgoingMail): Promise<number | undefined> {
        const id = await this.outbox.insert(this.prepare(mail), this.clock.now().getTime());
        log.info('mail queued', { id, kind: mail.kind, to: mail.to });
        if (id !== undefined) {
            this.kick();
        }
        return id;
    }

    /**
     * The outbox row for `mail`, its secret encrypted, for a caller that stores
     * it inside its own transaction (with `new OutboxRepository(tx)`); call
     * {@link deliverSoon} after the commit.
     */
    public prepare(mail: OutgoingMail): NewOutboxMail {
        if (mail.secret !== undefined && !mail.body.includes(SECRET_PLACEHOLDER)) {
            throw new Error(`Mailer.prepare(): a ${mail.kind} mail has a secret but no ${SECRET_PLACEHOLDER} in its body`);
        }
        return {
            kind: mail.kind,
            to: mail.to,
            toName: mail.toName,
            replyTo: mail.replyTo,
            locale: mail.locale,
            subject: mail.subject,
            body: mail.body,
            secretEnc: mail.secret === undefined ? undefined : this.secrets.encrypt(mail.secret),
            conversationKey: mail.conversationKey,
            dedupeKey: mail.dedupeKey
        };
    }

    /** Starts delivering what was stored with {@link prepare}. */
    public deliverSoon(): void {
        this.kick();
    }

    /** The body as the recipient reads it, secret filled in (operator view, delivery). */
    public reveal(mail: OutboxMail): string {
        if (mail.secretEnc === null) {
            return mail.body.replace(SECRET_PLACEHOLDER, mail.status === 'sent' ? '[delivered]' : '[removed]');
        }
        return mail.body.replace(SECRET_PLACEHOLDER, this.secrets.decrypt(mail.secretEnc));
    }

    /** Starts periodic delivery (only when a transport is configured). */
    public start(): void {
        if (this.transport && !this.timer) {
            this.timer = setInterval(() => this.kick(), this.pollMs);
            this.timer.unref();
            this.kick();
        }
    }

    /** Stops periodic delivery and waits for a running round. */
    public async stop(): Promise<void> {
        if (this.timer) {
            clearInterval(this.timer);
            this.timer = undefined;
        }
        await this.rounds.idle();
        this.transport?.close?.();
    }

    /** Delivers every due mail now; resolves when the round (and any requested rerun) is done. */
    public async flush(): Promise<void> {
        this.kick();
        await this.rounds.idle();
    }

    private kick(): void {
        if (!this.transport) {
            return;
        }
        this.rounds.request();
    }

    private async deliverDue(): Promise<void> {
        const transport = this.transport;
        if (!transport) {
            return;
        }
        for (;;) {
            const due = await this.outbox.due(this.clock.now().getTime(), 20);
            if (due.length === 0) {
                return;
            }
            for (const mail of due) {
                try {
                    await transport.sendMail({
                        from: this.from,
                        to: mail.toName ? `"${mail.toName.replace(/"/g, "'")}" <${mail.to}>` : mail.to,
                        replyTo: mail.replyTo ?? undefined,
                        subject: mail.subject,
                        text: this.reveal(mail),
                        headers: { 'Content-Language': mail.locale, 'X-Billing-Assistant-Kind': mail.kind }
                    });
                    await this.outbox.markSent(mail.id, this.clock.now().getTime());
                    log.info('mail sent', { id: mail.id, kind: mail.kind });
                } catch (err) {
                    const attempts = mail.attempts + 1;
                    const next = attempts >= MAX_ATTEMPTS ? null : this.clock.now().getTime() + Math.min(3600_000, 15_000 * 2 ** (attempts - 1));
                    await this.outbox.markAttemptFailed(mail.id, (err as Error).message, next);
                    log.warn('mail delivery failed', { id: mail.id, attempts, willRetry: next !== null, error: (err as Error).message });
                    if (next !== null) {
                        // Leave the rest for the next round rather than hammer a failing server.
                        return;
                    }
                }
            }
        }
    }
}

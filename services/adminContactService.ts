import { Repositories } from '../data/repositories/repositories';
import type { Localizer } from '../language/i18n';
import type { Clock } from '../core/clock';
import type { Account, User } from '../data/model';
import type { Database } from '../data/database';
import { composeMail, type ComposedMail } from '../mail/compose';
import type { Mailer } from '../mail/mailer';

/** The mail a person asks the bot to send to one billing contact. */
export interface AdminMailDraft extends ComposedMail {
    readonly recipient: User;
}

/** Outcome of sending the drafts. */
export type AdminMailOutcome = 'queued' | 'rate-limited' | 'directory-changed';

/** Mails to billing contacts per conversation per day. */
const MAX_PER_DAY = 3;

/** Mails to one billing contact per day, over all conversations. */
const MAX_PER_RECIPIENT_PER_DAY = 10;

/**
 * Case b of the article, done for the person: "Email billing administrator".
 * The mail goes to each billing contact in their own language, with the
 * person as reply-to, so the billing contact answers them directly.
 */
export class AdminContactService {
    public constructor(
        private readonly localizer: Localizer,
        private readonly mailer: Mailer,
        private readonly db: Database,
        private readonly clock: Clock
    ) {}

    /** The mails as they will be sent, for the person to confirm; `urgent` marks their subject so ("Urgent: …", `mail:adminContact.urgentSubject`). */
    public draft(sender: User, account: Account, recipients: readonly User[], message: string, urgent = false): AdminMailDraft[] {
        return recipients.map((recipient) => {
            const t = this.localizer.t(recipient.locale);
            const mail = composeMail(t, 'adminContact', {
                recipientName: recipient.name,
                senderName: sender.name,
                senderEmail: sender.email,
                accountName: account.name,
                accountId: account.id,
                message: message.trim()
            });
            return { recipient, ...mail, ...(urgent ? { subject: t('mail:adminContact.urgentSubject', { subject: mail.subject }) } : {}) };
        });
    }

    /**
     * Queues the confirmed drafts; `dedupeKey` makes a retried turn send them
     * once. The limits (per conversation, per recipient over all conversations)
     * are counted and the mails stored in one transaction. With
     * `directoryVersion` (SQLite: the drafts were made from look-ups kept at
     * that version, see `UncheckedReads`), 'directory-changed', having
     * stored nothing, when the directory is at another version now.
     */
    public async send(conversationKey: string, sender: User, drafts: readonly AdminMailDraft[], dedupeKey: string, directoryVersion?: number): Promise<AdminMailOutcome> {
        const now = this.clock.now().getTime();
        const dayAgo = now - 24 * 3600_000;
        const mails = drafts.map((draft) =>
            this.mailer.prepare({
                kind: 'admin-contact',
                to: draft.recipient.email,
                toName: draft.recipient.name,
                replyTo: sender.email,
                locale: draft.recipient.locale,
                subject: draft.subject,
                body: draft.body,
                conversationKey,
                dedupeKey: `${dedupeKey}:${draft.recipient.id}`
            })
        );
        const audit = { actor: `user:${sender.id}`, action: 'admin-contact.sent', subject: `conversation:${conversationKey}`, details: { recipients: drafts.map((d) => d.recipient.id) } };
        // SQLite: the limits checked and the mails stored in one statement (`limited_mail`, migration 025).
        // PostgreSQL: one read, then one write, in a transaction with named locks.
        const limits = { since: dayAgo, perConversation: MAX_PER_DAY * Math.max(1, drafts.length), perRecipient: MAX_PER_RECIPIENT_PER_DAY };
        const outcome = this.db.dialect === 'sqlite' ? await new Repositories(this.db, this.clock).outbox.insertLimited(mails, now, audit, limits, directoryVersion) : await this.db.transaction(async (tx): Promise<AdminMailOutcome | 'again'> => {
            const repos = new Repositories(tx, this.clock);
            const outbox = repos.outbox;
            // The mail already queued (a retried turn), the conversation's mails and each recipient's, in one statement.
            const figures = await outbox.sendingFigures(mails[0]?.dedupeKey, conversationKey, mails.map((mail) => mail.to), 'admin-contact', dayAgo);
            if (figures.queued) {
                return 'again';
            }
            if (figures.forConversation >= limits.perConversation || figures.to.some((n) => n >= limits.perRecipient)) {
                return 'rate-limited';
            }
            await outbox.insertAudited(mails, now, audit);
            return 'queued';
        }, { locks: [`admin-contact:conversation:${conversationKey}`, ...mails.map((mail) => `admin-contact:to:${mail.to.toLowerCase()}`)], writesOnce: true });
        if (outcome === 'again') {
            return 'queued';
        }
        if (outcome === 'queued') {
            this.mailer.deliverSoon();
        }
        return outcome;
    }
}

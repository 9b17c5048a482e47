import { systemClock } from '../../core/clock';
import { loadOrCreateKeyFile, SecretBox } from '../../core/secrets';
import { Database } from '../../data/database';
import { normalizeEmail } from '../../data/model';
import { OutboxRepository, type OutboxMail } from '../../data/repositories/outboxRepository';
import { Mailer } from '../../mail/mailer';

/** Where the load generator gets a one-time code for a conversation. */
export interface CodeSource {
    codeFor(email: string, conversationKey: string): Promise<string>;
}

/**
 * Reads one-time codes as an operator can (`npm run outbox`): opens the
 * bot's database beside the running server(s), finds the conversation's
 * newest verification mail (by its conversation, through an index: by
 * address the look-up reads the whole outbox, which took a third of a core
 * of the benchmark's own at 1,800 turns a second), checks it went to the
 * address, and reveals its body with the key file that sits beside the
 * database (or the instances' `SECRET_KEY`).
 */
export class OutboxCodeReader implements CodeSource {
    private constructor(private readonly db: Database, private readonly outbox: OutboxRepository, private readonly mailer: Mailer) {}

    /**
     * Opens the database at `target`: a SQLite file (the server must have
     * started once, so the key file beside it exists), or a PostgreSQL URL
     * with the instances' `SECRET_KEY` as `key`.
     */
    public static async open(target: string, key?: Buffer): Promise<OutboxCodeReader> {
        const db = await Database.open(target);
        const outbox = new OutboxRepository(db);
        const mailer = new Mailer(outbox, new SecretBox(key ?? loadOrCreateKeyFile(`${target}.key`)), systemClock, 'operator@localhost');
        return new OutboxCodeReader(db, outbox, mailer);
    }

    public async codeFor(email: string, conversationKey: string): Promise<string> {
        for (let attempt = 0; attempt < 50; attempt++) {
            const mail = await this.outbox.newestOfConversation(conversationKey, 'verification-code');
            const code = mail && normalizeEmail(mail.to) === normalizeEmail(email) ? /\b(\d{6})\b/.exec(this.mailer.reveal(mail))?.[1] : undefined;
            if (code) {
                return code;
            }
            await new Promise((resolve) => setTimeout(resolve, 20));
        }
        throw new Error(`OutboxCodeReader.codeFor(): no code mailed to ${email} for ${conversationKey}`);
    }

    /** Every mail in the outbox with its body as the recipient reads it, secret filled in. */
    public async allMails(): Promise<Array<OutboxMail & { readonly text: string }>> {
        const mails = await this.outbox.recent(1_000_000);
        return mails.map((mail) => ({ ...mail, text: this.mailer.reveal(mail) }));
    }

    public close(): Promise<void> {
        return this.db.close();
    }
}

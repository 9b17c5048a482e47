import type { Database } from '../../data/database';
import { OutboxRepository } from '../../data/repositories/outboxRepository';
import type { Mailer } from '../../mail/mailer';

/** Where a bot keeps its mail: the database of its outbox and the mailer that can reveal a mail's secrets. */
export interface OutboxSource {
    readonly db: Database;
    readonly mailer: Mailer;
}

/**
 * The one-time code of the newest verification mail to `email`, read from the
 * outbox as an operator would (`npm run outbox`). Used by every test helper
 * that starts a bot. @throws when no such mail was sent.
 */
export async function latestCode(source: OutboxSource, email: string): Promise<string> {
    const mail = (await new OutboxRepository(source.db).recent(100, email)).find((m) => m.kind === 'verification-code');
    const code = mail ? /\b(\d{6})\b/.exec(source.mailer.reveal(mail))?.[1] : undefined;
    if (!code) {
        throw new Error(`latestCode(): no code mailed to ${email}`);
    }
    return code;
}

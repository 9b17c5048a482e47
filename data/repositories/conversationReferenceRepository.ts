import type { ConversationReference } from 'botbuilder';
import type { Queryable } from '../database';

/** The stored `ConversationReference` of each conversation the bot may write to on its own (handoffs). */
export class ConversationReferenceRepository {
    public constructor(private readonly db: Queryable) {}

    /** Stores or replaces the conversation's reference. */
    public async save(conversationKey: string, reference: Partial<ConversationReference>, now: number): Promise<void> {
        await this.db.run(
            `INSERT INTO conversation_references (conversation_key, reference, updated_at) VALUES (?, ?, ?)
             ON CONFLICT (conversation_key) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at`,
            [conversationKey, JSON.stringify(reference), now]
        );
    }

    public async get(conversationKey: string): Promise<Partial<ConversationReference> | undefined> {
        const row = await this.db.get<{ reference: string }>('SELECT reference FROM conversation_references WHERE conversation_key = ?', [conversationKey]);
        return row ? (JSON.parse(row.reference) as Partial<ConversationReference>) : undefined;
    }
}

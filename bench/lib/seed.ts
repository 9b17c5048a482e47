import type { StoreItems } from 'botbuilder';
import { systemClock } from '../../core/clock';
import { Database } from '../../data/database';
import { SqliteStorage } from '../../data/sqliteStorage';
import { isLang, type Lang } from '../../core/language';

/** Conversations seeded even when the store already holds `total`. */
const MIN_SEEDED = 100;

/** A stored conversation the benchmark can come back to. */
export interface SeededConversation {
    readonly channelId: string;
    readonly conversationId: string;
    readonly lang: Lang;
}

/**
 * Fills the bot's state store up to `total` conversations with copies of the
 * real conversation states the load run left behind (whole dialogs: verified
 * identity, actions, dialog stack at "anything else?"), written through the
 * bot's own `SqliteStorage` in batches. Returns the seeded conversations.
 */
export async function seedConversations(dbPath: string, channelId: string, total: number): Promise<SeededConversation[]> {
    const db = await Database.open(dbPath);
    try {
        const storage = new SqliteStorage(db, systemClock);
        // ConversationState's key: `<channel>/conversations/<id>/<namespace>`, the namespace empty.
        const prefix = `${channelId}/conversations/`;
        const keys = (await db.all<{ key: string }>('SELECT key FROM bot_state WHERE key LIKE ? ORDER BY key LIMIT 2000', [`${prefix}%/`])).map((row) => row.key);
        const sources = Object.values(await storage.read(keys)).filter((item) => {
            // Only conversations that went all the way (the load run cuts some off mid-dialog).
            const profile = (item as { profile?: { identity?: unknown; lang?: unknown; actions?: Array<{ kind?: string }> } }).profile;
            return profile?.identity !== undefined && isLang(profile.lang) && (profile.actions ?? []).some((a) => a.kind === 'emailed-billing-admin');
        });
        if (sources.length === 0) {
            throw new Error('seedConversations(): the load run left no finished conversation to copy');
        }
        const existing = await storage.count();
        const seeded: SeededConversation[] = [];
        let batch: StoreItems = {};
        // At least a few, so the returning customers have somewhere to return to when `total` is small.
        for (let n = 0; existing + n < total || n < MIN_SEEDED; n++) {
            const source = sources[n % sources.length] as { profile: { lang: Lang } } & Record<string, unknown>;
            const conversationId = `seed-${n}`;
            batch[`${prefix}${conversationId}/`] = { ...source, eTag: '*' };
            seeded.push({ channelId, conversationId, lang: source.profile.lang });
            if (Object.keys(batch).length === 500) {
                await storage.write(batch);
                batch = {};
            }
        }
        await storage.write(batch);
        return seeded;
    } finally {
        await db.close();
    }
}

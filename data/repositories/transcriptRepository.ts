import type { Database, SqlValue } from '../database';
import type { TranscriptLine } from '../handoffModel';

/** Lines kept per conversation (the `transcripts_keep_last` trigger of migration 005 drops older ones). */
export const TRANSCRIPT_KEEP_LINES = 40;

interface LineRow {
    at: number;
    sender: TranscriptLine['from'];
    text: string;
}

/** The last lines of each conversation, for the agents' context when it is escalated. */
export class TranscriptRepository {
    public constructor(private readonly db: Database) {}

    /** Appends lines in order, in one statement (at most {@link TRANSCRIPT_KEEP_LINES} are kept anyway). */
    public async append(conversationKey: string, lines: readonly TranscriptLine[]): Promise<void> {
        const kept = lines.slice(-TRANSCRIPT_KEEP_LINES);
        if (kept.length === 0) {
            return;
        }
        const params: SqlValue[] = [];
        for (const line of kept) {
            params.push(conversationKey, line.at, line.from, line.text);
        }
        await this.db.run(`INSERT INTO transcripts (conversation_key, at, sender, text) VALUES ${kept.map(() => '(?, ?, ?, ?)').join(', ')}`, params);
    }

    /** The conversation's last `limit` lines, oldest first. */
    public async recent(conversationKey: string, limit: number = TRANSCRIPT_KEEP_LINES): Promise<TranscriptLine[]> {
        const rows = await this.db.all<LineRow>(
            'SELECT at, sender, text FROM (SELECT id, at, sender, text FROM transcripts WHERE conversation_key = ? ORDER BY id DESC LIMIT ?) ORDER BY id',
            [conversationKey, limit]
        );
        return rows.map((row) => ({ at: row.at, from: row.sender, text: row.text }));
    }

    /**
     * Deletes lines written before `before` (retention), except in
     * conversations with an open handoff, whose agent may still read them.
     * Returns how many.
     */
    public async deleteBefore(before: number): Promise<number> {
        const result = await this.db.run(
            "DELETE FROM transcripts WHERE at < ? AND conversation_key NOT IN (SELECT conversation_key FROM handoffs WHERE status IN ('waiting', 'active'))",
            [before]
        );
        return result.changes;
    }
}

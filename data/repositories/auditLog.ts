import type { Queryable } from '../database';
import type { Clock } from '../../core/clock';

/** One audit entry as read back. */
export interface AuditEntry {
    readonly at: number;
    readonly actor: string;
    readonly action: string;
    readonly subject: string | null;
    readonly details: Record<string, unknown> | null;
}

/** An audit entry to write: who did what, to what. */
export interface NewAuditEntry {
    readonly actor: string;
    readonly action: string;
    readonly subject?: string;
    readonly details?: Record<string, unknown>;
}

/** Append-only record of who did what (never holds codes, tokens or message bodies). */
export class AuditLog {
    public constructor(private readonly db: Queryable, private readonly clock: Clock) {}

    public async record(actor: string, action: string, subject?: string, details?: Record<string, unknown>): Promise<void> {
        await this.db.run('INSERT INTO audit_log (at, actor, action, subject, details) VALUES (?, ?, ?, ?, ?)', [
            this.clock.now().getTime(),
            actor,
            action,
            subject ?? null,
            details ? JSON.stringify(details) : null
        ]);
    }

    /** The most recent entries, newest first. */
    public async recent(limit = 50, subject?: string): Promise<AuditEntry[]> {
        const rows = await this.db.all<{ at: number; actor: string; action: string; subject: string | null; details: string | null }>(
            subject === undefined
                ? 'SELECT at, actor, action, subject, details FROM audit_log ORDER BY id DESC LIMIT ?'
                : 'SELECT at, actor, action, subject, details FROM audit_log WHERE subject = ? ORDER BY id DESC LIMIT ?',
            subject === undefined ? [limit] : [subject, limit]
        );
        return rows.map((row) => ({ ...row, details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null }));
    }
}

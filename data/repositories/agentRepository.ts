import { isLang, type Lang } from '../../core/language';
import type { Queryable } from '../database';
import type { Agent, AgentAvailability } from '../handoffModel';

interface AgentRow {
    login: string;
    name: string;
    languages: string;
    password_hash: string | null;
    availability: string;
}

/** A session as stored (the token itself is never stored, only its hash). */
export interface AgentSession {
    readonly login: string;
    readonly csrfToken: string;
    readonly createdAt: number;
    readonly lastSeenAt: number;
    readonly expiresAt: number;
}

/** Support agents, their password hashes, sessions and failed logins. */
export class AgentRepository {
    public constructor(private readonly db: Queryable) {}

    public async get(login: string): Promise<Agent | undefined> {
        const row = await this.db.get<AgentRow>('SELECT login, name, languages, password_hash, availability FROM agents WHERE login = ?', [login]);
        return row && toAgent(row);
    }

    /** Every agent, by name. */
    public async list(): Promise<Agent[]> {
        return (await this.db.all<AgentRow>('SELECT login, name, languages, password_hash, availability FROM agents ORDER BY name')).map(toAgent);
    }

    /** The stored password hash, or undefined (unknown agent or no password set). */
    public async passwordHash(login: string): Promise<string | undefined> {
        const row = await this.db.get<{ password_hash: string | null }>('SELECT password_hash FROM agents WHERE login = ?', [login]);
        return row?.password_hash ?? undefined;
    }

    /** Sets a password hash; false when the agent does not exist. */
    public async setPasswordHash(login: string, hash: string): Promise<boolean> {
        return (await this.db.run('UPDATE agents SET password_hash = ? WHERE login = ?', [hash, login])).changes === 1;
    }

    /** Sets whether the agent takes new conversations; false when the agent does not exist. */
    public async setAvailability(login: string, availability: AgentAvailability): Promise<boolean> {
        return (await this.db.run('UPDATE agents SET availability = ? WHERE login = ?', [availability, login])).changes === 1;
    }

    /** Ends every session of an agent (after a password change). */
    public async deleteSessionsOf(login: string): Promise<void> {
        await this.db.run('DELETE FROM agent_sessions WHERE login = ?', [login]);
    }

    public async createSession(tokenHash: string, login: string, csrfToken: string, now: number, expiresAt: number): Promise<void> {
        await this.db.run('INSERT INTO agent_sessions (token_hash, login, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)', [
            tokenHash,
            login,
            csrfToken,
            now,
            now,
            expiresAt
        ]);
    }

    public async session(tokenHash: string): Promise<AgentSession | undefined> {
        const row = await this.db.get<{ login: string; csrf_token: string; created_at: number; last_seen_at: number; expires_at: number }>(
            'SELECT login, csrf_token, created_at, last_seen_at, expires_at FROM agent_sessions WHERE token_hash = ?',
            [tokenHash]
        );
        return row && { login: row.login, csrfToken: row.csrf_token, createdAt: row.created_at, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at };
    }

    public async touchSession(tokenHash: string, now: number): Promise<void> {
        await this.db.run('UPDATE agent_sessions SET last_seen_at = ? WHERE token_hash = ?', [now, tokenHash]);
    }

    public async deleteSession(tokenHash: string): Promise<void> {
        await this.db.run('DELETE FROM agent_sessions WHERE token_hash = ?', [tokenHash]);
    }

    /** Agents with a live session seen since `since`. */
    public async seenSince(since: number, now: number): Promise<string[]> {
        const rows = await this.db.all<{ login: string }>('SELECT DISTINCT login FROM agent_sessions WHERE last_seen_at >= ? AND expires_at > ?', [since, now]);
        return rows.map((row) => row.login);
    }

    /** Forgets sessions that have expired. */
    public async deleteExpiredSessions(now: number): Promise<void> {
        await this.db.run('DELETE FROM agent_sessions WHERE expires_at <= ?', [now]);
    }

    public async recordLoginFailure(keys: readonly string[], now: number): Promise<void> {
        for (const key of keys) {
            await this.db.run('INSERT INTO agent_login_failures (key, at) VALUES (?, ?)', [key, now]);
        }
    }

    public async loginFailuresSince(key: string, since: number): Promise<number> {
        const row = await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM agent_login_failures WHERE key = ? AND at >= ?', [key, since]);
        return row?.n ?? 0;
    }

    /** Drops failure records older than `before`. */
    public async pruneLoginFailures(before: number): Promise<void> {
        await this.db.run('DELETE FROM agent_login_failures WHERE at < ?', [before]);
    }
}

function toAgent(row: AgentRow): Agent {
    let languages: Lang[] = [];
    try {
        const parsed = JSON.parse(row.languages) as unknown;
        languages = Array.isArray(parsed) ? parsed.filter(isLang) : [];
    } catch {
        languages = [];
    }
    return { login: row.login, name: row.name, languages, hasPassword: row.password_hash !== null, availability: row.availability === 'away' ? 'away' : 'available' };
}

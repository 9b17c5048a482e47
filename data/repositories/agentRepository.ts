import { isLang, type Lang } from '../../core/language';
import type { Database } from '../database';
import type { Agent, AgentAvailability } from '../handoffModel';

interface AgentRow {
    login: string;
    name: string;
    languages: string;
    password_hash: string | null;
    availability: string;
    supervisor: number;
}

/** A session as stored (the token itself is never stored, only its hash). */
export interface AgentSession {
    readonly login: string;
    readonly csrfToken: string;
    readonly createdAt: number;
    readonly lastSeenAt: number;
    readonly expiresAt: number;
}

/** How a sign-in attempt is throttled: what {@link AgentRepository.reserveLoginAttempt} reads and decides on. */
export interface LoginThrottle {
    /** The keys an attempt counts against (e.g. login + address, address). */
    readonly keys: readonly string[];
    readonly since: number;
    /**
     * Given the failures of each key since `since` (count and newest time),
     * the time from which another attempt is allowed (≤ now: allowed).
     */
    readonly allowedFrom: (failures: ReadonlyArray<{ readonly count: number; readonly last: number }>) => number;
}

/** A reserved attempt: its failure rows, removed again when the password is right. */
export type LoginReservation = { readonly kind: 'reserved'; readonly rowIds: readonly number[] } | { readonly kind: 'throttled'; readonly allowedFrom: number };

/** Support agents, their password hashes, sessions and failed logins. */
export class AgentRepository {
    public constructor(private readonly db: Database) {}

    public async get(login: string): Promise<Agent | undefined> {
        const row = await this.db.get<AgentRow>('SELECT login, name, languages, password_hash, availability, supervisor FROM agents WHERE login = ?', [login]);
        return row && toAgent(row);
    }

    /** Every agent, by name. */
    public async list(): Promise<Agent[]> {
        return (await this.db.all<AgentRow>('SELECT login, name, languages, password_hash, availability, supervisor FROM agents ORDER BY name')).map(toAgent);
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
    /** Makes the agent a supervisor or not; false when there is no such agent. */
    public async setSupervisor(login: string, supervisor: boolean): Promise<boolean> {
        return (await this.db.run('UPDATE agents SET supervisor = ? WHERE login = ?', [supervisor ? 1 : 0, login])).changes === 1;
    }

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

    /**
     * Dates the session's last sign of life back to `at`, unless it was seen
     * after `closedAt` (another instance's stream of it opened meanwhile).
     */
    public async backdateSession(tokenHash: string, closedAt: number, at: number): Promise<void> {
        await this.db.run('UPDATE agent_sessions SET last_seen_at = ? WHERE token_hash = ? AND last_seen_at <= ?', [at, tokenHash, closedAt]);
    }

    public async deleteSession(tokenHash: string): Promise<void> {
        await this.db.run('DELETE FROM agent_sessions WHERE token_hash = ?', [tokenHash]);
    }

    /** Agents with a live session seen since `since` (a login once per session; callers make a set of them). */
    public async seenSince(since: number, now: number): Promise<string[]> {
        const rows = await this.db.all<{ login: string }>('SELECT login FROM agent_sessions WHERE last_seen_at >= ? AND expires_at > ?', [since, now]);
        return rows.map((row) => row.login);
    }

    /** Forgets sessions that have expired. */
    public async deleteExpiredSessions(now: number): Promise<void> {
        await this.db.run('DELETE FROM agent_sessions WHERE expires_at <= ?', [now]);
    }

    /**
     * Checks the throttle and records the attempt as a failure in one
     * transaction, before the password is checked: parallel attempts each see
     * the ones before them. A right password then takes its rows back
     * ({@link forgiveAttempt}).
     */
    public reserveLoginAttempt(throttle: LoginThrottle, now: number): Promise<LoginReservation> {
        return this.db.transaction(async (tx): Promise<LoginReservation> => {
            const failures = [];
            for (const key of throttle.keys) {
                const row = await tx.get<{ n: number; last: number | null }>('SELECT COUNT(*) AS n, MAX(at) AS last FROM agent_login_failures WHERE key = ? AND at >= ?', [
                    key,
                    throttle.since
                ]);
                failures.push({ count: row?.n ?? 0, last: row?.last ?? 0 });
            }
            const allowedFrom = throttle.allowedFrom(failures);
            if (allowedFrom > now) {
                return { kind: 'throttled', allowedFrom };
            }
            const rowIds: number[] = [];
            for (const key of throttle.keys) {
                rowIds.push((await tx.run('INSERT INTO agent_login_failures (key, at) VALUES (?, ?)', [key, now])).lastId);
            }
            return { kind: 'reserved', rowIds };
        }, { locks: throttle.keys.map((key) => `agent-login:${key}`) });
    }

    /** Takes back the failure rows of a reserved attempt (right password, or not checked after all). */
    public async forgiveAttempt(rowIds: readonly number[]): Promise<void> {
        for (const rowId of rowIds) {
            await this.db.run('DELETE FROM agent_login_failures WHERE rowid = ?', [rowId]);
        }
    }

    /** Forgets the failures of a key (a right password from that login and address). */
    public async clearLoginFailures(key: string): Promise<void> {
        await this.db.run('DELETE FROM agent_login_failures WHERE key = ?', [key]);
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
    return { login: row.login, name: row.name, languages, hasPassword: row.password_hash !== null, availability: row.availability === 'away' ? 'away' : 'available', supervisor: row.supervisor === 1 };
}

import * as crypto from 'crypto';
import type { Clock } from '../core/clock';
import type { Lang } from '../core/language';
import { getLogger } from '../core/logger';
import { hashPassword, MAX_PASSWORD_LENGTH, verifyPassword } from '../core/passwords';
import type { Agent, AgentAvailability } from '../data/handoffModel';
import type { AgentRepository } from '../data/repositories/agentRepository';
import type { AuditLog } from '../data/repositories/auditLog';

/** Limits of agent sign-in and sessions. */
export interface AgentSessionPolicy {
    readonly sessionTtlMs: number;
    readonly idleTimeoutMs: number;
    /** An agent counts as online while a session was seen this recently (the live channel pings). */
    readonly presenceMs: number;
    readonly failureWindowMs: number;
    readonly maxFailuresPerLogin: number;
    readonly maxFailuresPerIp: number;
}

/** 12 h sessions, 2 h idle, online for 2 min after the last sign of life, 5 wrong passwords per login and 20 per address in 15 min. */
export const DEFAULT_AGENT_SESSION_POLICY: AgentSessionPolicy = {
    sessionTtlMs: 12 * 3600_000,
    idleTimeoutMs: 2 * 3600_000,
    presenceMs: 2 * 60_000,
    failureWindowMs: 15 * 60_000,
    maxFailuresPerLogin: 5,
    maxFailuresPerIp: 20
};

/** Outcome of a sign-in. */
export type LoginOutcome =
    | { readonly kind: 'ok'; readonly agent: Agent; readonly token: string; readonly csrfToken: string }
    | { readonly kind: 'wrong' }
    | { readonly kind: 'rate-limited'; readonly retryAfterSeconds: number };

/** A signed-in agent, as a request sees it. */
export interface AgentSessionView {
    readonly agent: Agent;
    readonly csrfToken: string;
    readonly tokenHash: string;
}

/** Minimum length of an agent password. */
export const MIN_PASSWORD_LENGTH = 10;

const log = getLogger('services.agents');

/**
 * The support agents: passwords (scrypt), sessions (random tokens stored only
 * as hashes, with a CSRF token each), rate-limited sign-in and who is online.
 */
export class AgentDirectory {
    public constructor(
        private readonly agents: AgentRepository,
        private readonly audit: AuditLog,
        private readonly clock: Clock,
        public readonly policy: AgentSessionPolicy = DEFAULT_AGENT_SESSION_POLICY
    ) {}

    public get(login: string): Promise<Agent | undefined> {
        return this.agents.get(login);
    }

    public list(): Promise<Agent[]> {
        return this.agents.list();
    }

    /** Sets an agent's password and ends their sessions. @throws when the password is too short or too long. */
    public async setPassword(login: string, password: string): Promise<boolean> {
        checkPasswordRules(password);
        const changed = await this.agents.setPasswordHash(login, await hashPassword(password));
        if (changed) {
            await this.agents.deleteSessionsOf(login);
            await this.audit.record('operator', 'agent.password-set', `agent:${login}`);
        }
        return changed;
    }

    /** Gives `password` to every agent that has none yet (local demos); returns their logins. */
    public async setMissingPasswords(password: string): Promise<string[]> {
        const missing = (await this.agents.list()).filter((a) => !a.hasPassword);
        for (const agent of missing) {
            await this.setPassword(agent.login, password);
        }
        return missing.map((a) => a.login);
    }

    /** Signs an agent in, unless this login or address has failed too often lately. */
    public async login(login: string, password: string, ip: string): Promise<LoginOutcome> {
        const now = this.clock.now().getTime();
        const since = now - this.policy.failureWindowMs;
        const loginKey = `login:${login.toLowerCase().slice(0, 100)}`;
        const ipKey = `ip:${ip}`;
        if (
            (await this.agents.loginFailuresSince(loginKey, since)) >= this.policy.maxFailuresPerLogin ||
            (await this.agents.loginFailuresSince(ipKey, since)) >= this.policy.maxFailuresPerIp
        ) {
            log.warn('agent sign-in rate-limited', { ip });
            return { kind: 'rate-limited', retryAfterSeconds: Math.ceil(this.policy.failureWindowMs / 1000) };
        }
        const hash = await this.agents.passwordHash(login);
        const agent = hash ? await this.agents.get(login) : undefined;
        if (!(await verifyPassword(password, hash)) || !agent) {
            await this.agents.recordLoginFailure([loginKey, ipKey], now);
            await this.agents.pruneLoginFailures(now - 24 * 3600_000);
            await this.audit.record(`ip:${ip}`, 'agent.login-failed', loginKey);
            return { kind: 'wrong' };
        }
        const token = crypto.randomBytes(32).toString('base64url');
        const csrfToken = crypto.randomBytes(32).toString('base64url');
        await this.agents.deleteExpiredSessions(now);
        await this.agents.createSession(hashToken(token), agent.login, csrfToken, now, now + this.policy.sessionTtlMs);
        await this.audit.record(`agent:${agent.login}`, 'agent.login', undefined, { ip });
        return { kind: 'ok', agent, token, csrfToken };
    }

    /** The session of a cookie token, if it is live; marks the agent as seen. */
    public async session(token: string | undefined): Promise<AgentSessionView | undefined> {
        if (!token || token.length > 100) {
            return undefined;
        }
        const tokenHash = hashToken(token);
        const session = await this.agents.session(tokenHash);
        const now = this.clock.now().getTime();
        if (!session || session.expiresAt <= now || session.lastSeenAt + this.policy.idleTimeoutMs <= now) {
            return undefined;
        }
        const agent = await this.agents.get(session.login);
        if (!agent) {
            return undefined;
        }
        if (now - session.lastSeenAt > 15_000) {
            await this.agents.touchSession(tokenHash, now);
        }
        return { agent, csrfToken: session.csrfToken, tokenHash };
    }

    /** Keeps a session (and so the agent's presence) alive; the live channel calls this. */
    public async touch(tokenHash: string): Promise<void> {
        await this.agents.touchSession(tokenHash, this.clock.now().getTime());
    }

    public async logout(tokenHash: string, login: string): Promise<void> {
        await this.agents.deleteSession(tokenHash);
        await this.audit.record(`agent:${login}`, 'agent.logout');
    }

    /** Sets whether the agent takes new conversations (`away`: signed in, but routing passes them by). */
    public async setAvailability(login: string, availability: AgentAvailability): Promise<boolean> {
        const changed = await this.agents.setAvailability(login, availability);
        if (changed) {
            await this.audit.record(`agent:${login}`, 'agent.availability', undefined, { availability });
        }
        return changed;
    }

    /**
     * Agents who take conversations now: signed in and not away, optionally
     * only those who speak `lang`. Routing (can a chat start, wait estimates,
     * transfers) counts these.
     */
    public async available(lang?: Lang): Promise<Agent[]> {
        return (await this.online(lang)).filter((a) => a.availability === 'available');
    }

    /** Agents signed in now (available or away), optionally only those who speak `lang`. */
    public async online(lang?: Lang): Promise<Agent[]> {
        const now = this.clock.now().getTime();
        const logins = new Set(await this.agents.seenSince(now - this.policy.presenceMs, now));
        return (await this.agents.list()).filter((a) => logins.has(a.login) && (lang === undefined || a.languages.includes(lang)));
    }
}

/** Checks the length rules of agent passwords. @throws Error saying which rule is broken. */
export function checkPasswordRules(password: string): void {
    if (password.length < MIN_PASSWORD_LENGTH) {
        throw new Error(`the password must be at least ${MIN_PASSWORD_LENGTH} characters long`);
    }
    if (password.length > MAX_PASSWORD_LENGTH) {
        throw new Error(`the password must not be longer than ${MAX_PASSWORD_LENGTH} characters`);
    }
}

function hashToken(token: string): string {
    return crypto.createHash('sha256').update(token).digest('hex');
}

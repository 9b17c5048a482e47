import * as crypto from 'crypto';
import { BoundedQueue } from '../core/boundedQueue';
import type { Clock } from '../core/clock';
import type { Lang } from '../core/language';
import { getLogger } from '../core/logger';
import { hashPassword, MAX_PASSWORD_LENGTH, passwordNeedsRehash, verifyPassword } from '../core/passwords';
import type { Agent, AgentAvailability } from '../data/handoffModel';
import type { AgentRepository } from '../data/repositories/agentRepository';
import type { AuditLog } from '../data/repositories/auditLog';

/** Limits of agent sign-in and sessions. */
export interface AgentSessionPolicy {
    readonly sessionTtlMs: number;
    readonly idleTimeoutMs: number;
    /** An agent counts as online while a session was seen this recently (the live channel pings). */
    readonly presenceMs: number;
    /** How long a wrong password counts. */
    readonly failureWindowMs: number;
    /** Wrong passwords for one login from one address before every further try has to wait. */
    readonly freeFailuresPerLoginAndIp: number;
    /** The first wait after those; it doubles with every further wrong password, up to the failure window. */
    readonly firstDelayMs: number;
    /** Wrong passwords from one address, for any logins, before it has to wait out the window. */
    readonly maxFailuresPerIp: number;
    /** Password checks at once (scrypt runs on the thread pool the database uses too). */
    readonly hashConcurrency: number;
    /** Password checks waiting behind those; a sign-in beyond is answered "busy" at once. */
    readonly hashQueueLength: number;
}

/**
 * 12 h sessions, 2 h idle, online for 2 min after the last sign of life; per
 * login and address 5 free wrong passwords, then waits of 30 s, 60 s, 120 s …
 * (at most 15 min); 20 wrong passwords per address in 15 min; one password
 * check at a time with 4 waiting.
 */
export const DEFAULT_AGENT_SESSION_POLICY: AgentSessionPolicy = {
    sessionTtlMs: 12 * 3600_000,
    idleTimeoutMs: 2 * 3600_000,
    presenceMs: 2 * 60_000,
    failureWindowMs: 15 * 60_000,
    freeFailuresPerLoginAndIp: 5,
    firstDelayMs: 30_000,
    maxFailuresPerIp: 20,
    hashConcurrency: 1,
    hashQueueLength: 4
};

/** Outcome of a sign-in. */
export type LoginOutcome =
    | { readonly kind: 'ok'; readonly agent: Agent; readonly token: string; readonly csrfToken: string }
    | { readonly kind: 'wrong' }
    | { readonly kind: 'rate-limited'; readonly retryAfterSeconds: number }
    /** Too many password checks at once: nothing was checked or counted. */
    | { readonly kind: 'busy'; readonly retryAfterSeconds: number };

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
    private readonly hashing: BoundedQueue;

    public constructor(
        private readonly agents: AgentRepository,
        private readonly audit: AuditLog,
        private readonly clock: Clock,
        public readonly policy: AgentSessionPolicy = DEFAULT_AGENT_SESSION_POLICY
    ) {
        this.hashing = new BoundedQueue(policy.hashConcurrency, policy.hashQueueLength);
    }

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

    /** Makes an agent a supervisor (sees the insights) or takes that away; false when there is no such agent. */
    public async setSupervisor(login: string, supervisor: boolean): Promise<boolean> {
        const changed = await this.agents.setSupervisor(login, supervisor);
        if (changed) {
            await this.audit.record('operator', supervisor ? 'agent.supervisor-granted' : 'agent.supervisor-revoked', `agent:${login}`);
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

    /**
     * Signs an agent in, unless this login has failed too often lately from
     * this address (growing waits) or the address has (for any logins). The
     * attempt is counted before the password is checked, in one transaction
     * with the check of the limits, so parallel attempts cannot race past
     * them; a wrong password elsewhere does not lock the agent out here.
     * Password checks are queued and bounded: beyond the queue the answer is
     * `busy` without any work.
     */
    public async login(login: string, password: string, ip: string): Promise<LoginOutcome> {
        if (this.hashing.full) {
            return { kind: 'busy', retryAfterSeconds: 1 };
        }
        const now = this.clock.now().getTime();
        const since = now - this.policy.failureWindowMs;
        const loginKey = `login:${login.toLowerCase().slice(0, 100)}`;
        const pairKey = `login+ip:${ip} ${loginKey}`;
        const ipKey = `ip:${ip}`;
        const reservation = await this.agents.reserveLoginAttempt(
            { keys: [pairKey, ipKey], since, allowedFrom: ([pair, address]) => Math.max(this.pairAllowedFrom(pair), this.addressAllowedFrom(address)) },
            now
        );
        if (reservation.kind === 'throttled') {
            log.warn('agent sign-in rate-limited', { ip });
            return { kind: 'rate-limited', retryAfterSeconds: Math.max(1, Math.ceil((reservation.allowedFrom - now) / 1000)) };
        }
        const hash = await this.agents.passwordHash(login);
        const checking = this.hashing.tryRun(() => verifyPassword(password, hash));
        if (!checking) {
            await this.agents.forgiveAttempt(reservation.rowIds);
            return { kind: 'busy', retryAfterSeconds: 1 };
        }
        const agent = (await checking) && hash ? await this.agents.get(login) : undefined;
        if (!agent) {
            await this.agents.pruneLoginFailures(now - 24 * 3600_000);
            await this.audit.record(`ip:${ip}`, 'agent.login-failed', loginKey);
            return { kind: 'wrong' };
        }
        await this.agents.forgiveAttempt(reservation.rowIds);
        await this.agents.clearLoginFailures(pairKey);
        if (hash) {
            await this.upgradeHash(agent.login, password, hash);
        }
        const token = crypto.randomBytes(32).toString('base64url');
        const csrfToken = crypto.randomBytes(32).toString('base64url');
        await this.agents.deleteExpiredSessions(now);
        await this.agents.createSession(hashToken(token), agent.login, csrfToken, now, now + this.policy.sessionTtlMs);
        await this.audit.record(`agent:${agent.login}`, 'agent.login', undefined, { ip });
        return { kind: 'ok', agent, token, csrfToken };
    }

    /**
     * A hash stored at an older, lower cost is replaced by one at today's cost while the password is
     * at hand; when the hashing slots are all busy it waits for a later sign-in instead of queueing.
     */
    private async upgradeHash(login: string, password: string, stored: string): Promise<void> {
        if (!passwordNeedsRehash(stored)) {
            return;
        }
        const hashing = this.hashing.tryRun(() => hashPassword(password));
        if (hashing) {
            await this.agents.setPasswordHash(login, await hashing);
            log.info('agent password hash raised to the current cost', { login });
        }
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

    /**
     * The session's console is gone (its live stream closed at `closedAt` and
     * stayed closed): it no longer makes the agent count as online, unless a
     * stream of it opened since on another instance. The session itself stays
     * valid; the next request of a console (a reload) counts as seen again.
     */
    public async leave(tokenHash: string, closedAt: number): Promise<void> {
        await this.agents.backdateSession(tokenHash, closedAt, this.clock.now().getTime() - this.policy.presenceMs - 1);
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

    /** From when one login may try again from one address: free tries first, then waits that double, at most the window. */
    private pairAllowedFrom(failures: { readonly count: number; readonly last: number }): number {
        const over = failures.count - this.policy.freeFailuresPerLoginAndIp;
        return over < 0 ? 0 : failures.last + Math.min(this.policy.failureWindowMs, this.policy.firstDelayMs * 2 ** over);
    }

    /** From when an address may try again after too many wrong passwords for any logins. */
    private addressAllowedFrom(failures: { readonly count: number; readonly last: number }): number {
        return failures.count < this.policy.maxFailuresPerIp ? 0 : failures.last + this.policy.failureWindowMs;
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

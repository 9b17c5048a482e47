import * as crypto from 'crypto';
import type { Clock } from '../../core/clock';

/** What a Direct Line token grants: one conversation, as one user, until it expires. */
export interface DirectLineGrant {
    readonly conversationId: string;
    readonly userId: string;
    /** Epoch milliseconds. */
    readonly expiresAt: number;
    /** When the first token of this chain was issued (epoch ms); refreshing keeps it, so a chain ends after the lifetime. */
    readonly originAt: number;
}

/** A freshly issued token as the Direct Line API returns it. */
export interface IssuedToken {
    readonly token: string;
    /** Seconds until it expires (`expires_in`). */
    readonly expiresIn: number;
}

/** Why a token was refused: unreadable or forged (401), or out of date (403, the client should get a new one). */
export type TokenProblem = 'malformed' | 'forged' | 'expired';

/** The result of checking a presented token. */
export type TokenCheck = { readonly ok: true; readonly grant: DirectLineGrant } | { readonly ok: false; readonly problem: TokenProblem };

/** One hour, like Azure Direct Line; clients refresh it well before (directlinejs every 15 minutes). */
export const DEFAULT_TOKEN_TTL_SECONDS = 3600;

/** How long refreshing can keep a conversation's tokens alive, from the first one; then the page starts a new chat. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 24 * 3600;

const ISSUER = 'billing-contact-assistant/directline';
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
const SEGMENT = /^[A-Za-z0-9_-]+$/;

interface Claims {
    iss?: unknown;
    conv?: unknown;
    user?: unknown;
    iat?: unknown;
    exp?: unknown;
    /** First issue of the chain (seconds); tokens from before it was added count from their `iat`. */
    orig?: unknown;
}

/**
 * Issues and checks the tokens of the built-in Direct Line endpoint: JWTs
 * signed with HMAC-SHA256 under a key derived from the bot's secret key, so
 * they survive a restart. The `user` claim is where Web Chat and directlinejs
 * read the user id from. Also recognises the Direct Line secret.
 */
export class DirectLineTokens {
    private readonly signingKey: Buffer;
    private readonly secretDigest: Buffer;

    public constructor(
        key: Buffer,
        secret: string,
        private readonly clock: Clock,
        private readonly ttlSeconds: number = DEFAULT_TOKEN_TTL_SECONDS,
        private readonly lifetimeSeconds: number = DEFAULT_TOKEN_LIFETIME_SECONDS
    ) {
        if (key.length < 32) {
            throw new Error('DirectLineTokens: the key must be at least 32 bytes');
        }
        this.signingKey = crypto.createHmac('sha256', key).update('directline-token').digest();
        this.secretDigest = digest(secret);
    }

    /**
     * A token for `conversationId` as `userId`, valid for the configured time
     * from now but never past the lifetime of its chain: `originAt` is the
     * first issue of the chain the caller's token belongs to (a refresh), or
     * now for a new one.
     */
    public issue(conversationId: string, userId: string, originAt?: number): IssuedToken {
        const iat = Math.floor(this.clock.now().getTime() / 1000);
        const orig = originAt === undefined ? iat : Math.min(iat, Math.floor(originAt / 1000));
        const exp = Math.max(iat, Math.min(iat + this.ttlSeconds, orig + this.lifetimeSeconds));
        const payload = base64url(JSON.stringify({ iss: ISSUER, conv: conversationId, user: userId, iat, exp, orig }));
        return { token: `${HEADER}.${payload}.${this.sign(`${HEADER}.${payload}`)}`, expiresIn: exp - iat };
    }

    /** Checks signature, issuer and expiry of a presented token. */
    public verify(token: string): TokenCheck {
        const parts = token.split('.');
        if (parts.length !== 3 || !parts.every((part) => SEGMENT.test(part)) || parts[0] !== HEADER) {
            return { ok: false, problem: 'malformed' };
        }
        const expected = Buffer.from(this.sign(`${parts[0]}.${parts[1]}`));
        const actual = Buffer.from(parts[2]);
        if (expected.length !== actual.length || !crypto.timingSafeEqual(expected, actual)) {
            return { ok: false, problem: 'forged' };
        }
        let claims: Claims;
        try {
            claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Claims;
        } catch {
            return { ok: false, problem: 'malformed' };
        }
        if (claims.iss !== ISSUER || typeof claims.conv !== 'string' || typeof claims.user !== 'string' || typeof claims.exp !== 'number') {
            return { ok: false, problem: 'malformed' };
        }
        const expiresAt = claims.exp * 1000;
        const originAt = (typeof claims.orig === 'number' ? claims.orig : typeof claims.iat === 'number' ? claims.iat : 0) * 1000;
        const now = this.clock.now().getTime();
        if (now >= expiresAt || now >= originAt + this.lifetimeSeconds * 1000) {
            return { ok: false, problem: 'expired' };
        }
        return { ok: true, grant: { conversationId: claims.conv, userId: claims.user, expiresAt, originAt } };
    }

    /** True when `value` is the Direct Line secret (compared in constant time). */
    public isSecret(value: string): boolean {
        return crypto.timingSafeEqual(digest(value), this.secretDigest);
    }

    private sign(data: string): string {
        return crypto.createHmac('sha256', this.signingKey).update(data).digest('base64url');
    }
}

function base64url(text: string): string {
    return Buffer.from(text, 'utf8').toString('base64url');
}

function digest(value: string): Buffer {
    return crypto.createHash('sha256').update(value, 'utf8').digest();
}

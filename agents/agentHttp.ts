import * as crypto from 'crypto';
import type { IncomingMessage } from 'http';
import type { Request, Response } from 'restify';
import { HttpError } from '../web/httpError';
import { readJsonBody } from '../web/jsonBody';
import { sendError } from '../web/sendError';
import type { AgentDirectory, AgentSessionView } from '../services/agentDirectory';

/** Name of the agent session cookie. */
export const SESSION_COOKIE = 'agent_session';

/** Header that must carry the session's CSRF token on every state-changing request. */
export const CSRF_HEADER = 'x-csrf-token';

/** Largest JSON body the console API accepts. */
const MAX_BODY_BYTES = 64 * 1024;

/** The value of one cookie of the request, if present. */
export function cookieOf(req: Request, name: string): string | undefined {
    const header = req.headers.cookie;
    if (typeof header !== 'string') {
        return undefined;
    }
    for (const part of header.split(';')) {
        const [key, ...rest] = part.trim().split('=');
        if (key === name) {
            try {
                return decodeURIComponent(rest.join('='));
            } catch {
                // A malformed escape is no session: the caller answers 401.
                return undefined;
            }
        }
    }
    return undefined;
}

/** The session cookie: HttpOnly, SameSite=Strict, only for the console's paths, Secure over https. */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
    return [`${SESSION_COOKIE}=${token}`, 'Path=/agent', 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAgeSeconds}`, ...(secure ? ['Secure'] : [])].join('; ');
}

/** Reads a JSON object body (at most 64 KB). */
export function readBody(req: Request): Promise<Record<string, unknown>> {
    return readJsonBody(req as unknown as IncomingMessage, MAX_BODY_BYTES);
}

/** A string field of a body, or undefined; @throws 400 when it is there but not a string. */
export function optionalString(body: Record<string, unknown>, field: string): string | undefined {
    const value = body[field];
    if (value === undefined || value === null) {
        return undefined;
    }
    if (typeof value !== 'string') {
        throw new HttpError(400, 'InvalidBody', `"${field}" must be a string.`);
    }
    return value;
}

/** A required string field; @throws 400 when missing. */
export function requiredString(body: Record<string, unknown>, field: string): string {
    const value = optionalString(body, field);
    if (value === undefined) {
        throw new HttpError(400, 'InvalidBody', `"${field}" is required.`);
    }
    return value;
}

/** The numeric `:id` (or another numeric parameter) of the route; @throws 404 for anything else. */
export function idParam(req: Request, name = 'id'): number {
    const text = String((req.params as Record<string, unknown> | undefined)?.[name] ?? '');
    if (!/^\d{1,12}$/.test(text)) {
        throw new HttpError(404, 'NotFound', 'No such item.');
    }
    return Number(text);
}

/** The `:id` of a handoff route: its public id (random, URL-safe); @throws 404 for anything else. */
export function publicIdParam(req: Request): string {
    const text = String((req.params as Record<string, unknown> | undefined)?.id ?? '');
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(text)) {
        throw new HttpError(404, 'NotFound', 'No such item.');
    }
    return text;
}

/** Answers with JSON that no cache keeps. */
export function sendJson(res: Response, status: number, body: unknown): void {
    res.header('Cache-Control', 'no-store');
    res.send(status, body);
}

/**
 * A console API handler: the request must carry a live session (401
 * otherwise) and, when `csrf` is set, the session's CSRF token (403
 * otherwise). Every error is answered as JSON.
 */
export function guarded(
    directory: AgentDirectory,
    options: { readonly csrf: boolean },
    handler: (req: Request, res: Response, session: AgentSessionView) => Promise<void>
): (req: Request, res: Response) => Promise<void> {
    return async (req, res) => {
        try {
            const session = await directory.session(cookieOf(req, SESSION_COOKIE));
            if (!session) {
                throw new HttpError(401, 'Unauthorized', 'Sign in first.');
            }
            if (options.csrf && !sameToken(req.headers[CSRF_HEADER], session.csrfToken)) {
                throw new HttpError(403, 'CsrfTokenInvalid', 'The request must carry the CSRF token of the session (header X-CSRF-Token).');
            }
            await handler(req, res, session);
        } catch (err) {
            res.header('Cache-Control', 'no-store');
            sendError(res, err);
        }
    };
}

/** Compares a sent token with the session's in constant time. */
function sameToken(sent: string | string[] | undefined, expected: string): boolean {
    if (typeof sent !== 'string') {
        return false;
    }
    const a = Buffer.from(sent);
    const b = Buffer.from(expected);
    return a.length === b.length && crypto.timingSafeEqual(a, b);
}

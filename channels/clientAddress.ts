import type { Request } from 'restify';

/**
 * The address a request came from, for limits and the audit log: the peer of
 * the socket. The one place to change when a trusted reverse proxy's
 * `X-Forwarded-For` is to be taken instead.
 */
export function clientAddress(req: Request): string {
    return req.socket.remoteAddress ?? 'unknown';
}

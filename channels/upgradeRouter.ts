import { STATUS_CODES, type IncomingMessage, type Server } from 'http';
import type { Duplex } from 'stream';
import { getLogger } from '../core/logger';
import { HttpError } from '../web/httpError';

const log = getLogger('channels.upgrades');

/**
 * Takes an upgrade request for its path: returns undefined when the request
 * is not its business, else a promise that settles when the handshake is
 * over (accepted, or refused with a rejection; an {@link HttpError} is
 * answered with its status).
 */
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer, path: string, url: URL) => Promise<void> | undefined;

/** Limits of the upgrade handshakes. */
export interface UpgradeLimits {
    /** Handshakes in progress at once; more are answered 503 and closed. */
    readonly maxPending: number;
    /** A handshake not finished by then is closed. */
    readonly handshakeTimeoutMs: number;
}

/** Defaults: far more than Web Chat's reconnects need, far fewer than a process's file descriptors. */
export const DEFAULT_UPGRADE_LIMITS: UpgradeLimits = { maxPending: 128, handshakeTimeoutMs: 10_000 };

/**
 * The server's one `upgrade` listener. Every upgrade request gets an HTTP
 * answer or its WebSocket: a malformed URL 400, a path nobody serves 404, too
 * many handshakes at once 503, a handler that fails its error; the socket is
 * then closed, so a client that walks away holds no file descriptor. Nothing
 * thrown by a handler leaves the listener.
 */
export class UpgradeRouter {
    private readonly handlers: UpgradeHandler[] = [];
    private pending = 0;

    public constructor(private readonly limits: UpgradeLimits = DEFAULT_UPGRADE_LIMITS) {}

    /** Becomes the server's upgrade listener. */
    public attach(server: Server): void {
        server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.route(req, socket, head));
    }

    /** Adds a handler; handlers are asked in the order they were added. */
    public add(handler: UpgradeHandler): void {
        this.handlers.push(handler);
    }

    /** Handshakes in progress (for tests and health figures). */
    public get inProgress(): number {
        return this.pending;
    }

    private route(req: IncomingMessage, socket: Duplex, head: Buffer): void {
        try {
            socket.on('error', () => socket.destroy());
            if (this.pending >= this.limits.maxPending) {
                answer(socket, new HttpError(503, 'TooManyHandshakes', 'The server is busy; please try again in a moment.'));
                return;
            }
            const url = parseTarget(req.url);
            if (!url) {
                answer(socket, new HttpError(400, 'BadRequest', 'The request target is not a valid path.'));
                return;
            }
            for (const handler of this.handlers) {
                const handshake = handler(req, socket, head, url.pathname, url);
                if (handshake) {
                    this.track(socket, handshake);
                    return;
                }
            }
            answer(socket, new HttpError(404, 'NotFound', 'Nothing here accepts a protocol upgrade.'));
        } catch (err) {
            fail(socket, err);
        }
    }

    /** Counts the handshake until it settles, and closes it when it takes too long. */
    private track(socket: Duplex, handshake: Promise<void>): void {
        this.pending++;
        let settled = false;
        const timer = setTimeout(() => {
            if (!settled) {
                socket.destroy();
            }
        }, this.limits.handshakeTimeoutMs);
        timer.unref();
        const settle = (): void => {
            if (!settled) {
                settled = true;
                this.pending--;
                clearTimeout(timer);
            }
        };
        socket.once('close', settle);
        handshake.then(settle, (err: unknown) => {
            settle();
            fail(socket, err);
        });
    }
}

/** The request target as a URL on this server; undefined when it is not a path (`//[`, `*`, bad escapes). */
function parseTarget(target: string | undefined): URL | undefined {
    if (!target || !target.startsWith('/') || target.startsWith('//')) {
        return undefined;
    }
    try {
        const url = new URL(target, 'http://upgrade.local');
        decodeURIComponent(url.pathname);
        return url;
    } catch {
        return undefined;
    }
}

/** Answers a failed handshake: its HttpError, or a logged 500 without internals. */
function fail(socket: Duplex, err: unknown): void {
    if (err instanceof HttpError) {
        answer(socket, err);
        return;
    }
    log.error('upgrade failed', { error: err instanceof Error ? err.message : String(err) });
    answer(socket, new HttpError(500, 'InternalError', 'The connection could not be opened.'));
}

/** Writes a JSON HTTP answer on the raw socket and closes it. */
export function answer(socket: Duplex, error: HttpError): void {
    if (socket.destroyed) {
        return;
    }
    if (!socket.writable) {
        socket.destroy();
        return;
    }
    const body = JSON.stringify(error.toBody());
    socket.end(
        `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? 'Error'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
    );
    // A client that never reads its answer must not keep the socket open.
    setTimeout(() => socket.destroy(), 2_000).unref();
}

import type { Response } from 'restify';
import type { AgentSessionView } from '../services/agentDirectory';
import { HttpError } from '../web/httpError';
import { getLogger } from '../core/logger';
import type { HandoffEvent, HandoffEvents } from '../services/handoffEvents';

const log = getLogger('agents.liveChannel');

/** Seconds between keep-alive pings (which also keep the agent counted as online). */
const PING_MS = 25_000;

/**
 * How long a session may be without a live stream before its agent stops
 * counting as online: a reload opens the next stream within a second or two.
 */
export const LEAVE_GRACE_MS = 5_000;

/** What the live channel tells about a session's presence. */
export interface SessionPresence {
    /** A stream of the session is open (pinged): the agent is online. */
    touch(session: AgentSessionView): Promise<void>;
    /** The time on the clock the signs of life are kept by. */
    now(): number;
    /** The session's last stream closed at `closedAt` and none opened within the grace: the console is gone. */
    leave(session: AgentSessionView, closedAt: number): Promise<void>;
}

interface Listener {
    readonly res: Response;
    readonly session: AgentSessionView;
    readonly unsubscribe: () => void;
    readonly ping: NodeJS.Timeout;
}

/** Public ids remembered (they never change); beyond this many the memory starts again. */
const MAX_REMEMBERED_IDS = 5000;

/** How many live streams may be open at once; beyond either, `GET /agent/api/events` answers 429. */
export interface LiveStreamLimits {
    /** Per agent session (a console open in a few tabs). */
    readonly perSession: number;
    /** On the whole server. */
    readonly total: number;
}

/** Five per session, 200 in all. */
export const DEFAULT_LIVE_STREAM_LIMITS: LiveStreamLimits = { perSession: 5, total: 200 };

/**
 * The console's live channel: Server-Sent Events (`GET /agent/api/events`).
 * Each signed-in page gets queue changes, and new lines of the conversations
 * it may see (waiting ones and its own).
 */
export class LiveChannel {
    private readonly listeners = new Set<Listener>();
    private readonly publicIds = new Map<number, string>();
    /** Sessions whose last stream closed, until the grace runs out (by token hash). */
    private readonly leaving = new Map<string, NodeJS.Timeout>();

    /**
     * @param publicIdOf the public id of a handoff: events name handoffs by
     * their internal id, the console knows only public ones.
     */
    public constructor(
        private readonly events: HandoffEvents,
        private readonly presence: SessionPresence,
        private readonly publicIdOf: (id: number) => Promise<string | undefined>,
        private readonly limits: LiveStreamLimits = DEFAULT_LIVE_STREAM_LIMITS,
        private readonly leaveGraceMs = LEAVE_GRACE_MS
    ) {}

    /**
     * Keeps the response open as an event stream until the page goes away or
     * {@link close}. @throws 429 when the session or the server has as many
     * streams open as {@link LiveStreamLimits} allow.
     */
    public open(res: Response, session: AgentSessionView): void {
        let ofSession = 0;
        for (const listener of this.listeners) {
            ofSession += listener.session.tokenHash === session.tokenHash ? 1 : 0;
        }
        if (ofSession >= this.limits.perSession) {
            throw new HttpError(429, 'TooManyStreams', `A session may have at most ${this.limits.perSession} live streams open; close one first.`);
        }
        if (this.listeners.size >= this.limits.total) {
            res.header('Retry-After', '30');
            throw new HttpError(429, 'TooManyStreams', 'Too many live streams are open; try again later.');
        }
        res.writeHead(200, {
            'Content-Type': 'text/event-stream; charset=utf-8',
            'Cache-Control': 'no-store',
            Connection: 'keep-alive',
            'X-Accel-Buffering': 'no'
        });
        res.write('retry: 3000\n\n');
        this.cancelLeave(session.tokenHash);
        // Seen now: a leave started by another instance, where this session's stream closed a moment ago, then keeps it online.
        void this.presence.touch(session).catch(() => undefined);
        const login = session.agent.login;
        // Events go out in the order they came, though naming the handoff may need a lookup.
        let order = Promise.resolve();
        const unsubscribe = this.events.subscribe((event) => {
            if (this.visible(event, login)) {
                order = order
                    .then(async () => {
                        const data = await this.outgoing(event);
                        if (data) {
                            res.write(`event: ${event.type}\ndata: ${JSON.stringify(data)}\n\n`);
                        }
                    })
                    .catch((err: unknown) => log.error('live event not sent', { type: event.type, error: err }));
            }
        });
        const ping = setInterval(() => {
            res.write(': ping\n\n');
            void this.presence.touch(session).catch(() => undefined);
        }, PING_MS);
        ping.unref();
        const listener: Listener = { res, session, unsubscribe, ping };
        this.listeners.add(listener);
        res.on('close', () => this.drop(listener));
    }

    /** Number of open streams. */
    public get size(): number {
        return this.listeners.size;
    }

    /** Ends every stream (shutdown: an open stream would keep the server from closing). */
    public close(): void {
        for (const listener of [...this.listeners]) {
            listener.res.end();
            this.drop(listener, false);
        }
        this.leaving.forEach((timer) => clearTimeout(timer));
        this.leaving.clear();
    }

    /**
     * Queue and status changes go to every console; a new line to everyone
     * while the conversation waits, then only to the agent who has it; any
     * other event about a conversation (typing) only to that agent.
     */
    private visible(event: HandoffEvent, login: string): boolean {
        switch (event.type) {
            case 'queue':
            case 'handoff':
                return true;
            case 'message':
                return event.agentLogin === null || event.agentLogin === login;
            default:
                return event.agentLogin === login;
        }
    }

    /**
     * What the page gets of an event: the handoff named by its public id, a
     * new line by its id only (the page reads the line through the API, where
     * access is checked), nothing internal.
     */
    private async outgoing(event: HandoffEvent): Promise<Record<string, unknown> | undefined> {
        const { type: _type, agentLogin: _agent, ...data } = event as HandoffEvent & { agentLogin?: unknown };
        if ('handoffId' in data) {
            const publicId = await this.publicId(data.handoffId);
            if (!publicId) {
                return undefined;
            }
            return { ...data, handoffId: publicId };
        }
        return data;
    }

    private async publicId(id: number): Promise<string | undefined> {
        const known = this.publicIds.get(id);
        if (known) {
            return known;
        }
        const found = await this.publicIdOf(id);
        if (found) {
            if (this.publicIds.size >= MAX_REMEMBERED_IDS) {
                this.publicIds.clear();
            }
            this.publicIds.set(id, found);
        }
        return found;
    }

    /** A stream ended; when it was its session's last, the session leaves after the grace unless a stream opens again. */
    private drop(listener: Listener, leaves = true): void {
        if (!this.listeners.delete(listener)) {
            return;
        }
        listener.unsubscribe();
        clearInterval(listener.ping);
        const { tokenHash } = listener.session;
        if (!leaves || [...this.listeners].some((other) => other.session.tokenHash === tokenHash)) {
            return;
        }
        this.cancelLeave(tokenHash);
        const closedAt = this.presence.now();
        const timer = setTimeout(() => {
            this.leaving.delete(tokenHash);
            if (![...this.listeners].some((other) => other.session.tokenHash === tokenHash)) {
                this.presence.leave(listener.session, closedAt).catch((err: unknown) => log.error('agent presence not ended', { error: err }));
            }
        }, this.leaveGraceMs);
        timer.unref();
        this.leaving.set(tokenHash, timer);
    }

    private cancelLeave(tokenHash: string): void {
        const timer = this.leaving.get(tokenHash);
        if (timer) {
            clearTimeout(timer);
            this.leaving.delete(tokenHash);
        }
    }
}

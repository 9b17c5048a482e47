import type { Response } from 'restify';
import type { AgentSessionView } from '../services/agentDirectory';
import type { HandoffEvent, HandoffEvents } from '../services/handoffEvents';

/** Seconds between keep-alive pings (which also keep the agent counted as online). */
const PING_MS = 25_000;

interface Listener {
    readonly res: Response;
    readonly session: AgentSessionView;
    readonly unsubscribe: () => void;
    readonly ping: NodeJS.Timeout;
}

/**
 * The console's live channel: Server-Sent Events (`GET /agent/api/events`).
 * Each signed-in page gets queue changes, and new lines of the conversations
 * it may see (waiting ones and its own).
 */
export class LiveChannel {
    private readonly listeners = new Set<Listener>();

    public constructor(private readonly events: HandoffEvents, private readonly touch: (session: AgentSessionView) => Promise<void>) {}

    /** Keeps the response open as an event stream until the page goes away or {@link close}. */
    public open(res: Response, session: AgentSessionView): void {
        res.writeHead(200, {
            'Content-Type': 'text/event-stream; charset=utf-8',
            'Cache-Control': 'no-store',
            Connection: 'keep-alive',
            'X-Accel-Buffering': 'no'
        });
        res.write('retry: 3000\n\n');
        const login = session.agent.login;
        const unsubscribe = this.events.subscribe((event) => {
            if (this.visible(event, login)) {
                const data =
                    event.type === 'delivery' ? { handoffId: event.handoffId, messageId: event.messageId, delivery: event.delivery, attempts: event.attempts } : event;
                res.write(`event: ${event.type}\ndata: ${JSON.stringify(data)}\n\n`);
            }
        });
        const ping = setInterval(() => {
            res.write(': ping\n\n');
            void this.touch(session).catch(() => undefined);
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
            this.drop(listener);
        }
    }

    private visible(event: HandoffEvent, login: string): boolean {
        if (event.type === 'delivery') {
            return event.agentLogin === login;
        }
        return event.type !== 'message' || event.agentLogin === null || event.agentLogin === login;
    }

    private drop(listener: Listener): void {
        if (this.listeners.delete(listener)) {
            listener.unsubscribe();
            clearInterval(listener.ping);
        }
    }
}

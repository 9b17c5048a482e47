import type { Request, Response, Server } from 'restify';
import type { Config } from '../config';
import type { Localizer } from '../language/i18n';
import type { Clock } from '../core/clock';
import { MAX_PASSWORD_LENGTH } from '../core/passwords';
import { HttpError } from '../web/httpError';
import { isLoopbackAddress, type ClientAddresses } from '../web/clientAddress';
import { sendError } from '../web/sendError';
import type { Agent } from '../data/handoffModel';
import type { AgentDesk, DeskProblem, DeskResult } from '../services/agentDesk';
import type { AgentDirectory, AgentSessionView } from '../services/agentDirectory';
import type { CustomerDelivery } from '../services/customerDelivery';
import type { HandoffEvents } from '../services/handoffEvents';
import type { HandoffService } from '../services/handoffService';
import { guarded, idParam, optionalString, publicIdParam, readBody, requiredString, sendJson, sessionCookie } from './agentHttp';
import { AgentViews } from './agentViews';
import { CONSOLE_ASSETS, ConsolePage } from './consolePage';
import { LiveChannel, type LiveStreamLimits } from './liveChannel';
import { insightsHandler } from './insightsRoute';
import type { InsightFigures } from '../services/insights/insightFigures';

/** The agent side of the handoff, for the agent console. */
export interface HandoffParts {
    readonly agents: AgentDirectory;
    readonly desk: AgentDesk;
    readonly events: HandoffEvents;
    readonly queue: HandoffService;
    /** The durable outbox of what the bot sends on its own. */
    readonly delivery: CustomerDelivery;
}

/** What the console is built from. */
export interface AgentConsoleParts {
    readonly config: Config;
    /** The client's address behind trusted proxies, the key of the sign-in limit. */
    readonly clients: ClientAddresses;
    readonly handoff: HandoffParts;
    readonly localizer: Localizer;
    readonly clock: Clock;
    /** Folder of `index.html` and the {@link CONSOLE_ASSETS}. */
    readonly staticDir: string;
    readonly localesDir: string;
    /** Live streams open at once (default: 5 per session, 200 in all). */
    readonly liveStreams?: LiveStreamLimits;
    /** The figures of the supervisor view (issue 17). */
    readonly insights: InsightFigures;
}

const PROBLEM_STATUS: Record<DeskProblem, [number, string]> = {
    'not-found': [404, 'NotFound'],
    'not-waiting': [409, 'NotWaiting'],
    'not-yours': [409, 'NotYours'],
    invalid: [400, 'InvalidBody'],
    'same-agent': [422, 'SameAgent'],
    'agent-language': [422, 'AgentLanguage'],
    'agent-offline': [409, 'AgentOffline'],
    'agent-away': [409, 'AgentAway'],
    'not-failed': [409, 'NotFailed']
};

/** What the page learns about the signed-in agent. */
function publicAgent(agent: Agent): { login: string; name: string; languages: readonly string[]; availability: string; supervisor: boolean } {
    return { login: agent.login, name: agent.name, languages: agent.languages, availability: agent.availability, supervisor: agent.supervisor };
}

/**
 * The agent console at `/agent`: the page, and the JSON API the page uses.
 * Every API route but login needs a session (401), and every state-changing
 * one also the session's CSRF token (403).
 */
export class AgentConsole {
    private readonly live: LiveChannel;
    private readonly views: AgentViews;
    private readonly page: ConsolePage;

    public constructor(private readonly parts: AgentConsoleParts) {
        const presence = {
            touch: (session: AgentSessionView) => parts.handoff.agents.touch(session.tokenHash),
            now: () => parts.clock.now().getTime(),
            leave: async (session: AgentSessionView, closedAt: number) => {
                await parts.handoff.agents.leave(session.tokenHash, closedAt);
                // Other consoles show who is online; customers are no longer told an agent is there.
                parts.handoff.events.emit({ type: 'queue' });
            }
        };
        this.live = new LiveChannel(parts.handoff.events, presence, (id) => parts.handoff.desk.publicIdOf(id), parts.liveStreams);
        this.views = new AgentViews(parts.localizer, () => parts.clock.now().getTime());
        this.page = new ConsolePage(parts.localizer, parts.staticDir, parts.localesDir);
    }

    /** Adds the console's routes to the server. */
    public mount(server: Server): void {
        const agents = this.parts.handoff.agents;
        const read = (handler: (req: Request, res: Response, session: AgentSessionView) => Promise<void>) => guarded(agents, { csrf: false }, handler);
        const write = (handler: (req: Request, res: Response, session: AgentSessionView) => Promise<void>) => guarded(agents, { csrf: true }, handler);

        server.get('/agent', this.page.page);
        server.get('/agent/', this.page.page);
        server.get('/agent/insights', this.page.insightsPage);
        for (const file of CONSOLE_ASSETS) {
            server.get(`/agent/${file}`, this.page.asset(file));
        }

        server.post('/agent/api/login', this.login);
        server.post('/agent/api/logout', write(this.logout));
        server.get('/agent/api/session', read(async (_req, res, session) => sendJson(res, 200, { agent: publicAgent(session.agent), csrfToken: session.csrfToken })));
        server.get('/agent/api/queue', read(async (_req, res, session) => sendJson(res, 200, this.views.queue(await this.parts.handoff.desk.snapshot(session.agent)))));
        server.get('/agent/api/events', read(async (_req, res, session) => this.live.open(res, session)));
        server.get('/agent/api/insights', read(insightsHandler(this.parts.insights, () => this.parts.clock.now().getTime())));
        server.get('/agent/api/handoffs/:id', read(this.detail));
        server.post('/agent/api/handoffs/:id/accept', write(this.action((id, _body, agent) => this.parts.handoff.desk.accept(id, agent))));
        server.post('/agent/api/handoffs/:id/messages', write(this.message));
        server.post('/agent/api/handoffs/:id/notes', write(this.note));
        server.post('/agent/api/availability', write(this.availability));
        server.post('/agent/api/handoffs/:id/messages/:messageId/retry', write(this.retry));
        server.post('/agent/api/handoffs/:id/close', write(this.action((id, body, agent) => this.parts.handoff.desk.handBack(id, agent, optionalString(body, 'note')))));
        server.post('/agent/api/handoffs/:id/flow', write(this.action((id, body, agent) => this.parts.handoff.desk.handToFlow(id, agent, requiredString(body, 'flow'), optionalString(body, 'note')))));
        server.post('/agent/api/handoffs/:id/transfer', write(this.action((id, body, agent) => this.parts.handoff.desk.transfer(id, agent, requiredString(body, 'to')))));
        server.post('/agent/api/callbacks/:id/close', write(this.actionOn(async (req) => idParam(req), (id, body, agent) => this.parts.handoff.desk.closeCallback(id, agent, optionalString(body, 'note')))));
    }

    /** Ends the live streams, so the server can close. */
    public close(): void {
        this.live.close();
    }

    private readonly login = async (req: Request, res: Response): Promise<void> => {
        try {
            this.checkOrigin(req);
            const body = await readBody(req);
            const login = requiredString(body, 'login').trim();
            const password = requiredString(body, 'password');
            if (login === '' || login.length > 100 || password.length > MAX_PASSWORD_LENGTH) {
                throw new HttpError(400, 'InvalidBody', '"login" and "password" must be given.');
            }
            const outcome = await this.parts.handoff.agents.login(login, password, this.parts.clients.of(req));
            if (outcome.kind === 'rate-limited') {
                res.header('Retry-After', String(outcome.retryAfterSeconds));
                throw new HttpError(429, 'TooManyAttempts', 'Too many failed sign-ins; try again later.');
            }
            if (outcome.kind === 'busy') {
                res.header('Retry-After', String(outcome.retryAfterSeconds));
                throw new HttpError(429, 'Busy', 'Too many sign-ins at once; try again in a moment.');
            }
            if (outcome.kind === 'wrong') {
                throw new HttpError(401, 'WrongCredentials', 'Login or password is wrong.');
            }
            const secure = this.parts.config.publicUrl.startsWith('https:');
            res.header('Set-Cookie', sessionCookie(outcome.token, Math.floor(this.parts.handoff.agents.policy.sessionTtlMs / 1000), secure));
            // Other consoles show who is online (and whom a chat can be transferred to).
            this.parts.handoff.events.emit({ type: 'queue' });
            sendJson(res, 200, { agent: publicAgent(outcome.agent), csrfToken: outcome.csrfToken });
        } catch (err) {
            res.header('Cache-Control', 'no-store');
            sendError(res, err);
        }
    };

    private readonly logout = async (_req: Request, res: Response, session: AgentSessionView): Promise<void> => {
        await this.parts.handoff.agents.logout(session.tokenHash, session.agent.login);
        // Signed out for good (no other session of theirs is live): their chats must not wait for the sweep.
        if (!(await this.parts.handoff.agents.online()).some((a) => a.login === session.agent.login)) {
            await this.parts.handoff.queue.releaseAgent(session.agent);
        }
        this.parts.handoff.events.emit({ type: 'queue' });
        res.header('Set-Cookie', sessionCookie('', 0, this.parts.config.publicUrl.startsWith('https:')));
        sendJson(res, 200, { ok: true });
    };

    private readonly detail = async (req: Request, res: Response, session: AgentSessionView): Promise<void> => {
        const result = await this.parts.handoff.desk.detail(await this.handoffId(req), session.agent);
        sendJson(res, 200, this.views.detail(this.unwrap(result), await this.parts.handoff.agents.list()));
    };

    private readonly message = async (req: Request, res: Response, session: AgentSessionView): Promise<void> => {
        const id = await this.handoffId(req);
        const text = requiredString(await readBody(req), 'text');
        const message = this.unwrap(await this.parts.handoff.desk.sendMessage(id, session.agent, text));
        sendJson(res, 201, { ...this.views.message(message, new Map([[session.agent.login, session.agent.name]])), delivery: 'pending', attempts: 0 });
    };

    /** Sends a message that could not be delivered again: 202, the delivery starts over. */
    private readonly retry = async (req: Request, res: Response, session: AgentSessionView): Promise<void> => {
        const id = await this.handoffId(req);
        const messageId = idParam(req, 'messageId');
        const delivery = this.unwrap(await this.parts.handoff.desk.retryMessage(id, messageId, session.agent));
        sendJson(res, 202, { handoffId: publicIdParam(req), messageId, delivery: delivery.status, attempts: delivery.attempts });
    };

    private readonly note = async (req: Request, res: Response, session: AgentSessionView): Promise<void> => {
        const id = await this.handoffId(req);
        const text = requiredString(await readBody(req), 'text');
        const message = this.unwrap(await this.parts.handoff.desk.addNote(id, session.agent, text));
        sendJson(res, 201, this.views.message(message, new Map([[session.agent.login, session.agent.name]])));
    };

    /** Available or away; away agents keep their chats but get no new ones. */
    private readonly availability = async (req: Request, res: Response, session: AgentSessionView): Promise<void> => {
        const value = requiredString(await readBody(req), 'availability');
        if (value !== 'available' && value !== 'away') {
            throw new HttpError(400, 'InvalidBody', '"availability" must be "available" or "away".');
        }
        await this.parts.handoff.agents.setAvailability(session.agent.login, value);
        this.parts.handoff.events.emit({ type: 'queue' });
        sendJson(res, 200, { availability: value });
    };

    /** The internal id of the route's handoff (the URL carries its public id); @throws 404. */
    private async handoffId(req: Request): Promise<number> {
        const id = await this.parts.handoff.desk.resolve(publicIdParam(req));
        if (id === undefined) {
            throw new HttpError(404, 'NotFound', 'No such item.');
        }
        return id;
    }

    /** A handoff action: `{ok: true}` or the JSON error of the problem. */
    private action(run: (id: number, body: Record<string, unknown>, agent: AgentSessionView['agent']) => Promise<DeskResult<unknown>>) {
        return this.actionOn((req) => this.handoffId(req), run);
    }

    /** An action on whatever `target` finds in the route: `{ok: true}` or the JSON error of the problem. */
    private actionOn(
        target: (req: Request) => Promise<number>,
        run: (id: number, body: Record<string, unknown>, agent: AgentSessionView['agent']) => Promise<DeskResult<unknown>>
    ) {
        return async (req: Request, res: Response, session: AgentSessionView): Promise<void> => {
            const id = await target(req);
            const body = req.headers['content-length'] === '0' || req.headers['content-type'] === undefined ? {} : await readBody(req);
            this.unwrap(await run(id, body, session.agent));
            sendJson(res, 200, { ok: true });
        };
    }

    private unwrap<T>(result: DeskResult<T>): T {
        if (result.ok) {
            return result.value;
        }
        const [status, code] = PROBLEM_STATUS[result.problem];
        throw new HttpError(status, code, result.detail ?? result.problem.replace('-', ' '));
    }

    /**
     * A sign-in from another site's page is refused (SameSite covers the
     * cookie, this covers the login itself). Allowed are the origin of
     * `PUBLIC_URL` and loopback origins on the port this server listens on;
     * never one named by the request's own Host header, which a rebound DNS
     * name sets as it likes.
     */
    private checkOrigin(req: Request): void {
        const origin = req.headers.origin;
        if (typeof origin !== 'string') {
            return;
        }
        if (origin !== new URL(this.parts.config.publicUrl).origin && !isOwnLoopbackOrigin(origin, req.socket.localPort)) {
            throw new HttpError(403, 'ForeignOrigin', 'Sign in from the console page.');
        }
    }
}

/** True for `http(s)://localhost`, `127.x.x.x` or `[::1]` on `port`: a page this server itself served on this machine. */
function isOwnLoopbackOrigin(origin: string, port: number | undefined): boolean {
    let url: URL;
    try {
        url = new URL(origin);
    } catch {
        return false;
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin) {
        return false;
    }
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const urlPort = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    return (host === 'localhost' || isLoopbackAddress(host)) && port !== undefined && urlPort === port;
}

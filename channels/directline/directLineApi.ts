import * as crypto from 'crypto';
import type { IncomingMessage } from 'http';
import type { Activity, TurnContext } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import type { Clock } from '../../core/clock';
import type { RateCounter } from '../../core/rateLimiter';
import { getLogger } from '../../core/logger';
import { checkActivity } from '../activityGuard';
import type { ClientAddresses } from '../../web/clientAddress';
import { HttpError } from '../../web/httpError';
import { readJsonBody } from '../../web/jsonBody';
import { sendError } from '../../web/sendError';
import { DIRECT_LINE_BOT, DIRECT_LINE_CHANNEL_ID, IN_PROCESS_SERVICE_URL, type DirectLineAdapter } from './directLineAdapter';
import type { DirectLineAuth, DirectLineCaller } from './directLineAuth';
import type { DirectLineStore } from './directLineStore';
import type { DirectLineTokens } from './directLineTokens';
import { parseWatermark } from './watermark';

const log = getLogger('channels.directline.api');

/** Where the API lives, as clients configure it (`domain`). */
export const DIRECT_LINE_PATH = '/v3/directline';

/** What the person's client may post; everything else is the channel's business. */
const CLIENT_TYPES: ReadonlySet<string> = new Set(['message', 'event', 'typing']);
const CLIENT_FIELDS = ['text', 'textFormat', 'value', 'name', 'channelData', 'attachments', 'attachmentLayout', 'entities', 'replyToId', 'localTimestamp', 'localTimezone'] as const;
const USER_ID = /^[A-Za-z0-9_.:@|-]{1,128}$/;
/** A client's own id of an activity (`channelData.clientActivityID`, as Web Chat sends it). */
const CLIENT_ACTIVITY_ID = /^[A-Za-z0-9_.:|-]{1,128}$/;
/**
 * Largest activity a person's client may post; larger posts get 413 before
 * anything is stored. Web Chat sends a typed message with a few hundred bytes
 * of channelData and entities, an adaptive card submit a small value.
 */
const MAX_ACTIVITY_BYTES = 32 * 1024;
/** Per field: characters of text, bytes of JSON for the others. */
const FIELD_LIMITS: ReadonlyArray<readonly [string, number]> = [
    ['text', 8_000],
    ['value', 8 * 1024],
    ['channelData', 4 * 1024],
    ['entities', 4 * 1024],
    ['attachments', 4 * 1024]
];
/** Posts per conversation and minute; a person types far fewer, a runaway client is slowed down (429). */
export const MAX_POSTS_PER_MINUTE = 60;
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/;

/** What the API needs. */
export interface DirectLineApiParts {
    readonly store: DirectLineStore;
    readonly tokens: DirectLineTokens;
    readonly auth: DirectLineAuth;
    readonly adapter: DirectLineAdapter;
    readonly logic: (context: TurnContext) => Promise<void>;
    readonly maxBodyBytes: number;
    readonly clock: Clock;
    /** Bytes one conversation may store; past it the person's posts get 413. */
    readonly conversationBudgetBytes: number;
    /** Told the size of each stored post (the global storage budget). */
    readonly onStored?: (bytes: number) => void;
    /** Which proxies are trusted (`TRUST_PROXY`): only theirs `X-Forwarded-Proto` picks wss:// for the stream URL. */
    readonly clients: ClientAddresses;
    /** Counts posts per conversation (at most {@link MAX_POSTS_PER_MINUTE} a minute); several instances count in the database. */
    readonly posts: RateCounter;
}

type Handler = (req: Request, res: Response) => Promise<void>;

/**
 * The REST side of the built-in Direct Line 3.0 endpoint, what Web Chat and
 * directlinejs use: tokens (generate with the secret, refresh), start and
 * resume conversations, post activities (the bot's turn runs before the
 * answer, so its replies are already stored) and read them by watermark.
 */
export class DirectLineApi {
    public constructor(private readonly parts: DirectLineApiParts) {}

    /** Adds the routes to the server. */
    public mount(server: Server): void {
        const route = (handler: Handler): Handler => async (req, res) => {
            res.header('Cache-Control', 'no-store');
            try {
                await handler(req, res);
            } catch (err) {
                sendError(res, err);
            }
        };
        server.post(`${DIRECT_LINE_PATH}/tokens/generate`, route((req, res) => this.generateToken(req, res)));
        server.post(`${DIRECT_LINE_PATH}/tokens/refresh`, route((req, res) => this.refreshToken(req, res)));
        server.post(`${DIRECT_LINE_PATH}/conversations`, route((req, res) => this.startConversation(req, res)));
        server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId`, route((req, res) => this.reconnect(req, res)));
        server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, route((req, res) => this.postActivity(req, res)));
        server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, route((req, res) => this.getActivities(req, res)));
        server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/upload`, route((req, res) => this.upload(req, res)));
    }

    /** A token for a new conversation, as the page's token route hands out (no secret needed there). */
    public newConversationToken(userId: string = newUserId()): { conversationId: string; token: string; expires_in: number } {
        const conversationId = newConversationId();
        const issued = this.parts.tokens.issue(conversationId, userId);
        return { conversationId, token: issued.token, expires_in: issued.expiresIn };
    }

    private async generateToken(req: Request, res: Response): Promise<void> {
        this.parts.auth.requireSecret(this.caller(req));
        const body = await this.optionalBody(req);
        res.send(200, this.newConversationToken(userIdFrom(body) ?? newUserId()));
    }

    private async refreshToken(req: Request, res: Response): Promise<void> {
        const grant = this.parts.auth.requireToken(this.caller(req));
        // A refresh continues the chain: it cannot outlive the first token's lifetime.
        const issued = this.parts.tokens.issue(grant.conversationId, grant.userId, grant.originAt);
        res.send(200, { conversationId: grant.conversationId, token: issued.token, expires_in: issued.expiresIn });
    }

    private async startConversation(req: Request, res: Response): Promise<void> {
        const caller = this.caller(req);
        const body = await this.optionalBody(req);
        const locale = localeFrom(body.locale);
        const conversationId = caller.kind === 'token' ? caller.grant.conversationId : newConversationId();
        const userId = caller.kind === 'token' ? caller.grant.userId : (userIdFrom(body) ?? newUserId());
        const created = await this.parts.store.createConversation(conversationId, userId, locale);
        if (created) {
            log.info('conversation started', { conversation: conversationId, locale });
            await this.runTurn(this.startActivity(conversationId, userId, locale));
        } else {
            await this.parts.auth.conversation(caller, conversationId);
        }
        res.send(created ? 201 : 200, this.conversationBody(req, conversationId, userId, 0, originOf(caller)));
    }

    private async reconnect(req: Request, res: Response): Promise<void> {
        const caller = this.caller(req);
        const conversation = await this.parts.auth.conversation(caller, req.params.conversationId as string);
        const watermark = parseWatermark(queryValue(req, 'watermark'));
        res.send(200, this.conversationBody(req, conversation.id, this.parts.auth.userOf(caller, conversation), watermark, originOf(caller)));
    }

    private async postActivity(req: Request, res: Response): Promise<void> {
        const caller = this.caller(req);
        const conversation = await this.parts.auth.conversation(caller, req.params.conversationId as string);
        await this.countPost(conversation.id, res);
        if (conversation.storedBytes >= this.parts.conversationBudgetBytes) {
            throw new HttpError(413, 'ConversationFull', 'This conversation has reached its storage limit; please start a new chat.');
        }
        const body = await readJsonBody(req as unknown as IncomingMessage, Math.min(this.parts.maxBodyBytes, MAX_ACTIVITY_BYTES));
        if (typeof body.type !== 'string' || !CLIENT_TYPES.has(body.type)) {
            throw new HttpError(400, 'InvalidActivity', '"type" must be "message", "event" or "typing".');
        }
        checkFieldSizes(body);
        const from = (body.from ?? {}) as { name?: unknown };
        const activity = (id: string, timestamp: Date): Activity => {
            const built: Record<string, unknown> = {
                type: body.type,
                id,
                timestamp: timestamp.toISOString(),
                channelId: DIRECT_LINE_CHANNEL_ID,
                serviceUrl: IN_PROCESS_SERVICE_URL,
                conversation: { id: conversation.id, isGroup: false, conversationType: 'personal' },
                from: { id: this.parts.auth.userOf(caller, conversation), name: typeof from.name === 'string' ? from.name.slice(0, 256) : undefined, role: 'user' },
                recipient: DIRECT_LINE_BOT,
                locale: localeFrom(body.locale) ?? conversation.locale ?? undefined
            };
            for (const field of CLIENT_FIELDS) {
                if (body[field] !== undefined) {
                    built[field] = body[field];
                }
            }
            return checkActivity(built);
        };
        if (body.type === 'typing') {
            // "The person is typing" is news for an agent right now, not history: it is passed on, never stored
            // (Web Chat sends one every few seconds while the person types).
            const typing = activity(`${conversation.id}|typing-${crypto.randomUUID()}`, this.parts.clock.now());
            await this.runTurn(typing);
            res.send(200, { id: typing.id });
            return;
        }
        // Web Chat marks each message with a client id; the same message posted again (its first post was cut off
        // with the instance that ran it) is stored once and its turn run again, which the bot drops if it completed.
        const clientId = clientActivityIdOf(body);
        const stored = await this.parts.store.append(conversation.id, activity, clientId === undefined ? undefined : `client:${clientId}`);
        this.parts.onStored?.(Buffer.byteLength(JSON.stringify(stored.activity)));
        await this.runTurn(stored.activity);
        res.send(200, { id: stored.activity.id });
    }

    private async getActivities(req: Request, res: Response): Promise<void> {
        const conversation = await this.parts.auth.conversation(this.caller(req), req.params.conversationId as string);
        const watermark = parseWatermark(queryValue(req, 'watermark'));
        const batch = await this.parts.store.after(conversation.id, watermark);
        res.send(200, { activities: batch.map((s) => s.activity), watermark: String(batch.length > 0 ? batch[batch.length - 1].seq : watermark) });
    }

    private async upload(req: Request, _res: Response): Promise<void> {
        await this.parts.auth.conversation(this.caller(req), req.params.conversationId as string);
        throw new HttpError(415, 'UploadNotSupported', 'This bot does not take files; please type your message.');
    }

    /** Fixed one-minute windows per conversation. @throws 429 (with Retry-After) past the limit. */
    private async countPost(conversationId: string, res: Response): Promise<void> {
        const decision = await this.parts.posts.take(conversationId);
        if (!decision.allowed) {
            res.header('Retry-After', String(decision.retryAfterSeconds));
            throw new HttpError(429, 'TooManyRequests', 'Too many messages in a short time; please wait a moment.');
        }
    }

    private caller(req: Request): DirectLineCaller {
        return this.parts.auth.fromHeader(typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined);
    }

    /** The bot's turn; a failing turn is answered by the turn-error handler and does not fail the request. */
    private async runTurn(activity: Activity): Promise<void> {
        try {
            await this.parts.adapter.processActivity(activity, this.parts.logic);
        } catch (err) {
            log.error('turn failed outside the turn-error handler', { conversation: activity.conversation.id, error: err });
        }
    }

    /** The person joins: the bot greets first. Not stored: it is addressed to the bot, not shown. */
    private startActivity(conversationId: string, userId: string, locale: string | undefined): Activity {
        return checkActivity({
            type: 'conversationUpdate',
            id: `${conversationId}|start`,
            timestamp: new Date().toISOString(),
            channelId: DIRECT_LINE_CHANNEL_ID,
            serviceUrl: IN_PROCESS_SERVICE_URL,
            conversation: { id: conversationId, isGroup: false, conversationType: 'personal' },
            from: { id: userId, role: 'user' },
            recipient: DIRECT_LINE_BOT,
            membersAdded: [DIRECT_LINE_BOT, { id: userId, role: 'user' }],
            locale
        });
    }

    /** The Direct Line `Conversation` object, with a fresh token and the stream URL for this host. */
    private conversationBody(req: Request, conversationId: string, userId: string, watermark: number, originAt: number | undefined): Record<string, unknown> {
        const issued = this.parts.tokens.issue(conversationId, userId, originAt);
        const secure = this.parts.clients.isHttps(req as unknown as IncomingMessage);
        const host = typeof req.headers.host === 'string' && /^[A-Za-z0-9.:[\]-]{1,255}$/.test(req.headers.host) ? req.headers.host : 'localhost';
        const query = new URLSearchParams({ watermark: watermark > 0 ? String(watermark) : '', t: issued.token });
        return {
            conversationId,
            token: issued.token,
            expires_in: issued.expiresIn,
            streamUrl: `${secure ? 'wss' : 'ws'}://${host}${DIRECT_LINE_PATH}/conversations/${encodeURIComponent(conversationId)}/stream?${query.toString()}`
        };
    }

    /** A JSON body where one is optional: none at all reads as `{}`. */
    private async optionalBody(req: Request): Promise<Record<string, unknown>> {
        const length = Number(req.headers['content-length'] ?? 0);
        if (length === 0 && req.headers['transfer-encoding'] === undefined) {
            return {};
        }
        return readJsonBody(req as unknown as IncomingMessage, this.parts.maxBodyBytes);
    }
}

/** @throws 413 naming the first client field over its limit. */
function checkFieldSizes(body: Record<string, unknown>): void {
    for (const [field, limit] of FIELD_LIMITS) {
        const value = body[field];
        if (value === undefined || value === null) {
            continue;
        }
        const size = typeof value === 'string' && field === 'text' ? value.length : Buffer.byteLength(JSON.stringify(value));
        if (size > limit) {
            throw new HttpError(413, 'FieldTooLarge', `"${field}" must not be larger than ${limit} ${field === 'text' ? 'characters' : 'bytes'}.`);
        }
    }
}

/** The start of the caller's token chain; the secret starts a new one. */
function originOf(caller: DirectLineCaller): number | undefined {
    return caller.kind === 'token' ? caller.grant.originAt : undefined;
}

function newConversationId(): string {
    return crypto.randomBytes(16).toString('base64url');
}

function newUserId(): string {
    return `dl_${crypto.randomBytes(12).toString('base64url')}`;
}

function userIdFrom(body: Record<string, unknown>): string | undefined {
    const user = body.user as { id?: unknown } | undefined;
    if (user === undefined || user === null || user.id === undefined || user.id === null) {
        return undefined;
    }
    if (typeof user.id !== 'string' || !USER_ID.test(user.id)) {
        throw new HttpError(400, 'InvalidUser', '"user.id" must be 1 to 128 letters, digits or ._:@|- characters.');
    }
    return user.id;
}

function localeFrom(value: unknown): string | undefined {
    return typeof value === 'string' && LOCALE.test(value) ? value : undefined;
}

function queryValue(req: Request, name: string): string | undefined {
    const value = new URL(req.url ?? '/', 'http://api.local').searchParams.get(name);
    return value ?? undefined;
}

/** The client's id of the posted activity, when it sent a usable one. */
function clientActivityIdOf(body: Record<string, unknown>): string | undefined {
    const channelData = body.channelData;
    const id = channelData !== null && typeof channelData === 'object' ? (channelData as { clientActivityID?: unknown }).clientActivityID : undefined;
    return typeof id === 'string' && CLIENT_ACTIVITY_ID.test(id) ? id : undefined;
}

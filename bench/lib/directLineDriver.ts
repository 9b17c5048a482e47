import type * as http from 'http';
import * as crypto from 'crypto';
import WebSocket from 'ws';
import { httpRequest, keepAliveAgent, type HttpResult } from './http';
import type { BotReply, Driver, DriverConversation, TurnInput, TurnResult } from './driver';
import { toReply, type WireActivity } from './wireActivity';

/** Options of the Direct Line driver. */
export interface DirectLineDriverOptions {
    /** Base URL of the bot, e.g. `http://127.0.0.1:3978` (the API is under `/v3/directline`). */
    readonly baseUrl: string | (() => string);
    /** The bot's `DIRECTLINE_SECRET`, for `POST tokens/generate` (the page's token route is rate-limited per address). */
    readonly secret: string;
    /** Parallel HTTP sockets for the REST calls (each conversation has its own WebSocket besides). */
    readonly sockets: number;
    /** A turn whose last reply has not arrived by then fails (default 30 s). */
    readonly replyTimeoutMs?: number;
}

interface StreamActivity extends WireActivity {
    id?: string;
    from?: { role?: string };
    replyToId?: string;
    inputHint?: string;
}

/** Replies to the conversation's start carry no `replyToId`; they are filed under this key. */
const START = '';

/**
 * Talks to the bot's own Direct Line 3.0 endpoint the way Web Chat does: a
 * token from `POST tokens/generate` (with the secret), `POST conversations`
 * (the bot greets), the conversation's `streamUrl` WebSocket for everything
 * the bot sends, and `POST …/activities` for each message.
 *
 * End of a turn: Direct Line has no `expectReplies`, so a turn is over when
 * the bot's reply with `inputHint: "expectingInput"` that answers it has come
 * in over the stream (`replyToId` = the id the POST returned; the greeting
 * has no `replyToId`). Every turn of the benchmark's conversations ends in a
 * prompt, which botbuilder marks `expectingInput`, and the bot's messages
 * before it are `acceptingInput`; a turn whose prompt does not arrive within
 * `replyTimeoutMs` is an error. A turn's latency runs from sending its POST
 * (for the first turn: from asking for the token) to that reply.
 */
export class DirectLineDriver implements Driver {
    public readonly name = 'directline';
    private readonly agent: http.Agent;
    private readonly conversations = new Set<StreamConversation>();

    public constructor(private readonly options: DirectLineDriverOptions) {
        this.agent = keepAliveAgent(options.sockets);
    }

    public open(locale: string | undefined, conversationId?: string): DriverConversation {
        if (conversationId !== undefined) {
            throw new Error('DirectLineDriver.open(): Direct Line starts its own conversations; a stored conversation id cannot be continued');
        }
        const conversation = new StreamConversation({
            locale,
            secret: this.options.secret,
            timeoutMs: this.options.replyTimeoutMs ?? 30_000,
            call: (method, path, credential, body) => this.call(method, path, credential, body),
            onClose: () => this.conversations.delete(conversation)
        });
        this.conversations.add(conversation);
        return conversation;
    }

    public close(): void {
        for (const conversation of this.conversations) {
            conversation.close();
        }
        this.agent.destroy();
    }

    private call(method: string, path: string, credential: string, body?: object): Promise<HttpResult> {
        const base = typeof this.options.baseUrl === 'string' ? this.options.baseUrl : this.options.baseUrl();
        return httpRequest(this.agent, {
            method,
            url: `${base}/v3/directline${path}`,
            headers: { authorization: `Bearer ${credential}`, ...(body ? { 'content-type': 'application/json' } : {}) },
            body: body ? JSON.stringify(body) : undefined
        });
    }
}

/** What a conversation gets from its driver. */
interface ConversationSetup {
    readonly locale: string | undefined;
    readonly secret: string;
    readonly timeoutMs: number;
    readonly call: (method: string, path: string, credential: string, body?: object) => Promise<HttpResult>;
    readonly onClose: () => void;
}

/** Replies collected for one turn, and who waits for its end. */
interface TurnReplies {
    readonly replies: BotReply[];
    done: boolean;
    waiter?: () => void;
}

/** One person's conversation: its token, its stream, and the replies filed by the turn they answer. */
class StreamConversation implements DriverConversation {
    private conversationId?: string;
    private token?: string;
    private ws?: WebSocket;
    private readonly turns = new Map<string, TurnReplies>();
    private broken?: Error;

    public constructor(private readonly setup: ConversationSetup) {}

    public get key(): string {
        return `directline:${this.conversationId ?? '(not started)'}`;
    }

    public async send(input: TurnInput, activityId?: string): Promise<TurnResult & { readonly activityId: string }> {
        if (activityId !== undefined) {
            throw new Error('DirectLineDriver: Direct Line gives every posted activity a new id; a retry with the same id cannot be sent');
        }
        return input.kind === 'join' ? this.start() : this.say(input.text);
    }

    public close(): void {
        this.ws?.terminate();
        this.setup.onClose();
    }

    private async start(): Promise<TurnResult & { readonly activityId: string }> {
        const user = { id: `dl_bench_${crypto.randomBytes(9).toString('base64url')}` };
        const { call, locale } = this.setup;
        const generated = await call('POST', '/tokens/generate', this.setup.secret, { user });
        if (generated.status !== 200) {
            return failed(generated, 'tokens/generate');
        }
        const grant = JSON.parse(generated.text) as { conversationId: string; token: string };
        this.conversationId = grant.conversationId;
        const started = await call('POST', '/conversations', grant.token, locale ? { locale } : {});
        if (started.status !== 201) {
            return failed(started, 'conversations');
        }
        const conversation = JSON.parse(started.text) as { token: string; streamUrl: string };
        this.token = conversation.token;
        await this.connect(conversation.streamUrl);
        return { status: 200, replies: await this.repliesTo(START), activityId: `${grant.conversationId}|start` };
    }

    private async say(text: string): Promise<TurnResult & { readonly activityId: string }> {
        if (!this.conversationId || !this.token) {
            throw new Error('DirectLineDriver: the conversation was not started (the first turn must be a join)');
        }
        const { call, locale } = this.setup;
        const posted = await call('POST', `/conversations/${encodeURIComponent(this.conversationId)}/activities`, this.token, { type: 'message', text, ...(locale ? { locale } : {}) });
        if (posted.status !== 200) {
            return failed(posted, 'activities');
        }
        const { id } = JSON.parse(posted.text) as { id: string };
        return { status: 200, replies: await this.repliesTo(id), activityId: id };
    }

    private connect(streamUrl: string): Promise<void> {
        return new Promise((resolve, reject) => {
            const ws = new WebSocket(streamUrl);
            this.ws = ws;
            ws.once('open', () => resolve());
            ws.once('error', (err) => {
                this.fail(err);
                reject(err);
            });
            ws.on('close', () => this.fail(new Error('the stream closed')));
            ws.on('message', (data: WebSocket.RawData) => this.receive(String(data)));
        });
    }

    private receive(message: string): void {
        if (message.trim() === '') {
            return;
        }
        const { activities } = JSON.parse(message) as { activities?: StreamActivity[] };
        for (const activity of activities ?? []) {
            if (activity.type !== 'message' || activity.from?.role !== 'bot') {
                continue;
            }
            const turn = this.turn(activity.replyToId ?? START);
            turn.replies.push(toReply(activity));
            if (activity.inputHint === 'expectingInput') {
                turn.done = true;
                turn.waiter?.();
            }
        }
    }

    /** Resolves with the turn's replies once its `expectingInput` reply has arrived. */
    private repliesTo(turnId: string): Promise<BotReply[]> {
        const turn = this.turn(turnId);
        const finish = (): BotReply[] => {
            this.turns.delete(turnId);
            return turn.replies;
        };
        if (turn.done) {
            return Promise.resolve(finish());
        }
        if (this.broken) {
            return Promise.reject(this.broken);
        }
        return new Promise((resolve, reject) => {
            const { timeoutMs } = this.setup;
            const timer = setTimeout(() => reject(new Error(`no reply expecting input within ${timeoutMs} ms (got ${turn.replies.length} replies)`)), timeoutMs);
            turn.waiter = () => {
                clearTimeout(timer);
                if (turn.done) {
                    resolve(finish());
                } else {
                    reject(this.broken ?? new Error('the stream failed'));
                }
            };
        });
    }

    private turn(id: string): TurnReplies {
        let turn = this.turns.get(id);
        if (!turn) {
            turn = { replies: [], done: false };
            this.turns.set(id, turn);
        }
        return turn;
    }

    private fail(err: Error): void {
        this.broken ??= err;
        for (const turn of this.turns.values()) {
            turn.waiter?.();
        }
    }
}

function failed(result: HttpResult, what: string): TurnResult & { readonly activityId: string } {
    return { status: result.status, replies: [], problem: `${what}: ${result.text.slice(0, 300)}`, activityId: '' };
}

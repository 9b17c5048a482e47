import type * as http from 'http';
import * as crypto from 'crypto';
import { httpRequest, keepAliveAgent } from './http';
import type { Driver, DriverConversation, TurnInput, TurnResult } from './driver';
import { toReply, type WireActivity } from './wireActivity';

/** Options of the `/api/messages` driver. */
export interface MessagesDriverOptions {
    /** Base URL of the bot, e.g. `http://127.0.0.1:3978`; a function when it changes (restarts on a new port). */
    readonly baseUrl: string | (() => string);
    /** Parallel sockets. */
    readonly sockets: number;
    /** Channel the activities claim to come from (default `webchat`, i.e. Azure Direct Line). */
    readonly channelId?: string;
    /** `Authorization` header value, when the bot checks tokens. */
    readonly authorization?: string;
}

/**
 * Talks to `POST /api/messages` the way Azure Bot Service does, with
 * `deliveryMode: "expectReplies"` so the bot's messages come back in the
 * response body instead of being posted to a service URL.
 */
export class MessagesDriver implements Driver {
    public readonly name = 'api/messages';
    private readonly agent: http.Agent;
    private readonly channelId: string;

    public constructor(private readonly options: MessagesDriverOptions) {
        this.agent = keepAliveAgent(options.sockets);
        this.channelId = options.channelId ?? 'webchat';
    }

    public open(locale: string | undefined, conversationId: string = crypto.randomUUID()): DriverConversation {
        const userId = `user-${conversationId}`;
        const base = {
            channelId: this.channelId,
            serviceUrl: 'http://127.0.0.1:9/',
            conversation: { id: conversationId },
            from: { id: userId, name: 'Customer' },
            recipient: { id: 'bot', name: 'Billing Contact Assistant' },
            deliveryMode: 'expectReplies',
            ...(locale ? { locale } : {})
        };
        return {
            key: `${this.channelId}:${conversationId}`,
            send: async (input: TurnInput, activityId: string = crypto.randomUUID()) => {
                const activity =
                    input.kind === 'join'
                        ? { ...base, id: activityId, type: 'conversationUpdate', membersAdded: [{ id: userId, name: 'Customer' }] }
                        : { ...base, id: activityId, type: 'message', text: input.text, timestamp: new Date().toISOString() };
                return { ...(await this.post(activity)), activityId };
            }
        };
    }

    public close(): void {
        this.agent.destroy();
    }

    private async post(activity: object): Promise<TurnResult> {
        const res = await httpRequest(this.agent, {
            method: 'POST',
            url: `${typeof this.options.baseUrl === 'string' ? this.options.baseUrl : this.options.baseUrl()}/api/messages`,
            headers: { 'content-type': 'application/json', ...(this.options.authorization ? { authorization: this.options.authorization } : {}) },
            body: JSON.stringify(activity)
        });
        if (res.status !== 200) {
            return { status: res.status, replies: [], problem: res.text.slice(0, 300) };
        }
        let activities: WireActivity[] = [];
        try {
            activities = res.text === '' ? [] : ((JSON.parse(res.text) as { activities?: WireActivity[] }).activities ?? []);
        } catch {
            return { status: res.status, replies: [], problem: `not JSON: ${res.text.slice(0, 200)}` };
        }
        return { status: res.status, replies: activities.filter((a) => a.type === 'message').map(toReply) };
    }
}

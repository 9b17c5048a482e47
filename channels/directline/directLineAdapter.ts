import { randomUUID } from 'crypto';
import {
    ActivityEventNames,
    ActivityTypes,
    BotAdapter,
    TurnContext,
    type Activity,
    type ChannelAccount,
    type ConversationReference,
    type ResourceResponse
} from 'botbuilder';
import type { ClaimsIdentity } from 'botframework-connector';
import { PROACTIVE_ID_PREFIX } from '../../turn/proactiveTurn';
import type { DirectLineStore } from './directLineStore';

/** The channel id of the built-in Direct Line; Web Chat renders suggested actions for it. */
export const DIRECT_LINE_CHANNEL_ID = 'directline';

/**
 * The service URL stamped on this channel's activities. It tells stored
 * conversation references of the built-in Direct Line apart from Azure Direct
 * Line ones (`https://directline.botframework.com/`), and the `.invalid` name
 * never resolves, so a reference that strays to the Bot Framework adapter
 * reaches no one.
 */
export const IN_PROCESS_SERVICE_URL = 'https://directline.in-process.invalid/';

/** The bot as the Direct Line client sees it. */
export const DIRECT_LINE_BOT: ChannelAccount = { id: 'billing-contact-assistant', name: 'Billing Contact Assistant', role: 'bot' };

/** Turn-state key: how many activities this turn has stored. */
const SENT_IN_TURN = Symbol('directLine.sentInTurn');

/** Activities that only make sense inside the process and are not shown to the person. */
const NOT_DELIVERED: ReadonlySet<string> = new Set([ActivityTypes.Trace, ActivityTypes.InvokeResponse]);

/**
 * The bot side of the built-in Direct Line: runs turns for activities the
 * client posted (and proactive turns) through the middleware and the bot, and
 * stores what the bot sends in the conversation, from where the client reads
 * it by watermark or WebSocket.
 */
export class DirectLineAdapter extends BotAdapter {
    public constructor(private readonly store: DirectLineStore) {
        super();
    }

    /** Runs the bot's turn for an activity the client posted (already stored). */
    public async processActivity(activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<void> {
        await this.runMiddleware(new TurnContext(this, activity), logic);
    }

    public async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
        const conversationId = context.activity.conversation.id;
        const responses: ResourceResponse[] = [];
        for (const outgoing of activities) {
            if (outgoing.type === 'delay') {
                await new Promise((resolve) => setTimeout(resolve, typeof outgoing.value === 'number' ? outgoing.value : 1000));
                responses.push({ id: '' });
            } else if (NOT_DELIVERED.has(outgoing.type ?? '')) {
                responses.push({ id: '' });
            } else {
                const stored = await this.store.append(conversationId, (id, timestamp) => this.fromBot(context, outgoing, id, timestamp), this.dedupeKey(context));
                responses.push({ id: stored.activity.id ?? '' });
            }
        }
        return responses;
    }

    /** Direct Line has no edit: the new version is delivered again with the same id, after the newest. */
    public async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | void> {
        const conversationId = context.activity.conversation.id;
        if (!activity.id || !(await this.store.replace(conversationId, this.fromBot(context, activity, activity.id, new Date())))) {
            throw new Error(`DirectLineAdapter.updateActivity(): no activity ${activity.id ?? '(no id)'} in this conversation`);
        }
        return { id: activity.id };
    }

    /** Removes the activity from the history and tells the client with a `messageDelete` activity of the same id. */
    public async deleteActivity(context: TurnContext, reference: Partial<ConversationReference>): Promise<void> {
        const conversationId = context.activity.conversation.id;
        const id = reference.activityId;
        if (!id || !(await this.store.remove(conversationId, id))) {
            throw new Error(`DirectLineAdapter.deleteActivity(): no activity ${id ?? '(no id)'} in this conversation`);
        }
        await this.store.append(conversationId, (_newId, timestamp) => this.fromBot(context, { type: ActivityTypes.MessageDelete }, id, timestamp));
    }

    /** Runs `logic` as a turn of the referenced conversation (agent messages, notices). */
    public async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
        const event = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: ActivityEventNames.ContinueConversation }, reference, true);
        // The reference carries the id of the person's last activity; a proactive turn is a turn of its own,
        // and with that id the bot's retry guard would take it for a repeat of the person's message.
        event.id = `${PROACTIVE_ID_PREFIX}${randomUUID()}`;
        await this.runMiddleware(new TurnContext(this, event), logic);
    }

    public override async continueConversationAsync(
        _botAppIdOrClaims: string | ClaimsIdentity,
        reference: Partial<ConversationReference>,
        logicOrAudience: ((context: TurnContext) => Promise<void>) | string,
        maybeLogic?: (context: TurnContext) => Promise<void>
    ): Promise<void> {
        const logic = typeof logicOrAudience === 'function' ? logicOrAudience : maybeLogic;
        if (!logic) {
            throw new Error('DirectLineAdapter.continueConversationAsync(): logic is required');
        }
        await this.continueConversation(reference, logic);
    }

    /**
     * A proactive turn may run again after a crash (its outbox row is still
     * pending): its n-th activity gets the key `<turn id>#<n>`, so the store
     * keeps the one from the first run. Other turns store without a key.
     */
    private dedupeKey(context: TurnContext): string | undefined {
        const turnId = context.activity.id;
        if (!turnId?.startsWith(PROACTIVE_ID_PREFIX)) {
            return undefined;
        }
        const n = ((context.turnState.get(SENT_IN_TURN) as number | undefined) ?? 0) + 1;
        context.turnState.set(SENT_IN_TURN, n);
        return `${turnId}#${n}`;
    }

    /** The bot's activity as stored: this channel's ids, addresses and time, whatever the caller set. */
    private fromBot(context: TurnContext, outgoing: Partial<Activity>, id: string, timestamp: Date): Activity {
        const incoming = context.activity;
        // A proactive turn answers nothing the client has: Web Chat holds a reply to an unknown activity
        // for about five seconds, waiting for it, so such a reply goes out without `replyToId`.
        const replyToId = incoming.id?.startsWith(PROACTIVE_ID_PREFIX) ? undefined : outgoing.replyToId;
        return {
            ...outgoing,
            replyToId,
            type: outgoing.type ?? ActivityTypes.Message,
            id,
            timestamp,
            channelId: DIRECT_LINE_CHANNEL_ID,
            serviceUrl: IN_PROCESS_SERVICE_URL,
            conversation: { id: incoming.conversation.id, isGroup: false, conversationType: 'personal', name: '' },
            from: DIRECT_LINE_BOT,
            recipient: outgoing.recipient ?? incoming.from ?? { id: '', name: '' }
        } as Activity;
    }
}

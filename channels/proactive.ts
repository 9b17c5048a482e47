import type { ConversationReference, TurnContext } from 'botbuilder';
import { getLogger } from '../core/logger';
import { isLoopbackUrl } from './activityGuard';
import type { ChannelAdapter } from './adapter';
import type { CustomerNotifier } from '../services/customerDelivery';
import { setProactiveInstruction, type ProactiveInstruction } from '../turn/proactiveTurn';

/** A turn run by the bot on its own initiative (an agent's message, a status update). */
export type TurnLogic = (context: TurnContext) => Promise<void>;

/** One channel's way of running a turn in a conversation it carries. */
export interface ProactiveRoute {
    /** True when this route carries the conversation of `reference`. */
    matches(reference: Partial<ConversationReference>): boolean;
    continueConversation(reference: Partial<ConversationReference>, logic: TurnLogic): Promise<void>;
}

const log = getLogger('channels.proactive');

/**
 * Sends proactive turns through the adapter of the conversation's own channel:
 * the first registered route that matches the stored reference (e.g. the
 * in-process Direct Line), else the Bot Framework adapter of `/api/messages`.
 * Dialogs and services use this and never know which channel it is.
 */
export class ProactiveMessenger {
    private readonly routes: ProactiveRoute[] = [];
    private fallback?: ProactiveRoute;

    /** Adds a channel's route; later registrations are tried first. */
    public register(route: ProactiveRoute): void {
        this.routes.unshift(route);
    }

    /** The route for references no registered route claims. */
    public setFallback(route: ProactiveRoute): void {
        this.fallback = route;
    }

    public async continueConversation(reference: Partial<ConversationReference>, logic: TurnLogic): Promise<void> {
        const route = this.routes.find((r) => r.matches(reference)) ?? this.fallback;
        if (!route) {
            throw new Error('ProactiveMessenger.continueConversation(): no channel route is registered');
        }
        await route.continueConversation(reference, logic);
    }
}

/**
 * Brings the bot's own messages (CustomerDelivery) to the person: a proactive
 * turn of the bot through the conversation's channel, with the instruction in
 * its turn state.
 */
export class ProactiveBotTurns implements CustomerNotifier {
    public constructor(private readonly messenger: ProactiveMessenger, private readonly bot: TurnLogic) {}

    public async notify(reference: Partial<ConversationReference>, activityId: string, instruction: ProactiveInstruction): Promise<void> {
        let done = false;
        let error: unknown;
        await this.messenger.continueConversation(reference, async (context) => {
            // The turn's id comes from the outbox row, so a repeat after a crash is recognised as such.
            context.activity.id = activityId;
            setProactiveInstruction(context, instruction);
            try {
                await this.bot(context);
                done = true;
            } catch (err) {
                // Not passed on to the turn-error handler: no apology for a message that will be sent again.
                error = err;
            }
        });
        if (!done) {
            throw error ?? new Error('the proactive turn did not run');
        }
    }
}

/**
 * The route through the CloudAdapter (Teams, Azure Direct Line, Emulator). In
 * local mode it refuses references whose service URL is not on this machine,
 * so a stranger's `serviceUrl` never receives the bot's messages.
 */
export function cloudAdapterRoute(adapter: ChannelAdapter, appId: string, loopbackOnly: boolean): ProactiveRoute {
    return {
        matches: () => true,
        continueConversation: async (reference, logic) => {
            if (loopbackOnly && !isLoopbackUrl(reference.serviceUrl ?? '')) {
                log.warn('proactive message to a non-loopback service URL refused in local mode', { channel: reference.channelId });
                throw new Error('cloudAdapterRoute: non-loopback service URL refused in local mode');
            }
            await adapter.continueConversationAsync(appId, reference, logic);
        }
    };
}

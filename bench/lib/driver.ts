/** One bot message as a person sees it. */
export interface BotReply {
    readonly text: string;
    readonly buttons: readonly string[];
}

/** What the person does in one turn: join the conversation, or type a message. */
export type TurnInput = { readonly kind: 'join' } | { readonly kind: 'text'; readonly text: string };

/** The answer to one turn: the HTTP status and the bot's messages of that turn. */
export interface TurnResult {
    readonly status: number;
    readonly replies: readonly BotReply[];
    /** The response body when it was not a normal answer (for error reports). */
    readonly problem?: string;
}

/** A conversation opened through a driver. */
export interface DriverConversation {
    /** `channelId:conversationId`, the bot's key for the conversation (outbox rows carry it). */
    readonly key: string;
    /**
     * Sends one turn. `activityId` repeats an earlier turn's id (a channel's
     * retry); by default every turn gets a new id.
     */
    send(input: TurnInput, activityId?: string): Promise<TurnResult & { readonly activityId: string }>;
    /** Lets go of what the conversation holds open (a stream); called when its script is over. */
    close?(): void;
}

/**
 * A door into a bot: `POST /api/messages` with `expectReplies`
 * ({@link MessagesDriver}) or the bot's own Direct Line 3.0 endpoint
 * ({@link DirectLineDriver}). The load generator and the reliability checks
 * only talk to this interface, so a new door is one new class.
 */
export interface Driver {
    /** Short name for reports, e.g. `api/messages`. */
    readonly name: string;
    /** Opens a conversation; `locale` undefined = the client sends none. */
    open(locale: string | undefined, conversationId?: string): DriverConversation;
    /** Frees sockets. */
    close(): void;
}

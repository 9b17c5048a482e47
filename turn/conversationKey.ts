import type { Activity } from 'botbuilder';

/** `channelId:conversationId`: one key per conversation across channels. */
export function conversationKeyOf(activity: Partial<Activity>): string {
    return `${activity.channelId ?? 'unknown'}:${activity.conversation?.id ?? 'unknown'}`;
}

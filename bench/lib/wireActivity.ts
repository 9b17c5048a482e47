import type { BotReply } from './driver';

/** The parts of a bot activity on the wire that the load generator looks at. */
export interface WireActivity {
    type?: string;
    text?: string;
    summary?: string;
    suggestedActions?: { actions?: Array<{ title?: string; value?: unknown }> };
    attachments?: Array<{ content?: { buttons?: Array<{ title?: string }> } }>;
}

/** A bot message as a person sees it: its text and the buttons of its suggested actions and cards. */
export function toReply(activity: WireActivity): BotReply {
    const buttons = (activity.suggestedActions?.actions ?? []).map((a) => String(a.title ?? a.value));
    for (const attachment of activity.attachments ?? []) {
        buttons.push(...(attachment.content?.buttons ?? []).map((b) => String(b.title)));
    }
    return { text: activity.text || activity.summary || '', buttons };
}

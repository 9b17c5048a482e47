import type { Activity } from 'botbuilder';

/**
 * The text of a message: typed text, or the `text`/`choice` of a card submit
 * (`activity.value`), trimmed; undefined when there is none.
 */
export function submittedText(activity: Partial<Activity>): string | undefined {
    if (typeof activity.text === 'string' && activity.text.trim() !== '') {
        return activity.text.trim();
    }
    const value = activity.value as { text?: unknown; choice?: unknown } | undefined;
    if (value && typeof value === 'object') {
        for (const candidate of [value.choice, value.text]) {
            if (typeof candidate === 'string' && candidate.trim() !== '') {
                return candidate.trim();
            }
        }
    }
    return undefined;
}

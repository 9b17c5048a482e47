import type { WaterfallStepContext } from 'botbuilder-dialogs';

/** The waterfall's `values` (kept across its steps) with the shape the dialog gives them. */
export function stepValues<T extends object>(step: WaterfallStepContext): Partial<T> {
    return step.values as Partial<T>;
}

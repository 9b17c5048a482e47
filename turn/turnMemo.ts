import type { TurnContext } from 'botbuilder';

/** Keys a turn keeps for one kind of reading; a turn that asks about more texts computes the rest each time. */
const MAX_KEYS_PER_TURN = 32;

/**
 * What a reading of the turn's text (`compute`) gives for `key`, computed once
 * in the turn and shared by everything that asks again (the interruption
 * check, the prompt's recognizer, the step after it). Kept in the turn's own
 * state, so it goes with the turn; `slot` names the kind of reading.
 */
export function oncePerTurn<T>(context: TurnContext, slot: symbol, key: string, compute: () => T): T {
    let kept = context.turnState.get(slot) as Map<string, T> | undefined;
    if (!kept) {
        kept = new Map();
        context.turnState.set(slot, kept);
    }
    if (kept.has(key)) {
        return kept.get(key) as T;
    }
    const value = compute();
    if (kept.size < MAX_KEYS_PER_TURN) {
        kept.set(key, value);
    }
    return value;
}

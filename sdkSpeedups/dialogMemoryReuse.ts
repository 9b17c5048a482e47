/**
 * SDK speed-up: one set of dialog memory scopes for every turn.
 *
 * Relies on botbuilder-dialogs internals (pinned by test/sdkSpeedups/dialogMemoryReuse.test.ts):
 * `DialogStateManager`'s constructor takes its configuration from the turn state
 * under the key 'DialogStateManagerConfiguration' when one is there, and puts the
 * one it builds there otherwise; the configuration holds no per-turn state.
 */
import type { TurnContext } from 'botbuilder';
import type { DialogContext, DialogStateManagerConfiguration } from 'botbuilder-dialogs';

/**
 * botbuilder-dialogs builds the memory scopes and path resolvers of its
 * `DialogStateManager` anew in every turn (a service collection, a zod parse
 * of the settings, nine scope objects), then keeps them in the turn state for
 * the turn's other dialog contexts. They hold no state of their own, so the
 * first turn's set can serve every later turn: it is put into each turn's
 * state under the key botbuilder used, found by looking for it there.
 */
export class DialogMemoryReuse {
    private entry?: { readonly key: unknown; readonly configuration: DialogStateManagerConfiguration };

    /** Before the turn's first dialog context: hands it the set learned earlier. */
    public prepare(context: TurnContext): void {
        if (this.entry) {
            context.turnState.set(this.entry.key, this.entry.configuration);
        }
    }

    /** After a dialog context was made: remembers its set and the turn-state key it is kept under. */
    public learn(context: TurnContext, dc: DialogContext): void {
        if (this.entry) {
            return;
        }
        for (const [key, value] of context.turnState) {
            if (value === dc.state.configuration) {
                this.entry = { key, configuration: dc.state.configuration };
                return;
            }
        }
    }
}

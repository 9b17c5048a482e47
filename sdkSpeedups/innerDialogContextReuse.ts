/**
 * SDK speed-up: a component dialog's inner dialog context made once per outer context.
 *
 * Relies on botbuilder-dialogs internals (pinned by test/sdkSpeedups/innerDialogContextReuse.test.ts):
 * - `DialogContext.child` and `ComponentDialog`'s `beginDialog`/`continueDialog` get
 *   the inner context from `ComponentDialog.prototype.createChildContext(outerDC)`,
 *   a new `DialogContext` over `outerDC.activeDialog.state.dialogs.dialogStack`;
 * - a `DialogContext` keeps nothing but what its constructor sets (services copied
 *   from the parent, dialogs, context, parent, stack, state) and changes only its
 *   stack array in place; its constructor writes nothing but `turn.activity`, the
 *   same for every context of a turn.
 */
import { ComponentDialog, type DialogContext, type DialogInstance } from 'botbuilder-dialogs';

/** The inner context made for an outer one, and what it was made for. */
interface Made {
    readonly dialog: ComponentDialog;
    readonly instance: DialogInstance;
    readonly inner: DialogContext;
}

const made = new WeakMap<DialogContext, Made>();
let installed = false;

/**
 * botbuilder-dialogs builds a new inner `DialogContext` (a memory manager,
 * its registration of the dialog memory scopes, a write of `turn.activity`)
 * every time a component dialog's child context is asked for: by
 * `DialogContext.child`, by each walk down the nested stacks (the memory
 * scope `dialogcontext`, our interruption checks) and by the component when
 * it continues. The same outer context with the same active instance over the
 * same stack array gets the same inner context, so within a turn each is made
 * once; anything else (another instance, a replaced stack) gets a new one, as
 * before. Applies to every `ComponentDialog` of the process; installing twice
 * does nothing.
 */
export function reuseInnerDialogContexts(): void {
    if (installed) {
        return;
    }
    installed = true;
    const original = ComponentDialog.prototype.createChildContext;
    ComponentDialog.prototype.createChildContext = function createChildContext(this: ComponentDialog, outerDC: DialogContext): DialogContext {
        const instance = outerDC.activeDialog;
        const kept = made.get(outerDC);
        if (kept && kept.dialog === this && kept.instance === instance && kept.inner.stack === innerStackOf(instance)) {
            // A new context would copy the outer context's services as they are now.
            outerDC.services.forEach((value, key) => kept.inner.services.set(key, value));
            return kept.inner;
        }
        const inner = original.call(this, outerDC);
        if (instance) {
            made.set(outerDC, { dialog: this, instance, inner });
        }
        return inner;
    };
}

/** The stack array the component keeps in its instance's state (where `createInnerDC` reads it). */
function innerStackOf(instance: DialogInstance | undefined): unknown {
    return (instance?.state as { dialogs?: { dialogStack?: unknown } } | undefined)?.dialogs?.dialogStack;
}

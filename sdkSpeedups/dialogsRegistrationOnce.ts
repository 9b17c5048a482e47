/**
 * SDK speed-up: botbuilder-dialogs' component registration built once, not per dialog context.
 *
 * Relies on botbuilder-dialogs internals (pinned by test/sdkSpeedups/dialogsRegistrationOnce.test.ts):
 * `DialogStateManager`'s constructor, run for every `DialogContext`, calls
 * `ComponentRegistration.add(new DialogsComponentRegistration())` through the
 * export of `botbuilder-dialogs/lib/dialogsComponentRegistration`, read at each
 * call; `ComponentRegistration.add` keeps one registration per class name; and
 * the registration holds no state beyond the factories it builds.
 */
import registrationModule = require('botbuilder-dialogs/lib/dialogsComponentRegistration');

type RegistrationClass = typeof registrationModule.DialogsComponentRegistration;
type DialogsComponentRegistration = registrationModule.DialogsComponentRegistration;

const ONCE = Symbol('billingAssistant.registrationOnce');

/**
 * Every `DialogContext` botbuilder-dialogs makes (a turn makes dozens: each
 * waterfall step and each nested component has one) registers a freshly
 * built `DialogsComponentRegistration` — a service collection with a
 * dependency graph and the factories of nine memory scopes and five path
 * resolvers — only to replace the equal one registered before. Here the
 * export is replaced by a constructor that hands out the first one built;
 * `instanceof` and the registration's class name stay as they were.
 * Installing twice does nothing.
 */
export function registerDialogsComponentOnce(): void {
    const exports = registrationModule as unknown as { DialogsComponentRegistration: RegistrationClass & { [ONCE]?: true } };
    const original = exports.DialogsComponentRegistration;
    if (original[ONCE]) {
        return;
    }
    let shared: DialogsComponentRegistration | undefined;
    function sharedRegistration(): DialogsComponentRegistration {
        shared ??= new original();
        return shared;
    }
    sharedRegistration.prototype = original.prototype;
    exports.DialogsComponentRegistration = Object.assign(sharedRegistration, { [ONCE]: true as const }) as unknown as RegistrationClass & { [ONCE]: true };
}

/**
 * SDK speed-up: botbuilder-dialogs' memory paths parsed once per path text, not at every read and write.
 *
 * Relies on botbuilder-dialogs internals (pinned by test/sdkSpeedups/parsedPaths.test.ts):
 * `DialogStateManager.prototype.parsePath(path, allowNestedPaths)` is what
 * `getValue`, `setValue`, `deleteValue`, `trackPaths` and `trackChange` call
 * to split a path; it reads the dialog's memory only for a bracketed segment
 * (`a[b.c]`), so the segments of a path without `[` depend on its text alone;
 * and no caller changes the array it returns.
 */
import { DialogStateManager } from 'botbuilder-dialogs';
import { BoundedMemo } from '../core/boundedMemo';

type ParsePath = (this: DialogStateManager, pathExpression: string, allowNestedPaths?: boolean) => (string | number)[];

const MEMO = Symbol('billingAssistant.parsedPaths');

/** Distinct path texts kept: the dialogs use a few dozen; a bound keeps odd ones from piling up. */
export const PARSED_PATHS_KEPT = 512;

/**
 * Every read and write of dialog memory (dozens per turn: the dialog stack,
 * `turn.*`, `this.*`, the change tracker) parses its path character by
 * character, building each segment one character at a time: the largest
 * single allocator of a turn in a sampling heap profile (4 % of its bytes). Here a path without brackets is
 * parsed once; later calls get a copy of the kept segments (a caller may keep
 * the array). Paths with brackets, and paths that fail to parse, go to the
 * original every time. Installing twice does nothing.
 */
export function parsePathsOnce(): void {
    const prototype = DialogStateManager.prototype as unknown as { parsePath: ParsePath & { [MEMO]?: true } };
    const original = prototype.parsePath;
    if (original[MEMO]) {
        return;
    }
    const kept = new BoundedMemo<string, readonly (string | number)[]>(PARSED_PATHS_KEPT);
    const parsePath = function (this: DialogStateManager, pathExpression: string, allowNestedPaths = true): (string | number)[] {
        if (typeof pathExpression !== 'string' || pathExpression.includes('[')) {
            return original.call(this, pathExpression, allowNestedPaths);
        }
        return kept.get(pathExpression, (text) => original.call(this, text, allowNestedPaths)).slice();
    };
    prototype.parsePath = Object.assign(parsePath, { [MEMO]: true as const });
}

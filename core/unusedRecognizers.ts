/**
 * Keeps two recognizers-text bundles that botbuilder-dialogs loads, and the
 * bot never uses, out of memory until something really uses them (about
 * 12 MB of live heap, a fifth of the bot's):
 *
 * - `@microsoft/recognizers-text-date-time`, loaded only for `DateTimePrompt`,
 *   a prompt we do not have;
 * - `@microsoft/recognizers-text-suite`, loaded by the prompts' culture table
 *   only for its `Culture` constants (the suite bundles every recognizer).
 *
 * {@link leaveUnusedRecognizersOut} puts a stand-in for each in Node's module
 * cache, at the path botbuilder-dialogs resolves them to: its exports answer
 * `__esModule` and (the suite's) `Culture` from the small
 * `@microsoft/recognizers-text` package, and load the real bundle on the
 * first other property read, so a `DateTimePrompt` would still work. This
 * relies on how botbuilder-dialogs 4.23 requires them; the test
 * `test/core/unusedRecognizers.test.ts` pins it.
 */
import Module from 'module';

/** The bundles left out, by package name. */
export const LEFT_OUT = ['@microsoft/recognizers-text-date-time', '@microsoft/recognizers-text-suite'] as const;

/** Properties the stand-in answers without loading the bundle. */
const ANSWERED_WITHOUT_LOADING: Readonly<Record<(typeof LEFT_OUT)[number], readonly string[]>> = {
    '@microsoft/recognizers-text-date-time': [],
    '@microsoft/recognizers-text-suite': ['Culture']
};

let installed = false;
const standIns = new WeakSet<object>();

/**
 * Installs the stand-ins, once, before botbuilder-dialogs is loaded; when it
 * already is (or cannot be resolved), does nothing. Returns the packages
 * now left out.
 */
export function leaveUnusedRecognizersOut(): string[] {
    if (installed) {
        return [...LEFT_OUT];
    }
    let dialogsMain: string;
    try {
        dialogsMain = require.resolve('botbuilder-dialogs');
    } catch {
        return [];
    }
    if (require.cache[dialogsMain]) {
        return [];
    }
    const fromDialogs = Module.createRequire(dialogsMain);
    const base = fromDialogs('@microsoft/recognizers-text') as Record<string, unknown>;
    for (const name of LEFT_OUT) {
        const file = fromDialogs.resolve(name);
        if (require.cache[file]) {
            continue;
        }
        const answered = ANSWERED_WITHOUT_LOADING[name];
        let real: Record<string | symbol, unknown> | undefined;
        const load = (): Record<string | symbol, unknown> => {
            if (!real) {
                // Out of the cache first, so the real bundle is evaluated instead of this stand-in.
                delete require.cache[file];
                real = fromDialogs(name) as Record<string | symbol, unknown>;
                // Later requires get the real exports straight away.
                require.cache[file] = Object.assign(new Module(file), { filename: file, loaded: true, exports: real });
            }
            return real;
        };
        const exports = new Proxy({} as Record<string | symbol, unknown>, {
            get: (_target, property) => {
                if (property === '__esModule') {
                    return true;
                }
                if (typeof property === 'string' && answered.includes(property) && !real) {
                    return base[property];
                }
                return load()[property];
            },
            has: (_target, property) => property === '__esModule' || property in load(),
            ownKeys: () => Reflect.ownKeys(load()),
            getOwnPropertyDescriptor: (_target, property) => {
                const descriptor = Reflect.getOwnPropertyDescriptor(load(), property);
                return descriptor && { ...descriptor, configurable: true };
            }
        });
        standIns.add(exports);
        const stand = new Module(file);
        stand.filename = file;
        stand.loaded = true;
        stand.exports = exports;
        require.cache[file] = stand;
    }
    installed = true;
    return [...LEFT_OUT];
}

/** True when the real bundle of `name` has been loaded (tests and the bench). */
export function recognizerLoaded(name: (typeof LEFT_OUT)[number]): boolean {
    const file = Module.createRequire(require.resolve('botbuilder-dialogs')).resolve(name);
    const cached = require.cache[file];
    return cached !== undefined && !(cached.exports !== null && typeof cached.exports === 'object' && isStandIn(cached.exports as object));
}

function isStandIn(exports: object): boolean {
    return standIns.has(exports);
}

/**
 * Keeps packages that the Bot Framework SDK loads, and the bot never uses,
 * out of memory until something really uses them (about 17 MB of live heap,
 * a quarter of the bot's, and about 8 MB more for the last six):
 *
 * - `@microsoft/recognizers-text-date-time`, loaded by botbuilder-dialogs only
 *   for `DateTimePrompt`, a prompt we do not have;
 * - botbuilder-dialogs' own `@microsoft/recognizers-text-choice` (1.1, beside
 *   the 1.3 the bot's entity recognition uses), loaded only for
 *   `ConfirmPrompt`, which the bot does not use (its yes/no prompt is its own);
 * - `@microsoft/recognizers-text-suite`, loaded by the prompts' culture table
 *   only for its `Culture` constants (the suite bundles every recognizer);
 * - `@azure/identity` (with a second, newer copy of msal-node), loaded by
 *   botframework-connector's `JwtTokenProviderFactory` only for a managed
 *   identity (`MicrosoftAppType=UserAssignedMSI`), which this bot's
 *   configuration does not offer;
 * - `axios` (with form-data, mime-db, follow-redirects and a proxy agent,
 *   about 4 MB of heap), loaded by botframework-connector only for
 *   `BotFrameworkClientImpl`, which posts to skills: this bot calls none;
 * - `htmlparser2`, loaded by botbuilder only for `SetSpeakMiddleware`, which
 *   this bot does not add;
 * - `http-signature` (with sshpk, tweetnacl, asn1), `send` and `csv`, loaded
 *   by restify's plugin index only for the `authorizationParser`,
 *   `serveStaticFiles` and `fieldedTextBodyParser` plugins: the server uses
 *   `pre.sanitizePath` alone.
 *
 * {@link leaveUnusedRecognizersOut} puts a stand-in for each in Node's module
 * cache, at the path the requiring package resolves them to: its exports answer
 * `__esModule` and (the suite's) `Culture` from the small
 * `@microsoft/recognizers-text` package, and load the real bundle on the
 * first other property read, so a `DateTimePrompt` would still work. This
 * relies on how botbuilder-dialogs, botframework-connector and botbuilder 4.23
 * and restify 11 require them (each reads a property of the package only
 * when called, never while its own module loads); the test
 * `test/core/unusedRecognizers.test.ts` pins it.
 */
import Module from 'module';

/** The bundles left out, by package name. */
export const LEFT_OUT = [
    '@microsoft/recognizers-text-date-time',
    '@microsoft/recognizers-text-suite',
    '@azure/identity',
    '@microsoft/recognizers-text-choice',
    'axios',
    'htmlparser2',
    'http-signature',
    'send',
    'csv'
] as const;

type LeftOut = (typeof LEFT_OUT)[number];

/** The SDK package that requires each: the stand-in goes where that package resolves it. */
const REQUIRED_BY: Readonly<Record<LeftOut, string>> = {
    '@microsoft/recognizers-text-date-time': 'botbuilder-dialogs',
    '@microsoft/recognizers-text-suite': 'botbuilder-dialogs',
    '@azure/identity': 'botframework-connector',
    '@microsoft/recognizers-text-choice': 'botbuilder-dialogs',
    axios: 'botframework-connector',
    htmlparser2: 'botbuilder',
    'http-signature': 'restify',
    send: 'restify',
    csv: 'restify'
};

/** Properties the stand-in answers without loading the bundle. */
const ANSWERED_WITHOUT_LOADING: Readonly<Record<LeftOut, readonly string[]>> = {
    '@microsoft/recognizers-text-date-time': [],
    '@microsoft/recognizers-text-suite': ['Culture'],
    '@azure/identity': [],
    '@microsoft/recognizers-text-choice': [],
    axios: [],
    htmlparser2: [],
    'http-signature': [],
    send: [],
    csv: []
};

/** Where `pkg`'s own requires resolve, or undefined when it is not installed or already loaded (too late for a stand-in). */
function requireOf(pkg: string): NodeJS.Require | undefined {
    let main: string;
    try {
        main = require.resolve(pkg);
    } catch {
        return undefined;
    }
    return require.cache[main] ? undefined : Module.createRequire(main);
}

/** Packages whose export is itself called (restify's static-file plugin calls `send(…)`): their stand-in is a function. */
const CALLED: ReadonlySet<LeftOut> = new Set<LeftOut>(['send']);

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
    const fromDialogs = requireOf('botbuilder-dialogs');
    if (!fromDialogs) {
        return [];
    }
    const base = fromDialogs('@microsoft/recognizers-text') as Record<string, unknown>;
    const leftOut: string[] = [];
    for (const name of LEFT_OUT) {
        const from = REQUIRED_BY[name] === 'botbuilder-dialogs' ? fromDialogs : requireOf(REQUIRED_BY[name]);
        if (!from) {
            continue;
        }
        const file = from.resolve(name);
        if (require.cache[file]) {
            continue;
        }
        leftOut.push(name);
        const answered = ANSWERED_WITHOUT_LOADING[name];
        let real: Record<string | symbol, unknown> | undefined;
        const load = (): Record<string | symbol, unknown> => {
            if (!real) {
                // Out of the cache first, so the real bundle is evaluated instead of this stand-in.
                delete require.cache[file];
                real = from(name) as Record<string | symbol, unknown>;
                // Later requires get the real exports straight away.
                require.cache[file] = Object.assign(new Module(file), { filename: file, loaded: true, exports: real });
            }
            return real;
        };
        const target = (CALLED.has(name) ? (): undefined => undefined : {}) as Record<string | symbol, unknown>;
        const exports = new Proxy(target, {
            apply: (_target, self, args: unknown[]) => Reflect.apply(load() as unknown as (...a: unknown[]) => unknown, self, args),
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
    return leftOut;
}

/** True when the real bundle of `name` has been loaded (tests and the bench). */
export function recognizerLoaded(name: LeftOut): boolean {
    const file = Module.createRequire(require.resolve(REQUIRED_BY[name])).resolve(name);
    const cached = require.cache[file];
    return cached !== undefined && !(cached.exports !== null && (typeof cached.exports === 'object' || typeof cached.exports === 'function') && isStandIn(cached.exports as object));
}

function isStandIn(exports: object): boolean {
    return standIns.has(exports);
}

/**
 * The Bot Framework SDK packages are compiled by TypeScript to ES2015, so each
 * of their async methods is emitted as
 *
 *     return __awaiter(this, void 0, void 0, function* () { … yield x … });
 *
 * a generator stepped by a Promise-based helper: about 2.7 µs per call, and a
 * turn makes 60–100 of them. {@link installNativeAsync} puts a hook in Node's
 * module loader that rewrites, in the SDK packages' files only
 * ({@link SDK_PACKAGES}), each such call into a native async arrow called at
 * once:
 *
 *     return (async () => { … await (x) … })();
 *
 * An arrow has no `this` and no `arguments` of its own, so both stay those of
 * the enclosing function, as the helper's `generator.apply(thisArg, _arguments)`
 * made them. Only the exact emitted shape is rewritten ({@link rewriteAwaiters});
 * anything else (a real generator, `yield*`, a helper that is not TypeScript's)
 * is left as it was. Rewritten files are cached on disk, keyed by path,
 * content and {@link REWRITER_VERSION}, so a start does not parse them again.
 *
 * `test/sdkSpeedups/nativeAsync.test.ts` pins the emitted shape in the
 * installed SDK and checks the rewrite on samples.
 */
import * as acorn from 'acorn';
import * as crypto from 'crypto';
import * as fs from 'fs';
import Module from 'module';
import * as os from 'os';
import * as path from 'path';

/** Bump when {@link rewriteAwaiters} changes what it writes: the disk cache keys on it. */
export const REWRITER_VERSION = 1;

/** The packages whose files are rewritten (by the name of the package folder a file is in). */
export const SDK_PACKAGES: readonly string[] = [
    'botbuilder',
    'botbuilder-core',
    'botbuilder-dialogs',
    'botbuilder-dialogs-adaptive-runtime-core',
    'botbuilder-stdlib',
    'botframework-connector',
    'botframework-schema',
    'botframework-streaming'
];

/** Where rewritten files are cached unless the settings say otherwise. */
export const DEFAULT_CACHE_DIR = path.join(os.tmpdir(), 'billing-assistant-native-async');

export interface NativeAsyncSettings {
    /** False leaves the SDK's code as installed. */
    readonly enabled: boolean;
    /** Folder for rewritten files; undefined (or a folder that cannot be written) rewrites in memory at each start. */
    readonly cacheDir?: string;
}

export interface RewriteResult {
    readonly code: string;
    /** `__awaiter` calls rewritten. */
    readonly rewritten: number;
}

// Minimal shapes of the ESTree nodes read here (acorn's own types are loose).
interface AnyNode {
    readonly type: string;
    readonly start: number;
    readonly end: number;
    readonly [key: string]: unknown;
}

interface FunctionNode extends AnyNode {
    readonly generator: boolean;
    readonly async: boolean;
    readonly id: AnyNode | null;
    readonly params: AnyNode[];
    readonly body: AnyNode;
}

const FUNCTION_TYPES = new Set(['FunctionExpression', 'FunctionDeclaration', 'ArrowFunctionExpression']);

function isNode(value: unknown): value is AnyNode {
    return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** The child nodes of `node`, in source order. */
function children(node: AnyNode): AnyNode[] {
    const out: AnyNode[] = [];
    for (const key of Object.keys(node)) {
        const value = node[key];
        if (Array.isArray(value)) {
            for (const item of value) {
                if (isNode(item)) {
                    out.push(item);
                }
            }
        } else if (isNode(value) && key !== 'loc') {
            out.push(value);
        }
    }
    return out;
}

/** Calls `visit` on every node under `root` (root included); `visit` returning false skips a node's children. */
function walk(root: AnyNode, visit: (node: AnyNode) => boolean | void): void {
    const stack = [root];
    while (stack.length > 0) {
        const node = stack.pop() as AnyNode;
        if (visit(node) !== false) {
            stack.push(...children(node).reverse());
        }
    }
}

function isVoidZero(node: AnyNode | undefined): boolean {
    return (
        node?.type === 'UnaryExpression' &&
        node.operator === 'void' &&
        isNode(node.argument) &&
        node.argument.type === 'Literal' &&
        node.argument.value === 0
    );
}

function isIdentifier(node: unknown, name: string): boolean {
    return isNode(node) && node.type === 'Identifier' && node.name === name;
}

/**
 * True when the file declares `__awaiter` as TypeScript's helper:
 * `var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {…}`.
 */
function declaresTypeScriptAwaiter(program: AnyNode): boolean {
    let declarations = 0;
    let helper = false;
    walk(program, (node) => {
        if (node.type === 'VariableDeclarator' && isIdentifier(node.id, '__awaiter')) {
            declarations++;
            const init = node.init;
            helper =
                isNode(init) &&
                init.type === 'LogicalExpression' &&
                init.operator === '||' &&
                isNode(init.right) &&
                init.right.type === 'FunctionExpression' &&
                (init.right as FunctionNode).params.map((p) => (p.type === 'Identifier' ? p.name : '')).join() === 'thisArg,_arguments,P,generator';
        } else if (FUNCTION_TYPES.has(node.type) && (node as FunctionNode).params.some((p) => isIdentifier(p, '__awaiter'))) {
            declarations++;
        }
    });
    return declarations === 1 && helper;
}

/** What the wrapped generator's body uses at its own level (not inside nested non-arrow functions). */
function bodyUses(body: AnyNode): { yields: AnyNode[]; delegates: boolean; usesThis: boolean; usesArguments: boolean; newTarget: boolean } {
    const yields: AnyNode[] = [];
    let delegates = false;
    let usesThis = false;
    let usesArguments = false;
    let newTarget = false;
    walk(body, (node) => {
        if (node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration') {
            return false; // own this, arguments and yield
        }
        if (node.type === 'YieldExpression') {
            if (node.delegate) {
                delegates = true;
            }
            yields.push(node);
        } else if (node.type === 'ThisExpression') {
            usesThis = true;
        } else if (isIdentifier(node, 'arguments')) {
            usesArguments = true;
        } else if (node.type === 'MetaProperty') {
            newTarget = true;
        }
        return true;
    });
    return { yields, delegates, usesThis, usesArguments, newTarget };
}

interface Edit {
    readonly start: number;
    readonly end: number;
    readonly text: string;
}

/** The edits that turn one `__awaiter(…)` call into a native async arrow, or undefined when the call is not the emitted shape. */
function awaiterEdits(call: AnyNode, source: string): Edit[] | undefined {
    const args = call.arguments as AnyNode[];
    if (!isIdentifier(call.callee, '__awaiter') || call.optional || args.length !== 4) {
        return undefined;
    }
    const [thisArg, argumentsArg, promiseArg, generatorArg] = args;
    const fn = generatorArg as FunctionNode;
    if (fn.type !== 'FunctionExpression' || !fn.generator || fn.async || fn.id !== null || !isVoidZero(promiseArg)) {
        return undefined;
    }
    const passesArguments = isIdentifier(argumentsArg, 'arguments');
    if (!passesArguments && !isVoidZero(argumentsArg)) {
        return undefined;
    }
    const thisIsOuter = thisArg.type === 'ThisExpression';
    if (!thisIsOuter && !isVoidZero(thisArg)) {
        return undefined;
    }
    // Parameters are bound from the outer arguments: only with `arguments` passed.
    if (fn.params.length > 0 && !passesArguments) {
        return undefined;
    }
    const uses = bodyUses(fn.body);
    if (uses.delegates || uses.newTarget) {
        return undefined;
    }
    // With `this` or `arguments` not handed on, the generator saw undefined / none; an arrow would see the outer ones.
    if ((uses.usesThis && !thisIsOuter) || (uses.usesArguments && !passesArguments)) {
        return undefined;
    }
    const params = fn.params.length > 0 ? source.slice(fn.params[0].start, fn.params[fn.params.length - 1].end) : '';
    const edits: Edit[] = [
        { start: call.start, end: fn.body.start, text: `(async (${params}) => ` },
        { start: fn.body.end, end: call.end, text: passesArguments && fn.params.length > 0 ? ')(...arguments)' : ')()' }
    ];
    for (const node of uses.yields) {
        if (node.argument) {
            // `yield` binds looser than `await`: `yield a + b` is `await (a + b)`. The keyword alone is replaced
            // (the argument may be in parentheses of its own, outside its node's range), the close goes at the end.
            edits.push({ start: node.start, end: node.start + 'yield'.length, text: 'await (' }, { start: node.end, end: node.end, text: ')' });
        } else {
            edits.push({ start: node.start, end: node.end, text: 'await void 0' });
        }
    }
    return edits;
}

/** Keeps the line count of a replaced span, so stack traces point at the same lines. */
function keepingLines(removed: string, text: string): string {
    const newlines = removed.split('\n').length - 1;
    return newlines > 0 ? text + '\n'.repeat(newlines) : text;
}

/**
 * Rewrites each `__awaiter(this, void 0 | arguments, void 0, function* (…) {…})`
 * of TypeScript's ES2015 output into `(async (…) => {…})()`, `yield` into
 * `await`. Returns the source unchanged when it does not parse, or does not
 * declare TypeScript's `__awaiter` helper itself.
 */
export function rewriteAwaiters(source: string): RewriteResult {
    if (!source.includes('__awaiter')) {
        return { code: source, rewritten: 0 };
    }
    const program = parse(source);
    if (!program) {
        return { code: source, rewritten: 0 };
    }
    if (!declaresTypeScriptAwaiter(program)) {
        return { code: source, rewritten: 0 };
    }
    const edits: Edit[] = [];
    let rewritten = 0;
    walk(program, (node) => {
        if (node.type === 'CallExpression') {
            const callEdits = awaiterEdits(node, source);
            if (callEdits) {
                edits.push(...callEdits);
                rewritten++;
            }
        }
    });
    if (rewritten === 0) {
        return { code: source, rewritten: 0 };
    }
    // Edits never overlap (a call's yields lie in its own body, outside nested functions); at one position, in the order made.
    edits.sort((a, b) => a.start - b.start || a.end - b.end);
    let code = '';
    let at = 0;
    for (const edit of edits) {
        code += source.slice(at, edit.start) + keepingLines(source.slice(edit.start, edit.end), edit.text);
        at = edit.end;
    }
    code += source.slice(at);
    // A rewrite that does not parse (a shape not foreseen) leaves the file as it was.
    return parse(code) ? { code, rewritten } : { code: source, rewritten: 0 };
}

/** The CommonJS file's syntax tree, or undefined when it does not parse. */
function parse(source: string): AnyNode | undefined {
    try {
        return acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'script', allowHashBang: true, allowReturnOutsideFunction: true }) as unknown as AnyNode;
    } catch {
        return undefined;
    }
}

/** The name of the package `file` belongs to (its folder right after the last `node_modules`), or undefined. */
export function packageOf(file: string): string | undefined {
    const parts = file.split(path.sep);
    const at = parts.lastIndexOf('node_modules');
    if (at < 0 || at + 1 >= parts.length) {
        return undefined;
    }
    return parts[at + 1].startsWith('@') ? parts.slice(at + 1, at + 3).join('/') : parts[at + 1];
}

/**
 * The cache folder when this process may trust it: made if missing (owner
 * only), owned by this process's user and writable by no one else, since what
 * is read from it runs as code. Undefined otherwise (rewrites stay in memory).
 */
function trustedDir(dir: string | undefined): string | undefined {
    if (dir === undefined) {
        return undefined;
    }
    try {
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
        const stat = fs.statSync(dir);
        const ownUser = typeof process.getuid !== 'function' || stat.uid === process.getuid();
        return stat.isDirectory() && ownUser && (stat.mode & 0o022) === 0 ? dir : undefined;
    } catch {
        return undefined;
    }
}

/** Rewritten files kept on disk between starts; every failure to read or write falls back to rewriting in memory. */
class RewriteCache {
    private readonly dir: string | undefined;
    private writable: boolean;

    constructor(dir: string | undefined) {
        this.dir = trustedDir(dir);
        this.writable = this.dir !== undefined;
    }

    rewrite(file: string, source: string): string {
        if (!source.includes('__awaiter')) {
            return source;
        }
        const key = crypto.createHash('sha256').update(`${REWRITER_VERSION}\0${file}\0`).update(source).digest('hex');
        const cached = this.dir === undefined ? undefined : path.join(this.dir, `${key}.js`);
        if (cached !== undefined) {
            try {
                return fs.readFileSync(cached, 'utf8');
            } catch {
                // not cached yet, or unreadable
            }
        }
        const { code } = rewriteAwaiters(source);
        if (cached !== undefined && this.writable) {
            try {
                // Whole or not at all: written aside, then renamed into place.
                const part = `${cached}.${process.pid}.part`;
                fs.writeFileSync(part, code);
                fs.renameSync(part, cached);
            } catch {
                this.writable = false;
            }
        }
        return code;
    }
}

type Compile = (this: Module, content: string, filename: string, ...rest: unknown[]) => unknown;

let installed: { settings: NativeAsyncSettings } | undefined;

/**
 * Installs the rewrite in Node's module loader, once, for files of
 * {@link SDK_PACKAGES} loaded from now on (install it before the SDK loads).
 * Returns whether it is installed.
 */
export function installNativeAsync(settings: NativeAsyncSettings): boolean {
    if (installed) {
        return true;
    }
    if (!settings.enabled) {
        return false;
    }
    const cache = new RewriteCache(settings.cacheDir);
    const sdk = new Set(SDK_PACKAGES);
    const proto = Module.prototype as unknown as { _compile: Compile };
    const compile = proto._compile;
    proto._compile = function (this: Module, content: string, filename: string, ...rest: unknown[]): unknown {
        const pkg = typeof filename === 'string' && filename.endsWith('.js') ? packageOf(filename) : undefined;
        const code = pkg !== undefined && sdk.has(pkg) ? cache.rewrite(filename, content) : content;
        return compile.call(this, code, filename, ...rest);
    };
    installed = { settings };
    return true;
}

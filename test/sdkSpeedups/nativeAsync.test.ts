import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { rewriteAwaiters, SDK_PACKAGES } from '../../sdkSpeedups/nativeAsync';
import { PROJECT_ROOT } from '../../paths';
import { inFreshProcess } from '../helpers/freshProcess';
import { makeTempDir } from '../helpers/tempDir';

/** TypeScript's helper, as `tsc --target ES2015` emits it at the top of each SDK file. */
const HELPER = `"use strict";
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
`;

/** Runs a CommonJS sample and returns its `exports`. */
function load(code: string): Record<string, unknown> {
    const module = { exports: {} as Record<string, unknown> };
    vm.runInThisContext(`(function (exports, module) {${code}\n})`)(module.exports, module);
    return module.exports;
}

/** The sample as emitted and as rewritten: both loaded, and how many calls were rewritten. */
function both(body: string): { before: Record<string, unknown>; after: Record<string, unknown>; code: string; rewritten: number } {
    const source = HELPER + body;
    const { code, rewritten } = rewriteAwaiters(source);
    return { before: load(source), after: load(code), code, rewritten };
}

type Run = (exports: Record<string, unknown>) => Promise<unknown>;

/** Settles `run` against a loaded sample: its value or its error's message. */
async function settle(run: Run, exports: Record<string, unknown>): Promise<unknown> {
    try {
        return { value: await run(exports) };
    } catch (err) {
        return { error: (err as Error).message };
    }
}

/** Asserts the rewrite applied to every call and that the rewritten sample behaves like the emitted one. */
async function sameBehaviour(body: string, calls: number, run: Run, expected: unknown): Promise<string> {
    const { before, after, code, rewritten } = both(body);
    assert.strictEqual(rewritten, calls);
    assert.deepStrictEqual(await settle(run, before), expected, 'the emitted code');
    assert.deepStrictEqual(await settle(run, after), expected, 'the rewritten code');
    return code;
}

describe('The SDK\'s __awaiter generators rewritten into native async functions (sdkSpeedups/nativeAsync.ts)', () => {
    it('keeps the caller\'s `this` and `arguments`, and parameter defaults bound from the arguments', async () => {
        const code = await sameBehaviour(
            `class Counter {
    constructor() { this.base = 10; }
    add(a, b) {
        return __awaiter(this, arguments, void 0, function* () {
            const first = yield Promise.resolve(a);
            return [this.base + first + b, arguments.length];
        });
    }
    withDefaults(_a) {
        return __awaiter(this, arguments, void 0, function* ({ x, y } = { x: 1, y: 2 }, z = this.base) {
            return x + y + z + (yield 0);
        });
    }
}
exports.Counter = Counter;`,
            2,
            async (m) => {
                const counter = new (m.Counter as new () => { add(a: number, b: number, c?: number): Promise<unknown>; withDefaults(p?: unknown): Promise<unknown> })();
                return [await counter.add(1, 2, 3), await counter.withDefaults(), await counter.withDefaults({ x: 5, y: 5 })];
            },
            { value: [[13, 3], 13, 20] }
        );
        assert.doesNotMatch(code.slice(HELPER.length), /__awaiter\(|function\*|yield/);
        assert.match(code, /async \(\) => \{/);
        assert.match(code, /async \(\{ x, y \} = \{ x: 1, y: 2 \}, z = this\.base\) => \{/);
    });

    it('leaves real generators and `yield*` inside the body as they are, and rewrites only the wrapped body\'s own yields', async () => {
        const code = await sameBehaviour(
            `function numbers() {
    return __awaiter(this, void 0, void 0, function* () {
        function* gen() { yield 1; yield* [2, 3]; }
        const inner = { *more() { yield 4; } };
        const got = [...gen(), ...inner.more()];
        got.push(yield Promise.resolve(5));
        return got;
    });
}
exports.numbers = numbers;`,
            1,
            async (m) => (m.numbers as () => Promise<unknown>)(),
            { value: [1, 2, 3, 4, 5] }
        );
        assert.match(code, /function\* gen\(\) \{ yield 1; yield\* \[2, 3\]; \}/);
        assert.match(code, /\*more\(\) \{ yield 4; \}/);
        assert.match(code, /got\.push\(await \(\s*Promise\.resolve\(5\)\)\)/);
    });

    it('rewrites a call nested in an arrow inside the body, each yield in its own async function', async () => {
        const code = await sameBehaviour(
            `function doubled(items) {
    return __awaiter(this, void 0, void 0, function* () {
        const out = yield Promise.all(items.map((item) => __awaiter(this, void 0, void 0, function* () { return (yield item) * 2; })));
        return out.concat(yield yield Promise.resolve(Promise.resolve(0)));
    });
}
exports.doubled = doubled;`,
            2,
            async (m) => (m.doubled as (items: unknown[]) => Promise<unknown>)([1, Promise.resolve(2)]),
            { value: [2, 4, 0] }
        );
        assert.doesNotMatch(code.slice(HELPER.length), /__awaiter\(|yield/);
    });

    it('keeps try/finally order, return values, and turns a throw (before or after an await) into a rejection', async () => {
        const body = `function steps(log, failAt) {
    return __awaiter(this, void 0, void 0, function* () {
        try {
            if (failAt === 0) throw new Error('before');
            log.push(yield 'a');
            if (failAt === 1) throw new Error('after');
            return 'done';
        } catch (err) {
            log.push('caught ' + err.message);
            throw err;
        } finally {
            log.push(yield Promise.resolve('finally'));
        }
    });
}
exports.steps = steps;`;
        const { before, after, rewritten } = both(body);
        assert.strictEqual(rewritten, 1);
        for (const failAt of [undefined, 0, 1]) {
            const results = [];
            for (const exports of [before, after]) {
                const log: string[] = [];
                let syncThrow = false;
                let promise: Promise<unknown> | undefined;
                try {
                    promise = (exports.steps as (log: string[], failAt?: number) => Promise<unknown>)(log, failAt);
                } catch {
                    syncThrow = true;
                }
                results.push({ syncThrow, settled: promise ? await settle(() => promise, exports) : undefined, log });
            }
            assert.deepStrictEqual(results[1], results[0], `failAt ${failAt}`);
            assert.strictEqual(results[1].syncThrow, false);
        }
    });

    it('keeps operator precedence: `yield a + b` awaits the sum, `(yield a) + b` adds after', async () => {
        await sameBehaviour(
            `exports.sums = () => __awaiter(void 0, void 0, void 0, function* () {
    const whole = yield 'x' + 'y';
    const part = (yield Promise.resolve(1)) + 2;
    const either = yield undefined || Promise.resolve(3);
    const nothing = yield;
    return [whole, part, either, nothing];
});`,
            1,
            async (m) => (m.sums as () => Promise<unknown>)(),
            { value: ['xy', 3, 3, undefined] }
        );
    });

    it('leaves what it is not sure of untouched: this or arguments the generator did not get, yield*, another __awaiter, code that does not parse', () => {
        const notRewritten = [
            HELPER + 'exports.f = () => __awaiter(void 0, void 0, void 0, function* () { return this; });',
            HELPER + 'function f() { return __awaiter(this, void 0, void 0, function* () { return arguments.length; }); }',
            HELPER + 'function f() { return __awaiter(this, void 0, void 0, function* () { yield* other(); }); }',
            HELPER + 'function f() { return __awaiter(this, void 0, Promise, function* () { yield 1; }); }',
            HELPER + 'function f() { return __awaiter(this, void 0, void 0, function* (a) { yield a; }); }',
            '"use strict";\nconst { __awaiter } = require("tslib");\nfunction f() { return __awaiter(this, void 0, void 0, function* () { yield 1; }); }',
            HELPER + 'function f() { return __awaiter(this, void 0, void 0, function* () { yield 1; }); } }'
        ];
        for (const source of notRewritten) {
            assert.deepStrictEqual(rewriteAwaiters(source), { code: source, rewritten: 0 }, source.slice(HELPER.length));
        }
    });

    it('keeps every line where it was, so stack traces name the same lines', () => {
        const source = HELPER + 'function f() {\n    return __awaiter(this, void 0, void 0, function* () {\n        yield (\n            1);\n        throw new Error("x");\n    });\n}';
        const { code, rewritten } = rewriteAwaiters(source);
        assert.strictEqual(rewritten, 1);
        assert.strictEqual(code.split('\n').length, source.split('\n').length);
        assert.strictEqual(code.split('\n').findIndex((line) => line.includes('throw')), source.split('\n').findIndex((line) => line.includes('throw')));
    });
});

/** The installed SDK's compiled files that call `__awaiter`. */
function sdkFilesWithAwaiter(): string[] {
    const files: string[] = [];
    const visit = (dir: string): void => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory() && entry.name !== 'node_modules') {
                visit(full);
            } else if (entry.name.endsWith('.js') && fs.readFileSync(full, 'utf8').includes('__awaiter(')) {
                files.push(full);
            }
        }
    };
    for (const pkg of SDK_PACKAGES) {
        const lib = path.join(PROJECT_ROOT, 'node_modules', pkg, 'lib');
        if (fs.existsSync(lib)) {
            visit(lib);
        }
    }
    return files;
}

describe('nativeAsync pins the shape the SDK is compiled to', function () {
    this.timeout(120_000);

    it('the installed SDK still calls TypeScript\'s __awaiter with generators, and every call is rewritten', () => {
        const dialogContext = fs.readFileSync(require.resolve('botbuilder-dialogs/lib/dialogContext'), 'utf8');
        assert.ok(dialogContext.includes('var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {'), 'TypeScript\'s helper');
        assert.ok(dialogContext.includes('return __awaiter(this, void 0, void 0, function* () {'), 'the emitted call');
        const files = sdkFilesWithAwaiter();
        assert.ok(files.length > 80, `SDK files with __awaiter: ${files.length}`);
        const left: string[] = [];
        let rewritten = 0;
        for (const file of files) {
            const result = rewriteAwaiters(fs.readFileSync(file, 'utf8'));
            rewritten += result.rewritten;
            if (result.code.includes('__awaiter(')) {
                left.push(path.relative(PROJECT_ROOT, file));
            }
        }
        assert.deepStrictEqual(left, [], 'files with a call left as it was');
        assert.ok(rewritten > 450, `calls rewritten: ${rewritten}`);
    });
});

/** In a fresh process, with the given settings: how the SDK's methods look once the entry point has installed the rewrite. */
function loadedSdk(env: Record<string, string>): { beginDialog: string; tag: string; sendActivity: string; replies: string[] } {
    return inFreshProcess(`
Object.assign(process.env, ${JSON.stringify(env)});
require(path.join(dist, 'nativeAsyncAtEntry.js'));
const { TestAdapter, ConversationState, MemoryStorage } = require('botbuilder');
const { DialogContext, DialogSet, WaterfallDialog, TextPrompt } = require('botbuilder-dialogs');
out.beginDialog = DialogContext.prototype.beginDialog.toString();
out.tag = Object.prototype.toString.call(DialogContext.prototype.beginDialog);
out.sendActivity = require('botbuilder-core').TurnContext.prototype.sendActivity.toString();
const state = new ConversationState(new MemoryStorage());
const dialogs = new DialogSet(state.createProperty('dialog'));
dialogs.add(new TextPrompt('name'));
dialogs.add(new WaterfallDialog('w', [(step) => step.prompt('name', 'Your name?'), async (step) => { await step.context.sendActivity('Hello ' + step.result); return step.endDialog(); }]));
out.replies = [];
const adapter = new TestAdapter(async (context) => {
    const dc = await dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === 'empty') await dc.beginDialog('w');
    await state.saveChanges(context);
});
await adapter.send('hi').assertReply((a) => out.replies.push(a.text)).send('Ada').assertReply((a) => out.replies.push(a.text));
`);
}

describe('nativeAsync installed at the entry point', function () {
    this.timeout(120_000);

    it('loads the SDK\'s methods as native async functions that still run a dialog; writes the cache and starts again from it', () => {
        const temp = makeTempDir('native-async-');
        after(temp.cleanup);
        const cacheDir = path.join(temp.dir, 'cache');
        const first = loadedSdk({ SDK_NATIVE_ASYNC_CACHE_DIR: cacheDir });
        assert.strictEqual(first.tag, '[object Function]');
        assert.match(first.beginDialog, /return \(async \(\) => \{/);
        assert.doesNotMatch(first.beginDialog, /__awaiter|yield/);
        assert.doesNotMatch(first.sendActivity, /__awaiter|yield/);
        assert.deepStrictEqual(first.replies, ['Your name?', 'Hello Ada']);
        const cached = fs.readdirSync(cacheDir).filter((name) => name.endsWith('.js'));
        assert.ok(cached.length > 20, `cached files: ${cached.length}`);
        assert.ok(cached.every((name) => !name.includes('.part')));
        const again = loadedSdk({ SDK_NATIVE_ASYNC_CACHE_DIR: cacheDir });
        assert.deepStrictEqual(again, first);
        assert.deepStrictEqual(fs.readdirSync(cacheDir).filter((name) => name.endsWith('.js')).sort(), cached.sort());
    });

    it('rewrites in memory when the cache folder cannot be written', () => {
        const temp = makeTempDir('native-async-');
        after(temp.cleanup);
        const file = path.join(temp.dir, 'a-file');
        fs.writeFileSync(file, '');
        const result = loadedSdk({ SDK_NATIVE_ASYNC_CACHE_DIR: path.join(file, 'cache') });
        assert.doesNotMatch(result.beginDialog, /__awaiter/);
        assert.deepStrictEqual(result.replies, ['Your name?', 'Hello Ada']);
    });

    it('does not use a cache folder others may write to (what it holds runs as code): rewrites in memory', () => {
        const temp = makeTempDir('native-async-');
        after(temp.cleanup);
        const shared = path.join(temp.dir, 'shared');
        fs.mkdirSync(shared, { mode: 0o777 });
        fs.chmodSync(shared, 0o777);
        const result = loadedSdk({ SDK_NATIVE_ASYNC_CACHE_DIR: shared });
        assert.doesNotMatch(result.beginDialog, /__awaiter/);
        assert.deepStrictEqual(result.replies, ['Your name?', 'Hello Ada']);
        assert.deepStrictEqual(fs.readdirSync(shared), []);
    });

    it('SDK_NATIVE_ASYNC=false leaves the SDK as installed', () => {
        const result = loadedSdk({ SDK_NATIVE_ASYNC: 'false' });
        assert.match(result.beginDialog, /return __awaiter\(this, void 0, void 0, function\* \(\) \{/);
        assert.deepStrictEqual(result.replies, ['Your name?', 'Hello Ada']);
    });
});

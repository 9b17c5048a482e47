import * as assert from 'assert';
import { inFreshProcess } from '../helpers/freshProcess';

/**
 * Reads and writes dialog memory through a real DialogContext, counting the
 * calls that reach botbuilder-dialogs' own parsePath; `install` says whether
 * the speed-up is installed first.
 */
function memoryWork(install: boolean): string {
    return `
const { DialogStateManager, DialogContext, DialogSet } = require('botbuilder-dialogs');
const { TestAdapter, TurnContext } = require('botbuilder');
let parsed = 0;
const real = DialogStateManager.prototype.parsePath;
DialogStateManager.prototype.parsePath = function (...args) { parsed++; return real.apply(this, args); };
if (${install}) require(path.join(dist, 'sdkSpeedups/parsedPaths.js')).parsePathsOnce();
const turn = () => new TurnContext(new TestAdapter(), { type: 'message', text: 'hi', channelId: 'test', conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } });
const values = [];
for (let i = 0; i < 20; i++) {
    const state = new DialogContext(new DialogSet(), turn(), { dialogStack: [] }).state;
    state.setValue('turn.count', i);
    state.setValue('turn.list', ['a', 'b']);
    state.setValue('turn.pick', 1);
    values.push([state.getValue('turn.count'), state.getValue('turn.activity.text'), state.getValue('turn.list[turn.pick]'), state.getValue('turn.list[0]')]);
    const segments = state.parsePath('turn.count');
    segments.push('changed by a caller');
}
out.parsed = parsed;
out.values = values;
out.segments = new DialogContext(new DialogSet(), turn(), { dialogStack: [] }).state.parsePath('turn.count');
let error = '';
try { new DialogContext(new DialogSet(), turn(), { dialogStack: [] }).state.getValue('turn.a b'); } catch (err) { error = err.message; }
out.error = error;
`;
}

const expectedValues = Array.from({ length: 20 }, (_, i) => [i, 'hi', 'b', 'a']);

describe('botbuilder-dialogs\' memory paths parsed once per text (sdkSpeedups/parsedPaths.ts)', function () {
    this.timeout(90_000);

    it('20 turns of memory reads and writes parse each plain path once; bracketed paths each time; values as before', () => {
        const result = inFreshProcess<{ parsed: number; values: unknown[]; segments: unknown[]; error: string }>(memoryWork(true));
        assert.deepStrictEqual(result.values, expectedValues);
        assert.deepStrictEqual(result.segments, ['turn', 'count'], 'a caller changing the array it got does not change the kept segments');
        assert.match(result.error, /Invalid path detected/);
        const without = inFreshProcess<{ parsed: number }>(memoryWork(false));
        assert.ok(result.parsed * 4 < without.parsed, `parsed ${result.parsed} times with the speed-up, ${without.parsed} without`);
    });
});

describe('parsedPaths pins the botbuilder-dialogs internal it relies on', function () {
    this.timeout(90_000);

    it('getValue and setValue split every path through DialogStateManager.prototype.parsePath, and brackets read memory', () => {
        const result = inFreshProcess<{ parsed: number; values: unknown[]; error: string }>(memoryWork(false));
        assert.deepStrictEqual(result.values, expectedValues);
        assert.ok(result.parsed >= 20 * 7, `parsePath called ${result.parsed} times`);
        assert.match(result.error, /Invalid path detected/);
    });
});

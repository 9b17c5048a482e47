import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { startScriptNodeFlags } from '../../bench/lib/serverProcess';

/** Allocates short-lived objects until the young generation has grown, then prints its size in MiB. */
const NEW_SPACE_AFTER_LOAD = `
const v8 = require('v8');
const kept = [];
for (let i = 0; i < 3e6; i++) { const o = { a: i, b: 'x' + i, c: [i] }; if (i % 1000 === 0) kept.push(o); }
process.stdout.write(String(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 2 ** 20));`;

function newSpaceMiB(flags: readonly string[]): number {
    const child = spawnSync(process.execPath, [...flags, '-e', NEW_SPACE_AFTER_LOAD], { encoding: 'utf8' });
    assert.strictEqual(child.status, 0, child.stderr);
    return Number(child.stdout);
}

/**
 * Peak RSS under load (issue 16, ≤ 250 MB): `npm start` caps V8's young
 * generation at 8 MiB a semi-space (16 MiB in all, Node's default 32 MiB),
 * measured without cost in CPU per turn; a flag that only works given to
 * node itself (V8 sizes the young generation when the heap is set up), so it
 * is in package.json's `start` script, and the benchmark starts the bot with
 * the same flags.
 */
describe('npm start: the node flags the bot runs with (bench/lib/serverProcess.ts)', () => {
    it('the start script caps the young generation; the benchmark reads the same flags', () => {
        assert.deepStrictEqual(startScriptNodeFlags(), ['--max-semi-space-size=8']);
    });

    it('given to node, the flag keeps the young generation at 16 MiB under allocation', () => {
        assert.ok(newSpaceMiB(startScriptNodeFlags()) <= 16, 'with the flags of npm start');
    });
});

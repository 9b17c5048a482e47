import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { startScriptNodeFlags } from '../../bench/lib/serverProcess';

/** Allocates short-lived objects until the young generation has grown, then prints its size in MiB. */
const NEW_SPACE_AFTER_LOAD = `
const v8 = require('v8');
const kept = [];
for (let i = 0; i < 3e6; i++) { const o = { a: i, b: 'x' + i, c: [i] }; if (i % 1000 === 0) kept.push(o); }
process.stdout.write(String(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 2 ** 20));`;

/** Prints how many threads the process runs (Linux: the entries of /proc/self/task). */
const THREADS = `process.stdout.write(String(require('fs').readdirSync('/proc/self/task').length));`;

function run(flags: readonly string[], script: string): number {
    const child = spawnSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8' });
    assert.strictEqual(child.status, 0, child.stderr);
    return Number(child.stdout);
}

/**
 * Issue 16: `npm start` gives node two flags that only work on its command
 * line (V8 sets up the heap and its worker threads before any script runs),
 * so they are in package.json's `start` script, and the benchmark starts the
 * bot with the same flags. The young generation at 16 MiB a semi-space: under
 * 50 conversations at once a turn's objects then mostly die young instead of
 * surviving into the old generation (at 8 MiB about 10 % more CPU a turn and
 * a higher p99, measured side by side; README, "Young generation"). One V8
 * worker thread instead of four: each thread's malloc arena holds a few MiB of
 * the JIT's and the GC's scratch memory, and on two cores more threads add
 * nothing (peak RSS about 5 MiB lower, CPU a turn unchanged).
 */
describe('npm start: the node flags the bot runs with (bench/lib/serverProcess.ts)', () => {
    it('the start script sizes the young generation and the V8 worker pool; the benchmark reads the same flags', () => {
        assert.deepStrictEqual(startScriptNodeFlags(), ['--max-semi-space-size=16', '--v8-pool-size=1']);
    });

    it('given to node, the flags let the young generation grow to 32 MiB under allocation, and no further', () => {
        assert.strictEqual(run(startScriptNodeFlags(), NEW_SPACE_AFTER_LOAD), 32, 'with the flags of npm start');
    });

    it('given to node, the flags run three threads fewer than node without them', function () {
        if (process.platform !== 'linux') {
            this.skip();
        }
        assert.strictEqual(run([], THREADS) - run(startScriptNodeFlags(), THREADS), 3);
    });
});

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { blockOf, blockRows, countBlocks, JitMap, parsePerfScript, poolThreads, renameJitFrames, type BlockId, type PerfSample } from '../../bench/lib/cpuBlocks';
import { profileBlocks, type CpuProfile } from '../../bench/lib/cpuProfileBlocks';
import { PROJECT_ROOT } from '../../paths';

const FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures', 'perf');
/** Where the recorded server's own code lay (the paths in the fixture). */
const OWN = { distDir: '/work/wt-perfblocks/dist' };

/**
 * The 22 samples of `ours.perf-script.txt` (recorded with `npm run bench:cpu
 * -- --blocks --perf-script`, ours, pinned), each read by hand: the thread,
 * the frame that decides, the block.
 */
const EXPECTED: ReadonlyArray<readonly [BlockId, string]> = [
    ['jit', 'V8 helper thread in TurboFan (compiler::…)'],
    ['botbuilder-dialogs', 'leaf JS __awaiter in botbuilder-dialogs/lib/dialogContext.js (perf named a stale @typespec top level)'],
    ['own-code', 'map-transition runtime under saveChanges in dist/sdkSpeedups (perf named a stale formidable top level)'],
    ['gc', 'Scavenger on the main thread'],
    ['sqlite-handoff', 'Napi::HandleScope in node_sqlite3.node on the main thread'],
    ['runtime', 'main thread futex_wake from pthread_cond_signal, no frame of any block'],
    ['own-code', 'baseline prologue under saveChanges in dist (perf: formidable)'],
    ['restify', 'node:_http_outgoing write_ called by restify/lib/response.js flush'],
    ['cloud-adapter', 'botbuilder-core/lib/botAdapter.js'],
    ['json', 'JsonStringifier under saveChanges'],
    ['sqlite-engine', 'pool thread in sqlite3VdbeExec'],
    ['sqlite-engine', 'pool thread in sqlite3_clear_bindings'],
    ['runtime', 'node:internal/streams/readable only (perf named a stale @nlpjs top level)'],
    ['sqlite-wakeups', 'pool thread (known from its other sample) in __lll_lock_wait, no SQLite frame'],
    ['recognizers', 'recognizers-text-sequence parse called by our findEmail'],
    ['sqlite-handoff', 'Statement::Run in node_sqlite3.node called by our rawRun'],
    ['sqlite-wakeups', 'pool thread in futex_wait via __lll_lock_wait'],
    ['i18next', 'i18next fixedT called by our i18nextFastT wrapper'],
    ['nlpjs', 'String.prototype.normalize under @nlpjs/nlu defaultPipelinePrepare'],
    ['logging', 'dist/core/logger.js write'],
    ['sqlite-engine', 'pool thread 22803 in SQLite (the sample that shows it is a pool thread)'],
    ['sqlite-engine', 'pool thread 22805 in SQLite']
];

function recorded(): { raw: PerfSample[]; samples: PerfSample[] } {
    const raw = parsePerfScript(fs.readFileSync(path.join(FIXTURES, 'ours.perf-script.txt'), 'utf8'));
    const map = new JitMap(fs.readFileSync(path.join(FIXTURES, 'ours.perf-map.txt'), 'utf8'));
    return { raw, samples: renameJitFrames(raw, map) };
}

describe('bench: CPU samples charged to blocks (bench/lib/cpuBlocks)', () => {
    it('reads every sample of a recorded perf script with its thread and frames', () => {
        const { raw } = recorded();
        assert.strictEqual(raw.length, EXPECTED.length);
        assert.deepStrictEqual(raw[11].frames[0], { ip: 0x4d7b3, symbol: 'sqlite3MemSize', dso: '/work/main/node_modules/sqlite3/build/Release/node_sqlite3.node' });
        assert.deepStrictEqual([raw[11].pid, raw[11].tid], [22763, 22802]);
        const spaced = parsePerfScript('V8 DefaultWorke 10/12 \n\t  14a7b40 v8::internal::(anonymous namespace)::Invoke (/usr/bin/node)\n');
        assert.deepStrictEqual(spaced, [{ comm: 'V8 DefaultWorke', pid: 10, tid: 12, frames: [{ ip: 0x14a7b40, symbol: 'v8::internal::(anonymous namespace)::Invoke', dso: '/usr/bin/node' }] }]);
    });

    it('charges each recorded sample to the block its stack shows, leaf first', () => {
        const { samples } = recorded();
        const pool = poolThreads(samples);
        samples.forEach((sample, i) => assert.strictEqual(blockOf(sample, OWN, pool.has(sample.tid)), EXPECTED[i][0], `sample #${i}: ${EXPECTED[i][1]}`));
    });

    it('names a reused JIT address after the newest code there, not after a top level that ran once at start-up', () => {
        const { raw, samples } = recorded();
        assert.match(raw[12].frames[0].symbol, /@nlpjs\/core\/src\/helper\.js:1:1$/);
        assert.match(samples[12].frames[0].symbol, /^JS:\*get node:internal\/streams\/readable:/);
        // With perf's pick this sample would be NLP.js's: the renaming is what makes it right.
        assert.strictEqual(blockOf(raw[12], OWN, false), 'nlpjs');
    });

    it('knows a pool thread by any of its samples, so one whose stack stops in libc still counts as a wake-up', () => {
        const { samples } = recorded();
        assert.deepStrictEqual([...poolThreads(samples)].sort(), [22802, 22803, 22804, 22805]);
        const alone = samples.filter((sample) => sample.tid === 22805 && !sample.frames.some((frame) => frame.symbol === 'worker'));
        assert.strictEqual(alone.length, 1);
        assert.strictEqual(blockOf(alone[0], OWN, false), 'runtime', 'without its thread known, nothing in the stack says thread pool');
    });

    it('scales the blocks to the measured CPU per turn: shares of the samples, summing to the total', () => {
        const { samples } = recorded();
        const rows = blockRows(countBlocks(samples, OWN), 2.2);
        const byLabel = new Map(rows.map((row) => [row.label, row]));
        const ms = (label: string): number => Math.round((byLabel.get(label)?.msPerTurn ?? NaN) * 1000) / 1000;
        // 22 samples, 2.2 ms: 0.1 ms each. SQLite: 2 wake-ups + 4 engine + 2 hand-off.
        assert.strictEqual(ms('SQLite through node-sqlite3'), 0.8);
        assert.strictEqual(ms('the engine'), 0.4);
        assert.strictEqual(ms('own code'), 0.2);
        assert.strictEqual(ms('runtime and kernel'), 0.2);
        const whole = rows.filter((row) => !row.part);
        assert.ok(Math.abs(whole.reduce((sum, row) => sum + row.msPerTurn, 0) - 2.2) < 1e-9);
        assert.ok(Math.abs(rows.filter((row) => row.part).reduce((sum, row) => sum + row.share, 0) - 8 / 22) < 1e-9);
        assert.deepStrictEqual(
            whole.slice(1, 3).map((row) => row.label),
            ['own code', 'runtime and kernel'],
            'after SQLite, the largest blocks first (ties in table order)'
        );
    });
});

describe('bench: the fallback without perf, the main thread by its CPU profile (bench/lib/cpuProfileBlocks)', () => {
    const frame = (functionName: string, url: string): { functionName: string; url: string } => ({ functionName, url });
    const PROFILE: CpuProfile = {
        nodes: [
            { id: 1, callFrame: frame('(root)', ''), children: [2, 3, 6, 7, 8] },
            { id: 2, callFrame: frame('(program)', '') },
            { id: 3, callFrame: frame('saveChanges', 'file:///work/wt-perfblocks/dist/sdkSpeedups/snapshotConversationState.js'), children: [4, 9] },
            { id: 4, callFrame: frame('processTicksAndRejections', 'node:internal/process/task_queues'), children: [5] },
            { id: 5, callFrame: frame('run', '/work/main/node_modules/sqlite3/lib/sqlite3.js') },
            { id: 6, callFrame: frame('(garbage collector)', '') },
            { id: 7, callFrame: frame('(idle)', '') },
            { id: 8, callFrame: frame('beginDialog', '/work/main/node_modules/botbuilder-dialogs/lib/dialogContext.js') },
            { id: 9, callFrame: frame('stringify', '') }
        ],
        startTime: 1_000,
        // Samples at 1010, 1020, …: the window [1020, 1090) holds the second to the eighth.
        samples: [8, 5, 4, 6, 7, 2, 9, 3, 8],
        timeDeltas: [10, 10, 10, 10, 10, 10, 10, 10, 10]
    };

    it('charges the samples inside the measured window leaf first, leaves idle time out, and reads file URLs as paths', () => {
        const counts = profileBlocks(PROFILE, OWN, 1_020, 1_090);
        assert.deepStrictEqual(Object.fromEntries([...counts].sort()), { gc: 1, json: 1, 'own-code': 2, runtime: 1, 'sqlite-handoff': 1 });
    });
});

import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { heapSummary, readHeapRecord } from '../../bench/lib/heapSampler';
import { PROJECT_ROOT } from '../../paths';

const SAMPLER = path.join(PROJECT_ROOT, 'dist', 'bench', 'lib', 'heapSampler.js');

describe('bench:cpu --heap: the server\'s heap recorded by bench/lib/heapSampler.ts', function () {
    this.timeout(60_000);
    let dir: string;

    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heap-sampler-'));
    });

    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('a process that keeps 40 MB and throws away 200 MB: the heap after its major GCs holds the 40 MB, the RSS at least that', () => {
        const file = path.join(dir, 'heap.json');
        // Kept: 40 arrays of 1 MB (doubles); thrown away: 200 arrays of 1 MB; two major GCs forced, then a quiet moment for the GC observer.
        const script = `
const kept = Array.from({ length: 40 }, (_, i) => new Array(2 ** 17).fill(i + 0.5));
for (let i = 0; i < 200; i++) { new Array(2 ** 17).fill(i); }
gc(); gc();
setTimeout(() => { globalThis.kept = kept; }, 300);`;
        execFileSync(process.execPath, ['--expose-gc', '--require', SAMPLER, '-e', script], { env: { ...process.env, BENCH_HEAP_FILE: file }, timeout: 30_000 });
        const record = readHeapRecord(file);
        assert.ok(record, 'the sampler wrote its record at exit');
        assert.ok(record.afterMajorGc.length >= 2, `major GCs seen: ${record.afterMajorGc.length}`);
        const live = record.afterMajorGc[record.afterMajorGc.length - 1] / 2 ** 20;
        assert.ok(live >= 40 && live < 80, `live after the last major GC: ${live.toFixed(1)} MiB`);
        assert.ok(record.rssMax / 2 ** 20 >= 40, `RSS: ${record.rssMax}`);
        assert.ok(record.newSpaceCommittedMax > 0);
        assert.match(heapSummary(record), /^heap: live after major GC \d+\.\d MiB \(median of \d+ major GCs\), old space committed up to [\d.]+ MiB, new space [\d.]+ MiB, large objects [\d.]+ MiB/);
    });
});

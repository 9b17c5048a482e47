import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** A fresh temporary folder; removed by the returned cleanup. */
export function makeTempDir(prefix = 'bca-test-'): { dir: string; cleanup: () => void } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

import { execFileSync } from 'child_process';
import * as path from 'path';
import { PROJECT_ROOT } from '../../paths';

/**
 * Runs `body` (JavaScript with `dist` — the built project — `path` and `out`
 * in scope, awaited) in a fresh Node process, so an SDK patch installed there
 * or left out there says nothing about this test process; returns `out` as
 * the process printed it (JSON).
 */
export function inFreshProcess<T>(body: string): T {
    const script = `
const path = require('path');
const dist = ${JSON.stringify(path.join(PROJECT_ROOT, 'dist'))};
const out = {};
(async () => {
${body}
})().then(() => process.stdout.write(JSON.stringify(out)), (err) => { process.stderr.write(String(err && err.stack || err)); process.exit(1); });`;
    return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 })) as T;
}

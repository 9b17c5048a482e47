import * as assert from 'assert';
import { execFile } from 'child_process';
import * as path from 'path';
import { PROJECT_ROOT } from '../../paths';
import { makeTempDir } from '../helpers/tempDir';
import { AppHarness } from '../helpers/appHarness';

const CLI = path.join(PROJECT_ROOT, 'dist', 'cli', 'agents.js');

function run(args: string[], env: Record<string, string>, input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
        const child = execFile(process.execPath, [CLI, ...args], { env: { ...process.env, ...env } }, (err, stdout, stderr) => {
            resolve({ code: err ? Number((err as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr });
        });
        child.stdin?.end(input ?? '');
    });
}

describe('npm run agents', function () {
    // Each test starts the command and the server: seconds each on a busy machine.
    this.timeout(120_000);

    it('lists the demo agents and sets a password read from stdin, which then signs in', async () => {
        const temp = makeTempDir();
        try {
            const env = { DB_PATH: path.join(temp.dir, 'bot.sqlite'), LOG_LEVEL: 'silent' };
            const harness = await AppHarness.start({ DB_PATH: env.DB_PATH, AGENT_DEMO_PASSWORD: '' });
            try {
                const before = await run(['list'], env);
                assert.strictEqual(before.code, 0);
                assert.match(before.stdout, /^erika\tErika Mustermann\tde,en\tno password, offline$/m);
                assert.strictEqual((await harness.agent().login('erika', 'piped-password-1')).status, 401);

                const set = await run(['set-password', 'erika'], env, 'piped-password-1\n');
                assert.strictEqual(set.code, 0, set.stderr);
                assert.strictEqual((await harness.agent().login('erika', 'piped-password-1')).status, 200);
                assert.match((await run(['list'], env)).stdout, /^erika\t.*password set, online$/m);

                const short = await run(['set-password', 'john', '--password', 'short'], env);
                assert.strictEqual(short.code, 2);
                assert.match(short.stderr, /at least 10 characters/);
                const unknown = await run(['set-password', 'mallory', '--password', 'long-enough-1'], env);
                assert.strictEqual(unknown.code, 1);
                assert.match(unknown.stderr, /no agent "mallory"/);
                assert.strictEqual((await run([], env)).code, 2);
            } finally {
                await harness.close();
            }
        } finally {
            temp.cleanup();
        }
    });

    it('makes an agent a supervisor, who then gets the insights, and takes it back', async () => {
        const temp = makeTempDir();
        try {
            const env = { DB_PATH: path.join(temp.dir, 'bot.sqlite'), LOG_LEVEL: 'silent' };
            const harness = await AppHarness.start({ DB_PATH: env.DB_PATH });
            try {
                const john = await harness.signedIn('john');
                assert.strictEqual((await john.get('/agent/api/insights')).status, 403);
                const on = await run(['supervisor', 'john', 'on'], env);
                assert.strictEqual(on.code, 0, on.stderr);
                assert.match(on.stdout, /john is a supervisor now/);
                assert.match((await run(['list'], env)).stdout, /^john\t.*, supervisor$/m);
                assert.strictEqual((await john.get('/agent/api/insights')).status, 200, 'the running bot sees the change at once');
                assert.strictEqual((await run(['supervisor', 'john', 'off'], env)).code, 0);
                assert.strictEqual((await john.get('/agent/api/insights')).status, 403);
                assert.strictEqual((await run(['supervisor', 'john', 'maybe'], env)).code, 2);
                const unknown = await run(['supervisor', 'mallory', 'on'], env);
                assert.strictEqual(unknown.code, 1);
                assert.match(unknown.stderr, /no agent "mallory"/);
            } finally {
                await harness.close();
            }
        } finally {
            temp.cleanup();
        }
    });
});

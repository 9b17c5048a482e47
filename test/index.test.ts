import * as assert from 'assert';
import * as net from 'net';
import * as path from 'path';
import { spawn } from 'child_process';
import { PROJECT_ROOT } from '../paths';
import { makeTempDir } from './helpers/tempDir';

const INDEX = path.join(PROJECT_ROOT, 'dist', 'index.js');

function freePort(): Promise<number> {
    return new Promise((resolve) => {
        const probe = net.createServer().listen(0, '127.0.0.1', () => {
            const { port } = probe.address() as net.AddressInfo;
            probe.close(() => resolve(port));
        });
    });
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
        try {
            if ((await fetch(url)).ok) {
                return;
            }
        } catch {
            // not listening yet
        }
        if (Date.now() > until) {
            throw new Error(`${url} did not come up`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}

describe('index.ts (the start command)', () => {
    it('stops at once with a message naming a wrong setting', async () => {
        const child = spawn(process.execPath, [INDEX], { env: { ...process.env, PORT: 'abc' }, stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
        assert.strictEqual(code, 2);
        assert.match(stderr, /Configuration error: PORT must be a whole number/);
    });

    it('starts with demo data, serves, and shuts down cleanly on SIGTERM', async () => {
        const temp = makeTempDir();
        const port = await freePort();
        try {
            const child = spawn(process.execPath, ['--disable-warning=DEP0111', INDEX], {
                env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DB_PATH: path.join(temp.dir, 'bot.sqlite'), LOG_LEVEL: 'info' },
                stdio: ['ignore', 'pipe', 'pipe']
            });
            let stderr = '';
            child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
            await waitFor(`http://127.0.0.1:${port}/healthz`, 20_000);
            assert.match(stderr, /demo data loaded/);
            child.kill('SIGTERM');
            const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
            assert.strictEqual(code, 0, stderr);
            assert.match(stderr, /bot stopped/);
        } finally {
            temp.cleanup();
        }
    });
});

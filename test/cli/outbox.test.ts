import * as assert from 'assert';
import * as path from 'path';
import { execFile } from 'child_process';
import { promisify } from 'util';
import { PROJECT_ROOT } from '../../paths';
import { messageActivity, startTestApp, type TestApp } from '../helpers/testApp';

const run = promisify(execFile);
const OUTBOX = path.join(PROJECT_ROOT, 'dist', 'cli', 'outbox.js');

describe('npm run outbox (the operator reads queued mails)', () => {
    let server: TestApp;
    before(async () => {
        server = await startTestApp();
        for (const [id, email] of [['cli-1', 'lea.fischer@mueller-design.example'], ['cli-2', 'tom.hughes@northwind.example']]) {
            await server.post('/api/messages', messageActivity(id, 'Wer ist mein Abrechnungskontakt?'));
            await server.post('/api/messages', messageActivity(id, email));
        }
    });
    after(async () => server.stop());

    const outbox = (...args: string[]) => run(process.execPath, [OUTBOX, ...args], { env: { ...process.env, DB_PATH: server.dbFile } });

    it('shows the recent mails with their one-time codes', async () => {
        const { stdout } = await outbox();
        assert.match(stdout, /To: Lea Fischer <lea\.fischer@mueller-design\.example>/);
        assert.match(stdout, /To: Tom Hughes <tom\.hughes@northwind\.example>/);
        assert.match(stdout, /Ihr Einmalcode lautet: \d{6}/);
    });

    it('filters by recipient with --to and prints JSON lines with --json', async () => {
        const { stdout } = await outbox('--to', 'tom.hughes@northwind.example', '--json');
        const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as { to: string; body: string; secretEnc?: string });
        assert.strictEqual(lines.length, 1);
        assert.strictEqual(lines[0].to, 'tom.hughes@northwind.example');
        assert.strictEqual(lines[0].body, lines[0].body.replace('{{secret}}', ''), 'the code is filled in');
        assert.ok(!('secretEnc' in lines[0]), 'the encrypted secret is not printed');
        assert.strictEqual(await server.latestCode('tom.hughes@northwind.example'), /\b(\d{6})\b/.exec(lines[0].body)?.[1]);
    });

    it('says so when there is nothing for an address', async () => {
        const { stdout } = await outbox('--to', 'nobody@example.com');
        assert.match(stdout, /No mails to nobody@example\.com/);
    });

    it('explains its usage and exits with 2 on a bad option', async () => {
        await assert.rejects(outbox('--limit', 'lots'), (err: { code?: number; stderr?: string }) => err.code === 2 && /--limit must be a whole number/.test(err.stderr ?? ''));
    });
});

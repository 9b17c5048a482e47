import * as assert from 'assert';
import * as http from 'http';
import { ManualClock } from '../../core/clock';
import { PasswordHasher } from '../../core/passwordHasher';
import { DEMO_PASSWORD } from '../helpers/appHarness';
import { startTestApp, type TestApp } from '../helpers/testApp';

/** A sign-in posted from a given loopback address (127.0.0.x), as the console page posts it. */
function loginFrom(app: TestApp, localAddress: string, login: string, password: string): Promise<{ status: number; retryAfter: number; code?: string }> {
    const body = JSON.stringify({ login, password });
    return new Promise((resolve, reject) => {
        const req = http.request(
            `${app.app.url}/agent/api/login`,
            { method: 'POST', localAddress, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
            (res) => {
                const chunks: Buffer[] = [];
                res.on('data', (chunk: Buffer) => chunks.push(chunk));
                res.on('end', () => {
                    const text = Buffer.concat(chunks).toString('utf8');
                    const code = text ? (JSON.parse(text) as { error?: { code?: string } }).error?.code : undefined;
                    resolve({ status: res.statusCode ?? 0, retryAfter: Number(res.headers['retry-after'] ?? 0), code });
                });
            }
        );
        req.on('error', reject);
        req.end(body);
    });
}

describe('Agent sign-in: throttled per login and address', function () {
    this.timeout(60_000);
    let app: TestApp;
    let clock: ManualClock;
    beforeEach(async () => {
        clock = new ManualClock(new Date());
        app = await startTestApp({ AGENT_DEMO_PASSWORD: DEMO_PASSWORD }, { clock });
    });
    afterEach(async () => app.stop());

    it('wrong passwords from one address do not lock the agent out at another; that address waits longer each time', async () => {
        const attacker = '127.0.0.1';
        for (let i = 0; i < 5; i++) {
            assert.strictEqual((await loginFrom(app, attacker, 'john', `wrong-${i}-password`)).status, 401);
        }
        const sixth = await loginFrom(app, attacker, 'john', DEMO_PASSWORD);
        assert.strictEqual(sixth.status, 429, 'after 5 wrong passwords the address has to wait, even with the right one');
        assert.strictEqual(sixth.code, 'TooManyAttempts');
        assert.strictEqual(sixth.retryAfter, 30);

        assert.strictEqual((await loginFrom(app, '127.0.0.2', 'john', DEMO_PASSWORD)).status, 200, 'the agent signs in from their own address');

        clock.advance(30_000);
        assert.strictEqual((await loginFrom(app, attacker, 'john', 'wrong-6-password')).status, 401, 'after the wait one more try is checked');
        const next = await loginFrom(app, attacker, 'john', DEMO_PASSWORD);
        assert.strictEqual(next.status, 429);
        assert.strictEqual(next.retryAfter, 60, 'the wait doubles');
        clock.advance(60_000);
        assert.strictEqual((await loginFrom(app, attacker, 'john', DEMO_PASSWORD)).status, 200, 'the right password after the wait works');
        assert.strictEqual((await loginFrom(app, attacker, 'john', 'wrong-7-password')).status, 401, 'a success starts the count afresh');
        assert.strictEqual((await loginFrom(app, attacker, 'john', 'wrong-8-password')).status, 401);
    });

    it('an agent whose password was stored at an older, lower cost signs in, and the stored hash is raised to the OWASP cost', async () => {
        const older = await new PasswordHasher({ N: 2 ** 14, r: 8, p: 1 }).hash(DEMO_PASSWORD);
        await app.app.db.run('UPDATE agents SET password_hash = ? WHERE login = ?', [older, 'john']);

        assert.strictEqual((await loginFrom(app, '127.0.0.1', 'john', DEMO_PASSWORD)).status, 200);
        const stored = (await app.app.db.get<{ password_hash: string }>('SELECT password_hash FROM agents WHERE login = ?', ['john']))!.password_hash;
        assert.match(stored, /^scrypt\$131072\$8\$1\$/);
        assert.strictEqual((await loginFrom(app, '127.0.0.1', 'john', DEMO_PASSWORD)).status, 200, 'the raised hash still accepts the password');
        assert.strictEqual((await loginFrom(app, '127.0.0.1', 'john', 'not-the-password')).status, 401);
    });
});

import * as assert from 'assert';
import * as crypto from 'crypto';
import * as http from 'http';
import jwt from 'jsonwebtoken';
import { EmulatorValidation, ToBotFromBotOrEmulatorTokenValidationParameters } from 'botframework-connector';
import { startApp, type App } from '../../app';
import { loadConfig } from '../../config';
import { MessagesDriver } from '../../bench/lib/messagesDriver';
import { makeTempDir } from '../helpers/tempDir';
import { figure } from './support';

const APP_ID = '8f6c2d0e-4b1a-4c57-9a3e-2f0d1c6b7a91';
const TOKENS = 1000;

/** A stand-in for login.botframework.com: OpenID configuration and one signing key. */
function startKeyServer(publicKey: crypto.KeyObject): Promise<{ url: string; close: () => void }> {
    const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'bf-key', use: 'sig' };
    const server = http.createServer((req, res) => {
        const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
        const body = req.url === '/keys' ? { keys: [jwk] } : { issuer: 'https://api.botframework.com', jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] };
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
    });
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}/.well-known/openid-configuration`, close: () => server.close() })));
}

describe('reliability 5: forged Bot Framework tokens with app credentials set', () => {
    it(`${TOKENS} forged tokens: all 401, botbuilder's issuer list does not grow, memory bounded`, async () => {
        const real = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
        const attacker = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
        const keys = await startKeyServer(real.publicKey);
        const temp = makeTempDir();
        const config = loadConfig({ DB_PATH: `${temp.dir}/bot.sqlite`, LOG_LEVEL: 'silent', HOST: '127.0.0.1', MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-password', BOT_OPENID_METADATA_URL: keys.url });
        const app: App = await startApp({ ...config, port: 0 });
        const issuers = ToBotFromBotOrEmulatorTokenValidationParameters.issuer as string[];
        const consoleError = console.error;
        let libraryErrorLines = 0;
        console.error = () => void libraryErrorLines++;
        try {
            const now = Math.floor(Date.now() / 1000);
            const channelClaims = { iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: 'http://127.0.0.1:9/' };
            const sign = (claims: object, key: crypto.KeyObject, kid = 'bf-key'): string => jwt.sign(claims, key, { algorithm: 'RS256', keyid: kid });
            const forged = (n: number): string => {
                const tid = crypto.randomUUID();
                switch (n % 10) {
                    case 0: return `Bearer ${crypto.randomBytes(40).toString('base64url')}`;
                    case 1: return `Bearer ${jwt.sign({ ...channelClaims }, '', { algorithm: 'none' })}`;
                    case 2: return `Bearer ${sign({ iss: `https://sts.windows.net/${tid}/`, tid, aud: APP_ID, appid: APP_ID, ver: '1.0' }, attacker.privateKey)}`;
                    case 3: return `Bearer ${sign({ iss: `https://login.microsoftonline.com/${tid}/v2.0`, tid: `${tid}-${'x'.repeat(4000)}`, aud: APP_ID, azp: APP_ID, ver: '2.0' }, attacker.privateKey)}`;
                    case 4: return `Bearer ${sign(channelClaims, attacker.privateKey)}`;
                    case 5: return `Bearer ${sign({ ...channelClaims, aud: crypto.randomUUID() }, real.privateKey)}`;
                    case 6: return `Bearer ${sign({ ...channelClaims, iat: now - 7200, exp: now - 3600 }, real.privateKey)}`;
                    case 7: return `Bearer ${sign(channelClaims, attacker.privateKey, crypto.randomUUID())}`;
                    case 8: return `Bearer ${sign({ ...channelClaims, tid: { toString: tid } }, attacker.privateKey)}`;
                    default: return `Basic ${Buffer.from(`${APP_ID}:guess`).toString('base64')}`;
                }
            };

            // The control: a token signed with the real key is accepted, so the 401s below are the tokens' fault.
            const genuine = new MessagesDriver({ baseUrl: app.url, sockets: 1, channelId: 'msteams', authorization: `Bearer ${sign({ ...channelClaims, iat: now, exp: now + 600 }, real.privateKey)}` });
            const control = await genuine.open('en-US').send({ kind: 'join' });
            genuine.close();

            const issuersBefore = issuers.length;
            const rssBefore = process.memoryUsage().rss;
            const statuses = new Map<number, number>();
            for (let n = 0; n < TOKENS; n += 20) {
                const batch = Array.from({ length: 20 }, (_, i) => {
                    const driver = new MessagesDriver({ baseUrl: app.url, sockets: 1, channelId: 'msteams', authorization: forged(n + i) });
                    return driver.open('en-US').send({ kind: 'text', text: 'hello' }).finally(() => driver.close());
                });
                for (const result of await Promise.all(batch)) {
                    statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
                }
            }
            const issuersAfter = issuers.length;
            const rssGrowth = Math.round((process.memoryUsage().rss - rssBefore) / 2 ** 20);

            // What botbuilder does with one forged tenant when nobody guards it (undone right after).
            const unguardedBefore = issuers.length;
            EmulatorValidation.isTokenFromEmulator(forged(2));
            const unguardedGrowth = issuers.length - unguardedBefore;
            issuers.splice(unguardedBefore);

            figure('control: genuine token', control.status, '200');
            figure('answers to forged tokens', [...statuses].map(([s, c]) => `${s}×${c}`).join(' '), `401×${TOKENS}`);
            figure("botbuilder's emulator issuer list", `${issuersBefore} → ${issuersAfter} entries (unguarded, one forged tenant adds ${unguardedGrowth})`, 'no growth');
            figure('RSS growth of the process over the forged requests', `${rssGrowth} MiB`, '≤ 32 MiB');
            figure('lines botbuilder wrote to console.error meanwhile', libraryErrorLines);
            assert.strictEqual(control.status, 200);
            assert.deepStrictEqual([...statuses], [[401, TOKENS]]);
            assert.strictEqual(issuersAfter, issuersBefore);
            assert.ok(rssGrowth <= 32, `RSS grew by ${rssGrowth} MiB`);
        } finally {
            console.error = consoleError;
            await app.close();
            keys.close();
            temp.cleanup();
        }
    });
});

import * as assert from 'assert';
import * as path from 'path';
import { ConfigError, loadConfig, loadNativeAsyncSettings } from '../config';
import { DEFAULT_CACHE_DIR } from '../sdkSpeedups/nativeAsync';
import { PROJECT_ROOT } from '../paths';

describe('config', () => {
    it('has working defaults: local mode, port 3978, data/bot.sqlite', () => {
        const config = loadConfig({});
        assert.strictEqual(config.port, 3978);
        assert.strictEqual(config.localMode, true);
        assert.strictEqual(config.dbPath, path.join(PROJECT_ROOT, 'data', 'bot.sqlite'));
        assert.strictEqual(config.maxBodyBytes, 1024 * 1024);
        assert.strictEqual(config.smtpUrl, undefined);
        assert.strictEqual(config.publicUrl, 'http://localhost:3978');
    });

    it('reads app credentials and leaves local mode', () => {
        const config = loadConfig({ MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 'tenant' });
        assert.strictEqual(config.localMode, false);
        assert.strictEqual(config.microsoftAppType, 'SingleTenant');
    });

    const wrong: Array<[Record<string, string>, string, RegExp]> = [
        [{ PORT: 'eighty' }, 'PORT', /whole number/],
        [{ PORT: '70000' }, 'PORT', /between 0 and 65535/],
        [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /one of debug, info/],
        [{ MicrosoftAppType: 'Personal' }, 'MicrosoftAppType', /one of MultiTenant/],
        [{ MicrosoftAppId: 'id' }, 'MicrosoftAppPassword', /required when MicrosoftAppId is set/],
        [{ MicrosoftAppId: 'id', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppTenantId', /required/],
        [{ SMTP_URL: 'mail.example.com' }, 'SMTP_URL', /must be a URL/],
        [{ SMTP_URL: 'http://mail.example.com' }, 'SMTP_URL', /smtp:\/\/ or smtps:\/\//],
        [{ SECRET_KEY: 'short' }, 'SECRET_KEY', /64 hexadecimal/],
        [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL', /http:\/\/ or https:\/\//],
        [{ MAX_BODY_BYTES: '12' }, 'MAX_BODY_BYTES', /between/],
        [{ MAIL_FROM: 'nobody' }, 'MAIL_FROM', /email address/],
        [{ SDK_NATIVE_ASYNC: 'maybe' }, 'SDK_NATIVE_ASYNC', /true or false/],
        [{ DATABASE_URL: 'mysql://db/bot', SECRET_KEY: '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' }, 'DATABASE_URL', /postgres:\/\/ or postgresql:\/\//],
        [{ DATABASE_URL: 'db.example.com/bot', SECRET_KEY: '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' }, 'DATABASE_URL', /must be a URL/],
        [{ DATABASE_URL: 'postgres://db.example.com', SECRET_KEY: '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' }, 'DATABASE_URL', /host and a database/],
        [{ DATABASE_URL: 'postgres://db.example.com/bot?schema=Bad-Name', SECRET_KEY: '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' }, 'DATABASE_URL', /schema=/],
        [{ DATABASE_URL: 'postgres://db.example.com/bot' }, 'SECRET_KEY', /required with DATABASE_URL/]
    ];
    for (const [env, setting, message] of wrong) {
        it(`stops with a message naming ${setting} for ${JSON.stringify(env)}`, () => {
            assert.throws(
                () => loadConfig(env),
                (err: unknown) => err instanceof ConfigError && err.setting === setting && err.message.includes(setting) && message.test(err.message)
            );
        });
    }

    it('takes a PostgreSQL URL with the key every instance shares; without it the database is SQLite', () => {
        const config = loadConfig({ DATABASE_URL: 'postgresql://bot:pw@db.example.com:5432/billing?schema=bot', SECRET_KEY: '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' });
        assert.strictEqual(config.databaseUrl, 'postgresql://bot:pw@db.example.com:5432/billing?schema=bot');
        assert.strictEqual(config.secretKey?.toString('hex'), '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef');
        assert.strictEqual(loadConfig({}).databaseUrl, undefined);
    });

    it('rewrites the SDK into native async functions unless SDK_NATIVE_ASYNC is false, cached in the temp folder unless told where', () => {
        assert.deepStrictEqual(loadNativeAsyncSettings({}), { enabled: true, cacheDir: DEFAULT_CACHE_DIR });
        assert.deepStrictEqual(loadNativeAsyncSettings({ SDK_NATIVE_ASYNC: 'false', SDK_NATIVE_ASYNC_CACHE_DIR: '/var/cache/bot' }), { enabled: false, cacheDir: '/var/cache/bot' });
    });

    it('never repeats a password from DATABASE_URL in its message', () => {
        assert.throws(() => loadConfig({ DATABASE_URL: 'postgres//bot:hunter2@db/bot' }), (err: Error) => !err.message.includes('hunter2'));
    });

    it('never repeats a password from SMTP_URL in its message', () => {
        assert.throws(() => loadConfig({ SMTP_URL: 'smtp//user:hunter2@mail' }), (err: Error) => !err.message.includes('hunter2'));
    });
});

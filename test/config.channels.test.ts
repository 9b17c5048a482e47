import * as assert from 'assert';
import { ConfigError, loadConfig } from '../config';

/** The settings of the channels (issue 5): Direct Line secret, Teams tenants, channel token metadata. */
describe('config: channel settings', () => {
    function refusal(env: Record<string, string>): ConfigError {
        try {
            loadConfig(env);
        } catch (err) {
            assert.ok(err instanceof ConfigError);
            return err;
        }
        throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
    }

    it('has safe defaults: no secret (one is made per start), no tenant trusted, Bot Framework metadata', () => {
        const config = loadConfig({});
        assert.strictEqual(config.directLineSecret, undefined);
        assert.deepStrictEqual(config.teamsAllowedTenants, []);
        assert.strictEqual(config.botOpenIdMetadataUrl, undefined);
    });

    it('reads DIRECTLINE_SECRET and refuses a short or odd one', () => {
        assert.strictEqual(loadConfig({ DIRECTLINE_SECRET: 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo=' }).directLineSecret, 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo=');
        assert.strictEqual(refusal({ DIRECTLINE_SECRET: 'short' }).setting, 'DIRECTLINE_SECRET');
        assert.strictEqual(refusal({ DIRECTLINE_SECRET: 'has spaces in it and is long enough to pass' }).setting, 'DIRECTLINE_SECRET');
    });

    it('reads TEAMS_ALLOWED_TENANTS as lower-case GUIDs and names a wrong entry', () => {
        const config = loadConfig({ TEAMS_ALLOWED_TENANTS: ' 72F988BF-86F1-41AF-91AB-2D7CD011DB47 , 0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0,' });
        assert.deepStrictEqual(config.teamsAllowedTenants, ['72f988bf-86f1-41af-91ab-2d7cd011db47', '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0']);
        const err = refusal({ TEAMS_ALLOWED_TENANTS: '72f988bf-86f1-41af-91ab-2d7cd011db47,contoso.com' });
        assert.strictEqual(err.setting, 'TEAMS_ALLOWED_TENANTS');
        assert.match(err.message, /contoso\.com/);
    });

    it('takes BOT_OPENID_METADATA_URL over https, or plain http only on this machine', () => {
        assert.strictEqual(loadConfig({ BOT_OPENID_METADATA_URL: 'https://login.botframework.com/v1/.well-known/openidconfiguration' }).botOpenIdMetadataUrl, 'https://login.botframework.com/v1/.well-known/openidconfiguration');
        assert.strictEqual(loadConfig({ BOT_OPENID_METADATA_URL: 'http://127.0.0.1:4000/metadata' }).botOpenIdMetadataUrl, 'http://127.0.0.1:4000/metadata');
        assert.strictEqual(refusal({ BOT_OPENID_METADATA_URL: 'http://keys.example.com/metadata' }).setting, 'BOT_OPENID_METADATA_URL');
        assert.strictEqual(refusal({ BOT_OPENID_METADATA_URL: 'not a url' }).setting, 'BOT_OPENID_METADATA_URL');
    });
});

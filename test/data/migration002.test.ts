import * as assert from 'assert';
import * as path from 'path';
import { Database } from '../../data/database';
import { MIGRATIONS } from '../../data/migrations';
import { makeTempDir } from '../helpers/tempDir';

describe('migration 002 (change requests, portal resets) on a database that already has 003', () => {
    it('is applied when a database made before it is opened, and its tables work', async () => {
        const temp = makeTempDir();
        const file = path.join(temp.dir, 'bot.sqlite');
        try {
            // A database as main had it before this migration was merged: the later migrations applied, 002 not.
            const old = await Database.open(file);
            await old.exec(`DROP TABLE change_requests; DROP TABLE portal_reset_requests; DROP TABLE portal_reset_tokens;
                ALTER TABLE portal_logins DROP COLUMN password_changed_at; DELETE FROM schema_migrations WHERE version = 2;`);
            const all = MIGRATIONS.map((m) => m.version);
            assert.deepStrictEqual((await old.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((r) => r.version), all.filter((v) => v !== 2));
            await old.close();

            const db = await Database.open(file);
            assert.deepStrictEqual((await db.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((r) => r.version), all);
            const tables = (await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('change_requests', 'portal_reset_requests', 'portal_reset_tokens') ORDER BY name")).map((r) => r.name);
            assert.deepStrictEqual(tables, ['change_requests', 'portal_reset_requests', 'portal_reset_tokens']);
            const columns = (await db.all<{ name: string }>('PRAGMA table_info(portal_logins)')).map((c) => c.name);
            assert.ok(columns.includes('password_changed_at'));
            await db.close();
        } finally {
            temp.cleanup();
        }
    });
});

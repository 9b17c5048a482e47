import * as assert from 'assert';
import * as path from 'path';
import { Database } from '../../data/database';
import { MIGRATIONS } from '../../data/migrations';
import { loadDemoDataOnce, readDemoData } from '../../data/demoData';
import { PROJECT_ROOT } from '../../paths';
import { makeTempDir } from '../helpers/tempDir';
import { describeEachBackend, tempDatabaseTarget, useTempDatabase } from '../helpers/tempDatabase';

describe('Database [sqlite]: the file', () => {
    const dbOf = useTempDatabase('sqlite');

    it('runs in WAL mode with foreign keys on', async () => {
        assert.strictEqual((await dbOf().get<{ journal_mode: string }>('PRAGMA journal_mode'))?.journal_mode, 'wal');
        assert.strictEqual((await dbOf().get<{ foreign_keys: number }>('PRAGMA foreign_keys'))?.foreign_keys, 1);
    });
});

describeEachBackend('Database', (backend) => {
    const dbOf = useTempDatabase(backend);

    it('is the backend asked for', () => {
        assert.strictEqual(dbOf().dialect, backend);
    });

    it('enforces foreign keys', async () => {
        await assert.rejects(dbOf().run("INSERT INTO memberships (user_id, account_id) VALUES ('nobody', 'nothing')"), /FOREIGN KEY|foreign key/);
    });

    it('applies every migration once, in order', async () => {
        const rows = await dbOf().all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
        assert.deepStrictEqual(rows.map((r) => r.version), MIGRATIONS.map((m) => m.version));
    });

    it('keeps concurrent transactions apart: no read-modify-write is lost', async () => {
        const db = dbOf();
        await db.run("INSERT INTO meta (key, value) VALUES ('counter', '0')");
        const increment = (): Promise<void> =>
            db.transaction(async (tx) => {
                const row = await tx.get<{ value: string }>("SELECT value FROM meta WHERE key = 'counter'");
                await new Promise((resolve) => setImmediate(resolve));
                await tx.run("UPDATE meta SET value = ? WHERE key = 'counter'", [String(Number(row?.value) + 1)]);
            });
        await Promise.all(Array.from({ length: 100 }, increment));
        assert.strictEqual((await db.get<{ value: string }>("SELECT value FROM meta WHERE key = 'counter'"))?.value, '100');
    });

    it('rolls a failed transaction back completely', async () => {
        const db = dbOf();
        await assert.rejects(
            db.transaction(async (tx) => {
                await tx.run("INSERT INTO meta (key, value) VALUES ('half', 'written')");
                throw new Error('boom');
            }),
            /boom/
        );
        assert.strictEqual(await db.get("SELECT value FROM meta WHERE key = 'half'"), undefined);
        await db.run("INSERT INTO meta (key, value) VALUES ('after', 'ok')");
        assert.ok(await db.get("SELECT value FROM meta WHERE key = 'after'"), 'the connection is usable after a rollback');
    });

    it('reports SQL errors to the caller and stays usable', async () => {
        await assert.rejects(dbOf().run('INSERT INTO no_such_table VALUES (1)'), /no such table|does not exist/);
        assert.ok(await dbOf().get('SELECT 1 AS one'));
    });
});

describeEachBackend('demo data', (backend) => {
    it('is loaded on first start only, and survives a reopen', async () => {
        const place = tempDatabaseTarget(backend);
        const file = place.target;
        const data = readDemoData(path.join(PROJECT_ROOT, 'data', 'accounts.json'));
        try {
            let db = await Database.open(file);
            assert.strictEqual(await loadDemoDataOnce(db, data), true);
            await db.run("UPDATE users SET name = 'Changed by operator' WHERE id = 'U-101'");
            await db.close();
            db = await Database.open(file);
            assert.strictEqual(await loadDemoDataOnce(db, data), false);
            assert.strictEqual((await db.get<{ name: string }>("SELECT name FROM users WHERE id = 'U-101'"))?.name, 'Changed by operator');
            assert.strictEqual((await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM users'))?.n, data.users.length);
            await db.close();
        } finally {
            await place.cleanup();
        }
    });
});

describe('demo data file', () => {
    it('refuses a broken demo file with a message naming it', () => {
        const temp = makeTempDir();
        try {
            const file = path.join(temp.dir, 'accounts.json');
            require('fs').writeFileSync(file, '{"accounts": [{"id": "A", "name": "x", "type": "weird", "locale": "de"}], "users": []}');
            assert.throws(() => readDemoData(file), /accounts\.json: account "A" needs id, name, type online\|corporate/);
        } finally {
            temp.cleanup();
        }
    });
});

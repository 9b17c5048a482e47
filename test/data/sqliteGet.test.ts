import * as assert from 'assert';
import * as path from 'path';
import sqlite3 from 'sqlite3';
import { Database } from '../../data/database';
import { makeTempDir } from '../helpers/tempDir';

/** A second connection to the same file, as another process would have. */
function otherConnection(file: string): Promise<sqlite3.Database> {
    return new Promise((resolve, reject) => {
        const db = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(db)));
    });
}

function query<T>(db: sqlite3.Database, sql: string): Promise<T[]> {
    return new Promise((resolve, reject) => db.all(sql, (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows))));
}

/** Whether a checkpoint that must wait for every reader of the file finds none (`busy` 0). */
async function noReaderHoldsTheFile(other: sqlite3.Database): Promise<boolean> {
    const [row] = await query<{ busy: number }>(other, 'PRAGMA wal_checkpoint(TRUNCATE)');
    return row.busy === 0;
}

/**
 * `Database.get` on SQLite runs the statement with node-sqlite3's `all`, in
 * one trip to its worker thread, and leaves no `reset` to do: pinned here are
 * what that relies on — a statement stepped to its end holds no read lock and
 * has committed its own write — and, as the control, that `get` alone would
 * leave a lock held.
 */
describe('Database [sqlite]: get without reset', () => {
    let temp: ReturnType<typeof makeTempDir>;
    let file: string;
    let db: Database;
    let other: sqlite3.Database;

    beforeEach(async () => {
        temp = makeTempDir();
        file = path.join(temp.dir, 'get.sqlite');
        db = await Database.open(file);
        other = await otherConnection(file);
        await query(other, 'PRAGMA busy_timeout = 0');
        for (const key of ['a', 'b', 'c']) {
            await db.run('INSERT INTO meta (key, value) VALUES (?, ?)', [key, key.toUpperCase()]);
        }
    });

    afterEach(async () => {
        await new Promise<void>((resolve) => other.close(() => resolve()));
        await db.close();
        temp.cleanup();
    });

    it('an INSERT … RETURNING read with get is committed when get returns: another connection sees it', async () => {
        const row = await db.get<{ key: string }>("INSERT INTO meta (key, value) VALUES ('d', 'D') RETURNING key");
        assert.deepStrictEqual(row, { key: 'd' });
        assert.deepStrictEqual(await query(other, "SELECT value FROM meta WHERE key = 'd'"), [{ value: 'D' }]);
        assert.ok(await noReaderHoldsTheFile(other));
    });

    it('get of a statement with several rows gives the first and holds no read lock afterwards', async () => {
        assert.deepStrictEqual(await db.get<{ key: string }>("SELECT key FROM meta WHERE key IN ('a', 'b', 'c') ORDER BY key"), { key: 'a' });
        assert.strictEqual(await db.get("SELECT key FROM meta WHERE key = 'none'"), undefined);
        await db.run("INSERT INTO meta (key, value) VALUES ('e', 'E')");
        assert.ok(await noReaderHoldsTheFile(other), 'a checkpoint waiting for all readers finds none');
    });

    it('control: node-sqlite3\'s own get without reset would hold the read lock (why get needed a second trip)', async () => {
        const raw = await otherConnection(file);
        try {
            const statement = raw.prepare("SELECT key FROM meta WHERE key IN ('a', 'b', 'c') ORDER BY key");
            await new Promise<void>((resolve, reject) => statement.get((err: Error | null) => (err ? reject(err) : resolve())));
            await db.run("INSERT INTO meta (key, value) VALUES ('f', 'F')");
            assert.strictEqual(await noReaderHoldsTheFile(other), false, 'the stepped statement still reads the file');
            await new Promise<void>((resolve) => statement.reset(() => resolve()));
            assert.ok(await noReaderHoldsTheFile(other), 'reset releases it');
            await new Promise<void>((resolve) => statement.finalize(() => resolve()));
        } finally {
            await new Promise<void>((resolve) => raw.close(() => resolve()));
        }
    });
});

import * as assert from 'assert';
import * as path from 'path';
import sqlite3 from 'sqlite3';
import { Database } from '../../data/database';
import { STATEMENTS_IN_FLIGHT } from '../../data/sqliteDatabase';
import { makeTempDir } from '../helpers/tempDir';

/** Counts node-sqlite3's `Statement` runs and reads under way at once (called, callback not yet back), the most seen. */
function watchInFlight(): { most: () => number; stop: () => void } {
    const statement = sqlite3.Statement.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    const originals = { run: statement.run, all: statement.all };
    let now = 0;
    let most = 0;
    for (const method of ['run', 'all'] as const) {
        statement[method] = function (this: unknown, ...args: unknown[]) {
            const callback = args.pop() as (...result: unknown[]) => void;
            now++;
            most = Math.max(most, now);
            return originals[method].apply(this, [
                ...args,
                function (this: unknown, ...result: unknown[]) {
                    now--;
                    return callback.apply(this, result);
                }
            ]);
        };
    }
    return { most: () => most, stop: () => Object.assign(statement, originals) };
}

/**
 * Single statements outside a transaction are handed to node-sqlite3
 * together (`SqliteDatabase`, `STATEMENTS_IN_FLIGHT`), so the connection does
 * not wait for the main thread between them; pinned here: what each caller
 * gets stays its own (node-sqlite3 holds SQLite's connection mutex for the
 * whole of each run or read), and a transaction still has the connection to itself.
 */
describe('Database [sqlite]: single statements pipelined, transactions alone', () => {
    let temp: ReturnType<typeof makeTempDir>;
    let db: Database;
    let watch: ReturnType<typeof watchInFlight> | undefined;

    beforeEach(async () => {
        temp = makeTempDir();
        db = await Database.open(path.join(temp.dir, 'pipelined.sqlite'));
        await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT NOT NULL)');
    });

    afterEach(async () => {
        watch?.stop();
        watch = undefined;
        await db.close();
        temp.cleanup();
    });

    it(`reads issued together are under way together, up to ${STATEMENTS_IN_FLIGHT}, and each gets its own rows`, async () => {
        await db.get('SELECT ? AS v', ['warm']);
        watch = watchInFlight();
        const values = Array.from({ length: 10 }, (_, i) => `v${i}`);
        const rows = await Promise.all(values.map((v) => db.get<{ v: string }>('SELECT ? AS v', [v])));
        assert.deepStrictEqual(rows.map((row) => row?.v), values);
        assert.strictEqual(watch.most(), STATEMENTS_IN_FLIGHT);
    });

    it('writes issued together each report their own last id and changes', async () => {
        const results = await Promise.all(Array.from({ length: 40 }, (_, i) => db.run('INSERT INTO t (v) VALUES (?)', [`row ${i}`])));
        const stored = new Map((await db.all<{ id: number; v: string }>('SELECT id, v FROM t')).map((row) => [row.id, row.v]));
        assert.strictEqual(stored.size, 40);
        results.forEach((result, i) => {
            assert.strictEqual(result.changes, 1);
            assert.strictEqual(stored.get(Number(result.lastId)), `row ${i}`, `insert ${i} got the id of its own row`);
        });
    });

    it('a statement issued while a transaction runs waits for its end: it never sees half of it, nor runs inside it', async () => {
        let seen: Promise<{ n: number } | undefined> | undefined;
        let failed: Promise<unknown> | undefined;
        await db.transaction(async (tx) => {
            await tx.run("INSERT INTO t (v) VALUES ('first')");
            seen = db.get<{ n: number }>('SELECT COUNT(*) AS n FROM t');
            failed = db.run("INSERT INTO t (v) VALUES ('outside')");
            await new Promise((resolve) => setTimeout(resolve, 30));
            await tx.run("INSERT INTO t (v) VALUES ('second')");
        });
        // Both statements issued during the transaction run after its COMMIT; between themselves in either order.
        assert.ok([2, 3].includes((await seen)?.n ?? 0), `the count waited for the commit, not half of it: ${(await seen)?.n}`);
        await failed;
        await assert.rejects(
            db.transaction(async (tx) => {
                await tx.run("INSERT INTO t (v) VALUES ('rolled back')");
                failed = db.run("INSERT INTO t (v) VALUES ('after the rollback')");
                throw new Error('no');
            }),
            /no/
        );
        await failed;
        assert.deepStrictEqual((await db.all<{ v: string }>('SELECT v FROM t ORDER BY id')).map((row) => row.v), ['first', 'second', 'outside', 'after the rollback'], 'a statement issued during a transaction is not rolled back with it');
    });
});

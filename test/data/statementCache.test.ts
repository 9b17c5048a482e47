import * as assert from 'assert';
import * as path from 'path';
import sqlite3 from 'sqlite3';
import { Database } from '../../data/database';
import { StatementCache } from '../../data/statementCache';
import { makeTempDir } from '../helpers/tempDir';

/** Counts the statements node-sqlite3 prepares and finalises on every connection while installed. */
function countStatements(): { alive: () => number; restore: () => void } {
    const databaseProto = sqlite3.Database.prototype as unknown as { prepare: (...args: unknown[]) => sqlite3.Statement };
    const statementProto = sqlite3.Statement.prototype as unknown as { finalize: (...args: unknown[]) => unknown };
    const prepare = databaseProto.prepare;
    const finalize = statementProto.finalize;
    let prepared = 0;
    let finalized = 0;
    databaseProto.prepare = function (this: sqlite3.Database, ...args: unknown[]) {
        prepared++;
        return prepare.apply(this, args);
    };
    statementProto.finalize = function (this: sqlite3.Statement, ...args: unknown[]) {
        finalized++;
        return finalize.apply(this, args);
    };
    return {
        alive: () => prepared - finalized,
        restore: () => {
            databaseProto.prepare = prepare;
            statementProto.finalize = finalize;
        }
    };
}

describe('Database [sqlite]: prepared statements stay bounded', () => {
    let temp: ReturnType<typeof makeTempDir>;
    let db: Database;
    let counter: ReturnType<typeof countStatements>;

    beforeEach(async () => {
        temp = makeTempDir();
        counter = countStatements();
        db = await Database.open(path.join(temp.dir, 'statements.sqlite'));
        await db.exec('CREATE TABLE lines (n INTEGER NOT NULL, text TEXT NOT NULL)');
    });

    afterEach(async () => {
        await db.close();
        counter.restore();
        temp.cleanup();
    });

    /** A multi-row INSERT of `rows` rows: a different SQL text for every row count. */
    function insertRows(rows: number, tag: string): Promise<unknown> {
        const params: (number | string)[] = [];
        for (let i = 0; i < rows; i++) {
            params.push(rows, `${tag}${i}`);
        }
        return db.run(`INSERT INTO lines (n, text) VALUES ${Array.from({ length: rows }, () => '(?, ?)').join(', ')}`, params);
    }

    it('does not keep one statement per distinct SQL text for ever (multi-row INSERTs of every size)', async () => {
        for (let rows = 1; rows <= 300; rows++) {
            await insertRows(rows, 'a');
        }
        const afterFirst = counter.alive();
        for (let rows = 301; rows <= 600; rows++) {
            await insertRows(rows, 'b');
        }
        assert.ok(counter.alive() <= afterFirst, `prepared statements grew from ${afterFirst} to ${counter.alive()} with 300 more distinct texts`);
        assert.ok(counter.alive() < 300, `${counter.alive()} statements prepared and never finalised`);
        const [row] = await db.all<{ count: number }>('SELECT COUNT(*) AS count FROM lines');
        assert.strictEqual(row.count, (600 * 601) / 2, 'every row of every INSERT is there');
        await db.close();
        assert.strictEqual(counter.alive(), 0, 'close finalises what is left');
    });

    it('a statement pushed out while a transaction runs it concurrently with hundreds of others still answers', async () => {
        await insertRows(3, 'c');
        const answers = await db.transaction((tx) =>
            Promise.all(Array.from({ length: 400 }, (_, i) => tx.all<{ v: number }>(`SELECT ${i} AS v, COUNT(*) AS c FROM lines WHERE n >= ?`, [0])))
        );
        assert.deepStrictEqual(
            answers.map((rows) => rows[0].v),
            Array.from({ length: 400 }, (_, i) => i)
        );
        const again = await db.all<{ v: number }>('SELECT 0 AS v, COUNT(*) AS c FROM lines WHERE n >= ?', [0]);
        assert.strictEqual(again[0].v, 0);
    });
});

describe('StatementCache', () => {
    it('keeps the most recently used texts and finalises a pushed-out statement only when its last user is done', async () => {
        const finalized: string[] = [];
        const cache = new StatementCache<string>(2, async (statement) => {
            finalized.push(statement);
        });
        const prepare = async (sql: string): Promise<string> => `stmt:${sql}`;
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        const slow = cache.use('a', prepare, async (statement) => {
            await gate;
            return statement;
        });
        await cache.use('b', prepare, async () => undefined);
        await cache.use('c', prepare, async () => undefined);
        assert.strictEqual(cache.size, 2);
        assert.deepStrictEqual(finalized, [], 'a is pushed out but still running: not finalised');
        release();
        assert.strictEqual(await slow, 'stmt:a', 'the running caller finishes with its statement');
        assert.deepStrictEqual(finalized, ['stmt:a'], 'finalised once its user is done');
        // b was used before c: a new text pushes b out, and a hit on c keeps c.
        await cache.use('c', prepare, async () => undefined);
        await cache.use('d', prepare, async () => undefined);
        assert.deepStrictEqual(finalized, ['stmt:a', 'stmt:b']);
        await cache.clear();
        assert.deepStrictEqual(finalized.sort(), ['stmt:a', 'stmt:b', 'stmt:c', 'stmt:d']);
    });

    it('does not keep a statement that failed to prepare', async () => {
        const cache = new StatementCache<string>(4, async () => undefined);
        await assert.rejects(
            cache.use('bad', async () => Promise.reject(new Error('syntax')), async () => undefined),
            /syntax/
        );
        assert.strictEqual(cache.size, 0);
    });
});

import * as fs from 'fs';
import * as path from 'path';
import sqlite3 from 'sqlite3';
import { SharedExclusiveLock } from '../core/mutex';
import { StatementCache } from './statementCache';
import { getLogger } from '../core/logger';
import { MIGRATIONS, type Migration } from './migrations';
import { InProcessBus, type MessageBus } from './messageBus';
import type { Database, RunResult, SqlParams, StatementListener, Transaction, TransactionOptions } from './database';

const log = getLogger('data.database');

/**
 * How many prepared statements one connection keeps. The hot path uses a few
 * dozen texts; the rest are multi-row INSERTs whose text grows with the rows.
 */
export const STATEMENTS_KEPT = 128;

/**
 * Statements outside a transaction handed to node-sqlite3 at once, at most: up
 * to the size of libuv's thread pool (4 by default), which node-sqlite3 runs them on.
 */
export const STATEMENTS_IN_FLIGHT = 4;

/**
 * The one SQLite connection of the process. node-sqlite3 shares a connection
 * between all async callers. A transaction (and a script, and a writesOnce
 * transaction, whose reads and write must follow each other) has the
 * connection to itself: its statements never interleave with another
 * caller's. Single statements outside a transaction are pipelined: up to
 * {@link STATEMENTS_IN_FLIGHT} are handed to node-sqlite3 together
 * ({@link SharedExclusiveLock}), whose worker threads run them one after the
 * other under SQLite's connection mutex (node-sqlite3 holds it for the whole
 * of each run or read, so a statement's changes and last id are its own), so
 * the connection does not sit idle while the main thread is busy with other
 * turns between one statement's end and the next one's start. Statements
 * that arrive together may run in any order among themselves; a caller that
 * needs one before another awaits the first.
 * Statements are prepared once and cached by their SQL text, for the
 * {@link STATEMENTS_KEPT} texts used most recently.
 */
export class SqliteDatabase implements Database {
    public readonly dialect = 'sqlite';
    private readonly lock = new SharedExclusiveLock(STATEMENTS_IN_FLIGHT);
    private readonly statements = new StatementCache<sqlite3.Statement>(STATEMENTS_KEPT, (statement) => new Promise<void>((resolve) => statement.finalize(() => resolve())));
    private readonly listeners = new Set<StatementListener>();
    private ran = 0;
    private closed = false;

    private constructor(private readonly db: sqlite3.Database, public readonly file: string) {}

    /**
     * Opens (creating if needed) the database file, switches to WAL and applies
     * pending migrations (all by default; tests of a migration pass the earlier ones). Use `':memory:'` for a throw-away database.
     */
    public static async open(file: string, migrations: readonly Migration[] = MIGRATIONS): Promise<SqliteDatabase> {
        if (file !== ':memory:') {
            fs.mkdirSync(path.dirname(file), { recursive: true });
        }
        const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
            const db = new sqlite3.Database(file, (err) => (err ? reject(new Error(`Database.open(): cannot open ${file}: ${err.message}`)) : resolve(db)));
        });
        const database = new SqliteDatabase(raw, file);
        await database.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
        await database.migrate(migrations);
        return database;
    }

    public run(sql: string, params: SqlParams = []): Promise<RunResult> {
        return this.lock.shared(() => this.rawRun(sql, params));
    }

    public get<T>(sql: string, params: SqlParams = []): Promise<T | undefined> {
        return this.lock.shared(() => this.rawGet<T>(sql, params));
    }

    public all<T>(sql: string, params: SqlParams = []): Promise<T[]> {
        return this.lock.shared(() => this.rawAll<T>(sql, params));
    }

    /** Runs a script of several statements without parameters (schema, pragmas). */
    public exec(sql: string): Promise<void> {
        return this.lock.exclusive(() => this.rawExec(sql));
    }

    /**
     * Runs `work` inside BEGIN IMMEDIATE … COMMIT with exclusive use of the
     * connection; rolls back when it throws. Use only `tx` inside `work`:
     * calling the database itself there would wait for the transaction to end.
     * Transactions run one at a time, so named locks (`options.locks`, `tx.lock`)
     * have nothing to wait for.
     */
    public transaction<T>(work: (tx: Transaction) => Promise<T>, options?: TransactionOptions): Promise<T> {
        if (options?.writesOnce) {
            return this.lock.exclusive(() => work(this.oneWriteHandle()));
        }
        return this.lock.exclusive(async () => {
            const tx: Transaction = {
                lock: () => Promise.resolve(),
                alone: true,
                dialect: this.dialect,
                run: (sql, params = []) => this.rawRun(sql, params),
                get: <R>(sql: string, params: SqlParams = []) => this.rawGet<R>(sql, params),
                all: <R>(sql: string, params: SqlParams = []) => this.rawAll<R>(sql, params)
            };
            await this.rawExec('BEGIN IMMEDIATE');
            try {
                const result = await work(tx);
                await this.rawExec('COMMIT');
                return result;
            } catch (err) {
                await this.rawExec('ROLLBACK').catch((rollbackError: unknown) => log.error('rollback failed', { error: rollbackError }));
                throw err;
            }
        });
    }

    /**
     * The handle of a transaction that writes once, last
     * ({@link TransactionOptions.writesOnce}): statements run as they come,
     * without BEGIN/COMMIT, until the first that is no SELECT; any after
     * that one is refused.
     */
    private oneWriteHandle(): Transaction {
        let written = false;
        const statement = <R>(sql: string, run: () => Promise<R>): Promise<R> => {
            if (written) {
                return Promise.reject(new Error(`Database.transaction(): a statement after the one write of a writesOnce transaction: ${sql.slice(0, 80)}`));
            }
            written = !/^\s*SELECT\b/i.test(sql);
            return run();
        };
        return {
            lock: () => Promise.resolve(),
            alone: true,
            dialect: this.dialect,
            run: (sql, params = []) => statement(sql, () => this.rawRun(sql, params)),
            get: <R>(sql: string, params: SqlParams = []) => statement(sql, () => this.rawGet<R>(sql, params)),
            all: <R>(sql: string, params: SqlParams = []) => statement(sql, () => this.rawAll<R>(sql, params))
        };
    }

    /**
     * Tells `listener` of every parameterised statement run from now on, in a
     * transaction or not (the query-plan check collects a turn's statements
     * this way); returns the function that stops it. Scripts given to
     * {@link exec} are not reported.
     */
    public watchStatements(listener: StatementListener): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    public get statementsRun(): number {
        return this.ran;
    }

    /** Finalises cached statements and closes the connection. Safe to call twice. */
    /** One process on the file: the bus is in-process. */
    public openBus(): MessageBus {
        return new InProcessBus();
    }

    /** One process on the file: the caller's in-memory lock is the only one needed. */
    public exclusive<T>(_name: string, work: () => Promise<T>): Promise<T> {
        return work();
    }

    public close(): Promise<void> {
        return this.lock.exclusive(async () => {
            if (this.closed) {
                return;
            }
            this.closed = true;
            await this.statements.clear();
            await new Promise<void>((resolve, reject) => this.db.close((err) => (err ? reject(err) : resolve())));
        });
    }

    /**
     * Applies every migration not yet recorded, each in its own transaction.
     * By recorded version, not by the highest one: migrations numbered apart in
     * parallel work (002 landing after 003) are still applied.
     */
    private async migrate(migrations: readonly Migration[]): Promise<void> {
        await this.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
        const applied = new Set((await this.all<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => row.version));
        for (const migration of migrations.filter((m) => !applied.has(m.version))) {
            await this.lock.exclusive(async () => {
                if (migration.foreignKeysOff) {
                    // Only outside a transaction does this pragma take effect.
                    await this.rawExec('PRAGMA foreign_keys = OFF');
                }
                await this.rawExec('BEGIN IMMEDIATE');
                try {
                    await this.rawExec(migration.sql);
                    if (migration.foreignKeysOff && (await this.rawAll('PRAGMA foreign_key_check', [])).length > 0) {
                        throw new Error('foreign keys do not hold after the migration');
                    }
                    await this.rawRun('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [migration.version, migration.name, Date.now()]);
                    await this.rawExec('COMMIT');
                } catch (err) {
                    await this.rawExec('ROLLBACK').catch(() => undefined);
                    throw new Error(`Database.migrate(): migration ${migration.version} (${migration.name}) failed: ${(err as Error).message}`);
                } finally {
                    if (migration.foreignKeysOff) {
                        await this.rawExec('PRAGMA foreign_keys = ON');
                    }
                }
            });
            log.info('migration applied', { version: migration.version, name: migration.name });
        }
    }

    /**
     * Runs `work` with the prepared statement for `sql`, prepared once and
     * kept while recently used; a bad statement rejects and is not kept.
     */
    private withStatement<T>(sql: string, params: SqlParams, work: (statement: sqlite3.Statement) => Promise<T>): Promise<T> {
        if (this.closed) {
            return Promise.reject(new Error('Database: the connection is closed'));
        }
        this.ran++;
        for (const listener of this.listeners) {
            listener(sql, params);
        }
        return this.statements.use(sql, (text) => this.prepare(text), work);
    }

    private prepare(sql: string): Promise<sqlite3.Statement> {
        return new Promise<sqlite3.Statement>((resolve, reject) => {
            const prepared = this.db.prepare(sql, (err: Error | null) => (err ? reject(err) : resolve(prepared)));
        });
    }

    private rawRun(sql: string, params: SqlParams): Promise<RunResult> {
        return this.withStatement(
            sql,
            params,
            (statement) =>
                new Promise((resolve, reject) => {
                    statement.run(params, function (this: sqlite3.RunResult, err: Error | null) {
                        if (err) {
                            reject(err);
                        } else {
                            resolve({ lastId: this.lastID, changes: this.changes });
                        }
                    });
                })
        );
    }

    /**
     * The first row. Run with `all`, which steps the statement to its end:
     * a finished statement holds no read lock and has committed its own
     * write (an INSERT … RETURNING outside a transaction), so it needs no
     * `reset` — one trip to node-sqlite3's worker thread instead of two
     * (`get`, then `reset`). Every `get` of the repositories reads one row
     * (by key, an aggregate, a RETURNING of one row), so nothing more is read.
     */
    private async rawGet<T>(sql: string, params: SqlParams): Promise<T | undefined> {
        const rows = await this.rawAll<T>(sql, params);
        return rows[0];
    }

    private rawAll<T>(sql: string, params: SqlParams): Promise<T[]> {
        return this.withStatement(sql, params, (statement) => new Promise<T[]>((resolve, reject) => statement.all(params, (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows)))));
    }

    private rawExec(sql: string): Promise<void> {
        this.ran++;
        return new Promise((resolve, reject) => {
            if (this.closed) {
                reject(new Error('Database: the connection is closed'));
                return;
            }
            this.db.exec(sql, (err) => (err ? reject(err) : resolve()));
        });
    }
}

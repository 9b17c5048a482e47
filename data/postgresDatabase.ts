import { Pool, type PoolClient, type PoolConfig, type QueryResult } from 'pg';
import { BoundedQueue } from '../core/boundedQueue';
import { getLogger } from '../core/logger';
import { MIGRATIONS, type Migration } from './migrations';
import { ADD_POSTGRES_ROWIDS } from './migrations/013_postgres_rowid';
import type { MessageBus } from './messageBus';
import { PostgresBus } from './postgresBus';
import type { Database, RunResult, SqlParams, StatementListener, Transaction, TransactionOptions } from './database';
import { POSTGRES_COMPAT, RESULT_TYPES, orderParams, translateSchema, translateStatement, type PostgresStatement } from './postgresDialect';

const log = getLogger('data.postgres');

/**
 * First key of the advisory locks this class takes; the second names the schema.
 * LOCK_TRANSACTIONS: a transaction without named locks holds it alone, one
 * with named locks shares it (so the two kinds never overlap).
 */
const LOCK_TRANSACTIONS = 0x42430001;
const LOCK_MIGRATIONS = 0x42430002;

/** Connections per instance. */
const POOL_SIZE = 10;

/**
 * Transactions open at once per instance, fewer than the pool's connections:
 * those waiting for a named lock hold a connection, and single statements
 * (and the transaction holding the lock) must still find one.
 */
const OPEN_TRANSACTIONS = 6;

/** Transactions an instance lets wait for a slot before refusing more. */
const WAITING_TRANSACTIONS = 10_000;

/**
 * Connections per instance that only hold named locks ({@link PostgresDatabase.exclusive}):
 * a pool of their own, so turns holding their conversation's lock never take
 * the connections their statements need. Beyond this many, lockers wait for one.
 */
const LOCK_POOL_SIZE = 16;

/** Something that runs a query: the pool, or the client of a transaction. */
type Runner = Pick<Pool | PoolClient, 'query'>;

/**
 * A PostgreSQL database over a pool of connections, shared by every instance
 * of the bot that is given the same URL. Statements are written in the SQLite
 * dialect and translated (see `postgresDialect.ts`). A transaction runs on one
 * client under READ COMMITTED. One that names its locks
 * ({@link TransactionOptions.locks}) holds them as transaction advisory locks
 * (hashed, within this schema): transactions naming the same wait for each
 * other, across all instances, and the rest overlap. Every count-then-insert
 * (rate limits) names what it counts, so two can never both pass the count.
 * A transaction naming none holds one advisory lock for the schema alone and
 * runs one at a time with every other, as SQLite's BEGIN IMMEDIATE does on
 * one file. Single statements run in parallel.
 *
 * The URL may name a schema (`?schema=name`, created when missing): the
 * tables live there, so several databases can share one PostgreSQL database
 * (the tests give each run its own).
 */
export class PostgresDatabase implements Database {
    public readonly dialect = 'postgres';
    private readonly statements = new Map<string, PostgresStatement>();
    private readonly listeners = new Set<StatementListener>();
    private ran = 0;
    private readonly transactionSlots = new BoundedQueue(OPEN_TRANSACTIONS, WAITING_TRANSACTIONS);
    private readonly running = new Set<Promise<unknown>>();
    private identityTables: ReadonlyMap<string, string> = new Map();
    private lockKey = 0;
    private closed = false;
    private lockPool?: Pool;

    private constructor(
        private readonly pool: Pool,
        public readonly file: string,
        private readonly connection: PoolConfig
    ) {}

    /** Connects, and applies pending migrations under a lock (several instances may start at once). */
    public static async open(url: string, migrations: readonly Migration[] = MIGRATIONS): Promise<PostgresDatabase> {
        const parsed = new URL(url);
        const schema = parsed.searchParams.get('schema') ?? undefined;
        parsed.searchParams.delete('schema');
        if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
            throw new Error('Database.open(): the schema in the URL must be a lower-case SQL name');
        }
        const connection: PoolConfig = { connectionString: parsed.toString(), types: RESULT_TYPES, options: schema ? `-c search_path=${schema}` : undefined };
        const pool = new Pool({ ...connection, max: POOL_SIZE });
        // An idle connection that breaks (a restarted server) must not end the process; the pool replaces it.
        pool.on('error', (err) => log.warn('idle connection failed', { error: err.message }));
        // The URL as given, less its password: opening it again reaches the same tables.
        const shown = new URL(url);
        shown.password = '';
        const database = new PostgresDatabase(pool, shown.toString(), connection);
        try {
            if (schema) {
                await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
            }
            const row = (await pool.query<{ key: number }>("SELECT hashtext(current_database() || '.' || current_schema()) AS key")).rows[0];
            database.lockKey = row.key;
            await database.migrate(migrations);
            await database.loadIdentityTables();
        } catch (err) {
            await pool.end().catch(() => undefined);
            throw new Error(`Database.open(): cannot open ${database.file}: ${(err as Error).message}`);
        }
        return database;
    }

    public run(sql: string, params: SqlParams = []): Promise<RunResult> {
        return this.runOn(this.pool, sql, params);
    }

    public async get<T>(sql: string, params: SqlParams = []): Promise<T | undefined> {
        return (await this.query(this.pool, sql, params)).rows[0] as T | undefined;
    }

    public async all<T>(sql: string, params: SqlParams = []): Promise<T[]> {
        return (await this.query(this.pool, sql, params)).rows as T[];
    }

    public async exec(sql: string): Promise<void> {
        this.assertOpen();
        this.ran++;
        await this.pool.query(sql);
    }

    public transaction<T>(work: (tx: Transaction) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
        // Waiting here rather than on a lock keeps the pool's clients free for single statements.
        const queued = this.transactionSlots.tryRun(() => this.transactionOnClient(work, options.locks));
        if (!queued) {
            return Promise.reject(new Error('Database.transaction(): too many transactions waiting'));
        }
        this.running.add(queued);
        const forget = (): void => void this.running.delete(queued);
        queued.then(forget, forget);
        return queued;
    }

    private async transactionOnClient<T>(work: (tx: Transaction) => Promise<T>, locks: readonly string[] | undefined): Promise<T> {
        this.assertOpen();
        const client = await this.pool.connect();
        const tx: Transaction = {
            dialect: this.dialect,
            run: (sql, params = []) => this.runOn(client, sql, params),
            get: async <R>(sql: string, params: SqlParams = []) => (await this.query(client, sql, params)).rows[0] as R | undefined,
            all: async <R>(sql: string, params: SqlParams = []) => (await this.query(client, sql, params)).rows as R[],
            lock: (...names) => this.lockNames(client, names),
            alone: false
        };
        let broken: Error | undefined;
        try {
            // BEGIN, the schema's lock and COMMIT or ROLLBACK.
            this.ran += 3;
            await client.query('BEGIN');
            if (locks === undefined) {
                await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_TRANSACTIONS, this.lockKey]);
            } else {
                await client.query('SELECT pg_advisory_xact_lock_shared($1, $2)', [LOCK_TRANSACTIONS, this.lockKey]);
                await this.lockNames(client, [...new Set(locks)]);
            }
            const result = await work(tx);
            await client.query('COMMIT');
            return result;
        } catch (err) {
            await client.query('ROLLBACK').catch((rollbackError: Error) => {
                broken = rollbackError;
                log.error('rollback failed', { error: rollbackError });
            });
            throw err;
        } finally {
            client.release(broken);
        }
    }

    /** Transaction advisory locks on `names`, in the given order; `tx:` keeps them apart from {@link exclusive}'s names. */
    private async lockNames(client: PoolClient, names: readonly string[]): Promise<void> {
        for (const name of names) {
            this.assertOpen();
            this.ran++;
            await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, $2))', [`tx:${name}`, this.lockKey]);
        }
    }

    public get statementsRun(): number {
        return this.ran;
    }

    public watchStatements(listener: StatementListener): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    /** LISTEN/NOTIFY on a channel named after the database and schema (see {@link PostgresBus}). */
    public openBus(): MessageBus {
        this.assertOpen();
        return new PostgresBus(this.connection, `bca_bus_${(this.lockKey >>> 0).toString(16)}`, async (channel, payload) => {
            await this.pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
        });
    }

    /**
     * Holds a session advisory lock keyed on `name` (hashed, within this
     * schema) on a connection of the lock pool while `work` runs; outside any
     * transaction, so it cannot wait in a cycle with the transactions' lock.
     * Released in `finally`, also when `work` throws; a connection whose
     * unlock failed is dropped (PostgreSQL frees its locks with it).
     */
    public async exclusive<T>(name: string, work: () => Promise<T>): Promise<T> {
        this.assertOpen();
        this.lockPool ??= this.createLockPool();
        const client = await this.lockPool.connect();
        let broken: Error | undefined;
        try {
            this.ran++;
            await client.query('SELECT pg_advisory_lock(hashtextextended($1, $2))', [name, this.lockKey]);
        } catch (err) {
            client.release(err as Error);
            throw err;
        }
        try {
            return await work();
        } finally {
            this.ran++;
            await client.query('SELECT pg_advisory_unlock(hashtextextended($1, $2))', [name, this.lockKey]).catch((err: Error) => {
                broken = err;
                log.warn('advisory unlock failed; dropping the connection', { error: err.message });
            });
            client.release(broken);
        }
    }

    public async close(): Promise<void> {
        if (this.closed) {
            return;
        }
        this.closed = true;
        await Promise.allSettled([...this.running]);
        await this.pool.end();
        await this.lockPool?.end().catch(() => undefined);
    }

    private createLockPool(): Pool {
        const pool = new Pool({ ...this.connection, max: LOCK_POOL_SIZE });
        pool.on('error', (err) => log.warn('idle lock connection failed', { error: err.message }));
        return pool;
    }

    /**
     * Applies every migration not yet recorded, each in its own transaction,
     * while holding an advisory lock: of several instances starting together
     * one migrates, the others wait and then find nothing left to do.
     */
    private async migrate(migrations: readonly Migration[]): Promise<void> {
        const client = await this.pool.connect();
        try {
            await client.query('SELECT pg_advisory_lock($1, $2)', [LOCK_MIGRATIONS, this.lockKey]);
            try {
                await client.query(POSTGRES_COMPAT);
                await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
                const applied = new Set((await client.query<{ version: string }>('SELECT version FROM schema_migrations')).rows.map((row) => Number(row.version)));
                const pending = migrations.filter((m) => !applied.has(m.version));
                for (const migration of pending) {
                    await client.query('BEGIN');
                    try {
                        await client.query(migration.postgres ?? translateSchema(migration.sql));
                        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, Date.now()]);
                        await client.query('COMMIT');
                    } catch (err) {
                        await client.query('ROLLBACK').catch(() => undefined);
                        throw new Error(`migration ${migration.version} (${migration.name}) failed: ${(err as Error).message}`);
                    }
                    log.info('migration applied', { version: migration.version, name: migration.name });
                }
                if (pending.length > 0) {
                    // Tables of migrations after 013 get their rowid too.
                    await client.query(ADD_POSTGRES_ROWIDS);
                }
            } finally {
                await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_MIGRATIONS, this.lockKey]);
            }
        } finally {
            client.release();
        }
    }

    /** The tables whose key (`id`, else `rowid`) the database generates: an INSERT into them reports the new key. */
    private async loadIdentityTables(): Promise<void> {
        const rows = await this.pool.query<{ table_name: string; column_name: string }>(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name IN ('id', 'rowid') AND is_identity = 'YES' ORDER BY column_name DESC"
        );
        // An identity `id` wins over a `rowid` (the order puts `id` last).
        this.identityTables = new Map(rows.rows.map((row) => [row.table_name, row.column_name]));
        this.statements.clear();
    }

    private async runOn(runner: Runner, sql: string, params: SqlParams): Promise<RunResult> {
        const result = await this.query(runner, sql, params);
        const statement = this.translated(sql);
        const last = statement.returnsId ? (result.rows[result.rows.length - 1] as { id?: number } | undefined) : undefined;
        return { lastId: last?.id ?? 0, changes: result.rowCount ?? 0 };
    }

    private query(runner: Runner, sql: string, params: SqlParams): Promise<QueryResult> {
        this.assertOpen();
        this.ran++;
        for (const listener of this.listeners) {
            listener(sql, params);
        }
        const statement = this.translated(sql);
        return runner.query(statement.text, orderParams(statement, params));
    }

    private translated(sql: string): PostgresStatement {
        let statement = this.statements.get(sql);
        if (!statement) {
            statement = translateStatement(sql, this.identityTables);
            this.statements.set(sql, statement);
        }
        return statement;
    }

    private assertOpen(): void {
        if (this.closed) {
            throw new Error('Database: the connection is closed');
        }
    }
}

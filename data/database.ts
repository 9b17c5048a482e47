import type { MessageBus } from './messageBus';
import type { Migration } from './migrations';

/** A value that can be bound to a statement parameter. */
export type SqlValue = string | number | null | Buffer;

/** Parameters of a statement: positional (`?`) or named (`$name`, the keys spelled with the `$`). */
export type SqlParams = readonly SqlValue[] | Readonly<Record<string, SqlValue>>;

/** Result of a statement that changes rows. */
export interface RunResult {
    /** The `id` of the row an INSERT added (0 when it added none or the table has no `id`). */
    lastId: number;
    changes: number;
}

/**
 * What repositories need to run SQL. Implemented by {@link Database} (each call
 * on its own) and by the transaction handle given to {@link Database.transaction}.
 *
 * Statements are written in the SQLite dialect with `?` or `$name`
 * parameters; the PostgreSQL backend translates them (see `postgresDialect.ts`,
 * the one place that knows the differences).
 */
export interface Queryable {
    /** The SQL engine, for the rare statement that differs in kind (claiming rows with SKIP LOCKED). */
    readonly dialect: Dialect;
    run(sql: string, params?: SqlParams): Promise<RunResult>;
    get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
    all<T>(sql: string, params?: SqlParams): Promise<T[]>;
}

/**
 * The handle of a transaction given to {@link Database.transaction}: its
 * statements, and named locks held until it ends.
 */
export interface Transaction extends Queryable {
    /**
     * Waits until no other transaction holds any of the named locks, then
     * holds them until this one ends; for a name learnt inside the
     * transaction (the address of a conversation's code). Take names in one
     * order everywhere (conversation before address) so two transactions
     * never wait for each other. SQLite: nothing to wait for, its
     * transactions run one at a time anyway.
     */
    lock(...names: string[]): Promise<void>;
    /**
     * True when no other transaction runs beside this one (SQLite): what it
     * reads stays true until it ends, so a count it needs later may be read
     * early, in one statement with others, instead of after {@link lock}.
     */
    readonly alone: boolean;
}

/** How a transaction may run beside others; see {@link Database.transaction}. */
export interface TransactionOptions {
    /**
     * What the transaction counts and changes, named (`verification:address:…`):
     * it runs in parallel with every other transaction that gives its locks,
     * except those naming one of the same, which wait for it. Taken in the
     * order given (see {@link Transaction.lock}). Left out, the transaction
     * runs alone.
     */
    readonly locks?: readonly string[];
    /**
     * The work reads, then writes in at most one statement, its last (a
     * count, then the insert it allows). SQLite runs it without BEGIN and
     * COMMIT: it still has the connection to itself, so nothing of this
     * process runs between its statements, and its one write is atomic and
     * committed on its own, as durable as a COMMIT. A statement after the
     * write is refused (the write stays). PostgreSQL ignores it.
     */
    readonly writesOnce?: boolean;
}

/** Told of every statement a {@link Database} runs (with its parameters); see {@link Database.watchStatements}. */
export type StatementListener = (sql: string, params: SqlParams) => void;

/** The SQL engine behind a {@link Database}. */
export type Dialect = 'sqlite' | 'postgres';

/**
 * The database of the process: SQLite (one file, one connection) or
 * PostgreSQL (a pool, shared by several instances of the bot).
 */
export interface Database extends Queryable {
    /** The SQLite file, or the PostgreSQL URL without its password. */
    readonly file: string;
    /** Runs a script of several statements without parameters (schema). Written for the backend at hand. */
    exec(sql: string): Promise<void>;
    /**
     * Runs `work` in one transaction on one connection; rolls back when it
     * throws. Use only `tx` inside `work`, and only for database work: what
     * goes out (mail nudges, events) happens after it returns.
     *
     * SQLite: transactions run one at a time (BEGIN IMMEDIATE). PostgreSQL
     * (READ COMMITTED, across all instances): a transaction with
     * `options.locks` waits only for transactions naming one of its locks, so
     * a count-then-insert keyed on what it counts stays atomic while
     * unrelated transactions overlap; one without runs alone, as on SQLite.
     */
    transaction<T>(work: (tx: Transaction) => Promise<T>, options?: TransactionOptions): Promise<T>;
    /** Tells `listener` of every parameterised statement run from now on; returns the function that stops it. */
    watchStatements(listener: StatementListener): () => void;
    /** How many statements this database has run so far: each parameterised one (in a transaction or not), BEGIN/COMMIT/ROLLBACK, and a script given to {@link exec} as one (the bench prints them per turn). */
    readonly statementsRun: number;
    /**
     * The bus between the instances on this database: in-process on SQLite
     * (one process), LISTEN/NOTIFY on PostgreSQL. Each call opens a new one;
     * the caller closes it.
     */
    openBus(): MessageBus;
    /**
     * Runs `work` while holding the lock named `name` across every instance
     * on this database (PostgreSQL: a session advisory lock on a connection of
     * its own, never inside a transaction, released when `work` settles; SQLite:
     * one process, `work` runs at once — callers serialize in memory).
     */
    exclusive<T>(name: string, work: () => Promise<T>): Promise<T>;
    /** Closes the connection(s). Safe to call twice. */
    close(): Promise<void>;
}

/** Whether `target` names a PostgreSQL database (`postgres://…` or `postgresql://…`). */
export function isPostgresUrl(target: string): boolean {
    return /^postgres(?:ql)?:\/\//i.test(target);
}

/** The database at `target` opened, migrations applied: a PostgreSQL URL, a SQLite file or `':memory:'`. */
async function open(target: string, migrations?: readonly Migration[]): Promise<Database> {
    if (isPostgresUrl(target)) {
        const { PostgresDatabase } = await import('./postgresDatabase');
        return PostgresDatabase.open(target, migrations);
    }
    const { SqliteDatabase } = await import('./sqliteDatabase');
    return SqliteDatabase.open(target, migrations);
}

// eslint-disable-next-line @typescript-eslint/no-redeclare -- the interface and its opener share the name
export const Database = { open };

import type { Storage, StoreItems } from 'botbuilder';
import type { Database } from '../../data/database';

/** Storage and SQL work per turn, as measured in-process. */
export interface StorageFigures {
    readonly turns: number;
    readonly readsPerTurn: number;
    readonly writesPerTurn: number;
    /** Time inside `Storage.read`/`write` per turn, waiting for the connection included. */
    readonly readMsPerTurn: number;
    readonly writeMsPerTurn: number;
    readonly bytesPerWrite: number;
    /** Statements (inside transactions too, BEGIN and COMMIT included), and transactions, per turn (all repositories, not only state), from the connection's own counter. */
    readonly sqlStatementsPerTurn: number;
    readonly transactionsPerTurn: number;
}

type Async<A extends unknown[], R> = (...args: A) => Promise<R>;

/**
 * Counts and times what a running bot asks of its `Storage` and of the
 * database, by wrapping the methods of the very instances the bot uses.
 */
export class StorageProbe {
    private reads = 0;
    private writes = 0;
    private readNs = 0n;
    private writeNs = 0n;
    private bytes = 0;
    private readonly statementsAtStart: number;
    private transactions = 0;

    public constructor(storage: Storage, private readonly db: Database) {
        this.statementsAtStart = db.statementsRun;
        const timed = <A extends unknown[], R>(fn: Async<A, R>, record: (ns: bigint, args: A) => void): Async<A, R> => {
            return async (...args: A) => {
                const start = process.hrtime.bigint();
                try {
                    return await fn(...args);
                } finally {
                    record(process.hrtime.bigint() - start, args);
                }
            };
        };
        storage.read = timed(storage.read.bind(storage), (ns) => {
            this.reads++;
            this.readNs += ns;
        });
        storage.write = timed(storage.write.bind(storage), (ns, [changes]: [StoreItems]) => {
            this.writes++;
            this.writeNs += ns;
            this.bytes += JSON.stringify(changes).length;
        });
        const transaction = db.transaction.bind(db);
        db.transaction = (work) => (this.transactions++, transaction(work));
    }

    /** The figures per turn for `turns` turns since the probe was attached. */
    public perTurn(turns: number): StorageFigures {
        const per = (n: number): number => (turns ? n / turns : NaN);
        return {
            turns,
            readsPerTurn: per(this.reads),
            writesPerTurn: per(this.writes),
            readMsPerTurn: per(Number(this.readNs) / 1e6),
            writeMsPerTurn: per(Number(this.writeNs) / 1e6),
            bytesPerWrite: this.writes ? this.bytes / this.writes : NaN,
            sqlStatementsPerTurn: per(this.db.statementsRun - this.statementsAtStart),
            transactionsPerTurn: per(this.transactions)
        };
    }
}

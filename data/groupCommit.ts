import type { Database } from './database';
import { writeTurnRecords, type StateRecord, type TurnRecord } from './repositories/turnRecords';

/** Rows one shared statement takes at most (states and records together; below `ROWS_PER_STATEMENT`, so it stays one statement). */
export const GROUP_COMMIT_ROWS = 150;

interface Waiting {
    readonly state: StateRecord;
    readonly records: readonly TurnRecord[];
    readonly rows: number;
    readonly done: (err?: Error) => void;
}

/**
 * Group commit of turn writes on SQLite: each turn's state and the rows it
 * appends (`SqliteStorage`'s write with records) are queued, and whatever has
 * queued while the last such statement was written goes in the next one
 * through `turn_records` — one commit and one trip to node-sqlite3's worker
 * thread for several concurrent turns instead of one each. A turn waits with
 * no delay added: when nothing is under way its write goes at once (alone);
 * turns that arrive while one is under way (waiting for a transaction to
 * leave the connection, or being written) go together next. Each caller's
 * promise settles only after the statement holding its rows has committed,
 * so a reply sent after it follows
 * its durable state, as with a write of its own. When the shared statement
 * fails (a row the tables refuse), each turn of it is written again on its
 * own, so only the turn whose row is refused fails.
 */
export class GroupCommit {
    private readonly waiting: Waiting[] = [];
    private writing = false;
    private statements = 0;
    private turns = 0;

    public constructor(private readonly db: Database, private readonly maxRows = GROUP_COMMIT_ROWS) {}

    /** Writes `state` and `records` in a statement shared with the turns queued with it; settles once committed. */
    public write(state: StateRecord, records: readonly TurnRecord[]): Promise<void> {
        return new Promise<void>((resolve, reject) => {
            this.waiting.push({ state, records, rows: 1 + records.length, done: (err) => (err ? reject(err) : resolve()) });
            if (!this.writing) {
                void this.drain();
            }
        });
    }

    /** Turns written per shared statement so far (tests, benchmarks). */
    public get turnsPerStatement(): number {
        return this.statements === 0 ? 0 : this.turns / this.statements;
    }

    private async drain(): Promise<void> {
        this.writing = true;
        try {
            while (this.waiting.length > 0) {
                // The turns that queued while the last shared statement was written go together now.
                const batch = this.take();
                await writeTurnRecords(
                    this.db,
                    batch.flatMap((turn) => turn.records),
                    batch.map((turn) => turn.state)
                ).then(
                    () => {
                        this.statements++;
                        this.turns += batch.length;
                        batch.forEach((turn) => turn.done());
                    },
                    async (err: unknown) => {
                        if (batch.length <= 1) {
                            batch.forEach((turn) => turn.done(err as Error));
                            return;
                        }
                        for (const turn of batch) {
                            await writeTurnRecords(this.db, turn.records, turn.state).then(
                                () => turn.done(),
                                (alone: unknown) => turn.done(alone as Error)
                            );
                        }
                    }
                );
            }
        } finally {
            this.writing = false;
        }
    }

    /** The turns waiting longest, as many as fit {@link maxRows} (the first always). */
    private take(): Waiting[] {
        let rows = 0;
        let n = 0;
        while (n < this.waiting.length && (n === 0 || rows + this.waiting[n].rows <= this.maxRows)) {
            rows += this.waiting[n].rows;
            n++;
        }
        return this.waiting.splice(0, n);
    }
}

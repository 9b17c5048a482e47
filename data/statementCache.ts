/**
 * Prepared statements kept by their SQL text for the `maxEntries` texts used
 * most recently. Texts that vary (a multi-row INSERT with as many value
 * groups as rows) would otherwise add a statement per row count for the life
 * of the process. A statement pushed out is finalised — but never while a
 * caller still runs it: it is taken out of the cache at once and finalised
 * when its last user is done.
 */
export class StatementCache<S> {
    private readonly entries = new Map<string, CacheEntry<S>>();

    /**
     * @param maxEntries how many statements stay prepared (≥ 1)
     * @param finalize releases a statement for good; called once per statement, when nobody uses it
     */
    public constructor(
        private readonly maxEntries: number,
        private readonly finalize: (statement: S) => Promise<void>
    ) {
        if (!Number.isInteger(maxEntries) || maxEntries < 1) {
            throw new Error(`StatementCache: maxEntries must be an integer ≥ 1 (got ${maxEntries})`);
        }
    }

    /**
     * Runs `work` with the statement for `sql`, prepared by `prepare` when none
     * is kept; a statement that fails to prepare is not kept. The statement
     * stays usable until `work` settles even when newer texts push it out.
     */
    public async use<T>(sql: string, prepare: (sql: string) => Promise<S>, work: (statement: S) => Promise<T>): Promise<T> {
        let entry = this.entries.get(sql);
        if (entry) {
            // Most recently used last: the first key is the one to push out.
            this.entries.delete(sql);
            this.entries.set(sql, entry);
        } else {
            const statement = await prepare(sql);
            entry = this.entries.get(sql);
            if (entry) {
                // Another caller prepared the same text meanwhile: theirs is kept, ours is used once.
                entry = { statement, users: 0, retired: true };
            } else {
                entry = { statement, users: 0, retired: false };
                this.entries.set(sql, entry);
                this.evictBeyondBound();
            }
        }
        entry.users++;
        try {
            return await work(entry.statement);
        } finally {
            entry.users--;
            if (entry.retired && entry.users === 0) {
                void this.finalize(entry.statement);
            }
        }
    }

    /** How many statements are kept (those pushed out and still in use not counted). */
    public get size(): number {
        return this.entries.size;
    }

    /** Finalises every kept statement and empties the cache (at close, when nothing runs). */
    public async clear(): Promise<void> {
        const kept = [...this.entries.values()];
        this.entries.clear();
        for (const entry of kept) {
            entry.retired = true;
            if (entry.users === 0) {
                await this.finalize(entry.statement);
            }
        }
    }

    private evictBeyondBound(): void {
        for (const [sql, entry] of this.entries) {
            if (this.entries.size <= this.maxEntries) {
                return;
            }
            this.entries.delete(sql);
            entry.retired = true;
            if (entry.users === 0) {
                void this.finalize(entry.statement);
            }
        }
    }
}

interface CacheEntry<S> {
    readonly statement: S;
    /** Callers running the statement now. */
    users: number;
    /** Out of the cache: finalised when `users` drops to 0. */
    retired: boolean;
}

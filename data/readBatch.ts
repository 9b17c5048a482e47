/** Keys read together at most, by default. */
export const READ_BATCH_KEYS = 500;

interface Waiting<R> {
    readonly key: string;
    readonly resolve: (row: R | undefined) => void;
    readonly reject: (err: Error) => void;
}

/**
 * Reads of rows by key from concurrent callers, gathered as `GroupCommit` (groupCommit.ts)
 * gathers turn writes: a key asked for while nothing is read is read at
 * once, alone; the keys asked for while a read is under way wait for it and
 * go together in the next (up to `maxKeys` different keys a read). So
 * concurrent turns that each read their conversation's state take one trip
 * to the database between them rather than one each, with no delay added.
 * A failed read fails each caller that waited for it.
 */
export class ReadBatch<R> {
    private readonly waiting: Waiting<R>[] = [];
    private reading = false;
    private reads = 0;
    private keysRead = 0;

    /**
     * @param readKeys reads the rows of `keys` (each once), by key; a key without a row is left out
     */
    public constructor(
        private readonly readKeys: (keys: readonly string[]) => Promise<ReadonlyMap<string, R>>,
        private readonly maxKeys = READ_BATCH_KEYS
    ) {
        if (!Number.isInteger(maxKeys) || maxKeys < 1) {
            throw new Error(`ReadBatch: maxKeys must be an integer ≥ 1 (got ${maxKeys})`);
        }
    }

    /** The row of `key`, or undefined when it has none. */
    public read(key: string): Promise<R | undefined> {
        return new Promise<R | undefined>((resolve, reject) => {
            this.waiting.push({ key, resolve, reject });
            if (!this.reading) {
                void this.drain();
            }
        });
    }

    /** Keys read per read so far (benchmarks, tests). */
    public get keysPerRead(): number {
        return this.reads === 0 ? 0 : this.keysRead / this.reads;
    }

    private async drain(): Promise<void> {
        this.reading = true;
        try {
            while (this.waiting.length > 0) {
                const batch = this.take();
                const keys = [...new Set(batch.map((waiting) => waiting.key))];
                try {
                    const rows = await this.readKeys(keys);
                    this.reads++;
                    this.keysRead += keys.length;
                    batch.forEach((waiting) => waiting.resolve(rows.get(waiting.key)));
                } catch (err) {
                    batch.forEach((waiting) => waiting.reject(err as Error));
                }
            }
        } finally {
            this.reading = false;
        }
    }

    /** The callers waiting longest, as many as ask for at most {@link maxKeys} different keys. */
    private take(): Waiting<R>[] {
        const keys = new Set<string>();
        let n = 0;
        while (n < this.waiting.length && (keys.size < this.maxKeys || keys.has(this.waiting[n].key))) {
            keys.add(this.waiting[n].key);
            n++;
        }
        return this.waiting.splice(0, n);
    }
}

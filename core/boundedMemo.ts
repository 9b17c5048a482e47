/**
 * Values computed once per key and kept for the last `maxEntries` keys
 * computed: a new key beyond the bound drops the key computed longest ago, so
 * memory stays bounded however many different keys arrive. A hit is one map
 * look-up (it does not reorder the keys: kept values are read far more often
 * than new ones arrive).
 */
export class BoundedMemo<K, V> {
    private readonly entries = new Map<K, V>();

    public constructor(private readonly maxEntries: number) {
        if (!Number.isInteger(maxEntries) || maxEntries < 1) {
            throw new Error(`BoundedMemo: maxEntries must be an integer ≥ 1 (got ${maxEntries})`);
        }
    }

    /** The value for `key`, computed by `compute` when it is not kept. */
    public get(key: K, compute: (key: K) => V): V {
        const kept = this.entries.get(key);
        if (kept !== undefined || this.entries.has(key)) {
            return kept as V;
        }
        const value = compute(key);
        if (this.entries.size >= this.maxEntries) {
            this.entries.delete(this.entries.keys().next().value as K);
        }
        this.entries.set(key, value);
        return value;
    }

    /**
     * {@link get} for a value computed asynchronously: kept once `compute`
     * resolves (a key asked for again meanwhile is computed again), never when
     * it fails.
     */
    public async getAsync(key: K, compute: (key: K) => Promise<V>): Promise<V> {
        const kept = this.entries.get(key);
        if (kept !== undefined || this.entries.has(key)) {
            return kept as V;
        }
        const value = await compute(key);
        return this.get(key, () => value);
    }

    /** How many keys are kept. */
    public get size(): number {
        return this.entries.size;
    }
}

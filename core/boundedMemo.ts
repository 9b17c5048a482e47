/**
 * Values computed once per key and kept for the `maxEntries` keys used last:
 * a hit moves its key to the newest end, and a new key beyond the bound
 * drops the key used longest ago, so memory stays bounded however many
 * different keys arrive.
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
        if (this.entries.has(key)) {
            const kept = this.entries.get(key) as V;
            this.entries.delete(key);
            this.entries.set(key, kept);
            return kept;
        }
        const value = compute(key);
        this.entries.set(key, value);
        if (this.entries.size > this.maxEntries) {
            this.entries.delete(this.entries.keys().next().value as K);
        }
        return value;
    }

    /** How many keys are kept. */
    public get size(): number {
        return this.entries.size;
    }
}

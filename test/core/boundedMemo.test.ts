import * as assert from 'assert';
import { BoundedMemo } from '../../core/boundedMemo';

describe('BoundedMemo: a value computed once per key, for a bounded number of keys', () => {
    it('computes a key once while it is kept', () => {
        const memo = new BoundedMemo<string, number>(2);
        let computed = 0;
        const compute = (key: string): number => {
            computed++;
            return key.length;
        };
        assert.strictEqual(memo.get('abc', compute), 3);
        assert.strictEqual(memo.get('abc', compute), 3);
        assert.strictEqual(computed, 1);
    });

    it('keeps at most maxEntries keys, dropping the one used longest ago', () => {
        const memo = new BoundedMemo<number, number>(3);
        const computed: number[] = [];
        const compute = (key: number): number => {
            computed.push(key);
            return key * 10;
        };
        for (let key = 0; key < 1000; key++) {
            memo.get(key, compute);
            assert.ok(memo.size <= 3, `size ${memo.size} after key ${key}`);
        }
        assert.strictEqual(memo.size, 3);
        // 997, 998, 999 are kept; using 997 makes 998 the oldest, which the next new key drops.
        computed.length = 0;
        memo.get(997, compute);
        memo.get(1000, compute);
        memo.get(997, compute);
        memo.get(999, compute);
        memo.get(998, compute);
        assert.deepStrictEqual(computed, [1000, 998]);
    });

    it('refuses a bound below one', () => {
        assert.throws(() => new BoundedMemo(0), /maxEntries/);
    });
});

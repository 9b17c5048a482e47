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

    it('keeps at most maxEntries keys, dropping the one computed longest ago', () => {
        const memo = new BoundedMemo<number, number | undefined>(3);
        const computed: number[] = [];
        const compute = (key: number): number | undefined => {
            computed.push(key);
            return key % 2 === 0 ? key * 10 : undefined;
        };
        for (let key = 0; key < 1000; key++) {
            memo.get(key, compute);
            assert.ok(memo.size <= 3, `size ${memo.size} after key ${key}`);
        }
        assert.strictEqual(memo.size, 3);
        // 997, 998, 999 are kept (an undefined value too); the next new key drops 997, the oldest.
        computed.length = 0;
        assert.strictEqual(memo.get(997, compute), undefined);
        assert.strictEqual(memo.get(998, compute), 9980);
        memo.get(1000, compute);
        memo.get(999, compute);
        memo.get(997, compute);
        assert.deepStrictEqual(computed, [1000, 997]);
    });

    it('refuses a bound below one', () => {
        assert.throws(() => new BoundedMemo(0), /maxEntries/);
    });
    it('getAsync keeps a value once it resolves, within the same bound, and keeps none that failed', async () => {
        const memo = new BoundedMemo<string, number>(2);
        let computed = 0;
        const compute = async (key: string): Promise<number> => {
            computed++;
            return key.length;
        };
        assert.strictEqual(await memo.getAsync('abc', compute), 3);
        assert.strictEqual(await memo.getAsync('abc', compute), 3);
        assert.strictEqual(computed, 1);
        await assert.rejects(memo.getAsync('bad', async () => Promise.reject(new Error('failed'))), /failed/);
        assert.strictEqual(await memo.getAsync('bad', compute), 3);
        assert.strictEqual(computed, 2);
        await memo.getAsync('fourth', compute);
        assert.strictEqual(memo.size, 2);
    });
});

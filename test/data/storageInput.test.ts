import * as assert from 'assert';
import { storageEntries, storedItem } from '../../data/storageInput';
import { handWriteText, takeReadText } from '../../sdkSpeedups/stateText';

/**
 * Issue 16: a turn's state is not copied field by field on its way in or out
 * of storage. The item read is the object `JSON.parse` made, given its eTag;
 * an item written with the text the conversation state handed is not read
 * field by field (its fields are what the text says already).
 */
describe('storageInput: the state is not copied on its way through storage (issue 16)', () => {
    it('a read item is the object JSON.parse made, with its eTag, and its text handed on', () => {
        const parse = JSON.parse;
        const made: unknown[] = [];
        JSON.parse = (text: string, reviver?: (this: unknown, key: string, value: unknown) => unknown): unknown => {
            const value: unknown = parse(text, reviver);
            made.push(value);
            return value;
        };
        const text = '{"dialogState":{"dialogStack":[{"id":"main"}]},"lang":"de"}';
        let item: Record<string, unknown>;
        try {
            item = storedItem(text, 42);
        } finally {
            JSON.parse = parse;
        }
        assert.strictEqual(made.length, 1);
        assert.strictEqual(item, made[0], 'the parsed object itself, not a copy of it');
        assert.deepStrictEqual(item, { dialogState: { dialogStack: [{ id: 'main' }] }, lang: 'de', eTag: '42' });
        assert.strictEqual(takeReadText(item), text);
        // Two reads of one text are two objects: what one turn changes is not seen by the other.
        const first = storedItem(text, 1);
        const second = storedItem(text, 1);
        (first.dialogState as { dialogStack: unknown[] }).dialogStack.push({ id: 'other' });
        assert.deepStrictEqual(second.dialogState, { dialogStack: [{ id: 'main' }] });
    });

    it('an item written with its handed text is not read field by field; one without is written without its eTag', () => {
        let reads = 0;
        const handed: Record<string, unknown> = { eTag: '7' };
        Object.defineProperty(handed, 'dialogState', {
            enumerable: true,
            get: () => {
                reads++;
                return { dialogStack: [] };
            }
        });
        handWriteText(handed, '{"dialogState":{"dialogStack":[]}}');
        const [entry] = storageEntries({ 'conv/1': handed }, 'test');
        assert.deepStrictEqual(entry, { key: 'conv/1', eTag: '7', data: '{"dialogState":{"dialogStack":[]}}' });
        assert.strictEqual(reads, 0, 'the handed text is the data: no copy of the item was made');

        const entries = storageEntries({ a: { eTag: '*', n: 1 }, b: { n: 2 }, c: null }, 'test');
        assert.deepStrictEqual(entries, [
            { key: 'a', eTag: '*', data: '{"n":1}' },
            { key: 'b', eTag: undefined, data: '{"n":2}' },
            { key: 'c', eTag: undefined, data: '{}' }
        ]);
    });
});

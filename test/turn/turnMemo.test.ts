import * as assert from 'assert';
import { TestAdapter, TurnContext } from 'botbuilder';
import { oncePerTurn } from '../../turn/turnMemo';

const SLOT = Symbol('test.reading');

function turn(): TurnContext {
    return new TurnContext(new TestAdapter(), { type: 'message', text: 'hallo', conversation: { id: 'c' } as never, channelId: 'test' });
}

describe('oncePerTurn: a reading of a text shared within one turn', () => {
    it('computes a key once in a turn, and again in the next turn', () => {
        let computed = 0;
        const read = (context: TurnContext, text: string): number =>
            oncePerTurn(context, SLOT, text, () => {
                computed++;
                return text.length;
            });
        const first = turn();
        assert.strictEqual(read(first, 'ja bitte'), 8);
        assert.strictEqual(read(first, 'ja bitte'), 8);
        assert.strictEqual(computed, 1);
        assert.strictEqual(read(first, 'nein'), 4);
        assert.strictEqual(computed, 2);
        assert.strictEqual(read(turn(), 'ja bitte'), 8);
        assert.strictEqual(computed, 3);
    });

    it('keeps at most 32 keys a turn: more are computed each time, with the same answers', () => {
        const context = turn();
        let computed = 0;
        const read = (key: string): string =>
            oncePerTurn(context, SLOT, key, () => {
                computed++;
                return key.toUpperCase();
            });
        for (let i = 0; i < 100; i++) {
            assert.strictEqual(read(`k${i}`), `K${i}`);
        }
        assert.strictEqual((context.turnState.get(SLOT) as Map<string, string>).size, 32);
        computed = 0;
        read('k0');
        read('k99');
        read('k99');
        assert.strictEqual(computed, 2);
    });
});

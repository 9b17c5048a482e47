import * as assert from 'assert';
import { CoalescingRunner } from '../../core/coalescingRunner';

describe('CoalescingRunner: background work one round at a time', () => {
    it('runs one more round for a burst of requests during a round, not one per request', async () => {
        let rounds = 0;
        let release!: () => void;
        const runner = new CoalescingRunner(async () => {
            rounds++;
            if (rounds === 1) {
                await new Promise<void>((resolve) => (release = resolve));
            }
        }, (err) => assert.fail(String(err)));
        runner.request();
        for (let i = 0; i < 5; i++) {
            runner.request();
        }
        release();
        await runner.idle();
        assert.strictEqual(rounds, 2);
        assert.strictEqual(runner.busy, false);
    });

    it('hands a failed round to onError and runs the next request', async () => {
        const errors: unknown[] = [];
        let rounds = 0;
        const runner = new CoalescingRunner(async () => {
            rounds++;
            if (rounds === 1) {
                throw new Error('database gone');
            }
        }, (err) => errors.push(err));
        runner.request();
        await runner.idle();
        runner.request();
        await runner.idle();
        assert.deepStrictEqual([rounds, errors.map((e) => (e as Error).message)], [2, ['database gone']]);
    });
});

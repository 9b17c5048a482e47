import * as assert from 'assert';
import { TimedRounds } from '../../core/timedRounds';

describe('TimedRounds: background work at start and on a timer', () => {
    it('runs a round at start; stop() waits for it, whichever await it is at', async () => {
        const steps: string[] = [];
        const rounds = new TimedRounds(async () => {
            steps.push('claim');
            await new Promise((resolve) => setTimeout(resolve, 20));
            steps.push('work');
            await new Promise((resolve) => setTimeout(resolve, 20));
            steps.push('done');
        }, 60_000, (err) => assert.fail(String(err)));
        rounds.start();
        rounds.start();
        await rounds.stop();
        assert.deepStrictEqual(steps, ['claim', 'work', 'done']);
    });

    it('runs a round every period, one at a time; a failed round goes to onError and the next still runs', async () => {
        let running = 0;
        let most = 0;
        let count = 0;
        const errors: string[] = [];
        const rounds = new TimedRounds(async () => {
            count++;
            running++;
            most = Math.max(most, running);
            await new Promise((resolve) => setTimeout(resolve, 15));
            running--;
            if (count === 2) {
                throw new Error('database locked');
            }
        }, 5, (err) => errors.push((err as Error).message));
        rounds.start();
        // However slow the machine: wait for the third round (10 s at most).
        for (const deadline = Date.now() + 10_000; count < 3 && Date.now() < deadline; ) {
            await new Promise((resolve) => setTimeout(resolve, 10));
        }
        await rounds.stop();
        const after = count;
        await new Promise((resolve) => setTimeout(resolve, 30));
        assert.ok(after >= 3, `${after} rounds`);
        assert.strictEqual(count, after, 'no round after stop()');
        assert.strictEqual(most, 1);
        assert.deepStrictEqual(errors, ['database locked']);
    });
});

import { CoalescingRunner } from './coalescingRunner';

/**
 * Runs a round of background work at start and then every `everyMs`, one
 * round at a time (a tick while a round runs asks for one more after it).
 * {@link stop} clears the timer and waits for the round under way, whatever
 * step it is at, so nothing runs after a shutdown has closed the database.
 * A round's failure goes to `onError`; the timer never keeps the process alive.
 */
export class TimedRounds {
    private timer?: NodeJS.Timeout;
    private readonly runner: CoalescingRunner;

    public constructor(round: () => Promise<void>, private readonly everyMs: number, onError: (err: unknown) => void) {
        this.runner = new CoalescingRunner(round, onError);
    }

    /** Runs a round now and then every `everyMs`; a second start does nothing. */
    public start(): void {
        if (this.timer) {
            return;
        }
        this.runner.request();
        this.timer = setInterval(() => this.runner.request(), this.everyMs);
        this.timer.unref();
    }

    /** Stops the timer; resolves when no round runs. */
    public async stop(): Promise<void> {
        clearInterval(this.timer);
        this.timer = undefined;
        await this.runner.idle();
    }
}

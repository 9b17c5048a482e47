/**
 * Runs a piece of background work one round at a time. A request while a
 * round runs asks for exactly one more round after it, however many
 * requests come in meanwhile, so a burst of triggers (timer, new rows) costs
 * one extra round. A round's failure goes to `onError`; nothing is thrown.
 */
export class CoalescingRunner {
    private running?: Promise<void>;
    private again = false;

    public constructor(private readonly work: () => Promise<void>, private readonly onError: (err: unknown) => void) {}

    /** Starts a round now, or one more after the round that is running. */
    public request(): void {
        if (this.running) {
            this.again = true;
            return;
        }
        this.running = this.work()
            .catch((err: unknown) => this.onError(err))
            .finally(() => {
                this.running = undefined;
                if (this.again) {
                    this.again = false;
                    this.request();
                }
            });
    }

    /** True while a round runs. */
    public get busy(): boolean {
        return this.running !== undefined;
    }

    /** Resolves when no round runs and none is asked for. */
    public async idle(): Promise<void> {
        while (this.running) {
            await this.running;
        }
    }
}

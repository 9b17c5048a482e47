/**
 * Runs expensive tasks (password hashing) at most `concurrency` at a time,
 * with at most `maxWaiting` queued behind them. A task that finds the queue
 * full is not run at all, so a flood of callers costs nothing but the refusal
 * and cannot occupy the thread pool that the database also needs.
 */
export class BoundedQueue {
    private running = 0;
    private readonly waiting: Array<() => void> = [];

    public constructor(private readonly concurrency: number, private readonly maxWaiting: number) {
        if (!Number.isInteger(concurrency) || concurrency < 1 || !Number.isInteger(maxWaiting) || maxWaiting < 0) {
            throw new Error(`BoundedQueue: concurrency must be ≥ 1 and maxWaiting ≥ 0 (got ${concurrency}, ${maxWaiting})`);
        }
    }

    /** True when a task given now would be refused. */
    public get full(): boolean {
        return this.running >= this.concurrency && this.waiting.length >= this.maxWaiting;
    }

    /** Runs `task` when a slot is free; undefined at once (the task is not run) when the queue is full. */
    public tryRun<T>(task: () => Promise<T>): Promise<T> | undefined {
        if (this.full) {
            return undefined;
        }
        return this.acquire().then(async () => {
            try {
                return await task();
            } finally {
                this.release();
            }
        });
    }

    private acquire(): Promise<void> {
        if (this.running < this.concurrency) {
            this.running++;
            return Promise.resolve();
        }
        return new Promise((resolve) => this.waiting.push(resolve));
    }

    private release(): void {
        const next = this.waiting.shift();
        if (next) {
            next();
        } else {
            this.running--;
        }
    }
}

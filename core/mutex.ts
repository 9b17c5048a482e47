/**
 * A promise-based mutual exclusion lock. Callers queue in arrival order.
 */
export class Mutex {
    private tail: Promise<void> = Promise.resolve();

    /** Runs `task` once every earlier task has settled; returns its result. */
    public run<T>(task: () => Promise<T>): Promise<T> {
        const result = this.tail.then(task);
        this.tail = result.then(
            () => undefined,
            () => undefined
        );
        return result;
    }
}

/**
 * One lock per key, created on demand and dropped when idle, so that e.g. the
 * turns of one conversation run one at a time while other conversations run freely.
 */
export class KeyedMutex {
    private readonly tails = new Map<string, Promise<void>>();

    /** Runs `task` after every earlier task for the same key has settled. */
    public run<T>(key: string, task: () => Promise<T>): Promise<T> {
        const previous = this.tails.get(key) ?? Promise.resolve();
        const result = previous.then(task);
        const tail = result.then(
            () => undefined,
            () => undefined
        );
        this.tails.set(key, tail);
        void tail.then(() => {
            if (this.tails.get(key) === tail) {
                this.tails.delete(key);
            }
        });
        return result;
    }

    /** Number of keys with queued or running work. */
    public get activeKeys(): number {
        return this.tails.size;
    }

    /** Resolves when all work queued so far has settled. */
    public async idle(): Promise<void> {
        await Promise.all([...this.tails.values()]);
    }
}

/**
 * A lock by name shared by every process on one database (an advisory lock
 * on PostgreSQL), held while `work` runs. Taken inside the process's own
 * {@link KeyedMutex}, so a process waits for it with one caller per name.
 */
export type SharedLock = <T>(name: string, work: () => Promise<T>) => Promise<T>;

/** The {@link SharedLock} of a single process: nothing to take. */
export const NO_SHARED_LOCK: SharedLock = (_name, work) => work();

/**
 * A lock held either by many tasks at once (shared) or by one alone
 * (exclusive), granted in arrival order: a shared task that arrives after an
 * exclusive one waits for it, so neither kind starves the other. Shared tasks
 * that arrive together run together, at most `maxShared` at a time.
 */
export class SharedExclusiveLock {
    private readonly queue: { readonly exclusive: boolean; readonly start: () => void }[] = [];
    private sharedRunning = 0;
    private exclusiveRunning = false;

    public constructor(private readonly maxShared = Number.POSITIVE_INFINITY) {
        if (!(maxShared >= 1)) {
            throw new Error(`SharedExclusiveLock: maxShared must be ≥ 1 (got ${maxShared})`);
        }
    }

    /** Runs `task` beside other shared tasks, once every exclusive task that arrived earlier has settled. */
    public shared<T>(task: () => Promise<T>): Promise<T> {
        return this.enter(false, task);
    }

    /** Runs `task` alone, once every task that arrived earlier has settled. */
    public exclusive<T>(task: () => Promise<T>): Promise<T> {
        return this.enter(true, task);
    }

    /** Tasks running and waiting (tests). */
    public get load(): { running: number; waiting: number } {
        return { running: this.sharedRunning + (this.exclusiveRunning ? 1 : 0), waiting: this.queue.length };
    }

    private enter<T>(exclusive: boolean, task: () => Promise<T>): Promise<T> {
        return new Promise<T>((resolve, reject) => {
            const start = (): void => {
                let result: Promise<T>;
                try {
                    result = task();
                } catch (err) {
                    result = Promise.reject(err);
                }
                result.then(resolve, reject).finally(() => {
                    if (exclusive) {
                        this.exclusiveRunning = false;
                    } else {
                        this.sharedRunning--;
                    }
                    this.admit();
                });
            };
            this.queue.push({ exclusive, start });
            this.admit();
        });
    }

    /** Starts the waiting tasks at the head of the queue that may run now. */
    private admit(): void {
        while (this.queue.length > 0 && !this.exclusiveRunning) {
            const next = this.queue[0];
            if (next.exclusive ? this.sharedRunning > 0 : this.sharedRunning >= this.maxShared) {
                return;
            }
            this.queue.shift();
            if (next.exclusive) {
                this.exclusiveRunning = true;
            } else {
                this.sharedRunning++;
            }
            next.start();
        }
    }
}

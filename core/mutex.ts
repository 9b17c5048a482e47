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

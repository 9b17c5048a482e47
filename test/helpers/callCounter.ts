/** Counts the calls of `target[method]` (which still runs) until {@link CallCounter.restore}. */
export interface CallCounter {
    readonly calls: number;
    restore(): void;
}

/** Wraps `target[method]` to count its calls; the tests of a speed-up use it to show the slow way was not taken. */
export function countCalls(target: object, method: string): CallCounter {
    const holder = target as Record<string, (...args: unknown[]) => unknown>;
    const original = holder[method];
    let calls = 0;
    holder[method] = function (this: unknown, ...args: unknown[]) {
        calls++;
        return original.apply(this, args);
    };
    return {
        get calls() {
            return calls;
        },
        restore: () => {
            holder[method] = original;
        }
    };
}

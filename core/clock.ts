/** Source of the current time; tests pass a controllable one. */
export interface Clock {
    now(): Date;
}

/** The real wall clock. */
export const systemClock: Clock = {
    now: () => new Date()
};

/** A clock that only moves when told to; for tests of expiry. */
export class ManualClock implements Clock {
    private current: number;

    public constructor(start: Date = new Date('2026-03-02T09:00:00Z')) {
        this.current = start.getTime();
    }

    public now(): Date {
        return new Date(this.current);
    }

    public advance(milliseconds: number): void {
        this.current += milliseconds;
    }
}

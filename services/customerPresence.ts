import { getLogger } from '../core/logger';

const log = getLogger('services.customerPresence');

/** What happens when a person's page is seen gone for longer than the grace period, or back. */
export interface PresenceTarget {
    customerAway(conversationKey: string): Promise<void>;
    customerBack(conversationKey: string): Promise<void>;
}

/**
 * Whether a Web Chat person's page is open, from the Direct Line streams of
 * their conversation: when the last one closes (tab closed, page reloaded,
 * network gone), the person is taken as away after `graceMs` unless a stream
 * opens again first (a reload reconnects within a second or two); a stream
 * opening after that brings them back. Only this instance's streams count.
 * The callbacks never throw: a failure is logged.
 */
export class CustomerPresence {
    private readonly open = new Map<string, number>();
    private readonly timers = new Map<string, NodeJS.Timeout>();
    private stopped = false;

    public constructor(private readonly graceMs: number, private readonly target: PresenceTarget) {}

    /** A stream of the conversation opened. */
    public opened(conversationKey: string): void {
        if (this.stopped) {
            return;
        }
        this.open.set(conversationKey, (this.open.get(conversationKey) ?? 0) + 1);
        const timer = this.timers.get(conversationKey);
        if (timer) {
            clearTimeout(timer);
            this.timers.delete(conversationKey);
        }
        // Told also when this instance never saw it go: another instance may have marked it, or it was marked before a restart.
        this.run('back', () => this.target.customerBack(conversationKey));
    }

    /** A stream of the conversation closed; the last one starts the grace period. */
    public closed(conversationKey: string): void {
        if (this.stopped) {
            return;
        }
        const left = (this.open.get(conversationKey) ?? 1) - 1;
        if (left > 0) {
            this.open.set(conversationKey, left);
            return;
        }
        this.open.delete(conversationKey);
        if (this.timers.has(conversationKey)) {
            return;
        }
        const timer = setTimeout(() => {
            this.timers.delete(conversationKey);
            if (!this.open.has(conversationKey) && !this.stopped) {
                this.run('away', () => this.target.customerAway(conversationKey));
            }
        }, this.graceMs);
        timer.unref();
        this.timers.set(conversationKey, timer);
    }

    /** Stops watching (shutdown: the streams closing then say nothing about the people). */
    public close(): void {
        this.stopped = true;
        this.timers.forEach((timer) => clearTimeout(timer));
        this.timers.clear();
    }

    private run(what: string, task: () => Promise<void>): void {
        try {
            task().catch((err: unknown) => log.error(`customer ${what} not recorded`, { error: err }));
        } catch (err) {
            log.error(`customer ${what} not recorded`, { error: err });
        }
    }
}

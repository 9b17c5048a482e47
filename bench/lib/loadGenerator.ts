import type { Driver, DriverConversation, TurnResult } from './driver';
import type { CodeSource } from './outboxCodes';
import type { ConversationPlan, Scenario } from './scenario';

/** How to drive a bot. */
export interface LoadOptions {
    readonly driver: Driver;
    readonly scenario: Scenario;
    /** Virtual people, each playing one conversation after another (closed loop). */
    readonly concurrency: number;
    /** Measured time. */
    readonly durationMs: number;
    /** Driven but not measured, before the measured time. */
    readonly warmupMs: number;
    /** Needed when the scenario has `code` steps. */
    readonly codes?: CodeSource;
    /** Called about twice a second with the figures so far. */
    readonly onProgress?: (progress: LoadProgress) => void;
}

/** Figures while the load runs. */
export interface LoadProgress {
    readonly phase: 'warm-up' | 'measuring';
    readonly elapsedMs: number;
    readonly turns: number;
    readonly errors: number;
}

/** What a load run measured (warm-up excluded). */
export interface LoadResult {
    readonly durationMs: number;
    readonly turns: number;
    readonly conversations: number;
    readonly errors: number;
    /** Milliseconds from sending a turn to having its replies, one per measured turn. */
    readonly latencies: number[];
    /** The same milliseconds by the turn's place in its conversation (index 0: the first turn), to see which turn makes the tail. */
    readonly latenciesByStep: number[][];
    /** A few error descriptions, for the report. */
    readonly errorSamples: string[];
}

/**
 * Drives whole conversations concurrently through a {@link Driver}: each
 * virtual person plays a conversation of the scenario turn by turn, checks
 * each turn's replies, and starts the next conversation. A turn is an error
 * when the HTTP status is not 200, the request fails, or the replies do not
 * match what the script expects; the conversation is then abandoned.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
    const start = Date.now();
    const measureFrom = start + options.warmupMs;
    const end = measureFrom + options.durationMs;
    const latencies: number[] = [];
    const latenciesByStep: number[][] = [];
    const errorSamples: string[] = [];
    let errors = 0;
    let conversations = 0;
    let warmTurns = 0;

    const measuring = (): boolean => Date.now() >= measureFrom;
    const fail = (what: string): void => {
        if (measuring()) {
            errors++;
            if (errorSamples.length < 10) {
                errorSamples.push(what);
            }
        }
    };

    const play = async (plan: ConversationPlan, convo: DriverConversation): Promise<boolean> => {
        for (const [index, step] of plan.steps.entries()) {
            if (Date.now() >= end) {
                return false;
            }
            const input = step.input === 'code' ? { kind: 'text' as const, text: await codeFor(plan, convo) } : step.input;
            const sent = process.hrtime.bigint();
            let result: TurnResult;
            try {
                result = await convo.send(input);
            } catch (err) {
                fail(`turn ${index + 1}: ${(err as Error).message}`);
                return false;
            }
            const ms = Number(process.hrtime.bigint() - sent) / 1e6;
            if (measuring()) {
                latencies.push(ms);
                (latenciesByStep[index] ??= []).push(ms);
            } else {
                warmTurns++;
            }
            if (result.status !== 200) {
                fail(`turn ${index + 1}: HTTP ${result.status} ${result.problem ?? ''}`);
                return false;
            }
            const text = result.replies.map((r) => r.text).join('\n');
            if (step.expect && !step.expect.test(text)) {
                fail(`turn ${index + 1} of ${convo.key}: expected ${step.expect}, got: ${text.slice(0, 200).replace(/\s+/g, ' ')}`);
                return false;
            }
        }
        return true;
    };

    const codeFor = async (plan: ConversationPlan, convo: DriverConversation): Promise<string> => {
        if (!options.codes || !plan.email) {
            throw new Error('runLoad(): the scenario has a code step but no code source or email');
        }
        return options.codes.codeFor(plan.email, convo.key);
    };

    const person = async (): Promise<void> => {
        while (Date.now() < end) {
            const plan = options.scenario.next();
            const convo = options.driver.open(plan.locale, plan.conversationId);
            try {
                if ((await play(plan, convo)) && measuring()) {
                    conversations++;
                }
            } catch (err) {
                fail(`${convo.key}: ${(err as Error).message}`);
            } finally {
                convo.close?.();
            }
        }
    };

    const timer = setInterval(() => {
        const now = Date.now();
        options.onProgress?.({
            phase: now < measureFrom ? 'warm-up' : 'measuring',
            elapsedMs: now < measureFrom ? now - start : now - measureFrom,
            turns: now < measureFrom ? warmTurns : latencies.length,
            errors
        });
    }, 500);
    try {
        await Promise.all(Array.from({ length: options.concurrency }, () => person()));
    } finally {
        clearInterval(timer);
    }
    return { durationMs: Math.min(Date.now(), end) - measureFrom, turns: latencies.length, conversations, errors, latencies, latenciesByStep, errorSamples };
}

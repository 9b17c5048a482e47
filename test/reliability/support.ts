import * as fs from 'fs';
import * as path from 'path';
import { PROJECT_ROOT } from '../../paths';
import type { DriverConversation, TurnResult } from '../../bench/lib/driver';
import { MessagesDriver } from '../../bench/lib/messagesDriver';
import type { CodeSource } from '../../bench/lib/outboxCodes';
import { writeDirectory, type Asker } from '../../bench/lib/people';
import type { ConversationPlan } from '../../bench/lib/scenario';
import { ServerProcess } from '../../bench/lib/serverProcess';
import { makeTempDir } from '../helpers/tempDir';

/** The sentences of the turn-error handler: a person must never see them in these checks. */
export const APOLOGY = /something went wrong on my side|etwas schiefgelaufen/;

/** Prints a check's figure under its test title, e.g. `figure('kills', 12)`. */
export function figure(name: string, value: string | number, bar?: string): void {
    process.stdout.write(`      ↳ ${name}: ${value}${bar ? `  (bar: ${bar})` : ''}\n`);
}

/** A bot process over its own database in a temp folder, with a generated customer directory. */
export class BotUnderTest {
    public server!: ServerProcess;
    public readonly dbPath: string;
    public readonly logFile: string;
    public readonly askers: Asker[];
    private readonly directory: string;
    private readonly cleanup: () => void;

    public constructor(accounts = 200, private readonly env: Record<string, string> = {}) {
        const temp = makeTempDir('bca-reliability-');
        this.cleanup = temp.cleanup;
        this.dbPath = path.join(temp.dir, 'bot.sqlite');
        this.logFile = path.join(temp.dir, 'server.log');
        this.directory = path.join(temp.dir, 'directory.json');
        this.askers = writeDirectory(this.directory, accounts);
    }

    /** Starts (or restarts, on the same database) the real `dist/index.js`. */
    public async start(): Promise<ServerProcess> {
        this.server = await ServerProcess.start({
            name: 'bot',
            script: path.join(PROJECT_ROOT, 'dist', 'index.js'),
            logFile: this.logFile,
            env: { DB_PATH: this.dbPath, DEMO_DATA_PATH: this.directory, LOG_LEVEL: 'info', MicrosoftAppId: '', SMTP_URL: '', ...this.env }
        });
        return this.server;
    }

    /** The base URL of the current process. */
    public readonly url = (): string => this.server.url;

    /** What the server wrote to stdout and stderr so far. */
    public log(): string {
        return fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8') : '';
    }

    public async stop(): Promise<void> {
        await this.server?.stop();
        this.cleanup();
    }
}

/** How one scripted conversation went. */
export interface PlayOutcome {
    readonly turns: number;
    /** Turns that had to be sent again, once or more (server gone or 5xx). */
    readonly retries: number;
    /** Retried turns the bot had already done before it died (answered with no replies). */
    readonly alreadyDone: number;
    readonly replies: TurnResult[];
}

/**
 * Plays a conversation plan turn by turn with a fixed activity id per turn.
 * When the server is gone or answers 5xx, the same activity is sent again
 * (as Azure Bot Service retries) until `retryForMs` runs out. A retried turn
 * answered without replies was done before the crash; every other turn must
 * match the script.
 */
export async function playWithRetries(convo: DriverConversation, plan: ConversationPlan, codes: CodeSource, retryForMs = 0, thinkMs = 0): Promise<PlayOutcome> {
    let retries = 0;
    let alreadyDone = 0;
    const replies: TurnResult[] = [];
    for (const [index, step] of plan.steps.entries()) {
        if (thinkMs > 0) {
            // A person reads and types; spreads the turns over the run.
            await new Promise((resolve) => setTimeout(resolve, thinkMs * (0.5 + Math.random())));
        }
        const input = step.input === 'code' ? { kind: 'text' as const, text: await codes.codeFor(plan.email ?? '', convo.key) } : step.input;
        const activityId = `${convo.key}-turn-${index}`;
        const deadline = Date.now() + retryForMs;
        let result: TurnResult | undefined;
        let retried = false;
        for (;;) {
            try {
                result = await convo.send(input, activityId);
                if (result.status < 500) {
                    break;
                }
            } catch (err) {
                if (retryForMs === 0) {
                    throw err;
                }
            }
            if (Date.now() > deadline) {
                throw new Error(`turn ${index + 1} of ${convo.key}: no answer within ${retryForMs} ms (last: ${result?.status ?? 'network error'})`);
            }
            retries += retried ? 0 : 1;
            retried = true;
            await new Promise((resolve) => setTimeout(resolve, 50));
        }
        replies.push(result);
        const text = result.replies.map((r) => r.text).join('\n');
        if (result.status !== 200) {
            throw new Error(`turn ${index + 1} of ${convo.key}: HTTP ${result.status} ${result.problem ?? ''}`);
        }
        if (retried && result.replies.length === 0) {
            alreadyDone++;
            continue;
        }
        if (APOLOGY.test(text) || (step.expect && !step.expect.test(text))) {
            throw new Error(`turn ${index + 1} of ${convo.key}${retried ? ' (retried)' : ''}: expected ${step.expect}, got: ${text.slice(0, 300)}`);
        }
    }
    return { turns: plan.steps.length, retries, alreadyDone, replies };
}

/** The resident memory of a process in MiB. */
export function rssMiB(server: ServerProcess): number {
    return Math.round(server.rss().current / 2 ** 20);
}

/** What 20 identical questions sent at once in one conversation got. */
export interface ParallelTurns {
    readonly results: readonly TurnResult[];
    /** The replies of each turn, joined. */
    readonly texts: readonly string[];
    /** Turns that started the identification (must be 1). */
    readonly started: number;
    /** Turns that answered the open email prompt (must be 19). */
    readonly reprompted: number;
}

/**
 * Sends "Who is my billing contact?" 20 times at once in one `/api/messages`
 * conversation. Only the first can start the identification; each later one
 * must see the state the earlier one saved and answer the open email prompt.
 */
export async function parallelTurnsOnOneConversation(baseUrl: string): Promise<ParallelTurns> {
    const driver = new MessagesDriver({ baseUrl, sockets: 20 });
    const convo = driver.open('en-US');
    await convo.send({ kind: 'join' });
    const results = await Promise.all(Array.from({ length: 20 }, () => convo.send({ kind: 'text', text: 'Who is my billing contact?' })));
    driver.close();
    const texts = results.map((r) => r.replies.map((x) => x.text).join('\n'));
    return {
        results,
        texts,
        started: texts.filter((t) => /Before I tell you anything about an account/.test(t)).length,
        reprompted: texts.filter((t) => /doesn't look like an email address/.test(t)).length
    };
}

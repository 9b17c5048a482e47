/**
 * `npm run bench:statements`: which SQL statements one turn of the benchmark's
 * conversation runs, counted per turn by their text (parameters left out),
 * with the bot in this process under the same load generator as `npm run
 * bench` (whole conversations over `POST /api/messages`, expectReplies). For
 * finding the statements a turn could do without; the bench's total is the
 * same counter (`Database.statementsRun`). Also counted: the trips to
 * node-sqlite3's worker thread (each `Statement` run/get/all/reset and
 * `Database` exec call is one), which a statement may take more than one of.
 */
// Before the SDK loads, as in the server (index.ts).
import '../nativeAsyncAtEntry';

/** Counts node-sqlite3's calls that each queue one job on its worker thread. */
function countWorkerTrips(): () => number {
    let trips = 0;
    const statement = sqlite3.Statement.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const method of ['run', 'get', 'all', 'reset']) {
        const original = statement[method];
        statement[method] = function (this: unknown, ...args: unknown[]) {
            trips++;
            return original.apply(this, args);
        };
    }
    const database = sqlite3.Database.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    const exec = database.exec;
    database.exec = function (this: unknown, ...args: unknown[]) {
        trips++;
        return exec.apply(this, args);
    };
    return () => trips;
}
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import sqlite3 from 'sqlite3';
import { numberOption, parseArgs } from '../cli/args';
import { loadConfig } from '../config';
import { startApp } from '../app';
import { runLoad } from './lib/loadGenerator';
import { MessagesDriver } from './lib/messagesDriver';
import { OutboxCodeReader } from './lib/outboxCodes';
import { writeDirectory } from './lib/people';
import { BillingScenario } from './lib/scenario';
import { SqliteStorage } from '../data/sqliteStorage';

const USAGE = `usage: npm run bench:statements -- [--duration 5] [--concurrency 4]`;

async function main(): Promise<void> {
    const { options } = parseArgs(process.argv.slice(2), ['help']);
    if (options.help) {
        process.stdout.write(USAGE + '\n');
        return;
    }
    const fail = (message: string): never => {
        process.stderr.write(`${message}\n${USAGE}\n`);
        process.exit(2);
    };
    const durationS = numberOption(options, 'duration', 5, 1, 600, fail);
    const concurrency = numberOption(options, 'concurrency', 4, 1, 100, fail);
    const trips = countWorkerTrips();
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-statements-'));
    const directory = path.join(work, 'directory.json');
    const askers = writeDirectory(directory, 1500);
    const dbPath = path.join(work, 'bot.sqlite');
    const config = loadConfig({ DB_PATH: dbPath, DEMO_DATA_PATH: directory, LOG_LEVEL: 'warn', HOST: '127.0.0.1', MicrosoftAppId: '', SMTP_URL: '' });
    const app = await startApp({ ...config, port: 0 });
    const driver = new MessagesDriver({ baseUrl: app.url, sockets: concurrency });
    const codes = await OutboxCodeReader.open(dbPath);
    try {
        const common = { driver, scenario: new BillingScenario(askers), concurrency, warmupMs: 0, codes };
        await runLoad({ ...common, durationMs: 1000 });
        const counts = new Map<string, number>();
        const stop = app.db.watchStatements((sql) => {
            const text = sql.replace(/\s+/g, ' ').trim();
            counts.set(text, (counts.get(text) ?? 0) + 1);
        });
        const before = app.db.statementsRun;
        const tripsBefore = trips();
        const result = await runLoad({ ...common, durationMs: durationS * 1000 });
        const total = app.db.statementsRun - before;
        const tripsRun = trips() - tripsBefore;
        stop();
        const turns = Math.max(result.turns, 1);
        const per = (n: number): string => (n / turns).toFixed(3).padStart(6);
        const rows = [...counts.entries()].sort((a, b) => b[1] - a[1]);
        const parameterised = rows.reduce((sum, [, n]) => sum + n, 0);
        process.stdout.write(`${result.turns} turns, ${result.errors} errors; ${per(total)} statements per turn (${per(parameterised)} parameterised, ${per(total - parameterised)} BEGIN/COMMIT/scripts); ${per(tripsRun)} trips to node-sqlite3's worker thread per turn\n`);
        const storage = app.runtime.storage;
        if (storage instanceof SqliteStorage) {
            process.stdout.write(`group commit: ${storage.turnWrites.turnsPerStatement.toFixed(2)} turns per shared state write (since start)\n`);
        }
        for (const [sql, n] of rows) {
            process.stdout.write(`${per(n)}  ${sql.length > 150 ? sql.slice(0, 147) + '...' : sql}\n`);
        }
    } finally {
        driver.close();
        await codes.close();
        await app.close();
        fs.rmSync(work, { recursive: true, force: true });
    }
}

main().catch((err: unknown) => {
    process.stderr.write(`bench:statements: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
});

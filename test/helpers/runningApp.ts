import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { startApp, type App, type AppOptions } from '../../app';
import { loadConfig } from '../../config';
import { latestCode } from './outboxCode';
import { makeTempDir } from './tempDir';
import { tempDatabaseTarget } from './tempDatabase';
import type { Dialect } from '../../data/database';

/** A started bot on a free loopback port over a temporary database, and how to read its outbox. */
export interface RunningApp {
    readonly app: App;
    readonly url: string;
    /** The folder of the database and its key file. */
    readonly dir: string;
    readonly dbFile: string;
    /** Stops the bot and keeps its folder (database and key file), for restart tests. */
    stop(): Promise<void>;
    /** Stops the bot and removes its folder. */
    close(): Promise<void>;
    /** The newest one-time code mailed to `email`, read from the outbox as an operator would. */
    latestCode(email: string): Promise<string>;
}

/** Settings every test app gets; `env` adds or overrides. */
export interface RunningAppOptions {
    readonly env?: Readonly<Record<string, string>>;
    readonly options?: AppOptions;
    /** The folder of an earlier run to start again on (restart tests). */
    readonly dir?: string;
    /** The database backend (default SQLite); PostgreSQL gets a schema of its own (DATABASE_URL), dropped at close. */
    readonly backend?: Dialect;
}

/**
 * Starts the real app (`startApp`) on port 0 of 127.0.0.1: the one way tests start it
 * (`AppHarness` and `startTestApp` build on this).
 */
export async function startRunningApp(spec: RunningAppOptions = {}): Promise<RunningApp> {
    const dir = spec.dir ?? makeTempDir('bca-app-').dir;
    const postgres = spec.backend === 'postgres' ? tempDatabaseTarget('postgres') : undefined;
    const dbFile = postgres?.target ?? path.join(dir, 'bot.sqlite');
    const database: Record<string, string> = postgres ? { DATABASE_URL: postgres.target, SECRET_KEY: crypto.randomBytes(32).toString('hex') } : { DB_PATH: dbFile };
    const config = loadConfig({ HOST: '127.0.0.1', ...database, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...spec.env });
    // Port 0: the system picks a free port (PORT itself only takes 1–65535).
    const app = await startApp({ ...config, port: 0 }, spec.options);
    return {
        app,
        url: app.url,
        dir,
        dbFile,
        stop: () => app.close(),
        close: async () => {
            await app.close();
            fs.rmSync(dir, { recursive: true, force: true });
            await postgres?.cleanup();
        },
        latestCode: (email) => latestCode(app, email)
    };
}

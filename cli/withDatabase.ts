import { loadConfig, loadDotEnv, type Config } from '../config';
import { configureLogging } from '../core/logger';
import { Database } from '../data/database';

/**
 * Runs an operator command against the bot's database: reads the settings
 * (`.env` included) as the bot does, opens the database, and closes it again
 * whatever happens. Logs only warnings, so the command's output stays readable.
 */
export async function withDatabase<T>(work: (db: Database, config: Config) => Promise<T>): Promise<T> {
    configureLogging('warn');
    loadDotEnv();
    const config = loadConfig();
    const db = await Database.open(config.databaseUrl ?? config.dbPath);
    try {
        return await work(db, config);
    } finally {
        await db.close();
    }
}

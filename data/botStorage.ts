import type { Storage } from 'botbuilder';
import type { Clock } from '../core/clock';
import type { Database } from './database';
import { PostgresStorage } from './postgresStorage';
import { SqliteStorage } from './sqliteStorage';

/** The bot's `Storage` with what the app and benchmarks call besides. */
export interface BotStorage extends Storage {
    /** SQLite: empties the in-memory items when another process commits; PostgreSQL keeps none. */
    watchOtherWriters(): void;
    stopWatching(): void;
    count(): Promise<number>;
}

/** The `Storage` for the database's backend: {@link SqliteStorage} or {@link PostgresStorage}. */
export function createBotStorage(db: Database, clock: Clock): BotStorage {
    return db.dialect === 'postgres' ? new PostgresStorage(db, clock) : new SqliteStorage(db, clock);
}

import * as crypto from 'crypto';
import * as path from 'path';
import { Client } from 'pg';
import { Database, type Dialect } from '../../data/database';
import { makeTempDir } from './tempDir';

/** The backends the data tests run against. */
export const BACKENDS: readonly Dialect[] = ['sqlite', 'postgres'];

/** The PostgreSQL database the tests use (`.ci/run` creates its own and sets TEST_DATABASE_URL). */
export function testDatabaseUrl(): string {
    return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

/** A place for a new, empty database of `backend`: its address, and how to remove it afterwards. */
export interface TempDatabaseTarget {
    /** What {@link Database.open} takes: a file, or a URL naming a schema of its own. */
    readonly target: string;
    cleanup(): Promise<void>;
}

/**
 * A new place for a database: a file in a temp folder, or on PostgreSQL a
 * schema with a random name (so parallel runs never meet), dropped afterwards.
 */
export function tempDatabaseTarget(backend: Dialect): TempDatabaseTarget {
    if (backend === 'sqlite') {
        const temp = makeTempDir();
        return { target: path.join(temp.dir, 'test.sqlite'), cleanup: async () => temp.cleanup() };
    }
    const schema = `test_${crypto.randomBytes(8).toString('hex')}`;
    const url = new URL(testDatabaseUrl());
    url.searchParams.set('schema', schema);
    return {
        target: url.toString(),
        cleanup: async () => {
            const client = new Client({ connectionString: testDatabaseUrl() });
            await client.connect();
            try {
                await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
            } finally {
                await client.end();
            }
        }
    };
}

/** Gives each test a fresh database (all migrations applied) of `backend`, closed and removed afterwards. */
export function useTempDatabase(backend: Dialect = 'sqlite'): () => Database {
    let db: Database | undefined;
    let place: TempDatabaseTarget | undefined;
    beforeEach(async () => {
        place = tempDatabaseTarget(backend);
        db = await Database.open(place.target);
    });
    afterEach(async () => {
        await db?.close();
        db = undefined;
        await place?.cleanup();
        place = undefined;
    });
    return () => {
        if (!db) {
            throw new Error('useTempDatabase(): only available inside a test');
        }
        return db;
    };
}

/** Runs the `describe` body once per backend, the backend's name in the title. */
export function describeEachBackend(title: string, body: (backend: Dialect) => void): void {
    for (const backend of BACKENDS) {
        describe(`${title} [${backend}]`, () => body(backend));
    }
}

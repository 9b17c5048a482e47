import * as path from 'path';
import { Database } from '../../data/database';
import { makeTempDir } from './tempDir';

/** Gives each test a fresh database file (all migrations applied), closed and removed afterwards. */
export function useTempDatabase(): () => Database {
    let db: Database | undefined;
    let cleanup: (() => void) | undefined;
    beforeEach(async () => {
        const temp = makeTempDir();
        cleanup = temp.cleanup;
        db = await Database.open(path.join(temp.dir, 'test.sqlite'));
    });
    afterEach(async () => {
        await db?.close();
        cleanup?.();
    });
    return () => {
        if (!db) {
            throw new Error('useTempDatabase(): only available inside a test');
        }
        return db;
    };
}

import type { Database } from '../../data/database';

/** The statements `db` runs while `work` runs, one line each (whitespace folded), and what `work` returned. */
export async function statementsDuring<T>(db: Database, work: () => Promise<T>): Promise<{ statements: string[]; result: T }> {
    const statements: string[] = [];
    const stop = db.watchStatements((sql) => statements.push(sql.replace(/\s+/g, ' ').trim()));
    try {
        return { statements, result: await work() };
    } finally {
        stop();
    }
}

import * as fs from 'fs';
import * as path from 'path';
import { configureLogging } from '../core/logger';
import { CopyRefused, copySqliteToPostgres } from '../data/databaseCopy';
import { Database, isPostgresUrl } from '../data/database';
import { parseArgs } from './args';

const USAGE = `Copies every table of the bot's SQLite database into a new, empty PostgreSQL database
(migrated first, in one transaction; ids kept). Stop the bot on the SQLite file first.
usage: npm run migrate-data -- --from <sqlite file> --to <postgres://user@host:5432/db>`;

function usage(problem: string): never {
    process.stderr.write(`${problem}\n${USAGE}\n`);
    process.exit(2);
}

/** `npm run migrate-data`: moves an existing SQLite installation to PostgreSQL. */
async function main(): Promise<void> {
    const { options, words } = parseArgs(process.argv.slice(2), ['help']);
    if (options.help) {
        process.stdout.write(USAGE + '\n');
        return;
    }
    if (words.length > 0) {
        usage(`unexpected argument: ${words[0]}`);
    }
    const from = typeof options.from === 'string' ? path.resolve(options.from) : usage('--from needs the SQLite file');
    const to = typeof options.to === 'string' ? options.to : usage('--to needs a PostgreSQL URL');
    if (!isPostgresUrl(to)) {
        usage('--to must be a postgres:// or postgresql:// URL');
    }
    if (!fs.existsSync(from)) {
        usage(`--from: there is no file ${from}`);
    }
    configureLogging('warn');
    const source = await Database.open(from);
    try {
        const target = await Database.open(to);
        try {
            process.stdout.write(`Copying ${from} to ${target.file}\n`);
            const counts = await copySqliteToPostgres(source, target, (table, rows) => process.stdout.write(`  ${table.padEnd(28)} ${rows}\n`));
            const rows = Object.values(counts).reduce((a, b) => a + b, 0);
            process.stdout.write(`Copied ${rows} rows in ${Object.keys(counts).length} tables.\n`);
            const keyFile = `${from}.key`;
            process.stdout.write(
                fs.existsSync(keyFile)
                    ? `Start every instance with DATABASE_URL and SECRET_KEY=$(cat ${keyFile}): codes, links and mail secrets were made with that key.\n`
                    : 'Start every instance with DATABASE_URL and the SECRET_KEY the SQLite bot had.\n'
            );
        } finally {
            await target.close();
        }
    } finally {
        await source.close();
    }
}

main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof CopyRefused ? 'Refused' : 'Failed'}: ${err instanceof Error ? err.message : String(err)}\nNothing was copied.\n`);
    process.exit(1);
});

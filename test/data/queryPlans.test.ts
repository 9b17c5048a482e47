import * as assert from 'assert';
import type { SqlParams } from '../../data/database';
import { OutboxRepository } from '../../data/repositories/outboxRepository';
import { AppHarness } from '../helpers/appHarness';
import { JONAS } from '../helpers/demoPeople';
import { botTexts, dl, type DlActivitySet } from '../helpers/directLineHttp';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import { PHRASES } from '../helpers/phrases';
import { TASK_PHRASES } from '../helpers/taskPhrases';

/**
 * Tables that never grow with traffic: a full read of them costs the same on
 * the first day and after a year. Every other table (outbox, codes, state,
 * Direct Line, transcripts, handoffs, …) must be read through an index.
 */
const FIXED_TABLES = new Set(['meta', 'schema_migrations', 'agents', 'directory_version']);

/**
 * Statements of jobs that run at start and then hourly, never in a turn; they
 * may read a whole table once an hour (each with the job it belongs to).
 */
const HOURLY_JOBS: ReadonlyArray<readonly [RegExp, string]> = [[/^SELECT SUM\(stored_bytes\) AS total FROM directline_conversations$/, 'Direct Line storage budget (DirectLineRetention)']];

/** A statement as a turn ran it. */
interface Ran {
    readonly sql: string;
    readonly params: SqlParams;
}

/** True while the test reads the outbox as the operator would: those statements are not a turn's. */
let operatorReading = false;

/** The newest code mailed to `email`, as the operator reads it. */
async function latestCode(harness: AppHarness, email: string): Promise<string> {
    operatorReading = true;
    const mail = (await new OutboxRepository(harness.app.db).recent(20, email).finally(() => (operatorReading = false))).find((m) => m.kind === 'verification-code');
    const code = mail && /\b(\d{6})\b/.exec(harness.app.mailer.reveal(mail))?.[1];
    assert.ok(code, `no code mailed to ${email}`);
    return code;
}

/** A Web Chat conversation over the built-in Direct Line: token from the help page, then activities. */
async function directLineChat(harness: AppHarness, texts: readonly string[]): Promise<string[]> {
    const { token, conversationId } = (await (await fetch(`${harness.url}/api/webchat/token`, { method: 'POST' })).json()) as { token: string; conversationId: string };
    assert.strictEqual((await dl(harness.url, 'POST', '/conversations', token)).status < 300, true);
    for (const text of texts) {
        const sent = await dl(harness.url, 'POST', `/conversations/${conversationId}/activities`, token, { type: 'message', from: { id: 'dl-user' }, locale: 'en-US', text });
        assert.strictEqual(sent.status, 200);
    }
    const read = await dl<DlActivitySet>(harness.url, 'GET', `/conversations/${conversationId}/activities`, token);
    return botTexts(read.body.activities);
}

/** Rows each growing table holds for the second look at the plans, with the planner's statistics (ANALYZE) read from them. */
const ROWS_PER_TABLE = 3000;

/**
 * Fills every growing table that has rows with copies of them, up to about
 * {@link ROWS_PER_TABLE}: an integer primary key is left to SQLite, and the
 * columns of unique indexes and conversation keys get a copy number, so each
 * copy is another conversation (triggers that keep the last lines of one
 * conversation keep the copies). Foreign keys are off while it copies; the
 * rows only have to be there for the planner.
 */
async function fillGrowingTables(harness: AppHarness, tables: readonly string[]): Promise<Record<string, number>> {
    const db = harness.app.db;
    const counts: Record<string, number> = {};
    await db.exec('PRAGMA foreign_keys = OFF');
    try {
        for (const table of tables) {
            const rows = (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))?.n ?? 0;
            if (rows === 0 || rows >= ROWS_PER_TABLE) {
                counts[table] = rows;
                continue;
            }
            const columns = await db.all<{ name: string; type: string; pk: number }>(`PRAGMA table_info(${table})`);
            const vary = new Set(['conversation_key', 'conversation_id']);
            for (const index of await db.all<{ name: string; unique: number }>(`PRAGMA index_list(${table})`)) {
                if (index.unique) {
                    for (const column of await db.all<{ name: string }>(`PRAGMA index_info(${index.name})`)) {
                        vary.add(column.name);
                    }
                }
            }
            const rowIdKey = columns.filter((c) => c.pk > 0).length === 1 && columns.some((c) => c.pk === 1 && c.type.toUpperCase() === 'INTEGER');
            const copied = columns.filter((c) => !(rowIdKey && c.pk === 1));
            const value = (c: { name: string; type: string }): string =>
                !vary.has(c.name) ? c.name : c.type.toUpperCase() === 'INTEGER' ? `${c.name} + copy.n * 1000000000` : `${c.name} || '#' || copy.n`;
            const copies = Math.ceil(ROWS_PER_TABLE / rows) - 1;
            await db.exec(
                `WITH RECURSIVE copy(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM copy WHERE n < ${copies}) ` +
                    `INSERT INTO ${table} (${copied.map((c) => c.name).join(', ')}) SELECT ${copied.map(value).join(', ')} FROM ${table}, copy`
            );
            counts[table] = (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))?.n ?? 0;
        }
    } finally {
        await db.exec('PRAGMA foreign_keys = ON');
    }
    await db.exec('ANALYZE');
    return counts;
}

/** The SCANs of growing tables in the plans of `statements`, each with its statement. */
async function fullScans(harness: AppHarness, statements: readonly Ran[], tables: ReadonlySet<string>): Promise<string[]> {
    const scans: string[] = [];
    for (const statement of statements.filter((r) => !HOURLY_JOBS.some(([pattern]) => pattern.test(r.sql.replace(/\s+/g, ' ').trim())))) {
        const plan = await harness.app.db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${statement.sql}`, statement.params);
        for (const { detail } of plan) {
            const table = /^SCAN (\w+)/.exec(detail)?.[1];
            if (table && tables.has(table) && !FIXED_TABLES.has(table)) {
                scans.push(`${detail}\n    in: ${statement.sql.replace(/\s+/g, ' ').trim()}`);
            }
        }
    }
    return scans;
}

/** The statements of the triggers on `tables`, with NEW./OLD. columns as parameters (and a `RAISE(…)`, which only a trigger may run, as a constant: its WHERE is what is planned). */
async function triggerStatements(harness: AppHarness, tables: ReadonlySet<string>): Promise<Ran[]> {
    const triggers = await harness.app.db.all<{ name: string; tbl_name: string; sql: string }>("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'");
    return triggers
        .filter((trigger) => tables.has(trigger.tbl_name))
        .flatMap((trigger) => {
            const body = /\bBEGIN\b([\s\S]*)\bEND\b/i.exec(trigger.sql)?.[1] ?? '';
            return body
                .split(';')
                .map((statement) => statement.trim().replace(/\b(NEW|OLD)\.\w+/g, '?').replace(/\bRAISE\s*\([^)]*\)/gi, '1'))
                .filter((statement) => statement !== '')
                .map((sql) => ({ sql, params: [] }));
        });
}

describe('Query plans of a turn: no full scan of a growing table', function () {
    this.timeout(120_000);
    let harness: AppHarness;
    before(async () => {
        harness = await AppHarness.start();
    });
    after(async () => harness.close());

    it('every statement the bot ran during scripted conversations (and the triggers it fired) reads growing tables through an index', async () => {
        const ran = new Map<string, Ran>();
        const stop = harness.app.db.watchStatements((sql, params) => {
            if (!ran.has(sql) && !operatorReading) {
                ran.set(sql, { sql, params });
            }
        });
        try {
            const en = PHRASES.en;
            const task = TASK_PHRASES.en;
            const handoff = HANDOFF_PHRASES.en;
            const customer = harness.customer('en-US');
            await customer.say(en.whoIs);
            await customer.say(JONAS);
            assert.match((await customer.say('000000')).join('\n') + (await customer.say(await latestCode(harness, JONAS))).join('\n'), en.offerEmail);
            await customer.say(en.emailButton);
            await customer.say('Please add five licenses for the sales team.');
            assert.match((await customer.say(en.yes)).join('\n'), en.sent);
            await customer.say(task.resetQuestion);
            assert.match((await customer.say('pbrooks')).join('\n'), task.resetRequested);
            await customer.say(task.statusQuestion);
            await customer.say('BC-2026-000001');
            assert.match((await customer.say(handoff.human)).join('\n'), handoff.askDescription);
            await customer.say('Invoice question');
            assert.match((await customer.say(handoff.yes)).join('\n'), handoff.callbackCreated);
            const web = await directLineChat(harness, ['hello', en.amI, 'nobody@example.com']);
            assert.ok(web.some((text) => en.codeSent.test(text)), web.join('\n'));
            // The hourly retention sweep deletes through indexes too (migration 015), so it needs no exemption.
            await harness.app.retention.sweep();
        } finally {
            stop();
        }
        const written = new Set([...ran.keys()].flatMap((sql) => /^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|UPDATE|DELETE\s+FROM)\s+(\w+)/i.exec(sql)?.[1] ?? []));
        const statements = [...ran.values(), ...(await triggerStatements(harness, written))].filter((r) => !/^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|PRAGMA)\b/i.test(r.sql));
        const tables = new Set((await harness.app.db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")).map((row) => row.name));
        const scans = await fullScans(harness, statements, tables);
        process.stdout.write(`      ↳ statements checked: ${statements.length} (${written.size} tables written: ${[...written].sort().join(', ')})\n`);
        assert.ok(statements.length >= 40, `only ${statements.length} statements were collected`);
        for (const table of ['outbox', 'verification_codes', 'bot_state', 'directline_activities', 'transcripts', 'handoffs', 'callback_requests']) {
            assert.ok(statements.some((s) => s.sql.includes(table)), `no statement on ${table} was collected`);
        }
        assert.ok(statements.some((s) => s.sql.startsWith('DELETE FROM transcripts WHERE at <')), 'the retention sweep was not collected');
        assert.deepStrictEqual(scans, [], `full scans of growing tables:\n${scans.join('\n')}`);

        // Again with thousands of rows in every growing table and the planner's statistics read from them.
        const counts = await fillGrowingTables(harness, [...tables].filter((t) => !t.startsWith('sqlite_') && !FIXED_TABLES.has(t)));
        process.stdout.write(`      ↳ rows after filling: ${Object.entries(counts).filter(([, n]) => n > 0).map(([t, n]) => `${t} ${n}`).join(', ')}\n`);
        for (const table of ['outbox', 'verification_codes', 'bot_state', 'directline_activities', 'transcripts']) {
            assert.ok(counts[table] >= ROWS_PER_TABLE, `${table} holds only ${counts[table]} rows`);
        }
        const scansWithRows = await fullScans(harness, statements, tables);
        assert.deepStrictEqual(scansWithRows, [], `full scans of growing tables with ${ROWS_PER_TABLE} rows each (after ANALYZE):\n${scansWithRows.join('\n')}`);
    });
});

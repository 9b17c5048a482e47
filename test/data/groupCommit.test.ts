import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GroupCommit } from '../../data/groupCommit';
import { Database } from '../../data/database';
import type { StateRecord, TurnRecord } from '../../data/repositories/turnRecords';
import { useTempDatabase } from '../helpers/tempDatabase';

const state = (key: string, n: number): StateRecord => ({ key, data: JSON.stringify({ n }), etag: n + 1, at: 1000 + n });
const line = (conversationKey: string, text: string): TurnRecord => ({ target: 'transcripts', conversationKey, line: { at: 1, from: 'bot', text } });
const refused: TurnRecord = { target: 'insight_events', event: { conversation: 'h', door: 'fax' as 'webchat', lang: 'en', kind: 'message', detail: null, at: 1 } };

describe('GroupCommit: concurrent turns\' writes in one statement, each settled after its commit (SQLite)', () => {
    const dbOf = useTempDatabase();

    it('eight turns writing at once take two statements (the first goes at once, alone; the seven that queued behind it together), every state and row stored', async () => {
        const db = dbOf();
        const group = new GroupCommit(db);
        const statements: string[] = [];
        const rows: number[] = [];
        const stop = db.watchStatements((sql, params) => {
            statements.push(sql);
            rows.push((JSON.parse((params as string[])[0]) as unknown[]).length);
        });
        await Promise.all(Array.from({ length: 8 }, (_, i) => group.write(state(`conv/${i}`, i), [line(`conv/${i}`, `reply ${i}`)])));
        stop();
        assert.strictEqual(statements.length, 2, statements.join('\n'));
        assert.ok(statements.every((sql) => /^INSERT INTO turn_records/.test(sql)));
        assert.strictEqual(new Set(statements).size, 1, 'one statement text for two rows and for fourteen');
        assert.deepStrictEqual(rows, [2, 14], 'one state and its line, then seven of each');
        assert.strictEqual(group.turnsPerStatement, 4);
        // A turn arriving while the statement is under way goes in the next one.
        const first = group.write(state('conv/8', 8), []);
        await Promise.resolve();
        await Promise.all([first, group.write(state('conv/9', 9), [])]);
        const states = await db.all<{ key: string; etag: number; data: string }>('SELECT key, etag, data FROM bot_state ORDER BY key');
        assert.deepStrictEqual(states, Array.from({ length: 10 }, (_, i) => ({ key: `conv/${i}`, etag: i + 1, data: JSON.stringify({ n: i }) })));
        assert.strictEqual((await db.all('SELECT text FROM transcripts')).length, 8);
    });

    it('each turn\'s promise settles only once its state is committed: another connection reads it then', async () => {
        const db = dbOf();
        const group = new GroupCommit(db);
        const other = await Database.open(db.file);
        try {
            const seen = await Promise.all(
                Array.from({ length: 5 }, (_, i) => group.write(state(`conv/${i}`, i), []).then(() => other.get<{ data: string }>('SELECT data FROM bot_state WHERE key = ?', [`conv/${i}`])))
            );
            assert.deepStrictEqual(seen.map((row) => row?.data), Array.from({ length: 5 }, (_, i) => JSON.stringify({ n: i })));
        } finally {
            await other.close();
        }
    });

    it('a row the tables refuse fails only its own turn: the others of the shared statement are written on their own', async () => {
        const db = dbOf();
        const group = new GroupCommit(db);
        const results = await Promise.allSettled([
            group.write(state('conv/a', 1), [line('conv/a', 'a')]),
            group.write(state('conv/b', 2), [line('conv/b', 'b')]),
            group.write(state('conv/c', 3), [line('conv/c', 'c'), refused]),
            group.write(state('conv/d', 4), [line('conv/d', 'd')])
        ]);
        assert.deepStrictEqual(results.map((r) => r.status), ['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
        assert.deepStrictEqual(await db.all('SELECT key FROM bot_state ORDER BY key'), [{ key: 'conv/a' }, { key: 'conv/b' }, { key: 'conv/d' }]);
        assert.deepStrictEqual(await db.all('SELECT text FROM transcripts ORDER BY text'), [{ text: 'a' }, { text: 'b' }, { text: 'd' }]);
    });

    it('a statement takes turns up to its row limit; the turns beyond it go in the next', async () => {
        const db = dbOf();
        const group = new GroupCommit(db, 10);
        let statements = 0;
        const stop = db.watchStatements(() => statements++);
        // 1 row goes at once; then 4 turns of 3 rows each queued behind it: the first three fit 10 rows, the fourth goes next.
        await Promise.all([group.write(state('conv/0', 0), []), ...Array.from({ length: 4 }, (_, i) => group.write(state(`conv/${i + 1}`, i), [line('x', 'a'), line('x', 'b')]))]);
        stop();
        assert.strictEqual(statements, 3);
        assert.strictEqual((await db.all('SELECT key FROM bot_state')).length, 5);
    });

    it('a turn whose write has settled survives kill -9 of the process right after (the reply is sent only then)', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'group-commit-'));
        const file = path.join(dir, 'bot.sqlite');
        try {
            // The child writes 40 turns at once and dies by SIGKILL as soon as the tenth has settled, printing each settled key first.
            const script = `
                const { Database } = require(${JSON.stringify(require.resolve('../../data/database'))});
                const { GroupCommit } = require(${JSON.stringify(require.resolve('../../data/groupCommit'))});
                (async () => {
                    const db = await Database.open(${JSON.stringify(file)});
                    const group = new GroupCommit(db);
                    let settled = 0;
                    for (let i = 0; i < 40; i++) {
                        group.write({ key: 'conv/' + i, data: JSON.stringify({ n: i }), etag: i + 1, at: i }, []).then(() => {
                            require('fs').writeSync(1, 'conv/' + i + '\\n');
                            if (++settled === 10) process.kill(process.pid, 'SIGKILL');
                        });
                    }
                })();`;
            const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30000 });
            assert.strictEqual(child.signal, 'SIGKILL', child.stderr);
            const replied = child.stdout.split('\n').filter(Boolean);
            assert.ok(replied.length >= 10, child.stdout);
            return (async () => {
                const db = await Database.open(file);
                try {
                    const stored = new Set((await db.all<{ key: string }>('SELECT key FROM bot_state')).map((row) => row.key));
                    assert.deepStrictEqual(replied.filter((key) => !stored.has(key)), [], 'every turn told it was written is in the file');
                } finally {
                    await db.close();
                }
            })().finally(() => fs.rmSync(dir, { recursive: true, force: true }));
        } catch (err) {
            fs.rmSync(dir, { recursive: true, force: true });
            throw err;
        }
    });
});

import * as assert from 'assert';
import { ReadBatch } from '../../data/readBatch';
import { SqliteStorage } from '../../data/sqliteStorage';
import { systemClock } from '../../core/clock';
import { useTempDatabase } from '../helpers/tempDatabase';

/** A reader over a fixed table that records the keys of each read; `failOnce`: the next read that starts fails. */
function recordingReader(table: Record<string, number>) {
    const reads: string[][] = [];
    let failNext = false;
    const readKeys = async (keys: readonly string[]): Promise<ReadonlyMap<string, number>> => {
        reads.push([...keys]);
        const fails = failNext;
        failNext = false;
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (fails) {
            throw new Error('disk on fire');
        }
        return new Map(keys.filter((key) => key in table).map((key) => [key, table[key]]));
    };
    return { reads, readKeys, failOnce: () => (failNext = true) };
}

describe('ReadBatch: concurrent reads by key gathered into one read', () => {
    it('the first key is read at once, alone; the keys asked for while it ran go together in the next read, each once, each caller getting its own row', async () => {
        const reader = recordingReader({ a: 1, b: 2, c: 3 });
        const batch = new ReadBatch(reader.readKeys);
        const answers = await Promise.all(['a', 'b', 'c', 'b', 'nothing'].map((key) => batch.read(key)));
        assert.deepStrictEqual(answers, [1, 2, 3, 2, undefined]);
        assert.deepStrictEqual(reader.reads, [['a'], ['b', 'c', 'nothing']]);
        assert.strictEqual(batch.keysPerRead, 2);
        assert.strictEqual(await batch.read('c'), 3, 'nothing under way: read at once');
        assert.deepStrictEqual(reader.reads.at(-1), ['c']);
    });

    it('takes at most its limit of different keys a read, the rest in the reads after', async () => {
        const reader = recordingReader({});
        const batch = new ReadBatch(reader.readKeys, 2);
        await Promise.all(['a', 'b', 'c', 'c', 'd', 'e', 'f'].map((key) => batch.read(key)));
        assert.deepStrictEqual(reader.reads, [['a'], ['b', 'c'], ['d', 'e'], ['f']]);
        assert.throws(() => new ReadBatch(reader.readKeys, 0), /maxKeys/);
    });

    it('a failed read fails the callers that waited for it, and the next read goes ahead', async () => {
        const reader = recordingReader({ a: 1, b: 2 });
        const batch = new ReadBatch(reader.readKeys);
        const first = batch.read('a');
        reader.failOnce();
        const waited = [batch.read('b'), batch.read('a')];
        assert.strictEqual(await first, 1);
        await assert.rejects(waited[0], /disk on fire/);
        await assert.rejects(waited[1], /disk on fire/);
        assert.strictEqual(await batch.read('b'), 2);
    });
});

describe('SqliteStorage: conversation states not in memory read together (SQLite)', () => {
    const dbOf = useTempDatabase();

    it('ten conversations reading their states at once take two statements, each gets its own item, and no statement text depends on how many', async () => {
        const db = dbOf();
        const writer = new SqliteStorage(db, systemClock);
        await writer.write(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`conv/${i}`, { turn: i }])));
        // A second storage over the same file has nothing in memory, as after a restart.
        const reader = new SqliteStorage(db, systemClock);
        const statements: string[] = [];
        const stop = db.watchStatements((sql) => statements.push(sql));
        const items = await Promise.all(Array.from({ length: 11 }, (_, i) => reader.read([`conv/${i}`])));
        stop();
        assert.deepStrictEqual(
            items.map((item, i) => (item[`conv/${i}`] as { turn?: number } | undefined)?.turn),
            [...Array.from({ length: 10 }, (_, i) => i), undefined]
        );
        assert.strictEqual(statements.length, 2, statements.join('\n'));
        assert.strictEqual(new Set(statements).size, 1, 'one statement text for one key and for ten');
        assert.strictEqual(reader.stateReads.keysPerRead, 5.5);
        const again = await reader.read(['conv/3', 'conv/4']);
        assert.deepStrictEqual(Object.keys(again).sort(), ['conv/3', 'conv/4'], 'kept in memory once read');
    });

    it('finds a state whose key holds a lone surrogate (a hostile conversation id) after a restart', async () => {
        const db = dbOf();
        const key = 'msteams/conversations/a\ud800b/';
        await new SqliteStorage(db, systemClock).write({ [key]: { turn: 7 } });
        const item = (await new SqliteStorage(db, systemClock).read([key]))[key] as { turn?: number } | undefined;
        assert.strictEqual(item?.turn, 7);
    });
});

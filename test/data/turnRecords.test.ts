import * as assert from 'assert';
import { TurnRecordWriter, type TurnRecord } from '../../data/repositories/turnRecords';
import { describeEachBackend, useTempDatabase } from '../helpers/tempDatabase';
import { useHarness } from '../helpers/botHarness';
import { PHRASES } from '../helpers/phrases';
import { localeOf } from '../helpers/script';

const line = (conversationKey: string, at: number, text: string, from: 'customer' | 'bot' = 'bot'): TurnRecord => ({ target: 'transcripts', conversationKey, line: { at, from, text } });
const event = (kind: string, at: number, detail: string | null = null): TurnRecord => ({
    target: 'insight_events',
    event: { conversation: 'hash-1', door: 'webchat', lang: 'de', kind, detail, at }
});

describeEachBackend('TurnRecordWriter: a turn\'s transcript lines and insight events in one statement', (backend) => {
    const dbOf = useTempDatabase(backend);

    it('puts each row into its own table, in order, with one statement', async () => {
        const db = dbOf();
        const before = db.statementsRun;
        await new TurnRecordWriter(db).write([event('message', 1000), line('webchat:a', 1000, 'Hallo', 'customer'), line('webchat:a', 1001, 'Guten Tag!'), event('case', 1001, 'b')]);
        assert.strictEqual(db.statementsRun - before, 1);
        assert.deepStrictEqual(
            await db.all('SELECT conversation_key AS "key", at, sender, text FROM transcripts ORDER BY id'),
            [
                { key: 'webchat:a', at: 1000, sender: 'customer', text: 'Hallo' },
                { key: 'webchat:a', at: 1001, sender: 'bot', text: 'Guten Tag!' }
            ]
        );
        assert.deepStrictEqual(await db.all('SELECT conversation, door, lang, kind, detail, at FROM insight_events ORDER BY id'), [
            { conversation: 'hash-1', door: 'webchat', lang: 'de', kind: 'message', detail: null, at: 1000 },
            { conversation: 'hash-1', door: 'webchat', lang: 'de', kind: 'case', detail: 'b', at: 1001 }
        ]);
    });

    it('the transcript keeps its last 40 lines, and a row the tables refuse writes nothing of the statement', async () => {
        const db = dbOf();
        const writer = new TurnRecordWriter(db);
        await writer.write(Array.from({ length: 45 }, (_, i) => line('webchat:b', i, `line ${i}`)));
        const rows = await db.all<{ text: string }>("SELECT text FROM transcripts WHERE conversation_key = 'webchat:b' ORDER BY id");
        assert.strictEqual(rows.length, 40);
        assert.strictEqual(rows[0].text, 'line 5');
        await assert.rejects(writer.write([line('webchat:c', 1, 'kept?'), { target: 'insight_events', event: { conversation: 'h', door: 'fax' as 'webchat', lang: 'de', kind: 'message', detail: null, at: 1 } }]));
        assert.deepStrictEqual(await db.all("SELECT text FROM transcripts WHERE conversation_key = 'webchat:c'"), [], 'one statement: all or nothing');
    });

    it('stores a line with quotes, backslashes, line breaks, emoji and a lone surrogate as valid text (the half pair as U+FFFD)', async () => {
        const db = dbOf();
        await new TurnRecordWriter(db).write([line('webchat:d', 1, 'a\ud800b "q" \\ \n 😀 Grüße', 'customer')]);
        const row = await db.get<{ text: string }>("SELECT text FROM transcripts WHERE conversation_key = 'webchat:d'");
        assert.strictEqual(row?.text, 'a\ufffdb "q" \\ \n 😀 Grüße');
    });
});

describe('A turn of the bot writes its state, transcript lines and insight events in one statement (SQLite)', () => {
    const harnessOf = useHarness();

    it('a message turn: one INSERT into turn_records; nothing into bot_state, transcripts or insight_events on its own', async () => {
        const convo = harnessOf().conversation(localeOf('en'));
        await convo.start();
        const statements: string[] = [];
        const stop = harnessOf().db.watchStatements((sql) => statements.push(sql));
        try {
            await convo.say(PHRASES.en.whoIs);
        } finally {
            stop();
        }
        const writes = statements.filter((sql) => /^\s*INSERT/i.test(sql)).map((sql) => /INSERT INTO (\w+)/i.exec(sql)?.[1]);
        assert.deepStrictEqual(writes, ['turn_records'], statements.join('\n'));
        const key = `directline:${convo.id}`;
        const lines = await harnessOf().db.all<{ sender: string; text: string }>('SELECT sender, text FROM transcripts WHERE conversation_key = ? ORDER BY id', [key]);
        const said = lines.findIndex((l) => l.sender === 'customer' && l.text === PHRASES.en.whoIs);
        assert.ok(said >= 0 && lines.slice(said + 1).some((l) => l.sender === 'bot' && PHRASES.en.askEmail.test(l.text)), JSON.stringify(lines));
        const events = await harnessOf().db.all<{ kind: string }>('SELECT kind FROM insight_events');
        assert.ok(events.some((e) => e.kind === 'message'), 'the message is counted');
    });
});

import * as assert from 'assert';
import * as path from 'path';
import { Database } from '../../data/database';
import { TranscriptRepository } from '../../data/repositories/transcriptRepository';
import { makeTempDir } from '../helpers/tempDir';

const line = (n: number, from: 'customer' | 'bot' = 'customer') => ({ at: 1_700_000_000_000 + n, from, text: `line ${n}` });

describe('migration 005 (transcripts out of the conversation state)', () => {
    it('moves the transcripts of stored conversations into the table, keeps the newest 40, and takes them out of the state', async () => {
        const temp = makeTempDir();
        const file = path.join(temp.dir, 'bot.sqlite');
        try {
            // A database as it was before 005: conversation states carrying their transcript.
            const old = await Database.open(file);
            await old.exec('DROP TRIGGER transcripts_keep_last; DROP TABLE transcripts; DELETE FROM schema_migrations WHERE version = 5;');
            const states: Record<string, object> = {
                'webchat/conversations/abc-1/': { profile: { lang: 'de' }, transcript: Array.from({ length: 45 }, (_, n) => line(n, n % 2 ? 'bot' : 'customer')) },
                'msteams/conversations/a:1x/2@thread/': { profile: { lang: 'en' }, transcript: [line(1), line(2, 'bot')] },
                'directline/conversations/odd/': { profile: {}, transcript: [line(1), { at: 'yesterday', from: 'customer', text: 'x' }, { from: 'someone', at: 1, text: 'y' }] },
                'webchat/conversations/none/': { profile: { lang: 'en' } }
            };
            for (const [key, data] of Object.entries(states)) {
                await old.run('INSERT INTO bot_state (key, etag, data, updated_at) VALUES (?, 7, ?, 0)', [key, JSON.stringify(data)]);
            }
            await old.close();

            const db = await Database.open(file);
            const transcripts = new TranscriptRepository(db);
            const abc = await transcripts.recent('webchat:abc-1');
            assert.deepStrictEqual(abc.map((l) => l.text), Array.from({ length: 40 }, (_, n) => `line ${n + 5}`), 'the newest 40, oldest first');
            assert.deepStrictEqual(abc[0], { at: 1_700_000_000_005, from: 'bot', text: 'line 5' });
            assert.deepStrictEqual((await transcripts.recent('msteams:a:1x/2@thread')).map((l) => [l.from, l.text]), [['customer', 'line 1'], ['bot', 'line 2']]);
            assert.deepStrictEqual((await transcripts.recent('directline:odd')).map((l) => l.text), ['line 1'], 'lines that are not lines are left behind');

            const rows = await db.all<{ key: string; etag: number; data: string }>('SELECT key, etag, data FROM bot_state ORDER BY key');
            for (const row of rows) {
                const data = JSON.parse(row.data) as Record<string, unknown>;
                assert.ok(!('transcript' in data), `${row.key} has no transcript left`);
                assert.deepStrictEqual(data.profile, (states[row.key] as { profile: unknown }).profile, 'the rest of the state is untouched');
            }
            assert.deepStrictEqual(rows.map((r) => r.etag).sort(), [7, 8, 8, 8], 'changed states get a new eTag');

            // New lines go on the end and the oldest drop off.
            await transcripts.append('webchat:abc-1', [line(100), line(101, 'bot')]);
            const after = await transcripts.recent('webchat:abc-1');
            assert.strictEqual(after.length, 40);
            assert.deepStrictEqual([after[0].text, after[39].text], ['line 7', 'line 101']);
            await db.close();
        } finally {
            temp.cleanup();
        }
    });
});

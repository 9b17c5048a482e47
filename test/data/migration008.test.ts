import * as assert from 'assert';
import * as path from 'path';
import { Database } from '../../data/database';
import { MIGRATIONS } from '../../data/migrations';
import { HandoffRepository } from '../../data/repositories/handoffRepository';
import { makeTempDir } from '../helpers/tempDir';

describe('migration 008 (proactive deliveries; a person can end a live chat)', () => {
    it('rebuilds handoffs for the new close reason and keeps every handoff and its messages', async () => {
        const temp = makeTempDir();
        const file = path.join(temp.dir, 'bot.sqlite');
        try {
            const old = await Database.open(file, MIGRATIONS.filter((m) => m.version < 8));
            const insert = "INSERT INTO handoffs (conversation_key, status, lang, channel_id, context, history, created_at, accepted_at) VALUES (?, ?, 'de', 'directline', '{}', '[]', 1, ?)";
            const active = (await old.run(insert, ['directline:a', 'active', 2])).lastId;
            const closed = (await old.run(insert, ['directline:b', 'waiting', null])).lastId;
            await old.run("UPDATE handoffs SET status = 'closed', close_reason = 'cancelled' WHERE id = ?", [closed]);
            await old.run("INSERT INTO handoff_messages (handoff_id, at, sender, text) VALUES (?, 3, 'customer', 'Hallo'), (?, 4, 'agent', 'Guten Tag')", [active, active]);
            await assert.rejects(old.run("UPDATE handoffs SET close_reason = 'customer-ended' WHERE id = ?", [closed]), /CHECK constraint failed/);
            await old.close();

            const db = await Database.open(file);
            const handoffs = new HandoffRepository(db);
            assert.deepStrictEqual((await handoffs.messages(active)).map((m) => m.text), ['Hallo', 'Guten Tag'], 'the messages stay');
            assert.strictEqual((await handoffs.get(closed))?.closeReason, 'cancelled');
            assert.strictEqual((await handoffs.openFor('directline:a'))?.id, active);
            assert.ok(await handoffs.close(active, 'customer-ended', 5));
            assert.strictEqual((await handoffs.get(active))?.closeReason, 'customer-ended');
            assert.deepStrictEqual(await db.all('PRAGMA foreign_key_check'), []);
            assert.strictEqual((await db.get<{ foreign_keys: number }>('PRAGMA foreign_keys'))?.foreign_keys, 1, 'foreign keys are enforced again');
            await db.run(insert, ['directline:c', 'waiting', null]);
            await assert.rejects(db.run(insert, ['directline:c', 'waiting', null]), /UNIQUE constraint failed/, 'one open handoff per conversation, as before');
            await db.close();
        } finally {
            temp.cleanup();
        }
    });
});

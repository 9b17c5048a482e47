import * as assert from 'assert';
import { Database } from '../../data/database';
import { HandoffRepository, type NewHandoff } from '../../data/repositories/handoffRepository';
import { describeEachBackend, tempDatabaseTarget } from '../helpers/tempDatabase';

const handoff = (conversationKey: string): NewHandoff => ({
    conversationKey,
    lang: 'en',
    channelId: 'webchat',
    context: { lang: 'en', channelId: 'webchat', reason: 'asked', actions: [] },
    history: []
});

describeEachBackend('HandoffRepository: which conversations have an open handoff', (backend) => {
    it('finds a handoff from its creation until it is closed, and again after a restart while it is open', async () => {
        const place = tempDatabaseTarget(backend);
        const file = place.target;
        try {
            let db = await Database.open(file);
            let repository = new HandoffRepository(db);
            assert.strictEqual(await repository.openFor('webchat:a'), undefined);
            const a = await repository.create(handoff('webchat:a'), 1000);
            const b = await repository.create(handoff('webchat:b'), 2000);
            assert.strictEqual((await repository.openFor('webchat:a'))?.id, a.id);
            assert.ok(await repository.close(a.id, 'cancelled', 4000));
            assert.strictEqual(await repository.openFor('webchat:a'), undefined, 'closed');
            assert.strictEqual(await repository.close(a.id, 'cancelled', 4000), false, 'closed once');
            const again = await repository.create(handoff('webchat:a'), 5000);
            assert.strictEqual((await repository.openFor('webchat:a'))?.id, again.id, 'a new one for the same conversation');
            await db.close();

            db = await Database.open(file);
            repository = new HandoffRepository(db);
            assert.deepStrictEqual([(await repository.openFor('webchat:a'))?.id, (await repository.openFor('webchat:b'))?.id], [again.id, b.id], 'read back after a restart');
            assert.strictEqual(await repository.openFor('webchat:c'), undefined);
            await db.close();
        } finally {
            await place.cleanup();
        }
    });
});

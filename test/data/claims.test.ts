import * as assert from 'assert';
import { Database } from '../../data/database';
import { ProactiveDeliveryRepository, insertDelivery } from '../../data/repositories/proactiveDeliveryRepository';
import { describeEachBackend, useTempDatabase } from '../helpers/tempDatabase';

describeEachBackend('ProactiveDeliveryRepository: what is due', (backend) => {
    const dbOf = useTempDatabase(backend);

    it('gives the oldest pending message of each conversation, holding back the later ones', async () => {
        const deliveries = new ProactiveDeliveryRepository(dbOf());
        const first = await insertDelivery(dbOf(), { conversationKey: 'webchat:a', instruction: { n: 1 } }, 1000);
        await insertDelivery(dbOf(), { conversationKey: 'webchat:a', instruction: { n: 2 } }, 1000);
        const other = await insertDelivery(dbOf(), { conversationKey: 'webchat:b', instruction: { n: 3 } }, 1000);
        assert.deepStrictEqual((await deliveries.due(2000)).map((d) => [d.id, d.instruction]), [[first, { n: 1 }], [other, { n: 3 }]]);
        await deliveries.delivered(first, 2000);
        await deliveries.delivered(other, 2000);
        assert.deepStrictEqual((await deliveries.due(3000)).map((d) => d.instruction), [{ n: 2 }], 'the next one once the first is delivered');
    });

    if (backend === 'postgres') {
        it('hands each due message to one of two instances asking at once, and again only when its lease ran out', async () => {
            const second = await Database.open(dbOf().file);
            try {
                for (let i = 0; i < 40; i++) {
                    await insertDelivery(dbOf(), { conversationKey: `webchat:c${i}`, instruction: { i } }, 1000);
                }
                const a = new ProactiveDeliveryRepository(dbOf());
                const b = new ProactiveDeliveryRepository(second);
                const rounds = await Promise.all([a.due(2000, 10), b.due(2000, 10), a.due(2000, 10), b.due(2000, 10), a.due(2000, 10)]);
                const ids = rounds.flat().map((d) => d.id);
                assert.strictEqual(ids.length, 40, 'all due messages handed out');
                assert.strictEqual(new Set(ids).size, 40, 'none to two instances');
                assert.deepStrictEqual(await b.due(2000), [], 'claimed messages are not due meanwhile');
                assert.strictEqual((await a.due(2000 + 5 * 60_000)).length, 40, 'due again once the lease of a dead instance ran out');
            } finally {
                await second.close();
            }
        });
    }
});

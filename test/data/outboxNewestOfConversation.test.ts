import * as assert from 'assert';
import { OutboxRepository } from '../../data/repositories/outboxRepository';
import { describeEachBackend, useTempDatabase } from '../helpers/tempDatabase';

describeEachBackend('OutboxRepository.newestOfConversation: the code the benchmark reads', (backend) => {
    const dbOf = useTempDatabase(backend);

    it('gives the newest mail of the kind in that conversation, none for another conversation or kind', async () => {
        const outbox = new OutboxRepository(dbOf());
        const mail = (conversationKey: string, kind: string, body: string) => ({ kind, to: 'anna@test.example', locale: 'de', subject: 'Ihr Code', body, conversationKey });
        await outbox.insert(mail('test:a', 'verification-code', 'first'), 1000);
        await outbox.insert(mail('test:b', 'verification-code', 'other conversation'), 2000);
        await outbox.insert(mail('test:a', 'verification-code', 'second'), 3000);
        await outbox.insert(mail('test:a', 'admin-contact', 'not a code'), 4000);
        assert.strictEqual((await outbox.newestOfConversation('test:a', 'verification-code'))?.body, 'second');
        assert.strictEqual((await outbox.newestOfConversation('test:b', 'verification-code'))?.body, 'other conversation');
        assert.strictEqual(await outbox.newestOfConversation('test:c', 'verification-code'), undefined);
        assert.strictEqual((await outbox.newestOfConversation('test:a', 'admin-contact'))?.to, 'anna@test.example');
    });
});

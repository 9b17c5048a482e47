import * as assert from 'assert';
import { systemClock } from '../../core/clock';
import { AuditLog } from '../../data/repositories/auditLog';
import { OutboxRepository, type NewOutboxMail } from '../../data/repositories/outboxRepository';
import { AppHarness } from '../helpers/appHarness';
import { JONAS } from '../helpers/demoPeople';
import { PHRASES } from '../helpers/phrases';
import { statementsDuring } from '../helpers/statementsDuring';
import { describeEachBackend, useTempDatabase } from '../helpers/tempDatabase';

const mail = (to: string, dedupeKey: string): NewOutboxMail => ({ kind: 'admin-contact', to, toName: 'Anna', replyTo: 'jonas@example.com', locale: 'de', subject: 'Lizenzen', body: 'Bitte fünf mehr.', conversationKey: 'test:c', dedupeKey });

describeEachBackend('OutboxRepository.insertAudited: mails and the audit entry that records them, in one statement (migration 023)', (backend) => {
    const dbOf = useTempDatabase(backend);

    it('queues every mail and writes the entry once, with one statement; a used dedupe key leaves its mail out; a refused row writes nothing', async () => {
        const db = dbOf();
        const outbox = new OutboxRepository(db);
        const before = db.statementsRun;
        await outbox.insertAudited([mail('anna@example.com', 'k:1'), mail('lea@example.com', 'k:2')], 5000, { actor: 'user:U-102', action: 'admin-contact.sent', subject: 'conversation:test:c', details: { recipients: ['U-101', 'U-103'] } });
        assert.strictEqual(db.statementsRun - before, 1);
        await outbox.insertAudited([mail('anna@example.com', 'k:1')], 6000, { actor: 'user:U-102', action: 'admin-contact.sent' });
        assert.deepStrictEqual(
            (await outbox.recent(10)).map((m) => [m.to, m.createdAt, m.status]).sort(),
            [
                ['anna@example.com', 5000, 'pending'],
                ['lea@example.com', 5000, 'pending']
            ]
        );
        const audit = new AuditLog(db, systemClock);
        assert.deepStrictEqual((await audit.recent(10)).reverse(), [
            { at: 5000, actor: 'user:U-102', action: 'admin-contact.sent', subject: 'conversation:test:c', details: { recipients: ['U-101', 'U-103'] } },
            { at: 6000, actor: 'user:U-102', action: 'admin-contact.sent', subject: null, details: null }
        ]);
        await assert.rejects(outbox.insertAudited([mail('new@example.com', 'k:3'), { ...mail('bad@example.com', 'k:4'), subject: null as unknown as string }], 7000, { actor: 'user:U-102', action: 'admin-contact.sent' }));
        assert.strictEqual((await outbox.recent(10)).length, 2, 'no mail of the refused statement');
        assert.strictEqual((await audit.recent(10)).length, 2, 'no entry of the refused statement');
    });
});

describe('The "send it" turn of "email the billing admin" through /api/messages checks the limits, queues the mail and its audit entry in one statement', () => {
    let harness: AppHarness;
    before(async () => {
        harness = await AppHarness.start();
    });
    after(async () => harness.close());

    it('no INSERT of its own into outbox or audit_log, no count before it; the mail and the entry are there', async () => {
        const en = PHRASES.en;
        const customer = harness.customer('en-US');
        await customer.say(en.whoIs);
        await customer.say(JONAS);
        assert.match((await customer.say(await harness.latestCode(JONAS))).join('\n'), en.offerEmail);
        await customer.say(en.emailButton);
        await customer.say('We need five more licenses for the sales team, please.');
        const counted = harness.app.db.statementsRun;
        const { statements, result: replies } = await statementsDuring(harness.app.db, () => customer.say(en.yes));
        assert.match(replies.join('\n'), en.sent);
        assert.strictEqual(harness.app.db.statementsRun - counted, statements.length, `no BEGIN/COMMIT:\n${statements.join('\n')}`);
        const writes = statements.filter((sql) => /^INSERT/i.test(sql)).map((sql) => /INSERT INTO (\w+)/i.exec(sql)?.[1]);
        assert.deepStrictEqual(writes, ['limited_mail', 'turn_records'], statements.join('\n'));
        assert.deepStrictEqual(statements.filter((sql) => /^SELECT/i.test(sql) && /\boutbox\b/.test(sql)), [], `the limits are counted by the mail's own statement (migration 025):\n${statements.join('\n')}`);
        const mails = (await new OutboxRepository(harness.app.db).recent(20)).filter((m) => m.kind === 'admin-contact');
        assert.strictEqual(mails.length, 1);
        assert.match(mails[0].body, /five more licenses/);
        const entries = (await new AuditLog(harness.app.db, systemClock).recent(20)).filter((e) => e.action === 'admin-contact.sent');
        assert.strictEqual(entries.length, 1);
        assert.strictEqual(entries[0].actor, 'user:U-102');
        assert.ok(Array.isArray(entries[0].details?.recipients) && (entries[0].details?.recipients as unknown[]).length === 1, JSON.stringify(entries));
    });
});

describeEachBackend('OutboxRepository.insertLimited: the limits checked by the statement that queues the mails (migration 025, SQLite)', (backend) => {
    const dbOf = useTempDatabase(backend);
    const audit = { actor: 'user:U-102', action: 'admin-contact.sent' };
    const limits = { since: 1000, perConversation: 2, perRecipient: 3 };

    it('queues, says again for a used dedupe key, refuses past the conversation\'s and the address\'s limits, and writes nothing when it refuses', async function () {
        if (backend !== 'sqlite') {
            this.skip();
        }
        const db = dbOf();
        const outbox = new OutboxRepository(db);
        const count = async (): Promise<{ mails: number; entries: number }> =>
            (await db.get<{ mails: number; entries: number }>("SELECT (SELECT COUNT(*) FROM outbox) AS mails, (SELECT COUNT(*) FROM audit_log WHERE action = 'admin-contact.sent') AS entries")) ?? { mails: -1, entries: -1 };
        const before = db.statementsRun;
        assert.strictEqual(await outbox.insertLimited([mail('anna@example.com', 'k:1'), mail('lea@example.com', 'k:1b')], 5000, audit, limits), 'queued');
        assert.strictEqual(db.statementsRun - before, 1, 'one statement');
        assert.deepStrictEqual(await count(), { mails: 2, entries: 1 });
        assert.strictEqual(await outbox.insertLimited([mail('anna@example.com', 'k:1'), mail('lea@example.com', 'k:1b')], 5001, audit, limits), 'again');
        // The conversation's limit (2) is reached by the two rows above: both rows of a third statement are refused, nothing stored.
        assert.strictEqual(await outbox.insertLimited([mail('anna@example.com', 'k:2'), mail('lea@example.com', 'k:2b')], 5002, audit, limits), 'rate-limited');
        assert.deepStrictEqual(await count(), { mails: 2, entries: 1 });
        // Other conversations to Anna: the address's limit (3) over all conversations; the second row's refusal takes back the first.
        assert.strictEqual(await outbox.insertLimited([{ ...mail('anna@example.com', 'k:3'), conversationKey: 'test:d' }], 5003, audit, limits), 'queued');
        assert.strictEqual(await outbox.insertLimited([{ ...mail('anna@example.com', 'k:4'), conversationKey: 'test:e' }], 5004, audit, limits), 'queued');
        assert.deepStrictEqual(await count(), { mails: 4, entries: 3 });
        assert.strictEqual(await outbox.insertLimited([{ ...mail('otto@example.com', 'k:5'), conversationKey: 'test:f' }, { ...mail('anna@example.com', 'k:5b'), conversationKey: 'test:f' }], 5005, audit, limits), 'rate-limited');
        assert.deepStrictEqual(await count(), { mails: 4, entries: 3 });
        // Mails older than `since` do not count.
        assert.strictEqual(await outbox.insertLimited([{ ...mail('otto@example.com', 'k:6'), conversationKey: 'test:f' }], 5006, audit, { ...limits, since: 5005 }), 'queued');
    });
});

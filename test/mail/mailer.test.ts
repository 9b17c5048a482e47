import * as assert from 'assert';
import * as crypto from 'crypto';
import { ManualClock } from '../../core/clock';
import { SecretBox } from '../../core/secrets';
import { Database } from '../../data/database';
import { OutboxRepository } from '../../data/repositories/outboxRepository';
import { Mailer } from '../../mail/mailer';
import { PHRASES } from '../helpers/phrases';
import { decodeQuotedPrintable, SmtpSink } from '../helpers/smtpSink';
import { describeEachBackend, useTempDatabase } from '../helpers/tempDatabase';
import { messageActivity, replyTexts, startTestApp } from '../helpers/testApp';

describeEachBackend('Mailer: outbox first, then SMTP', (backend) => {
    const dbOf = useTempDatabase(backend);

    it('delivers a code mail over real SMTP, then drops the secret from the outbox', async () => {
        const sink = await SmtpSink.start();
        const outbox = new OutboxRepository(dbOf());
        const mailer = new Mailer(outbox, new SecretBox(crypto.randomBytes(32)), new ManualClock(), 'Bot <bot@test.example>', Mailer.smtpTransport(sink.url));
        try {
            await mailer.queue({ kind: 'verification-code', to: 'anna@test.example', toName: 'Anna Müller', locale: 'de', subject: 'Ihr Code', body: 'Code: {{secret}}', secret: '482913' });
            await mailer.flush();
            const mail = await sink.waitFor('anna@test.example');
            assert.match(mail.raw, /Code: 482913/);
            assert.match(mail.raw, /^To: .*<anna@test\.example>/m);
            assert.match(mail.raw, /^Content-Language: de/m);
            const [row] = await outbox.recent(1);
            assert.strictEqual(row.status, 'sent');
            assert.strictEqual(row.secretEnc, null);
            assert.doesNotMatch(JSON.stringify(row), /482913/, 'the outbox row never held the code in clear text');
        } finally {
            await mailer.stop();
            await sink.stop();
        }
    });

    it('keeps a mail when the SMTP server is down and delivers it once it is back', async () => {
        const probe = await SmtpSink.start();
        const port = probe.port;
        await probe.stop();
        const clock = new ManualClock();
        const outbox = new OutboxRepository(dbOf());
        const mailer = new Mailer(outbox, new SecretBox(crypto.randomBytes(32)), clock, 'bot@test.example', Mailer.smtpTransport(`smtp://127.0.0.1:${port}`));
        try {
            await mailer.queue({ kind: 'admin-contact', to: 'peter@test.example', locale: 'en', subject: 'Hello', body: 'Please add licenses.' });
            await mailer.flush();
            let [row] = await outbox.recent(1);
            assert.strictEqual(row.status, 'pending');
            assert.strictEqual(row.attempts, 1);
            assert.ok(row.lastError);

            const sink = await SmtpSink.start(port);
            try {
                await mailer.flush();
                assert.strictEqual((await outbox.recent(1))[0].attempts, 1, 'not retried before its time');
                clock.advance(60_000);
                await mailer.flush();
                await sink.waitFor('peter@test.example');
                [row] = await outbox.recent(1);
                assert.strictEqual(row.status, 'sent');
                assert.strictEqual(sink.received.length, 1, 'delivered exactly once');
            } finally {
                await sink.stop();
            }
        } finally {
            await mailer.stop();
        }
    });

    it('without SMTP keeps the mail pending for the operator, secret readable only through the mailer', async () => {
        const outbox = new OutboxRepository(dbOf());
        const mailer = new Mailer(outbox, new SecretBox(crypto.randomBytes(32)), new ManualClock(), 'bot@test.example');
        await mailer.queue({ kind: 'verification-code', to: 'lea@test.example', locale: 'de', subject: 'Code', body: 'Code: {{secret}}', secret: '123456' });
        await mailer.flush();
        const [row] = await outbox.recent(1, 'LEA@test.example');
        assert.strictEqual(row.status, 'pending');
        assert.doesNotMatch(row.body + (row.secretEnc ?? ''), /123456/);
        assert.strictEqual(mailer.reveal(row), 'Code: 123456');
    });

    if (backend === 'postgres') {
        it('sends each mail once when two instances deliver from one outbox at the same time', async () => {
            const other = await Database.open(dbOf().file);
            const key = crypto.randomBytes(32);
            const sent: string[] = [];
            // A transport that takes a moment, so both instances are busy at once.
            const transport = { sendMail: async (message: { to: string }) => (await new Promise((resolve) => setTimeout(resolve, 5)), sent.push(message.to)) };
            const clock = new ManualClock();
            const a = new Mailer(new OutboxRepository(dbOf()), new SecretBox(key), clock, 'bot@test.example', transport);
            const b = new Mailer(new OutboxRepository(other), new SecretBox(key), clock, 'bot@test.example', transport);
            try {
                const addresses = Array.from({ length: 60 }, (_, i) => `person${i}@test.example`);
                for (const to of addresses) {
                    await a.queue({ kind: 'admin-contact', to, locale: 'en', subject: 'Hello', body: 'Please add licenses.' });
                }
                await Promise.all([a.flush(), b.flush(), a.flush(), b.flush()]);
                assert.deepStrictEqual([...sent].sort(), [...addresses].sort(), 'every mail sent, none twice');
                assert.deepStrictEqual(new Set((await new OutboxRepository(other).recent(100)).map((row) => row.status)), new Set(['sent']));
            } finally {
                await a.stop();
                await b.stop();
                await other.close();
            }
        });
    }

    it('queues a mail with the same dedupe key once', async () => {
        const outbox = new OutboxRepository(dbOf());
        const mailer = new Mailer(outbox, new SecretBox(crypto.randomBytes(32)), new ManualClock(), 'bot@test.example');
        const mail = { kind: 'admin-contact', to: 'x@test.example', locale: 'en', subject: 's', body: 'b', dedupeKey: 'turn-1' };
        assert.ok(await mailer.queue(mail));
        assert.strictEqual(await mailer.queue(mail), undefined);
        assert.strictEqual((await outbox.recent(10)).length, 1);
    });
});

describe('one-time codes over a real SMTP server', () => {
    it('a person verifies with the code read from the mail the SMTP server received', async () => {
        const sink = await SmtpSink.start();
        const server = await startTestApp({ SMTP_URL: sink.url });
        try {
            const say = async (text: string): Promise<string> => replyTexts((await server.post('/api/messages', messageActivity('smtp-peter', text, 'en-US'))).json);
            await say('Am I the billing contact?');
            assert.match(await say('peter.brooks@northwind.example'), PHRASES.en.codeSent);
            const mail = await sink.waitFor('peter.brooks@northwind.example');
            const code = /\b(\d{6})\b/.exec(decodeQuotedPrintable(mail.raw))?.[1];
            assert.ok(code, 'the mail holds a 6-digit code');
            const answer = await say(code);
            assert.match(answer, PHRASES.en.caseC);
            assert.match(answer, /pbrooks/);
        } finally {
            await server.stop();
            await sink.stop();
        }
    });
});

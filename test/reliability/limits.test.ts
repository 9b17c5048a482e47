import * as assert from 'assert';
import { OutboxRepository } from '../../data/repositories/outboxRepository';
import { AppHarness } from '../helpers/appHarness';
import { JONAS, PETER } from '../helpers/demoPeople';
import type { LoopbackCustomer } from '../helpers/loopbackChannel';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import { PHRASES } from '../helpers/phrases';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { APOLOGY, figure } from './support';

const en = PHRASES.en;

/** Mails of a kind in the outbox to an address, as the operator counts them. */
async function mailsTo(harness: AppHarness, kind: string, to: string): Promise<number> {
    const row = await harness.app.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM outbox WHERE kind = ? AND to_address = ? COLLATE NOCASE', [kind, to]);
    return row?.n ?? 0;
}

/** The codes mailed to an address so far (to type a code that is surely wrong). */
async function codesMailedTo(harness: AppHarness, email: string): Promise<Set<string>> {
    const mails = (await new OutboxRepository(harness.app.db).recent(1000, email)).filter((m) => m.kind === 'verification-code');
    return new Set(mails.map((mail) => /\b(\d{6})\b/.exec(harness.app.mailer.reveal(mail))?.[1] ?? ''));
}

/** Starts `count` runs of `work` at once and waits for all of them. */
function parallel<T>(count: number, work: (index: number) => Promise<T>): Promise<T[]> {
    return Promise.all(Array.from({ length: count }, (_, index) => work(index)));
}

describe('reliability 7: limits hold when many conversations race for one target', () => {
    let harness: AppHarness;
    beforeEach(async () => {
        harness = await AppHarness.start();
    });
    afterEach(async () => harness.close());

    it('30 parallel conversations ask for a code to one address: at most 5 code mails an hour', async () => {
        const customers = Array.from({ length: 30 }, () => harness.customer('en-US'));
        await parallel(30, (i) => customers[i].say(en.whoIs));
        const replies = (await parallel(30, (i) => customers[i].say(JONAS))).map((r) => r.join('\n'));
        const mails = await mailsTo(harness, 'verification-code', JONAS);
        const told = replies.filter((text) => en.codeSent.test(text)).length;
        figure('code mails to one address from 30 parallel conversations', mails, '≤ 5');
        figure('conversations told a code was sent / told to wait', `${told} / ${replies.filter((t) => /I've already sent several codes/.test(t)).length}`);
        assert.ok(mails <= 5, `${mails} code mails went to ${JONAS}`);
        assert.strictEqual(told, mails, 'only the conversations whose code was mailed say so');
        assert.ok(!replies.some((t) => APOLOGY.test(t)));
    });

    it('code guesses against one person are capped over all conversations, however many ask', async () => {
        // Five conversations get a code each (the hourly limit of the address), one after another.
        const customers: LoopbackCustomer[] = [];
        for (let i = 0; i < 5; i++) {
            const customer = harness.customer('en-US');
            await customer.say(en.whoIs);
            assert.match((await customer.say(JONAS)).join('\n'), en.codeSent);
            customers.push(customer);
        }
        const real = await codesMailedTo(harness, JONAS);
        const wrong = ['000000', '111111', '222222', '333333', '444444', '555555', '666666'].filter((c) => !real.has(c))[0];
        // Then all of them guess at once, five wrong codes each (each conversation's own limit).
        const replies = (await parallel(5, async (i) => {
            const texts: string[] = [];
            for (let turn = 0; turn < 5; turn++) {
                texts.push((await customers[i].say(wrong)).join('\n'));
            }
            return texts;
        })).flat();
        const row = await harness.app.db.get<{ n: number }>("SELECT COALESCE(SUM(failed_attempts), 0) AS n FROM verification_codes WHERE user_id = (SELECT id FROM users WHERE email_normalized = ?)", [JONAS]);
        const checked = replies.filter((t) => en.wrongCode.test(t)).length;
        figure('wrong codes checked against one person (5 conversations × 5 tries)', `${row?.n} (answered "not right": ${checked})`, '≤ 10');
        assert.ok((row?.n ?? 0) <= 10, `${row?.n} guesses were checked against one person`);
        assert.ok(replies.filter((t) => en.locked.test(t)).length >= 5, 'every conversation ends locked');
        assert.ok(!replies.some((t) => APOLOGY.test(t)));
    });

    it('40 parallel conversations ask for a portal reset of one user ID: at most 3 links', async () => {
        const p = TASK_PHRASES.en;
        const customers = Array.from({ length: 40 }, () => harness.customer('en-US'));
        await parallel(40, (i) => customers[i].say(p.resetQuestion));
        const replies = (await parallel(40, (i) => customers[i].say('pbrooks'))).map((r) => r.join('\n'));
        const links = await mailsTo(harness, 'portal-reset', PETER);
        figure('reset links for one user ID from 40 parallel conversations', links, '≤ 3');
        assert.ok(links <= 3, `${links} reset links went to ${PETER}`);
        assert.ok(replies.filter((t) => p.resetRateLimited.test(t)).length >= 37, 'the others are told to wait');
        assert.ok(!replies.some((t) => APOLOGY.test(t)));
    });

    it('60 parallel wrong passwords for one agent from one address: at most 5 are checked', async () => {
        const results = await parallel(60, () => harness.agent().login('erika', 'wrong-password-000'));
        const checked = results.filter((r) => r.status === 401).length;
        const refused = results.filter((r) => r.status === 429);
        figure('wrong passwords checked / refused with 429', `${checked} / ${refused.length}`, '≤ 5 checked');
        assert.ok(checked <= 5, `${checked} wrong passwords were checked`);
        assert.strictEqual(checked + refused.length, 60);
        assert.ok(refused.every((r) => Number(r.headers.get('retry-after')) >= 1), 'every refusal says when to try again');
    });

    it('60 parallel sign-in attempts do not stall /healthz or chat turns: password checks are queued and bounded', async () => {
        const customer = harness.customer('en-US');
        await customer.say('hello');
        const timed = async (work: () => Promise<unknown>): Promise<number> => {
            const started = Date.now();
            await work();
            return Date.now() - started;
        };
        // Distinct logins, so the throttle per login does not stop them before the password check.
        let flooding = true;
        const flood = parallel(60, (i) => harness.agent().login(`nobody-${i}`, 'wrong-password-000')).finally(() => {
            flooding = false;
        });
        // Health checks and chat turns, one after another, for as long as the sign-ins are being answered.
        const probe = async (work: () => Promise<unknown>): Promise<number> => {
            let slowest = 0;
            do {
                slowest = Math.max(slowest, await timed(work));
            } while (flooding);
            return slowest;
        };
        const [health, turn] = await Promise.all([probe(() => fetch(`${harness.url}/healthz`)), probe(() => customer.say(en.whoIs))]);
        const results = await flood;
        const busy = results.filter((r) => r.status === 429 && (r.body as { error?: { code?: string } }).error?.code === 'Busy');
        figure('slowest /healthz / chat turn during 60 parallel sign-ins', `${health} ms / ${turn} ms`, '< 1500 ms each');
        figure('answers: checked (401) / busy (429) / throttled (429)', `${results.filter((r) => r.status === 401).length} / ${busy.length} / ${results.length - busy.length - results.filter((r) => r.status === 401).length}`);
        assert.ok(health < 1500, `/healthz took ${health} ms`);
        assert.ok(turn < 1500, `a chat turn took ${turn} ms`);
        assert.ok(busy.length > 0 && busy.every((r) => Number(r.headers.get('retry-after')) >= 1), 'sign-ins beyond the queue are told to come back');
        assert.ok(results.every((r) => r.status === 401 || r.status === 429));
    });

    it('25 parallel unverified conversations ask for a callback to one address: at most 3 requests, one confirmation mail', async () => {
        const h = HANDOFF_PHRASES.en;
        const target = 'kim.victim@example.com';
        const customers = Array.from({ length: 25 }, () => harness.customer('en-US'));
        await parallel(25, (i) => customers[i].say(h.human));
        await parallel(25, (i) => customers[i].say('Please call me back'));
        await parallel(25, (i) => customers[i].say(h.yes));
        const replies = (await parallel(25, (i) => customers[i].say(target))).map((r) => r.join('\n'));
        const requests = (await harness.app.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM callback_requests WHERE email = ?', [target]))?.n ?? 0;
        const mails = (await harness.app.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM outbox WHERE to_address = ?', [target]))?.n ?? 0;
        figure('callback requests / mails for one typed address from 25 parallel conversations', `${requests} / ${mails}`, '≤ 3 / ≤ 1');
        assert.ok(requests <= 3, `${requests} callback requests name ${target}`);
        assert.ok(mails <= 1, `${mails} mails went to ${target}`);
        assert.strictEqual(replies.filter((t) => h.callbackCreated.test(t)).length, requests, 'only the stored requests are confirmed in the chat');
        assert.strictEqual(replies.filter((t) => /Several callbacks to that address have been requested today already/.test(t)).length, 25 - requests);
        assert.ok(!replies.some((t) => APOLOGY.test(t)));

        // A person filing again in their own conversation is told about their own limit.
        const again = harness.customer('en-US');
        const own = 'lee.own@example.com';
        for (let i = 0; i < 4; i++) {
            await again.say(h.human);
            await again.say('Please call me back');
            await again.say(h.yes);
            const text = (await again.say(own)).join('\n');
            assert.match(text, i < 3 ? h.callbackCreated : /You've already asked for several callbacks today/);
        }
        assert.strictEqual((await harness.app.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM outbox WHERE to_address = ?', [own]))?.n, 1, 'one confirmation a day');
    });

    it('one admin confirms change requests in 5 conversations at once: at most 3 are filed a day', async () => {
        const p = TASK_PHRASES.en;
        const customers: LoopbackCustomer[] = [];
        for (let i = 0; i < 5; i++) {
            const customer = harness.customer('en-US');
            await customer.say(p.changeContact);
            await customer.say(JONAS);
            await customer.say(await harness.latestCode(JONAS));
            await customer.say('Lea Fischer');
            assert.match((await customer.say(`Anna moves to another team (${i}).`)).join('\n'), p.confirm);
            customers.push(customer);
        }
        const replies = (await parallel(5, (i) => customers[i].say(en.yes))).map((r) => r.join('\n'));
        const filed = (await harness.app.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM change_requests WHERE requester_id = (SELECT id FROM users WHERE email_normalized = ?)', [JONAS]))?.n ?? 0;
        figure('change requests filed by one person from 5 parallel confirmations', filed, '≤ 3');
        assert.ok(filed <= 3, `${filed} change requests were filed`);
        assert.strictEqual(replies.filter((t) => p.filed.test(t)).length, filed);
        assert.ok(!replies.some((t) => APOLOGY.test(t)));
    });
});

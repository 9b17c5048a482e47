import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ManualClock } from '../../core/clock';
import { PortalAccountRepository } from '../../data/repositories/portalAccountRepository';
import { PasswordHasher } from '../../core/passwordHasher';
import { cookieFrom, formFields, nextMail, resetLinkIn } from '../helpers/resetMail';
import { SmtpSink } from '../helpers/smtpSink';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { messageActivity, replyTexts, startTestApp, type TestApp } from '../helpers/testApp';
import { PETER, KLAUS } from '../helpers/demoPeople';

const PUBLIC_URL = 'https://billing.example.test';
const GOOD_PASSWORD = 'correct horse battery staple';

describe('Portal reset page over HTTP (started server, mails through a real SMTP server)', () => {
    let smtp: SmtpSink;
    let server: TestApp;
    let clock: ManualClock;
    before(async () => {
        smtp = await SmtpSink.start();
        clock = new ManualClock(new Date('2026-05-04T08:00:00Z'));
        server = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL }, { clock, mailPollMs: 100 });
    });
    after(async () => {
        await server.stop();
        await smtp.stop();
    });

    /** Asks for a reset in chat over /api/messages; returns the bot's answer to the user ID. */
    async function askReset(conversationId: string, userId: string, locale: string, again = false): Promise<string> {
        const lang = locale.startsWith('de') ? 'de' : 'en';
        // After a link in the conversation, another is asked for plainly (the same question again gets no second link).
        const asked = again ? (lang === 'de' ? 'bitte schicken Sie einen neuen Link' : 'please send a new link') : TASK_PHRASES[lang].resetQuestion;
        const intro = await server.post('/api/messages', messageActivity(conversationId, asked, locale));
        assert.match(replyTexts(intro.json), TASK_PHRASES[lang].askUserId);
        const answer = await server.post('/api/messages', messageActivity(conversationId, userId, locale));
        assert.strictEqual(answer.status, 200);
        return replyTexts(answer.json);
    }

    /** Requests a reset in chat and returns the link from the mail the SMTP server received. */
    async function mailedLink(conversationId: string, userId: string, email: string, locale: string, again = false): Promise<ReturnType<typeof resetLinkIn>> {
        const before = smtp.received.filter((m) => m.to.includes(email)).length;
        const reply = await askReset(conversationId, userId, locale, again);
        assert.doesNotMatch(reply, /portal\/reset|token=/, 'the link never appears in the chat');
        const mail = await nextMail(smtp, email, before);
        return resetLinkIn(mail.text);
    }

    const page = (path: string, headers: Record<string, string> = {}): Promise<Response> => fetch(server.app.url + path, { headers, redirect: 'manual' });
    const submit = (fields: Record<string, string>, headers: Record<string, string>): Promise<Response> =>
        fetch(server.app.url + '/portal/reset', {
            method: 'POST',
            redirect: 'manual',
            headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
            body: new URLSearchParams(fields).toString()
        });

    it('Peter resets with pbrooks: the link from the email works once, the password is stored as a scrypt hash, a "password changed" mail follows', async () => {
        const link = await mailedLink('http-peter', 'pbrooks', PETER, 'en-US');
        assert.ok(link.mailed.startsWith(`${PUBLIC_URL}/portal/reset?token=`), 'the link is built from PUBLIC_URL');

        const form = await page(link.path);
        const html = await form.text();
        assert.strictEqual(form.status, 200);
        assert.match(form.headers.get('content-type') ?? '', /^text\/html; charset=utf-8/);
        assert.match(form.headers.get('content-security-policy') ?? '', /default-src 'none'.*form-action 'self'.*frame-ancestors 'none'/);
        assert.strictEqual(form.headers.get('cache-control'), 'no-store');
        assert.strictEqual(form.headers.get('referrer-policy'), 'same-origin', 'the token in the address never goes to another site, and the browser still sends Origin');
        assert.match(form.headers.get('set-cookie') ?? '', /HttpOnly; SameSite=Strict/);
        assert.match(html, /<html lang="en">/);
        assert.match(html, /Choose a new password/);
        assert.match(html, /For the user ID pbrooks\./);
        assert.doesNotMatch(html, /<script/i, 'no script at all');
        const cookie = cookieFrom(form.headers.get('set-cookie'));
        const fields = formFields(html);
        assert.strictEqual(fields.token, link.token);

        const tooShort = await submit({ ...fields, password: 'short', confirm: 'short' }, { cookie });
        assert.strictEqual(tooShort.status, 400);
        assert.match(await tooShort.text(), /The password must have at least 12 characters\./);
        const mismatch = await submit({ ...fields, password: GOOD_PASSWORD, confirm: `${GOOD_PASSWORD}!` }, { cookie });
        assert.strictEqual(mismatch.status, 400);
        assert.match(await mismatch.text(), /The two passwords are not the same/);
        const sameAsId = await submit({ ...fields, password: 'PBROOKS', confirm: 'PBROOKS' }, { cookie });
        assert.strictEqual(sameAsId.status, 400, 'too short anyway');

        const noCookie = await submit({ ...fields, password: GOOD_PASSWORD, confirm: GOOD_PASSWORD }, {});
        assert.strictEqual(noCookie.status, 403);
        assert.match(await noCookie.text(), /Please open the link again/);
        const otherSite = await submit({ ...fields, password: GOOD_PASSWORD, confirm: GOOD_PASSWORD }, { cookie, origin: 'https://attacker.example' });
        assert.strictEqual(otherSite.status, 403);
        const forgedField = await submit({ ...fields, csrf: 'a'.repeat(64), password: GOOD_PASSWORD, confirm: GOOD_PASSWORD }, { cookie });
        assert.strictEqual(forgedField.status, 403);

        const before = smtp.received.filter((m) => m.to.includes(PETER)).length;
        const done = await submit({ ...fields, password: GOOD_PASSWORD, confirm: GOOD_PASSWORD }, { cookie, origin: server.app.url });
        assert.strictEqual(done.status, 303);
        assert.strictEqual(done.headers.get('location'), '/portal/reset/done?lang=en');
        const confirmation = await page('/portal/reset/done?lang=en');
        assert.strictEqual(confirmation.status, 200);
        assert.match(await confirmation.text(), /Password changed/);

        const stored = await new PortalAccountRepository(server.app.db).passwordHash('U-201');
        assert.match(stored ?? '', /^scrypt\$131072\$8\$1\$/);
        assert.ok(!(stored ?? '').includes(GOOD_PASSWORD));
        assert.ok(await new PasswordHasher().verify(GOOD_PASSWORD, stored ?? ''));
        const changedMail = await nextMail(smtp, PETER, before);
        assert.strictEqual(changedMail.subject, 'Your Corporate Billing Portal password was changed');
        assert.match(changedMail.text, /The Corporate Billing Portal password of the user ID pbrooks was changed on 4 May 2026 at 08:00 UTC/);

        const again = await page(link.path);
        assert.strictEqual(again.status, 410, 'a used link is refused');
        assert.match(await again.text(), /This link can&#39;t be used/);
        const resubmit = await submit({ ...fields, password: 'another long password', confirm: 'another long password' }, { cookie });
        assert.strictEqual(resubmit.status, 410);
        assert.ok(await new PasswordHasher().verify(GOOD_PASSWORD, (await new PortalAccountRepository(server.app.db).passwordHash('U-201')) ?? ''), 'the password stayed');

        const dir = path.dirname(server.dbFile);
        for (const file of fs.readdirSync(dir)) {
            const bytes = fs.readFileSync(path.join(dir, file));
            assert.ok(!bytes.includes(link.token) && !bytes.includes(GOOD_PASSWORD), `${file} holds neither the token nor the password`);
        }
    });

    it('Klaus resets with his email-format user ID in German: a newer link replaces the older, and a link expires after 60 minutes', async () => {
        const first = await mailedLink('http-klaus', KLAUS, KLAUS, 'de-DE');
        const second = await mailedLink('http-klaus', KLAUS, KLAUS, 'de-DE', true);
        assert.notStrictEqual(first.token, second.token);
        assert.strictEqual((await page(first.path)).status, 410, 'the older link no longer works');
        const form = await page(second.path);
        const html = await form.text();
        assert.strictEqual(form.status, 200);
        assert.match(html, /<html lang="de">/);
        assert.match(html, /Neues Kennwort festlegen/);
        assert.match(html, /Für die Benutzer-ID klaus\.bergmann@bergmann-soehne\.example\./);
        const english = await page(second.path.replace('lang=de', 'lang=en'));
        assert.match(await english.text(), /Choose a new password/);

        clock.advance(59 * 60_000);
        assert.strictEqual((await page(second.path)).status, 200, 'still valid after 59 minutes');
        clock.advance(2 * 60_000);
        const expired = await page(second.path);
        assert.strictEqual(expired.status, 410);
        assert.match(await expired.text(), /Dieser Link ist nicht mehr gültig/);
        const cookie = cookieFrom(form.headers.get('set-cookie'));
        const late = await submit({ ...formFields(html), password: GOOD_PASSWORD, confirm: GOOD_PASSWORD }, { cookie });
        assert.strictEqual(late.status, 410);
        assert.strictEqual(await new PortalAccountRepository(server.app.db).passwordHash('U-301'), undefined, 'no password was set');
    });

    it('a made-up user ID gets the same chat answer over HTTP, and no mail leaves', async () => {
        const sent = smtp.received.length;
        const real = await askReset('http-real', 'mbergmann-billing', 'en-US');
        await nextMail(smtp, 'buchhaltung@bergmann-soehne.example', 0);
        const madeUp = await askReset('http-made-up', 'no-such-login', 'en-US');
        assert.strictEqual(madeUp, real);
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert.strictEqual(smtp.received.length, sent + 1);
    });

    it('answers links and forms that are not right without leaking anything', async () => {
        for (const path of ['/portal/reset', '/portal/reset?token=abc', `/portal/reset?token=${'A'.repeat(43)}&lang=de`]) {
            const response = await page(path);
            assert.strictEqual(response.status, 410, path);
            assert.match(await response.text(), /link/i);
        }
        const json = await fetch(server.app.url + '/portal/reset', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
        assert.strictEqual(json.status, 415);
        assert.deepStrictEqual(((await json.json()) as { error: { code: string } }).error.code, 'UnsupportedMediaType');
        const huge = await submit({ token: 'x', password: 'p'.repeat(20_000) }, {});
        assert.strictEqual(huge.status, 413);
        const empty = await submit({}, {});
        assert.strictEqual(empty.status, 403);
    });

    it('twenty parallel posts of one valid link: one password is saved, the others are asked to try again (429) instead of each hashing', async () => {
        const link = await mailedLink('http-peter-flood', 'pbrooks', PETER, 'en-US');
        const form = await page(link.path);
        const cookie = cookieFrom(form.headers.get('set-cookie'));
        const fields = formFields(await form.text());
        const answers = await Promise.all(
            Array.from({ length: 20 }, () => submit({ ...fields, password: GOOD_PASSWORD, confirm: GOOD_PASSWORD }, { cookie, origin: server.app.url }))
        );
        const statuses = answers.map((a) => a.status).sort();
        assert.strictEqual(statuses.filter((s) => s === 303).length, 1, `one post saves the password (${statuses.join(', ')})`);
        const busy = answers.filter((a) => a.status === 429);
        assert.ok(busy.length >= 16, `the posts that came while the password was being saved are refused at once (${statuses.join(', ')})`);
        assert.strictEqual(busy[0].headers.get('retry-after'), '5');
        assert.match(await busy[0].text(), /Please wait a few seconds and click (&quot;|")Save password(&quot;|") again/);
        const health = await fetch(server.app.url + '/healthz');
        assert.strictEqual(health.status, 200);
    });
});

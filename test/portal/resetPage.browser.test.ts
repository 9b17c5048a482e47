import * as assert from 'assert';
import { type Browser } from 'playwright-core';
import { nextMail, resetLinkIn } from '../helpers/resetMail';
import { SmtpSink } from '../helpers/smtpSink';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { messageActivity, replyTexts, startTestApp, type TestApp } from '../helpers/testApp';
import { KLAUS } from '../helpers/demoPeople';
import { seriousAxeFindings } from '../helpers/axeAudit';
import { launchChromium } from '../helpers/chromium';


describe('Portal reset page in Chromium: Klaus sets a new password through the link from his email', function () {
    this.timeout(60_000);
    let smtp: SmtpSink;
    let server: TestApp;
    let browser: Browser;
    const problems: string[] = [];

    before(async () => {
        smtp = await SmtpSink.start();
        server = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://billing.example.test' }, { mailPollMs: 100 });
        browser = await launchChromium();
    });
    after(async () => {
        await browser?.close();
        await server?.stop();
        await smtp?.stop();
    });

    it('shows the German form with its style (CSP allows it), reports a mismatch, saves, and refuses the link afterwards', async () => {
        const de = TASK_PHRASES.de;
        await server.post('/api/messages', messageActivity('browser-klaus', de.resetQuestion, 'de-DE'));
        const reply = await server.post('/api/messages', messageActivity('browser-klaus', KLAUS, 'de-DE'));
        assert.match(replyTexts(reply.json), de.resetRequested);
        const link = resetLinkIn((await nextMail(smtp, KLAUS, 0)).text);

        const page = await browser.newPage();
        page.on('console', (message) => problems.push(`console ${message.type()}: ${message.text()}`));
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
        await page.goto(server.app.url + link.path);
        assert.strictEqual(await page.locator('h1').textContent(), 'Neues Kennwort festlegen');
        assert.strictEqual(await page.evaluate<string>("getComputedStyle(document.querySelector('main')).maxWidth"), '448px', 'the page style is applied');

        assert.deepStrictEqual(await seriousAxeFindings(page), [], 'axe: the form');

        await page.fill('#password', 'ein langer Satz als Kennwort');
        await page.fill('#confirm', 'ein anderer Satz als Kennwort');
        await Promise.all([page.waitForURL('**/portal/reset'), page.click('button[type=submit]')]);
        // The problem is at the field it concerns, tied to it for assistive technology, and has the focus.
        assert.match((await page.locator('#confirm-error').textContent()) ?? '', /Die beiden Kennwörter stimmen nicht überein/);
        await page.locator('#confirm-error:focus').waitFor({ timeout: 5000 });
        assert.strictEqual(await page.locator('#confirm').getAttribute('aria-invalid'), 'true');
        assert.match((await page.locator('#confirm').getAttribute('aria-describedby')) ?? '', /\bconfirm-error\b/);
        assert.strictEqual(await page.locator('#password').getAttribute('aria-invalid'), null, 'the first field is fine');
        assert.deepStrictEqual(await seriousAxeFindings(page), [], 'axe: the form with an error');
        await page.keyboard.press('Tab');
        assert.strictEqual(await page.evaluate<string>('document.activeElement.id'), 'confirm', 'Tab goes on to the field to correct');

        // Too short: the server's message (no browser tooltip), and only that one; the old one is gone.
        await page.fill('#password', 'zu kurz');
        await page.fill('#confirm', 'zu kurz');
        await Promise.all([page.waitForURL('**/portal/reset'), page.click('button[type=submit]')]);
        assert.match((await page.locator('#password-error').textContent()) ?? '', /mindestens 12 Zeichen/);
        assert.strictEqual(await page.locator('.error').count(), 1, 'one problem shown');
        await page.locator('#password-error:focus').waitFor({ timeout: 5000 });
        assert.strictEqual(await page.locator('#password').getAttribute('aria-invalid'), 'true');
        assert.match((await page.locator('#password').getAttribute('aria-describedby')) ?? '', /^password-error hint$/);

        await page.fill('#password', 'ein langer Satz als Kennwort');
        await page.fill('#confirm', 'ein langer Satz als Kennwort');
        await Promise.all([page.waitForURL('**/portal/reset/done?lang=de'), page.click('button[type=submit]')]);
        assert.strictEqual(await page.locator('h1').textContent(), 'Kennwort geändert');
        assert.strictEqual(await page.locator('a[href="https://myaccount.logmeininc.com"]').textContent(), 'https://myaccount.logmeininc.com', 'My Account is a link');
        assert.deepStrictEqual(await seriousAxeFindings(page), [], 'axe: the done page');
        const changed = await nextMail(smtp, KLAUS, 1);
        assert.match(changed.text, /das Kennwort der Benutzer-ID klaus\.bergmann@bergmann-soehne\.example für das Corporate Billing Portal wurde am/);

        await page.goto(server.app.url + link.path);
        assert.strictEqual(await page.locator('h1').textContent(), 'Dieser Link ist nicht mehr gültig');
        assert.deepStrictEqual(await seriousAxeFindings(page), [], 'axe: the used link');
        // The way back to the assistant opens the chat, with the focus in it.
        await page.setViewportSize({ width: 320, height: 640 });
        assert.strictEqual(await page.evaluate<number>('document.documentElement.scrollWidth'), 320, 'no sideways scrolling at 320 px');
        await Promise.all([page.waitForURL('**/?lang=de#assistant'), page.click('text=Zurück zum Assistenten für Abrechnungskontakte')]);
        await page.locator('#chat-panel').waitFor({ state: 'visible' });
        await page.locator('#chat-panel :focus, #chat-panel:focus').first().waitFor({ timeout: 10_000 });
        await page.close();
        // The 400 (mismatch) and 410 (used link) pages are logged as failed loads; anything else, a CSP violation say, is a problem.
        assert.deepStrictEqual(problems.filter((p) => !/Failed to load resource: the server responded with a status of (400|404|410)/.test(p)), []);
    });
});

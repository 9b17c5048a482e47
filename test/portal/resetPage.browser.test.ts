import * as assert from 'assert';
import * as fs from 'fs';
import { chromium, type Browser } from 'playwright-core';
import { nextMail, resetLinkIn } from '../helpers/resetMail';
import { SmtpSink } from '../helpers/smtpSink';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { messageActivity, replyTexts, startTestApp, type TestApp } from '../helpers/testApp';
import { KLAUS } from '../helpers/demoPeople';

const CHROMIUM = '/usr/bin/chromium';

describe('Portal reset page in Chromium: Klaus sets a new password through the link from his email', function () {
    this.timeout(60_000);
    let smtp: SmtpSink;
    let server: TestApp;
    let browser: Browser;
    const problems: string[] = [];

    before(async () => {
        assert.ok(fs.existsSync(CHROMIUM), `Chromium is needed at ${CHROMIUM} (apt-get install -y chromium)`);
        smtp = await SmtpSink.start();
        server = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://billing.example.test' }, { mailPollMs: 100 });
        browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
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

        await page.fill('#password', 'ein langer Satz als Kennwort');
        await page.fill('#confirm', 'ein anderer Satz als Kennwort');
        await Promise.all([page.waitForURL('**/portal/reset'), page.click('button[type=submit]')]);
        assert.match((await page.locator('[role=alert]').textContent()) ?? '', /Die beiden Kennwörter stimmen nicht überein/);

        await page.fill('#password', 'ein langer Satz als Kennwort');
        await page.fill('#confirm', 'ein langer Satz als Kennwort');
        await Promise.all([page.waitForURL('**/portal/reset/done?lang=de'), page.click('button[type=submit]')]);
        assert.strictEqual(await page.locator('h1').textContent(), 'Kennwort geändert');
        const changed = await nextMail(smtp, KLAUS, 1);
        assert.match(changed.text, /das Kennwort der Benutzer-ID klaus\.bergmann@bergmann-soehne\.example für das Corporate Billing Portal wurde am/);

        await page.goto(server.app.url + link.path);
        assert.strictEqual(await page.locator('h1').textContent(), 'Dieser Link ist nicht mehr gültig');
        await page.close();
        // The 400 (mismatch) and 410 (used link) pages are logged as failed loads; anything else, a CSP violation say, is a problem.
        assert.deepStrictEqual(problems.filter((p) => !/Failed to load resource: the server responded with a status of (400|404|410)/.test(p)), []);
    });
});

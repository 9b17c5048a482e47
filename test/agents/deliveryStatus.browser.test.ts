import * as assert from 'assert';
import { type Browser, type Page } from 'playwright-core';
import { AppHarness, DEMO_PASSWORD } from '../helpers/appHarness';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import { launchChromium } from '../helpers/chromium';


/**
 * The console shows how far each of the agent's messages got, live: sent,
 * delivered, or not delivered with a button to send it again; and a line
 * when the customer ends the chat.
 */
describe('Agent console in Chromium: delivery of the agent\'s messages, and the customer ending the chat', function () {
    this.timeout(90_000);
    let harness: AppHarness;
    let browser: Browser;
    let page: Page;

    before(async () => {
        harness = await AppHarness.start({}, { deliveryPolicy: { firstRetryMs: 50, maxRetryMs: 200, maxAttempts: 2, pollMs: 50 } });
        browser = await launchChromium();
        page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
    });
    after(async () => {
        await browser?.close();
        await harness?.close();
    });

    it('[de] delivered, not delivered → "Erneut senden" → delivered; then the customer ends the chat', async () => {
        const h = HANDOFF_PHRASES.de;
        await page.goto(`${harness.url}/agent?lang=de`);
        await page.getByLabel('Anmeldename').fill('erika');
        await page.getByLabel('Kennwort').fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'Anmelden' }).click();
        await page.getByText('Angemeldet als Erika Mustermann').waitFor();

        const customer = harness.customer('de-DE');
        assert.match((await customer.say(h.human)).join('\n'), h.askDescription);
        assert.match((await customer.say('Rechnung falsch')).join('\n'), h.waitPrompt);
        await page.locator('#waiting-list li').filter({ hasText: 'Rechnung falsch' }).getByRole('button', { name: /Öffnen/ }).click();
        await page.getByRole('button', { name: 'Annehmen' }).click();
        await customer.waitFor(h.agentJoined);

        const textbox = page.getByLabel('Nachricht an den Kunden');
        await textbox.fill('Erste Nachricht');
        await textbox.press('Enter');
        await customer.waitFor(/^Erika Mustermann: Erste Nachricht$/);
        await page.locator('#messages li', { hasText: 'Erste Nachricht' }).filter({ hasText: 'zugestellt' }).waitFor();

        harness.channel.refusing = true;
        await textbox.fill('Zweite Nachricht');
        await textbox.press('Enter');
        const second = page.locator('#messages li', { hasText: 'Zweite Nachricht' });
        await second.locator('.delivery.failed', { hasText: 'nicht zugestellt' }).waitFor().catch(async (err: Error) => {
            // What the agent saw instead, for whoever reads a failure.
            throw new Error(`${err.message}\nTranscript on the page:\n${await page.locator('#messages').innerText()}\nError line: ${await page.locator('#chat-error').innerText()}`);
        });
        harness.channel.refusing = false;
        await second.getByRole('button', { name: 'Erneut senden: Zweite Nachricht' }).click();
        await customer.waitFor(/^Erika Mustermann: Zweite Nachricht$/);
        await second.filter({ hasText: /zugestellt/ }).filter({ hasNotText: 'nicht zugestellt' }).waitFor();
        assert.strictEqual(await second.getByRole('button').count(), 0, 'no button once delivered');

        const replies = await customer.say('Chat beenden');
        assert.match(replies.join('\n'), /Sie haben den Chat mit Erika Mustermann beendet\./);
        await page.locator('#messages li.system', { hasText: 'Der Kunde hat den Chat beendet' }).waitFor();
        await page.locator('#chat-hint', { hasText: 'Der Kunde hat den Chat verlassen. Das Gespräch ist beendet.' }).waitFor();
    });
});

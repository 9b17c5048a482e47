import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { type Browser, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../paths';
import { AppHarness, DEMO_PASSWORD } from '../helpers/appHarness';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import { AgentClient } from '../helpers/agentClient';
import { launchChromium } from '../helpers/chromium';

const HOSTILE = '<img src=x onerror="window.__xss = 1">Rechnung';

describe('Agent console in Chromium', function () {
    this.timeout(90_000);
    let harness: AppHarness;
    let browser: Browser;
    let page: Page;

    before(async function () {
        harness = await AppHarness.start();
        browser = await launchChromium();
        page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
    });

    after(async () => {
        await browser?.close();
        await harness?.close();
    });

    it('an agent signs in, takes a German conversation, chats with the customer and hands back to the bot', async () => {
        const h = HANDOFF_PHRASES.de;
        // John (English only) is signed in elsewhere, so he can be chosen for a transfer, which the server refuses.
        assert.strictEqual((await new AgentClient(harness.url).login('john', DEMO_PASSWORD)).status, 200);
        await page.goto(`${harness.url}/agent?lang=de`);
        await page.getByLabel('Anmeldename').fill('erika');
        await page.getByLabel('Kennwort').fill('wrong-password-1');
        await page.getByRole('button', { name: 'Anmelden' }).click();
        await page.getByRole('alert').filter({ hasText: 'Anmeldename oder Kennwort ist falsch.' }).waitFor();
        await page.getByLabel('Kennwort').fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'Anmelden' }).click();
        await page.getByText('Angemeldet als Erika Mustermann').waitFor();
        await page.getByText('Niemand wartet.').waitFor();

        // A German customer asks for a person while the console is open: the queue updates live.
        const customer = harness.customer('de-DE');
        assert.match((await customer.say('Mitarbeiter bitte')).join('\n'), h.askDescription);
        assert.match((await customer.say(HOSTILE)).join('\n'), h.waitPrompt);

        // The waiting conversation, its description shown as text, never as markup.
        const card = page.locator('#waiting-list li').filter({ hasText: 'Rechnung' });
        await card.waitFor();
        assert.strictEqual(await card.locator('.description').textContent(), HOSTILE);
        assert.strictEqual(await page.locator('#waiting-list img').count(), 0);
        assert.match((await card.locator('.meta').first().textContent()) ?? '', /Nr\. 1 · Deutsch/);
        await card.getByRole('button', { name: /Öffnen/ }).click();
        await page.getByText('Diese Person wartet noch.').waitFor();
        assert.match((await page.locator('#context-card').textContent()) ?? '', /SpracheDeutsch/);
        await page.getByRole('button', { name: 'Annehmen' }).click();
        await customer.waitFor(h.agentJoined);

        const textbox = page.getByLabel('Nachricht an den Kunden');
        await textbox.waitFor();
        await page.getByLabel('Textbaustein (in der Sprache des Kunden)').selectOption({ label: 'Begrüßung' });
        await page.getByRole('button', { name: 'Einfügen' }).click();
        assert.strictEqual(await textbox.inputValue(), 'Guten Tag, hier ist der Kundendienst. Wie kann ich Ihnen helfen?');
        await page.getByRole('button', { name: 'Senden' }).click();
        await customer.waitFor(/^Erika Mustermann: Guten Tag, hier ist der Kundendienst\. Wie kann ich Ihnen helfen\?$/);

        assert.deepStrictEqual(await customer.say('Meine Rechnung hat die falsche Adresse <b>bitte</b> ändern'), []);
        const incoming = page.locator('#messages li.customer').filter({ hasText: 'Meine Rechnung hat die falsche Adresse' });
        await incoming.waitFor();
        assert.strictEqual(await incoming.locator('.text').textContent(), 'Meine Rechnung hat die falsche Adresse <b>bitte</b> ändern');
        assert.strictEqual(await page.locator('#messages b').count(), 0);
        assert.strictEqual(await page.locator('#messages').getAttribute('aria-live'), 'polite');

        await textbox.fill('Ich habe die Adresse korrigiert.');
        await textbox.press('Enter');
        await customer.waitFor(/^Erika Mustermann: Ich habe die Adresse korrigiert\.$/);
        assert.strictEqual(await page.evaluate('window.__xss'), undefined, 'no markup from the chat ever ran');

        // John speaks only English: the transfer is refused and the console says why, in German.
        await page.getByLabel('Mitarbeiter', { exact: true }).selectOption('john');
        await page.getByRole('button', { name: 'Weiterleiten' }).click();
        await page.locator('#chat-error').filter({ hasText: 'Das hat nicht funktioniert: Dieser Mitarbeiter spricht die Sprache des Kunden nicht.' }).waitFor();

        fs.mkdirSync(path.join(PROJECT_ROOT, 'test-results'), { recursive: true });
        await page.screenshot({ path: path.join(PROJECT_ROOT, 'test-results', 'agent-console.png'), fullPage: true });

        await page.getByLabel('Notiz für das Protokoll (optional)').fill('Adresse korrigiert');
        await page.getByRole('button', { name: 'Beenden und an den Bot zurückgeben' }).click();
        await customer.waitFor(/Sie sind wieder beim Assistenten für Abrechnungskontakte: Erika Mustermann hat das Gespräch an mich zurückgegeben/);
        await customer.waitFor(h.rateChat);
        await page.getByText('Dieses Gespräch ist beendet.').waitFor();
        await page.locator('#messages li.system').filter({ hasText: 'Notiz: Adresse korrigiert' }).waitFor();

        // The bot has the conversation again.
        assert.match((await customer.say('Wer ist mein Abrechnungskontakt?')).join('\n'), /Mit welcher E-Mail-Adresse melden Sie sich/);
    });

    it('switches the console to English', async () => {
        await page.getByLabel('Sprache', { exact: true }).selectOption('en');
        await page.getByText('Signed in as Erika Mustermann').waitFor();
        assert.strictEqual(await page.locator('html').getAttribute('lang'), 'en');
    });
});

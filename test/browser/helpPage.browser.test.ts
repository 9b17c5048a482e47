import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { type Browser, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../paths';
import { PHRASES } from '../helpers/phrases';
import { startRunningApp, type RunningApp } from '../helpers/runningApp';
import { JONAS } from '../helpers/demoPeople';
import { launchChromium } from '../helpers/chromium';

const SCREENSHOTS = path.join(PROJECT_ROOT, 'test-results');

/** Waits until the chat transcript shows `text` (the widget renders asynchronously). */
async function chatShows(page: Page, text: string | RegExp, timeout = 15_000): Promise<void> {
    await page.locator('#webchat', { hasText: text }).waitFor({ timeout });
}

/** Types a message into Web Chat's send box and sends it. */
async function type(page: Page, text: string): Promise<void> {
    const input = page.locator('.webchat__send-box-text-box__input');
    await input.fill(text);
    await input.press('Enter');
}

describe('Help page in Chromium: the Web Chat widget over the built-in Direct Line', function () {
    this.timeout(120_000);
    let running: RunningApp;
    let browser: Browser;
    const errors: string[] = [];

    before(async () => {
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
        running = await startRunningApp();
        browser = await launchChromium();
    });
    after(async () => {
        await browser?.close();
        await running?.close();
    });

    async function open(viewport: { width: number; height: number }, query: string): Promise<Page> {
        const context = await browser.newContext({ viewport, locale: 'de-DE' });
        const page = await context.newPage();
        page.on('pageerror', (err) => errors.push(err.message));
        await page.goto(`${running.url}/${query}`);
        return page;
    }

    it('[de] chats through case b for Jonas Weber, survives a reload, and follows the language switch', async () => {
        const p = PHRASES.de;
        const page = await open({ width: 1280, height: 860 }, '?lang=de');
        assert.strictEqual(await page.locator('h1').innerText(), 'Wer ist der Abrechnungskontakt für mein Konto?');
        assert.ok(await page.locator('#chat-panel').isHidden(), 'the chat starts closed');

        await page.click('#chat-launcher');
        await chatShows(page, p.welcome);
        await chatShows(page, p.menu);
        await page.locator('.webchat__suggested-actions__button', { hasText: p.whoIs }).click();
        await chatShows(page, p.askEmail);
        await type(page, JONAS);
        await chatShows(page, p.codeSent);
        await type(page, await running.latestCode(JONAS));
        await chatShows(page, 'Anna Müller (anna.mueller@mueller-design.example)');
        await chatShows(page, p.offerEmail);
        await page.screenshot({ path: path.join(SCREENSHOTS, 'help-page-chat-de.png') });

        await page.reload();
        await chatShows(page, 'Anna Müller (anna.mueller@mueller-design.example)');
        const transcript = await page.locator('#webchat').innerText();
        for (const earlier of [JONAS, p.whoIs]) {
            assert.ok(transcript.includes(earlier), `after the reload the conversation still shows "${earlier}"`);
        }
        assert.ok(await page.locator('#chat-panel').isVisible(), 'the open chat stays open');
        await page.screenshot({ path: path.join(SCREENSHOTS, 'help-page-after-reload.png') });

        // The open chat is modal: the page's own switch is reached after closing it.
        await page.keyboard.press('Escape');
        await page.click('a[hreflang="en"]');
        await page.waitForURL(/lang=en/);
        assert.strictEqual(await page.locator('h1').innerText(), 'Who is the billing contact for my account?');
        await page.click('#chat-launcher');
        await chatShows(page, 'Anna Müller (anna.mueller@mueller-design.example)');
        assert.strictEqual(await page.locator('.webchat__send-box-text-box__input').getAttribute('placeholder'), 'Type your message', 'the widget speaks the page language');
        await chatShows(page, /continue in English/);
        await chatShows(page, 'Shall I email Anna Müller for you?');
        await type(page, PHRASES.en.noThanks);
        await chatShows(page, PHRASES.en.anythingElse);
        assert.deepStrictEqual(errors, [], 'no script errors on the page');
    });

    it('[en] on a phone the open chat fills the screen, a related topic is asked in the chat, and a new conversation can be started', async () => {
        const page = await open({ width: 390, height: 844 }, '?lang=en');
        await page.getByRole('button', { name: 'Changing your GoToMeeting payment method' }).click();
        await chatShows(page, 'How do I change my payment method?');
        await chatShows(page, /payment method/i);
        const panel = await page.locator('#chat-panel').boundingBox();
        assert.deepStrictEqual([panel?.x, panel?.y, panel?.width, panel?.height], [0, 0, 390, 844], 'full screen');
        assert.ok(await page.locator('#chat-launcher').isHidden(), 'the launcher does not cover the send box');
        await page.screenshot({ path: path.join(SCREENSHOTS, 'help-page-phone-en.png') });
        await page.click('#chat-restart');
        await page.locator('#webchat', { hasText: 'How do I change my payment method?' }).waitFor({ state: 'detached', timeout: 15_000 });
        await chatShows(page, PHRASES.en.menu);
        await page.click('#chat-close');
        assert.ok(await page.locator('#chat-panel').isHidden());
        assert.ok(await page.locator('#chat-launcher').isVisible());
        assert.deepStrictEqual(errors, []);
    });
});

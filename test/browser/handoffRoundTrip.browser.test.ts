import * as assert from 'assert';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { AgentClient } from '../helpers/agentClient';
import { AppHarness } from '../helpers/appHarness';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import { PHRASES } from '../helpers/phrases';
import { launchChromium } from '../helpers/chromium';


interface QueueBody {
    waiting: Array<{ id: number }>;
}

interface DetailBody {
    messages: Array<{ sender: string; text?: string }>;
}

async function chatShows(page: Page, text: string | RegExp, timeout = 15_000): Promise<void> {
    try {
        await page.locator('#webchat', { hasText: text }).waitFor({ timeout });
    } catch (err) {
        throw new Error(`the chat does not show ${String(text)}; it shows:\n${await page.locator('#webchat').innerText()}`);
    }
}

/**
 * Waits until the bubble with `text` is inside the transcript's visible part, as
 * a customer would see it without scrolling; fails with where the transcript stands.
 */
async function inView(page: Page, text: string): Promise<void> {
    // Runs in the page (a string: this project compiles without the DOM's types).
    const seen = async (): Promise<{ shown: boolean; scrollTop: number; scrollHeight: number }> =>
        (await page.evaluate(`(() => {
            const scrollable = document.querySelector('.webchat__basic-transcript__scrollable');
            const bubbles = Array.from(document.querySelectorAll('.webchat__bubble__content')).filter((bubble) => bubble.textContent.includes(${JSON.stringify(text)}));
            const box = scrollable.getBoundingClientRect();
            const at = bubbles.length ? bubbles[bubbles.length - 1].getBoundingClientRect() : undefined;
            return { shown: at !== undefined && at.top >= box.top - 1 && at.bottom <= box.bottom + 1, scrollTop: scrollable.scrollTop, scrollHeight: scrollable.scrollHeight };
        })()`)) as { shown: boolean; scrollTop: number; scrollHeight: number };
    const deadline = Date.now() + 5_000;
    let last = await seen();
    while (!last.shown && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        last = await seen();
    }
    assert.ok(last.shown, `"${text}" is out of view: the transcript stands at ${last.scrollTop} of ${last.scrollHeight}`);
}

async function type(page: Page, text: string): Promise<void> {
    const input = page.locator('.webchat__send-box-text-box__input');
    await input.fill(text);
    await input.press('Enter');
}

async function waitUntil(check: () => Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + 15_000;
    while (!(await check())) {
        if (Date.now() > deadline) {
            throw new Error(`timed out waiting until ${what}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}

/**
 * The whole customer ↔ agent round trip as a help-page visitor lives it: Web
 * Chat in Chromium over the built-in Direct Line, the agent on the console's
 * HTTP API.
 */
describe('Help page in Chromium: a Web Chat customer and an agent', function () {
    this.timeout(120_000);
    let harness: AppHarness;
    let browser: Browser;
    const errors: string[] = [];

    before(async () => {
        harness = await AppHarness.start();
        browser = await launchChromium();
    });
    after(async () => {
        await browser?.close();
        await harness?.close();
    });

    for (const lang of ['de', 'en'] as const) {
        it(`[${lang}] accept, two messages each way, hand-back, and a follow-up the bot answers`, async () => {
            const h = HANDOFF_PHRASES[lang];
            const p = PHRASES[lang];
            const words = {
                de: ['Guten Tag, ich sehe mir das an.', 'Erledigt, die Adresse ist korrigiert.', 'Vielen Dank!', 'Noch eine Frage zur Rechnung', 'Gern geschehen.'],
                en: ['Hello, I am looking into it.', 'Done, the address is fixed.', 'Thanks a lot!', 'One more question about the invoice', 'You are welcome.']
            }[lang];
            const erika = await harness.signedIn('erika');
            const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: lang === 'de' ? 'de-DE' : 'en-US' });
            const page = await context.newPage();
            page.on('pageerror', (err) => errors.push(err.message));
            await page.goto(`${harness.url}/?lang=${lang}`);
            await page.click('#chat-launcher');
            await chatShows(page, p.menu);

            await type(page, h.human);
            await chatShows(page, h.askDescription);
            await type(page, h.skip);
            // Web Chat renders markdown with typographic quotes: “cancel”.
            await chatShows(page, /(to leave the queue|verlassen Sie die Warteschlange)\./);
            const waiting = (await erika.get<QueueBody>('/agent/api/queue')).body.waiting;
            assert.strictEqual(waiting.length, 1);
            const id = waiting[0].id;

            assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/accept`)).status, 200);
            await chatShows(page, h.agentJoined);
            await erika.post(`/agent/api/handoffs/${id}/messages`, { text: words[0] });
            await erika.post(`/agent/api/handoffs/${id}/messages`, { text: words[1] });
            await chatShows(page, `Erika Mustermann: ${words[0]}`);
            await chatShows(page, `Erika Mustermann: ${words[1]}`);
            // Nobody typed: the agent's newest line still comes into view, not behind "New messages".
            await inView(page, `Erika Mustermann: ${words[1]}`);

            await type(page, words[2]);
            await type(page, words[3]);
            await erika.post(`/agent/api/handoffs/${id}/messages`, { text: words[4] });
            await inView(page, `Erika Mustermann: ${words[4]}`);
            await waitUntil(async () => {
                const detail = (await erika.get<DetailBody>(`/agent/api/handoffs/${id}`)).body;
                return detail.messages.filter((m) => m.sender === 'customer').length === 2;
            }, 'the agent has both customer messages');
            const detail = (await erika.get<DetailBody>(`/agent/api/handoffs/${id}`)).body;
            assert.deepStrictEqual(detail.messages.filter((m) => m.sender === 'customer').map((m) => m.text), [words[2], words[3]]);

            assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/close`)).status, 200);
            await chatShows(page, h.handedBack);
            await chatShows(page, h.rateChat);
            await type(page, p.whoIs);
            await chatShows(page, p.askEmail);

            for (const text of [`Erika Mustermann: ${words[0]}`, `Erika Mustermann: ${words[1]}`, `Erika Mustermann: ${words[4]}`]) {
                assert.strictEqual(await page.locator('.webchat__bubble__content', { hasText: text }).count(), 1, `"${text}" shows once`);
            }
            await context.close();
            assert.deepStrictEqual(errors, [], 'no script errors on the page');
        });
    }

    /** A visitor of the help page in `lang` at `viewport`, in a live chat Erika has accepted. */
    async function inLiveChat(lang: 'de' | 'en', viewport: { width: number; height: number }): Promise<{ erika: AgentClient; context: BrowserContext; page: Page; id: number }> {
        const h = HANDOFF_PHRASES[lang];
        const erika = await harness.signedIn('erika');
        const context = await browser.newContext({ viewport, locale: lang === 'de' ? 'de-DE' : 'en-US' });
        const page = await context.newPage();
        page.on('pageerror', (err) => errors.push(err.message));
        await page.goto(`${harness.url}/?lang=${lang}`);
        await page.click('#chat-launcher');
        await chatShows(page, PHRASES[lang].menu);
        await type(page, h.human);
        await chatShows(page, h.askDescription);
        await type(page, h.skip);
        await chatShows(page, /(to leave the queue|verlassen Sie die Warteschlange)\./);
        const id = (await erika.get<QueueBody>('/agent/api/queue')).body.waiting[0].id;
        await erika.post(`/agent/api/handoffs/${id}/accept`);
        await chatShows(page, h.agentJoined);
        return { erika, context, page, id };
    }

    it('[de] at 1366x768: agent lines while the panel was closed, the hand-back and its rating question come into view; reading back is left alone', async () => {
        const h = HANDOFF_PHRASES.de;
        const { erika, context, page, id } = await inLiveChat('de', { width: 1366, height: 768 });

        await page.click('#chat-close');
        await erika.post(`/agent/api/handoffs/${id}/messages`, { text: 'Ich habe Ihr Konto gefunden.' });
        await erika.post(`/agent/api/handoffs/${id}/messages`, { text: 'Die Adresse ist jetzt korrigiert.' });
        await page.locator('#chat-badge').waitFor();
        await page.click('#chat-launcher');
        await inView(page, 'Erika Mustermann: Die Adresse ist jetzt korrigiert.');

        await type(page, 'Ok, vielen Dank!');
        await waitUntil(async () => (await erika.get<DetailBody>(`/agent/api/handoffs/${id}`)).body.messages.some((m) => m.text === 'Ok, vielen Dank!'), 'the agent has the thanks');
        await erika.post(`/agent/api/handoffs/${id}/close`);
        await chatShows(page, h.rateChat);
        await inView(page, 'Hat Ihnen der Chat mit Erika Mustermann geholfen?');
        await context.close();
        assert.deepStrictEqual(errors, [], 'no script errors on the page');
    });

    it('[en] a customer who scrolled up to read is not pulled down by the agent\'s next line', async () => {
        const { erika, context, page, id } = await inLiveChat('en', { width: 1280, height: 860 });
        for (const line of ['One moment please.', 'I am checking your account.', 'Still checking.']) {
            await erika.post(`/agent/api/handoffs/${id}/messages`, { text: line });
            await chatShows(page, `Erika Mustermann: ${line}`);
        }
        await inView(page, 'Erika Mustermann: Still checking.');
        const transcript = page.locator('.webchat__basic-transcript__scrollable');
        await transcript.hover();
        await page.mouse.wheel(0, -2000);
        await waitUntil(async () => ((await page.evaluate(`document.querySelector('.webchat__basic-transcript__scrollable').scrollTop`)) as number) < 5, 'the transcript is at its top');
        await erika.post(`/agent/api/handoffs/${id}/messages`, { text: 'Found it.' });
        await chatShows(page, 'Erika Mustermann: Found it.');
        await new Promise((resolve) => setTimeout(resolve, 1500));
        assert.ok(((await page.evaluate(`document.querySelector('.webchat__basic-transcript__scrollable').scrollTop`)) as number) < 5, 'still reading at the top');
        await erika.post(`/agent/api/handoffs/${id}/close`);
        await context.close();
        assert.deepStrictEqual(errors, [], 'no script errors on the page');
    });

    /** A German visitor with the help page's chat open at the menu. */
    async function openGermanChat(): Promise<{ context: BrowserContext; page: Page }> {
        const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'de-DE' });
        const page = await context.newPage();
        page.on('pageerror', (err) => errors.push(err.message));
        await page.goto(`${harness.url}/?lang=de`);
        await page.click('#chat-launcher');
        await chatShows(page, PHRASES.de.menu);
        return { context, page };
    }

    it('[de] "Die Rechnungsadresse ist falsch, …" as what it is about: queued with those words, no verification started', async () => {
        const h = HANDOFF_PHRASES.de;
        const erika = await harness.signedIn('erika');
        const { context, page } = await openGermanChat();
        await type(page, 'kann ich bitte mit einem menschen sprechen');
        await chatShows(page, h.askDescription);
        await type(page, 'Die Rechnungsadresse ist falsch, Firma heisst jetzt Müller Design GmbH & Co. KG');
        await chatShows(page, /verlassen Sie die Warteschlange\./);
        assert.doesNotMatch(await page.locator('#webchat').innerText(), PHRASES.de.askEmail);
        const waiting = (await erika.get<{ waiting: Array<{ id: number; description?: string }> }>('/agent/api/queue')).body.waiting;
        assert.ok(waiting.some((entry) => /Rechnungsadresse ist falsch/.test(entry.description ?? '')), 'the agents read the description');
        // The customer leaves the queue, so the next test's customer is the only one waiting.
        await page.locator('.webchat__suggested-actions__button', { hasText: 'Warteschlange verlassen' }).click();
        await chatShows(page, h.left);
        await context.close();
        assert.deepStrictEqual(errors, [], 'no script errors on the page');
    });

    it('[de] the customer ends the live chat with the "Chat beenden" button; the agent sees it, and the bot answers again', async () => {
        const h = HANDOFF_PHRASES.de;
        const erika = await harness.signedIn('erika');
        const { context, page } = await openGermanChat();
        await type(page, h.human);
        await chatShows(page, h.askDescription);
        await type(page, h.skip);
        await chatShows(page, /verlassen Sie die Warteschlange\./);
        const id = (await erika.get<QueueBody>('/agent/api/queue')).body.waiting[0].id;
        await erika.post(`/agent/api/handoffs/${id}/accept`);
        await erika.post(`/agent/api/handoffs/${id}/messages`, { text: 'Was kann ich für Sie tun?' });
        await chatShows(page, 'Erika Mustermann: Was kann ich für Sie tun?');

        await page.locator('.webchat__suggested-actions__button', { hasText: 'Chat beenden' }).click();
        await chatShows(page, 'Sie haben den Chat mit Erika Mustermann beendet.');
        await chatShows(page, HANDOFF_PHRASES.de.rateChat);
        const detail = (await erika.get<DetailBody & { status: string }>(`/agent/api/handoffs/${id}`)).body;
        assert.strictEqual(detail.status, 'closed');
        await type(page, PHRASES.de.whoIs);
        await chatShows(page, PHRASES.de.askEmail);
        await context.close();
        assert.deepStrictEqual(errors, [], 'no script errors on the page');
    });
});

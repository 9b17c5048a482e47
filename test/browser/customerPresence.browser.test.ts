import * as assert from 'assert';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AppHarness, DEMO_PASSWORD } from '../helpers/appHarness';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import { PHRASES } from '../helpers/phrases';
import { launchChromium } from '../helpers/chromium';
import { eventually } from '../helpers/eventually';

/** The grace period of the test app: a closed page shows after it, a reload comes back well within it. */
const GRACE_SECONDS = 3;

const STORAGE_KEY = 'billingContactAssistant.chat';

async function chatShows(page: Page, text: string | RegExp, timeout = 15_000): Promise<void> {
    try {
        await page.locator('#webchat', { hasText: text }).waitFor({ timeout });
    } catch {
        throw new Error(`the chat does not show ${String(text)}; it shows:\n${await page.locator('#webchat').innerText()}`);
    }
}

async function type(page: Page, text: string): Promise<void> {
    const input = page.locator('.webchat__send-box-text-box__input');
    await input.fill(text);
    await input.press('Enter');
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A customer whose help page (Web Chat over the built-in Direct Line) is
 * closed while waiting for an agent or talking to one: the agent console, in
 * a second Chromium page, shows it after the grace period; a reload within it
 * leaves no mark; coming back (the tab reopened with its session) clears it.
 */
describe('Help page in Chromium: the agent console sees a customer close the page and come back', function () {
    this.timeout(150_000);
    let harness: AppHarness;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    const errors: string[] = [];

    before(async () => {
        harness = await AppHarness.start({ CUSTOMER_AWAY_SECONDS: String(GRACE_SECONDS) });
        browser = await launchChromium();
    });
    after(async () => {
        await browser?.close();
        await harness?.close();
    });

    async function newContext(lang: 'de' | 'en'): Promise<BrowserContext> {
        const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: lang === 'de' ? 'de-DE' : 'en-US' });
        contexts.push(context);
        return context;
    }

    async function agentConsole(lang: 'de' | 'en'): Promise<Page> {
        const page = await (await newContext(lang)).newPage();
        page.on('pageerror', (err) => errors.push(`console: ${err.message}`));
        const words = lang === 'de' ? { login: 'Anmeldename', password: 'Kennwort', submit: 'Anmelden', done: 'Angemeldet als' } : { login: 'Login', password: 'Password', submit: 'Sign in', done: 'Signed in as' };
        await page.goto(`${harness.url}/agent?lang=${lang}`);
        await page.getByLabel(words.login, { exact: true }).fill('erika');
        await page.getByLabel(words.password, { exact: true }).fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: words.submit, exact: true }).click();
        await page.getByText(words.done).waitFor();
        return page;
    }

    /** A customer on the help page who asked for a human with `description` and waits in the queue. */
    async function waitingCustomer(lang: 'de' | 'en', description: string): Promise<Page> {
        const h = HANDOFF_PHRASES[lang];
        const page = await (await newContext(lang)).newPage();
        page.on('pageerror', (err) => errors.push(`help page: ${err.message}`));
        await page.goto(`${harness.url}/?lang=${lang}`);
        await page.click('#chat-launcher');
        await chatShows(page, PHRASES[lang].menu);
        await type(page, h.human);
        await chatShows(page, h.askDescription);
        await type(page, description);
        await chatShows(page, h.waitPrompt);
        return page;
    }

    /** Closes the tab; returns what reopening it (Chromium restores the tab's session storage) needs. */
    async function closeTab(page: Page): Promise<{ context: BrowserContext; session: string; url: string }> {
        const session = (await page.evaluate(`sessionStorage.getItem('${STORAGE_KEY}')`)) as string;
        assert.ok(session, 'the help page keeps its conversation in the session');
        const url = page.url();
        const context = page.context();
        await page.close();
        return { context, session, url };
    }

    async function reopenTab(tab: { context: BrowserContext; session: string; url: string }, shows: RegExp): Promise<Page> {
        const page = await tab.context.newPage();
        page.on('pageerror', (err) => errors.push(`help page: ${err.message}`));
        await page.addInitScript({ content: `sessionStorage.setItem(${JSON.stringify(STORAGE_KEY)}, ${JSON.stringify(tab.session)});` });
        await page.goto(tab.url);
        await chatShows(page, shows);
        return page;
    }

    it('[en] waiting: the closed page is marked after the grace period and no longer ahead of the next person; reload leaves no mark; back clears it', async () => {
        const agent = await agentConsole('en');
        const first = await waitingCustomer('en', 'Presence first invoice');
        const second = await waitingCustomer('en', 'Presence second invoice');
        const cards = agent.locator('#waiting-list li');
        const cardOf = (text: string) => cards.filter({ hasText: text });
        await cardOf('Presence second invoice').waitFor();
        const marked = async (text: string): Promise<boolean> => (await cardOf(text).locator('.badge.away').count()) > 0;
        const order = async (): Promise<string[]> => (await cards.allInnerTexts()).map((t) => (/Presence (first|second)/.exec(t) ?? [])[1] ?? '?');

        await first.reload();
        await chatShows(first, HANDOFF_PHRASES.en.waitPrompt);
        await sleep((GRACE_SECONDS + 2) * 1000);
        assert.strictEqual(await marked('Presence first invoice'), false, 'a reload within the grace period leaves no mark');

        const tab = await closeTab(first);
        assert.strictEqual(await marked('Presence first invoice'), false, 'no mark before the grace period is over');
        await eventually('the console marks the closed page', () => marked('Presence first invoice'));
        assert.match(await cardOf('Presence first invoice').innerText(), /Page closed since \d/);
        await eventually('the person still there is first', async () => (await order()).join() === 'second,first');
        assert.match(await cardOf('Presence second invoice').innerText(), /#1\b/);
        assert.strictEqual(await marked('Presence second invoice'), false, 'the person still there is not marked');

        const back = await reopenTab(tab, HANDOFF_PHRASES.en.waitPrompt);
        await eventually('the mark goes when the person is back', async () => !(await marked('Presence first invoice')));
        await eventually('the first comer is first again', async () => (await order()).join() === 'first,second');
        await back.close();
        await second.close();
        assert.deepStrictEqual(errors, [], 'no script errors');
    });

    it('[de] with an agent: the German console says in the header and the exchange that the page was closed, and that it is open again', async () => {
        const agent = await agentConsole('de');
        const customer = await waitingCustomer('de', 'Präsenz Rechnungsfrage');
        const api = await harness.signedIn('erika');
        const queue = (await api.get<{ waiting: Array<{ id: string; description: string | null }> }>('/agent/api/queue')).body;
        const entry = queue.waiting.find((w) => w.description === 'Präsenz Rechnungsfrage');
        assert.ok(entry, 'the conversation waits');
        assert.strictEqual((await api.post(`/agent/api/handoffs/${entry.id}/accept`)).status, 200);
        await chatShows(customer, HANDOFF_PHRASES.de.agentJoined);
        const mine = agent.locator('#mine-list li', { hasText: 'Präsenz Rechnungsfrage' });
        await mine.getByRole('button', { name: /^Öffnen/ }).click();
        const sub = agent.locator('#chat-sub');
        await eventually('the header says since when the chat is with Erika', async () => /Bei Ihnen seit/.test((await sub.textContent()) ?? ''));

        await customer.reload();
        await chatShows(customer, HANDOFF_PHRASES.de.agentJoined);
        await sleep((GRACE_SECONDS + 2) * 1000);
        assert.match((await sub.textContent()) ?? '', /Bei Ihnen seit/, 'a reload within the grace period changes nothing');

        const tab = await closeTab(customer);
        await eventually('the header says the page is closed', async () => /Chatseite des Kunden ist seit \d.* geschlossen/.test((await sub.textContent()) ?? ''));
        assert.doesNotMatch((await sub.textContent()) ?? '', /Bei Ihnen seit/);
        await agent.locator('#messages li.system', { hasText: 'Der Kunde hat die Chatseite geschlossen.' }).waitFor();
        assert.strictEqual(await mine.locator('.badge.away').count(), 1, 'the card of the chat is marked, too');

        const page = await reopenTab(tab, HANDOFF_PHRASES.de.agentJoined);
        await eventually('the header is as before', async () => /Bei Ihnen seit/.test((await sub.textContent()) ?? ''));
        await agent.locator('#messages li.system', { hasText: 'Die Chatseite des Kunden ist wieder geöffnet.' }).waitFor();
        assert.strictEqual(await mine.locator('.badge.away').count(), 0, 'the mark on the card is gone');
        await page.close();
        assert.deepStrictEqual(errors, [], 'no script errors');
    });
});

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../paths';
import { AppHarness, DEMO_PASSWORD } from '../helpers/appHarness';
import { seriousAxeFindings } from '../helpers/axeAudit';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import type { LoopbackCustomer } from '../helpers/loopbackChannel';
import { launchChromium } from '../helpers/chromium';
import { eventually } from '../helpers/eventually';

const h = HANDOFF_PHRASES.en;

/** Counts the console's "new customer" sounds: the page's AudioContext, replaced before any script runs. */
const COUNT_SOUNDS = `
window.__sounds = 0;
window.AudioContext = function () {
    this.currentTime = 0;
    this.destination = {};
    this.createGain = function () { return { gain: {}, connect: function () {} }; };
    this.createOscillator = function () { return { frequency: {}, connect: function () {}, start: function () { window.__sounds++; }, stop: function () {} }; };
};`;

/** What has the keyboard focus: id, else accessible label or text. */
async function focused(page: Page): Promise<string> {
    return (await page.evaluate(`(() => {
        const el = document.activeElement;
        if (!el || el === document.body) {
            return '';
        }
        return [el.id ? '#' + el.id : '', el.getAttribute('aria-label') || '', (el.textContent || '').trim()].join('|');
    })()`)) as string;
}

/** Presses Tab (or Shift+Tab) until the focused element matches; only the keyboard moves the focus. */
async function tabTo(page: Page, target: RegExp, options: { back?: boolean; max?: number } = {}): Promise<void> {
    const seen: string[] = [];
    for (let i = 0; i < (options.max ?? 80); i++) {
        await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
        const now = await focused(page);
        if (target.test(now)) {
            return;
        }
        seen.push(now);
    }
    throw new Error(`tabTo(${target}): never focused; went through:\n${seen.join('\n')}`);
}

/** The element lies fully inside the viewport and the page itself is not scrolled. */
async function visibleWithoutScrolling(page: Page, locator: Locator): Promise<void> {
    const box = await locator.boundingBox();
    const viewport = page.viewportSize();
    assert.ok(box && viewport, 'the element is rendered');
    const scrolled = await page.evaluate('[window.scrollX, window.scrollY]');
    assert.deepStrictEqual(scrolled, [0, 0], 'the page has not been scrolled');
    assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height, `inside ${viewport.width}x${viewport.height}: ${JSON.stringify(box)}`);
}

async function assertNoSeriousAxeFindings(page: Page, state: string): Promise<void> {
    const findings = await seriousAxeFindings(page);
    assert.deepStrictEqual(findings, [], `axe-core in state "${state}"`);
}

async function escalate(customer: LoopbackCustomer, description: string): Promise<void> {
    assert.match((await customer.say(h.human)).join('\n'), h.askDescription);
    assert.match((await customer.say(description)).join('\n'), h.waitPrompt);
}

describe('Agent desk in Chromium: a scripted shift at 1366x768, keyboard only', function () {
    this.timeout(180_000);
    let harness: AppHarness;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;

    before(async function () {
        // Quick retries, so a refused message is shown failed within a second (the default tries for two minutes).
        harness = await AppHarness.start({}, { deliveryPolicy: { firstRetryMs: 50, maxRetryMs: 200, maxAttempts: 3, pollMs: 50 } });
        browser = await launchChromium();
        context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
        await context.addInitScript(COUNT_SOUNDS);
        page = await context.newPage();
    });

    after(async () => {
        await browser?.close();
        await harness?.close();
    });

    it('login, a new customer announced, accept, reply, note, a second conversation, hand back, away', async () => {
        await page.goto(`${harness.url}/agent?lang=en`);
        await page.getByLabel('Login').waitFor();
        assert.strictEqual(await focused(page), '#login||', 'the login field has the focus');
        await assertNoSeriousAxeFindings(page, 'login');

        await page.keyboard.type('erika');
        await page.keyboard.press('Tab');
        await page.keyboard.type(DEMO_PASSWORD);
        await page.keyboard.press('Enter');
        await page.getByText('Signed in as Erika Mustermann').waitFor();
        await eventually('the queue heading has the focus', async () => (await focused(page)).startsWith('#queue-heading'));
        await page.getByText('Nobody is waiting.').waitFor();
        assert.strictEqual(await page.title(), 'Customer service console');

        // Sound on, by keyboard (the checkbox sits in the header, before the queue).
        await tabTo(page, /^#sound\|/, { back: true });
        await page.keyboard.press('Space');
        assert.ok(await page.locator('#sound').isChecked());
        const soundsBefore = (await page.evaluate('window.__sounds')) as number;

        // A customer asks for a person: tab title, live announcement, sound, ticking wait.
        const first = harness.customer('en-US');
        await escalate(first, 'My invoice went to the wrong address');
        for (let i = 0; i < 12; i++) {
            assert.match((await first.say(`Detail number ${i + 1} about the invoice`)).join('\n'), h.stillWaiting);
        }
        await eventually('the tab title counts one waiting', async () => (await page.title()) === '(1) Customer service console');
        await eventually('the announcement is made', async () => /New customer waiting: unverified customer, English: My invoice went to the wrong address\. Waiting now: 1\./.test((await page.locator('#announcer').textContent()) ?? ''));
        assert.strictEqual(await page.locator('#announcer').getAttribute('aria-live'), 'polite');
        await eventually('the sound played', async () => ((await page.evaluate('window.__sounds')) as number) > soundsBefore);
        const wait = page.locator('#waiting-list .wait').first();
        const waitBefore = await wait.textContent();
        assert.match(waitBefore ?? '', /^waiting \d+:\d\d$/);
        await eventually('the waiting time ticks', async () => (await wait.textContent()) !== waitBefore);
        await assertNoSeriousAxeFindings(page, 'queue');

        // Open and accept, by keyboard; the accept button is in view.
        await tabTo(page, /Open: unverified customer – My invoice went to the wrong address/);
        await page.keyboard.press('Enter');
        await eventually('the conversation heading has the focus', async () => (await focused(page)).startsWith('#chat-heading'));
        await visibleWithoutScrolling(page, page.getByRole('button', { name: 'Accept' }));
        await page.getByText('Waiting in the queue for').waitFor();
        // The transcript opens at its newest line.
        await page.locator('#messages li').filter({ hasText: 'Detail number 12 about the invoice' }).waitFor();
        const scroll = (await page.evaluate("(() => { const el = document.getElementById('transcript'); return { top: el.scrollTop, height: el.scrollHeight, client: el.clientHeight }; })()")) as { top: number; height: number; client: number };
        assert.ok(scroll.height > scroll.client, `the transcript overflows its pane: ${JSON.stringify(scroll)}`);
        assert.ok(scroll.top + scroll.client >= scroll.height - 2, `the transcript shows its newest line: ${JSON.stringify(scroll)}`);
        // Every line has its time, in the agent's format (en-US: 12-hour clock).
        const times = await page.locator('#transcript li time').allTextContents();
        assert.ok(times.length >= 14, `times: ${times.length}`);
        times.forEach((time) => assert.match(time, /^\d{1,2}:\d\d\s?[AP]M$/));
        // The context card speaks in words.
        const card = (await page.locator('#context-card').textContent()) ?? '';
        assert.match(card, /Chat on the help page|Bot Framework Emulator \(test\)/);
        assert.doesNotMatch(card, /emulator\b|directline|U-\d|case [a-d]/);

        await tabTo(page, /^#accept\|/);
        await page.keyboard.press('Enter');
        await first.waitFor(h.agentJoined);
        await eventually('the reply box has the focus', async () => (await focused(page)).startsWith('#message-text'));
        await visibleWithoutScrolling(page, page.getByLabel('Message to the customer'));
        await visibleWithoutScrolling(page, page.getByRole('button', { name: 'Send', exact: true }));
        await assertNoSeriousAxeFindings(page, 'conversation open');
        // A 1366x768 screen with the browser's own bars leaves less height; the reply box stays in view.
        await page.setViewportSize({ width: 1366, height: 620 });
        await visibleWithoutScrolling(page, page.getByLabel('Message to the customer'));
        await visibleWithoutScrolling(page, page.getByRole('button', { name: 'Send', exact: true }));
        await page.setViewportSize({ width: 1366, height: 768 });
        assert.match(await focused(page), /^#message-text\|/, 'the focus stayed in the reply box');

        // Reply.
        await page.keyboard.type('Hello, I am looking at your invoice.');
        await page.keyboard.press('Enter');
        await first.waitFor(/^Erika Mustermann: Hello, I am looking at your invoice\.$/);
        await page.locator('#messages li.agent').filter({ hasText: 'Hello, I am looking at your invoice.' }).waitFor();

        // The customer types and writes; the console shows both.
        await first.typing();
        await page.getByText('The customer is typing…').waitFor();
        assert.deepStrictEqual(await first.say('Thank you!'), []);
        await page.locator('#messages li.customer').filter({ hasText: 'Thank you!' }).waitFor();

        // An internal note: the radio group by arrow key, then back to the reply.
        await tabTo(page, /^#mode-reply\|/, { back: true });
        await page.keyboard.press('ArrowRight');
        assert.ok(await page.locator('#mode-note').isChecked());
        await tabTo(page, /^#message-text\|/);
        await page.keyboard.type('Customer mentioned invoice 4711; check the address history.');
        await page.keyboard.press('Enter');
        await page.locator('#messages li.note').filter({ hasText: 'Your internal note: ' }).filter({ hasText: 'invoice 4711' }).waitFor();
        await eventually('the note box is empty again', async () => (await page.locator('#message-text').inputValue()) === '');
        // A note is one entry: the form is back in reply mode, the focus still in the box.
        assert.ok(await page.locator('#mode-reply').isChecked(), 'after a note the next line goes to the customer');
        await page.getByText('Note saved. The next message goes to the customer.').waitFor({ state: 'attached' });
        await page.keyboard.type('I have corrected the address.');
        await page.keyboard.press('Enter');
        await first.waitFor(/^Erika Mustermann: I have corrected the address\.$/);
        assert.ok(!first.inbox().some((text) => /4711/.test(text)), 'the note never reached the customer');

        // A second customer while the first chat is open: announced, accepted, answered.
        const second = harness.customer('en-US');
        await escalate(second, 'Who is our billing contact?');
        await eventually('the second customer is announced', async () => /New customer waiting: unverified customer, English: Who is our billing contact\?/.test((await page.locator('#announcer').textContent()) ?? ''));
        assert.strictEqual(await page.title(), '(1) Customer service console');
        await tabTo(page, /Open: unverified customer – Who is our billing contact\?/, { back: true });
        await page.keyboard.press('Enter');
        await tabTo(page, /^#accept\|/);
        await page.keyboard.press('Enter');
        await second.waitFor(h.agentJoined);
        await eventually('the reply box has the focus', async () => (await focused(page)).startsWith('#message-text'));
        await page.keyboard.type('Hello, let me check that for you.');
        await page.keyboard.press('Enter');
        await second.waitFor(/^Erika Mustermann: Hello, let me check that for you\.$/);
        assert.strictEqual(await page.locator('#mine-list > li').count(), 2);
        assert.strictEqual(await page.title(), 'Customer service console', 'nobody waits any more');

        // The first customer writes meanwhile: their card says so.
        assert.deepStrictEqual(await first.say('Is it done?'), []);
        const firstCard = page.locator('#mine-list > li').filter({ hasText: 'My invoice went to the wrong address' });
        await firstCard.locator('.badge').filter({ hasText: '1 new' }).waitFor();

        // Back to the first one, hand it back to the bot.
        await tabTo(page, /Open: unverified customer – My invoice went to the wrong address/, { back: true });
        await page.keyboard.press('Enter');
        await page.locator('#messages li.customer').filter({ hasText: 'Is it done?' }).waitFor();
        assert.strictEqual(await firstCard.locator('.badge').count(), 0, 'read now');
        await tabTo(page, /^#close-note\|/);
        await page.keyboard.type('Address corrected');
        await tabTo(page, /^#hand-back\|/);
        await page.keyboard.press('Enter');
        await first.waitFor(h.handedBack);
        await eventually('the queue heading has the focus', async () => (await focused(page)).startsWith('#queue-heading'));
        await page.getByText('handed back to the bot', { exact: true }).waitFor();
        assert.strictEqual(await page.locator('#mine-list > li').count(), 1);

        fs.mkdirSync(path.join(PROJECT_ROOT, 'test-results'), { recursive: true });
        await page.screenshot({ path: path.join(PROJECT_ROOT, 'test-results', 'agent-desk-1366x768.png') });

        // Away: routing passes Erika by, so a new customer is offered a callback.
        await tabTo(page, /^#availability\|/, { back: true });
        await page.keyboard.press('ArrowDown');
        await eventually('the status is saved', async () => /You are away/.test((await page.locator('#announcer').textContent()) ?? ''));
        const third = harness.customer('en-US');
        assert.match((await third.say(h.human)).join('\n'), h.askDescription);
        assert.match((await third.say('A question')).join('\n'), h.offerCallback);
    });

    it('the header fits at 320 px, signed in, without sideways scrolling', async () => {
        const narrow = await context.newPage();
        await narrow.setViewportSize({ width: 320, height: 640 });
        await narrow.goto(`${harness.url}/agent?lang=de`);
        await narrow.getByText('Angemeldet als Erika Mustermann').waitFor();
        const widths = (await narrow.evaluate(`({
            page: document.documentElement.scrollWidth,
            header: document.querySelector('header').scrollWidth,
            right: Math.max(...[...document.querySelectorAll('header *')].map((el) => el.getBoundingClientRect().right))
        })`)) as { page: number; header: number; right: number };
        assert.ok(widths.page <= 320 && widths.header <= 320 && widths.right <= 320, JSON.stringify(widths));
        await assertNoSeriousAxeFindings(narrow, 'queue at 320 px');
        await narrow.close();
    });

    it('shows the delivery state of agent messages with Retry, and a customer who ended the chat', async () => {
        const erika = await harness.signedIn('erika');
        // The shift above ended with Erika away.
        assert.strictEqual((await erika.post('/agent/api/availability', { availability: 'available' })).status, 200);
        const customer = harness.customer('en-US');
        await escalate(customer, 'Delivery check');
        const id = (await erika.get<{ waiting: Array<{ id: string }> }>('/agent/api/queue')).body.waiting[0].id;
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/accept`)).status, 200);
        await customer.waitFor(h.agentJoined);
        // The customer's channel refuses what the bot sends: the message is tried three times, then shown failed.
        harness.channel.refusing = true;
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/messages`, { text: 'Are you still there?' })).status, 201);

        const tab = await context.newPage();
        await tab.goto(`${harness.url}/agent?lang=en`);
        await tab.getByRole('button', { name: /Open: unverified customer – Delivery check/ }).click();
        const line = tab.locator('#messages li.agent').filter({ hasText: 'Are you still there?' });
        await line.locator('.delivery').filter({ hasText: 'not delivered (attempts: 3)' }).waitFor();
        harness.channel.refusing = false;
        await line.getByRole('button', { name: 'Send again: Are you still there?' }).click();
        await customer.waitFor(/^Erika Mustermann: Are you still there\?$/);
        await line.locator('.delivery.delivered').waitFor();
        assert.strictEqual(customer.inbox().filter((text) => /Are you still there/.test(text)).length, 1, 'sent again once');

        assert.match((await customer.say('End chat')).join('\n'), /You've ended the chat with Erika Mustermann\./);
        await tab.locator('#chat-hint', { hasText: 'The customer has left the chat. The conversation is over.' }).waitFor();
        assert.strictEqual(await tab.locator('#message-form').isHidden(), true, 'no reply box for a chat that is over');
        await tab.close();
    });
});

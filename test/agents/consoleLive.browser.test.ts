import * as assert from 'assert';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AppHarness, DEMO_PASSWORD } from '../helpers/appHarness';
import { nodeDirectLine, ReceivedActivities } from '../helpers/directLineNode';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import { PHRASES } from '../helpers/phrases';
import { launchChromium } from '../helpers/chromium';
import { eventually } from '../helpers/eventually';

/** Seconds of a running time such as "waiting 1:05" or "… for 1:02:05". */
function seconds(text: string): number {
    const match = /(?:(\d+):)?(\d+):(\d\d)\s*$/.exec(text);
    assert.ok(match, `a running time in ${JSON.stringify(text)}`);
    return Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

/** The console's base address (the harness's). */
let baseUrl = '';

async function signIn(page: Page, login: string): Promise<void> {
    await page.goto(`${baseUrl}/agent?lang=en`);
    await page.getByLabel('Login').fill(login);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Signed in as').waitFor();
}

/** What one console shows live of the others and of the clock. */
describe('Agent console in Chromium: live views', function () {
    this.timeout(120_000);
    let harness: AppHarness;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    const chats: ReceivedActivities[] = [];

    before(async () => {
        harness = await AppHarness.start();
        baseUrl = harness.url;
        browser = await launchChromium();
    });

    after(async () => {
        chats.splice(0).forEach((c) => c.end());
        await browser?.close();
        await harness?.close();
    });

    async function newPage(): Promise<Page> {
        const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
        contexts.push(context);
        return context.newPage();
    }

    it("another agent's sign-in, Away, Available and sign-out show in the list of agents and the transfer list at once", async () => {
        const erika = await newPage();
        await signIn(erika, 'erika');
        const online = erika.locator('#agents-online');
        await eventually('only Erika is online', async () => (await online.textContent()) === 'Agents online: Erika Mustermann');
        const option = erika.locator('#transfer-to option[value="john"]');
        assert.strictEqual(await option.isDisabled(), true, 'John cannot be chosen while signed out');

        const john = await newPage();
        await signIn(john, 'john');
        await eventually('John shows as online', async () => (await online.textContent()) === 'Agents online: Erika Mustermann, John Smith');
        await eventually('John can be chosen for a transfer', async () => !(await option.isDisabled()) && (await option.textContent()) === 'John Smith (English)');

        await john.locator('#availability').selectOption('away');
        await eventually('John shows as away', async () => (await online.textContent()) === 'Agents online: Erika Mustermann, John Smith (away)');
        await eventually('the transfer list says John is away', async () => (await option.isDisabled()) && (await option.textContent()) === 'John Smith (English) – Away');

        await john.locator('#availability').selectOption('available');
        await eventually('John is available again', async () => (await online.textContent()) === 'Agents online: Erika Mustermann, John Smith');

        await john.getByRole('button', { name: 'Sign out' }).click();
        await john.getByRole('heading', { name: 'Sign in' }).waitFor();
        await eventually('John is gone from the list', async () => (await online.textContent()) === 'Agents online: Erika Mustermann');
        await eventually('the transfer list says John signed out', async () => (await option.isDisabled()) && (await option.textContent()) === 'John Smith (English) – signed out');
    });

    it('waiting times only grow: opening a card a while after the last queue load does not set them back', async () => {
        const erika = await newPage();
        await signIn(erika, 'erika');
        const chat = new ReceivedActivities(nodeDirectLine({ domain: `${harness.url}/v3/directline`, token: await harness.webChatToken(), webSocket: true, conversationStartProperties: { locale: 'en-US' } }));
        chats.push(chat);
        await chat.botSays(PHRASES.en.menu);
        await chat.say(HANDOFF_PHRASES.en.human);
        await chat.botSays(HANDOFF_PHRASES.en.askDescription);
        await chat.say('Clock check');
        await chat.botSays(HANDOFF_PHRASES.en.waitPrompt);
        const card = erika.locator('#waiting-list li').filter({ hasText: 'Clock check' });
        await card.waitFor();
        // Some seconds without any queue change, so the queue the page holds grows old.
        await new Promise((resolve) => setTimeout(resolve, 5000));
        const before = seconds((await card.locator('.wait').textContent()) ?? '');
        await card.getByRole('button', { name: /^Open/ }).click();
        await erika.locator('#chat-sub .wait').waitFor();
        const [inCard, inChat] = (await erika.evaluate(`[document.querySelector('#waiting-list .wait').textContent, document.querySelector('#chat-sub .wait').textContent]`)) as [string, string];
        assert.ok(seconds(inCard) >= before, `the card's wait went from ${before} s to ${inCard}`);
        assert.ok(seconds(inChat) >= before, `the conversation's wait shows ${inChat}, the card showed ${before} s`);
    });
});

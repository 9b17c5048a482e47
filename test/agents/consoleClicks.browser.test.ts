import * as assert from 'assert';
import { type Browser, type Page } from 'playwright-core';
import { AppHarness, DEMO_PASSWORD } from '../helpers/appHarness';
import { nodeDirectLine, ReceivedActivities } from '../helpers/directLineNode';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import { PHRASES } from '../helpers/phrases';
import { launchChromium } from '../helpers/chromium';

const h = HANDOFF_PHRASES.en;

/**
 * What an agent in the English console meets when clicks and other agents
 * cross: a double click on Accept, a waiting card another agent takes while
 * it is open, a message sent empty. Customers over Direct Line.
 */
describe('Agent console in Chromium: a double click, a card taken by another agent, an empty message', function () {
    this.timeout(120_000);
    let harness: AppHarness;
    let browser: Browser;
    let page: Page;
    const chats: ReceivedActivities[] = [];

    /** A customer in English who asks for a person with `description` and waits. */
    async function waitingCustomer(description: string): Promise<ReceivedActivities> {
        const chat = new ReceivedActivities(nodeDirectLine({ domain: `${harness.url}/v3/directline`, token: await harness.webChatToken(), webSocket: true, conversationStartProperties: { locale: 'en-US' } }));
        chats.push(chat);
        await chat.botSays(PHRASES.en.menu);
        await chat.say(h.human);
        await chat.botSays(h.askDescription);
        await chat.say(description);
        await chat.botSays(h.waitPrompt);
        return chat;
    }

    before(async () => {
        harness = await AppHarness.start();
        browser = await launchChromium();
        page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
        await page.goto(`${harness.url}/agent?lang=en`);
        await page.getByLabel('Login').fill('erika');
        await page.getByLabel('Password').fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByText('Signed in as Erika Mustermann').waitFor();
    });

    after(async () => {
        chats.forEach((chat) => chat.end());
        await browser?.close();
        await harness?.close();
    });

    it('a double click on Accept takes the conversation without an error, and the customer hears of the agent once', async () => {
        const chat = await waitingCustomer('Double click please');
        await page.locator('#waiting-list li').filter({ hasText: 'Double click please' }).getByRole('button', { name: /^Open/ }).click();
        await page.getByRole('button', { name: 'Accept' }).dblclick();
        await chat.botSays(h.agentJoined);
        await page.getByLabel('Message to the customer').waitFor();
        // Both answers (and the reloads after them) have come back by now.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        assert.strictEqual(await page.locator('#chat-error').textContent(), '', 'no "another agent has just accepted" for the agent who has it');
        assert.strictEqual(chat.texts().filter((text) => h.agentJoined.test(text)).length, 1);
    });

    it('an empty message is not sent and the agent is told why', async () => {
        const textbox = page.getByLabel('Message to the customer');
        await textbox.fill('   ');
        await page.getByRole('button', { name: 'Send', exact: true }).click();
        await page.locator('#chat-error').filter({ hasText: 'There is nothing to send yet. Please write your message first.' }).waitFor();
        assert.strictEqual(await page.evaluate('document.activeElement && document.activeElement.id'), 'message-text', 'the focus is back in the text box');
        await textbox.fill('Hello, how can I help?');
        await textbox.press('Enter');
        await page.locator('#messages li').filter({ hasText: 'Hello, how can I help?' }).waitFor();
        assert.strictEqual(await page.locator('#chat-error').textContent(), '', 'the hint goes once a message is sent');
    });

    it('a waiting card the agent only opened, taken by another agent meanwhile, says so instead of "no longer yours"', async () => {
        await waitingCustomer('Somebody else takes this');
        await page.locator('#waiting-list li').filter({ hasText: 'Somebody else takes this' }).getByRole('button', { name: /^Open/ }).click();
        await page.getByRole('button', { name: 'Accept' }).waitFor();
        const john = await harness.signedIn('john');
        const waiting = (await john.get<{ waiting: Array<{ id: number; description?: string }> }>('/agent/api/queue')).body.waiting;
        const id = waiting.find((w) => w.description === 'Somebody else takes this')?.id;
        assert.strictEqual((await john.post(`/agent/api/handoffs/${id}/accept`)).status, 200);
        await page.locator('#chat-hint').filter({ hasText: 'Another agent has taken this conversation.' }).waitFor();
        assert.doesNotMatch((await page.locator('#chat').textContent()) ?? '', /no longer yours/);
    });
});

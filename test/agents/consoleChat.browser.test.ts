import * as assert from 'assert';
import type { Message } from 'botframework-directlinejs';
import { type Browser, type Page } from 'playwright-core';
import { AppHarness, DEMO_PASSWORD } from '../helpers/appHarness';
import { nodeDirectLine, ReceivedActivities } from '../helpers/directLineNode';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import { PHRASES } from '../helpers/phrases';
import { launchChromium } from '../helpers/chromium';

/** Labels of the buttons under a message. */
function buttons(message: Message): string[] {
    return (message.suggestedActions?.actions ?? []).map((action) => String(action.title));
}

/** Waits until `check` holds (15 s at most). */
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
 * The live chat as the agent (the console in Chromium) and the customer (Web
 * Chat on the help page in Chromium, or Direct Line) live it: the queue's
 * buttons, the console's actions while the customer writes, the agent's
 * markdown on both sides, and the agent's presence once the console is closed.
 */
describe('Agent console and Web Chat in Chromium: a live chat on both sides', function () {
    this.timeout(120_000);
    let harness: AppHarness;
    let browser: Browser;
    let agentPage: Page;
    const chats: ReceivedActivities[] = [];
    const errors: string[] = [];

    before(async () => {
        harness = await AppHarness.start();
        browser = await launchChromium();
        agentPage = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
        agentPage.on('pageerror', (err) => errors.push(err.message));
        await agentPage.goto(`${harness.url}/agent?lang=en`);
        await agentPage.getByLabel('Login').fill('erika');
        await agentPage.getByLabel('Password').fill(DEMO_PASSWORD);
        await agentPage.getByRole('button', { name: 'Sign in' }).click();
        await agentPage.getByText('Signed in as Erika Mustermann').waitFor();
    });

    after(async () => {
        chats.splice(0).forEach((c) => c.end());
        await browser?.close();
        await harness?.close();
    });

    async function directLineCustomer(lang: 'de' | 'en'): Promise<ReceivedActivities> {
        const chat = new ReceivedActivities(
            nodeDirectLine({ domain: `${harness.url}/v3/directline`, token: await harness.webChatToken(), webSocket: true, conversationStartProperties: { locale: lang === 'de' ? 'de-DE' : 'en-US' } })
        );
        chats.push(chat);
        await chat.botSays(PHRASES[lang].menu);
        return chat;
    }

    async function queue(chat: ReceivedActivities, lang: 'de' | 'en', description: string): Promise<void> {
        const h = HANDOFF_PHRASES[lang];
        await chat.say(h.human);
        await chat.botSays(h.askDescription);
        await chat.say(description);
        await chat.botSays(h.waitPrompt);
    }

    for (const lang of ['en', 'de'] as const) {
        it(`[${lang}] every message while waiting offers "Leave the queue", also when the queue moves; the button leaves`, async () => {
            const leave = lang === 'de' ? 'Warteschlange verlassen' : 'Leave the queue';
            const first = await directLineCustomer(lang);
            await queue(first, lang, 'First in line');
            const second = await directLineCustomer(lang);
            await queue(second, lang, 'Second in line');
            const prompt = await second.botSays(HANDOFF_PHRASES[lang].waitPrompt);
            assert.deepStrictEqual(buttons(prompt), [leave]);

            // The first one leaves: the second hears the queue moved, and can still leave with one tap.
            await first.say(leave);
            await first.botSays(HANDOFF_PHRASES[lang].left);
            const moved = await second.botSays(HANDOFF_PHRASES[lang].positionNext);
            assert.deepStrictEqual(buttons(moved), [leave], 'the queue update keeps the button');
            await second.say(leave);
            await second.botSays(HANDOFF_PHRASES[lang].left);
        });
    }

    it('[en] in Web Chat and in the console: the actions stay while the customer writes; the agent\'s markdown shows formatted on both sides, HTML never', async () => {
        const customer = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
        customer.on('pageerror', (err) => errors.push(err.message));
        const webChat = customer.locator('#webchat');
        await customer.goto(`${harness.url}/?lang=en`);
        await customer.click('#chat-launcher');
        await webChat.filter({ hasText: PHRASES.en.menu }).waitFor();
        const send = async (text: string): Promise<void> => {
            await customer.locator('.webchat__send-box-text-box__input').fill(text);
            await customer.locator('.webchat__send-box-text-box__input').press('Enter');
        };
        await send(HANDOFF_PHRASES.en.human);
        await webChat.filter({ hasText: HANDOFF_PHRASES.en.askDescription }).waitFor();
        await send('Markdown please');
        await customer.locator('.webchat__suggested-actions__button', { hasText: 'Leave the queue' }).waitFor();

        await agentPage.locator('#waiting-list li').filter({ hasText: 'Markdown please' }).getByRole('button', { name: /^Open/ }).click();
        await agentPage.getByRole('button', { name: 'Accept' }).click();
        await webChat.filter({ hasText: HANDOFF_PHRASES.en.agentJoined }).waitFor();
        const handBack = agentPage.getByRole('button', { name: 'End and hand back to the bot' });
        await handBack.waitFor();

        // The customer writes: the console shows the line, and the agent can still end or pass the chat.
        await send('Is anyone there?');
        await agentPage.locator('#messages li.customer').filter({ hasText: 'Is anyone there?' }).waitFor();
        await agentPage.waitForTimeout(500);
        assert.ok(await handBack.isVisible(), '"Hand back" is still there after the customer wrote');
        assert.ok(await agentPage.locator('#message-text').isVisible(), 'the reply box is still there');
        // And the customer can still end the chat with the agent: Web Chat drops the buttons once the person writes.
        await customer.locator('.webchat__suggested-actions__button', { hasText: 'End chat' }).waitFor({ timeout: 5000 });

        const markdown = '**Important**: two steps\n\n- open the [portal](https://example.com/portal)\n- check <img src=x onerror="window.hacked=1">';
        await agentPage.locator('#message-text').fill(markdown);
        await agentPage.getByRole('button', { name: 'Send', exact: true }).click();

        const bubble = customer.locator('.webchat__bubble__content').filter({ hasText: 'two steps' });
        await bubble.waitFor();
        assert.strictEqual(await bubble.locator('strong').first().innerText(), 'Important', 'bold in Web Chat');
        assert.strictEqual(await bubble.locator('li').count(), 2, 'a list in Web Chat');
        assert.strictEqual(await bubble.locator('a').getAttribute('href'), 'https://example.com/portal', 'a link in Web Chat');
        assert.strictEqual(await bubble.locator('img').count(), 0, 'no HTML from the agent in Web Chat');
        assert.doesNotMatch(await bubble.innerText(), /\*\*|\]\(/, 'no markdown signs left in Web Chat');

        const line = agentPage.locator('#messages li.agent').filter({ hasText: 'two steps' });
        await line.waitFor();
        assert.strictEqual(await line.locator('strong').first().innerText(), 'Important', 'bold in the console');
        assert.strictEqual(await line.locator('li').count(), 2, 'a list in the console');
        assert.strictEqual(await line.locator('a').getAttribute('href'), 'https://example.com/portal', 'a link in the console');
        assert.strictEqual(await line.locator('img').count(), 0, 'no HTML from the agent in the console');
        assert.match(await line.innerText(), /check <img src=x/, 'what looks like HTML shows as the text it is');
        assert.strictEqual(await agentPage.evaluate('window.hacked'), undefined);
        assert.strictEqual(await customer.evaluate('window.hacked'), undefined);

        await handBack.click();
        await webChat.filter({ hasText: HANDOFF_PHRASES.en.handedBack }).waitFor();
        await customer.close();
        assert.deepStrictEqual(errors, [], 'no script errors on the pages');
    });

    it('[en] once the console is closed, the agent no longer counts as online: customers are offered an email instead of the queue', async () => {
        const before = await directLineCustomer('en');
        await before.say(HANDOFF_PHRASES.en.human);
        await before.botSays(HANDOFF_PHRASES.en.askDescription);
        await before.say('Skip');
        await before.botSays(HANDOFF_PHRASES.en.waitPrompt);
        await before.say('Leave the queue');
        await before.botSays(HANDOFF_PHRASES.en.left);

        await agentPage.close();
        // A reload's grace (a few seconds), then nobody is online.
        const erikaOnline = async (): Promise<boolean> => {
            const john = await harness.signedIn('john');
            const body = (await john.get<{ agents: Array<{ login: string; online: boolean }> }>('/agent/api/queue')).body;
            await john.post('/agent/api/logout');
            return body.agents.some((a) => a.login === 'erika' && a.online);
        };
        await waitUntil(async () => !(await erikaOnline()), 'Erika is offline after her console closed');

        const after = await directLineCustomer('en');
        await after.say(HANDOFF_PHRASES.en.human);
        await after.botSays(HANDOFF_PHRASES.en.askDescription);
        await after.say('Skip');
        await after.botSays(HANDOFF_PHRASES.en.noAgent);
        await after.botSays(HANDOFF_PHRASES.en.offerCallback);
    });
});

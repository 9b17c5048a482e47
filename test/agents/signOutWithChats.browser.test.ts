import * as assert from 'assert';
import { type Browser, type Page } from 'playwright-core';
import { AppHarness, DEMO_PASSWORD } from '../helpers/appHarness';
import { nodeDirectLine, ReceivedActivities } from '../helpers/directLineNode';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import { PHRASES } from '../helpers/phrases';
import { launchChromium } from '../helpers/chromium';

interface QueueBody {
    waiting: Array<{ id: string; lang: string }>;
    mine: Array<{ id: string }>;
}

interface DetailBody {
    status: string;
    messages: Array<{ sender: string; text?: string; event?: string }>;
}

/**
 * An agent signs out of the console while chats are open: the console asks
 * first, then each chat goes back to the queue at once (when a colleague who
 * speaks the language is available) or to the bot, and the customer hears it
 * right away in their language, not after the wait timeout's sweep.
 */
describe('Agent console in Chromium: signing out with open chats', function () {
    this.timeout(120_000);
    let harness: AppHarness;
    let browser: Browser;
    let page: Page;
    const chats: ReceivedActivities[] = [];

    before(async () => {
        harness = await AppHarness.start();
        browser = await launchChromium();
        page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
    });

    after(async () => {
        chats.splice(0).forEach((c) => c.end());
        await browser?.close();
        await harness?.close();
    });

    async function customerAsksForPerson(lang: 'de' | 'en', description: string): Promise<ReceivedActivities> {
        const h = HANDOFF_PHRASES[lang];
        const chat = new ReceivedActivities(
            nodeDirectLine({ domain: `${harness.url}/v3/directline`, token: await harness.webChatToken(), webSocket: true, conversationStartProperties: { locale: lang === 'de' ? 'de-DE' : 'en-US' } })
        );
        chats.push(chat);
        await chat.botSays(PHRASES[lang].menu);
        await chat.say(h.human);
        await chat.botSays(h.askDescription);
        await chat.say(description);
        await chat.botSays(h.waitPrompt);
        return chat;
    }

    async function acceptInConsole(description: string): Promise<void> {
        const card = page.locator('#waiting-list li').filter({ hasText: description });
        await card.getByRole('button', { name: /^Open/ }).click();
        await page.getByRole('button', { name: 'Accept' }).click();
        await page.locator('#mine-list li').filter({ hasText: description }).waitFor();
    }

    it('asks first; then the English chat goes back to the queue (John speaks English) and the German one to the bot, both told at once', async () => {
        const john = await harness.signedIn('john');
        await page.goto(`${harness.url}/agent?lang=en`);
        await page.getByLabel('Login').fill('erika');
        await page.getByLabel('Password').fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByText('Signed in as Erika Mustermann').waitFor();

        const english = await customerAsksForPerson('en', 'Invoice sent to the wrong address');
        const german = await customerAsksForPerson('de', 'Rechnung an falsche Adresse');
        await acceptInConsole('Invoice sent to the wrong address');
        await english.botSays(HANDOFF_PHRASES.en.agentJoined);
        await acceptInConsole('Rechnung an falsche Adresse');
        await german.botSays(HANDOFF_PHRASES.de.agentJoined);

        // Cancel at the question: nothing happens, the agent keeps both chats.
        const questions: string[] = [];
        page.once('dialog', (dialog) => {
            questions.push(dialog.message());
            void dialog.dismiss();
        });
        await page.getByRole('button', { name: 'Sign out' }).click();
        assert.deepStrictEqual(questions, [
            'You still have open chats (2). If you sign out now, each goes straight back to the queue (or to the bot when no colleague is available), and the customers are told. Sign out anyway?'
        ]);
        await page.getByText('Signed in as Erika Mustermann').waitFor();
        assert.strictEqual(await page.locator('#mine-list li').count(), 2, 'both chats stay with the agent');

        // Confirmed: signed out, and both customers hear it right away.
        page.once('dialog', (dialog) => void dialog.accept());
        await page.getByRole('button', { name: 'Sign out' }).click();
        await page.getByRole('heading', { name: 'Sign in' }).waitFor();
        await english.botSays(/^Erika Mustermann had to leave the chat\. You're back in the queue as number 1 \(about \d+ minutes?\)\. As soon as someone from customer service is free, the chat goes on/);
        await german.botSays(/^Erika Mustermann musste den Chat verlassen, und gerade ist niemand sonst vom Kundendienst frei\. Ich bin jetzt wieder für Sie da\./);

        // The English customer waits again, and what they write reaches the queue; John takes over.
        await english.say('Are you still there?');
        await english.botSays(HANDOFF_PHRASES.en.stillWaiting);
        const queue = (await john.get<QueueBody>('/agent/api/queue')).body;
        assert.deepStrictEqual(queue.waiting.map((w) => w.lang), ['en'], 'only the English chat is back in the queue');
        const id = queue.waiting[0].id;
        const waiting = (await john.get<DetailBody>(`/agent/api/handoffs/${id}`)).body;
        assert.strictEqual(waiting.status, 'waiting');
        assert.ok(waiting.messages.some((m) => m.sender === 'customer' && m.text === 'Are you still there?'), 'the line written after the sign-out is there for the next agent');
        assert.ok(waiting.messages.some((m) => m.sender === 'system' && m.event === 'signedOutQueued'), 'the next agent sees why it came back');
        assert.strictEqual((await john.post(`/agent/api/handoffs/${id}/accept`)).status, 200);
        await english.botSays(/John Smith from customer service has joined the chat/);

        // The German customer talks to the bot again.
        await german.say(PHRASES.de.whoIs);
        await german.botSays(PHRASES.de.askEmail);
    });

    it('a chat put back into the queue keeps its place ahead of people who asked later', async () => {
        const john = await harness.signedIn('john');
        const erika = await harness.signedIn('erika');
        const first = await customerAsksForPerson('en', 'Asked first');
        const firstId = (await erika.get<QueueBody>('/agent/api/queue')).body.waiting[0].id;
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${firstId}/accept`)).status, 200);
        await first.botSays(HANDOFF_PHRASES.en.agentJoined);
        await customerAsksForPerson('en', 'Asked later');

        assert.strictEqual((await erika.post('/agent/api/logout')).status, 200);
        await first.botSays(/^Erika Mustermann had to leave the chat\. You're back in the queue as number 1 /);
        const waiting = (await john.get<QueueBody>('/agent/api/queue')).body.waiting.map((w) => w.id);
        assert.strictEqual(waiting.length, 2);
        assert.strictEqual(waiting[0], firstId, 'the person who was being served is first in the queue again');
    });
});

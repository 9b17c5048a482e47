import * as assert from 'assert';
import { type Browser, type Page } from 'playwright-core';
import { AppHarness, DEMO_PASSWORD } from '../helpers/appHarness';
import { nodeDirectLine, ReceivedActivities } from '../helpers/directLineNode';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import { PHRASES } from '../helpers/phrases';
import { launchChromium } from '../helpers/chromium';

interface DetailBody {
    messages: Array<{ sender: string; text?: string }>;
}

/** A text of `length` characters made of ordinary words, as a long answer would be. */
function longText(length: number): string {
    const words = 'Bitte prüfen Sie die Rechnung, die Adresse und den Abrechnungskontakt Ihres Kontos. ';
    return words.repeat(Math.ceil(length / words.length)).slice(0, length - 1) + 'X';
}

/**
 * Replies, notes and a transfer in the German console, with an English
 * customer over Direct Line: long replies are never cut without a word,
 * one's own notes read "Ihre interne Notiz", and a transfer shows only its
 * success, never a server error in English.
 */
describe('Agent console in Chromium: replies, notes and a transfer (German console)', function () {
    this.timeout(120_000);
    let harness: AppHarness;
    let browser: Browser;
    let page: Page;
    let chat: ReceivedActivities;

    before(async () => {
        harness = await AppHarness.start();
        browser = await launchChromium();
        page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'de-DE' });
        await harness.signedIn('john');
        await page.goto(`${harness.url}/agent?lang=de`);
        await page.getByLabel('Anmeldename').fill('erika');
        await page.getByLabel('Kennwort').fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'Anmelden' }).click();
        await page.getByText('Angemeldet als Erika Mustermann').waitFor();

        chat = new ReceivedActivities(nodeDirectLine({ domain: `${harness.url}/v3/directline`, token: await harness.webChatToken(), webSocket: true, conversationStartProperties: { locale: 'en-US' } }));
        await chat.botSays(PHRASES.en.menu);
        await chat.say(HANDOFF_PHRASES.en.human);
        await chat.botSays(HANDOFF_PHRASES.en.askDescription);
        await chat.say('Long answers please');
        await chat.botSays(HANDOFF_PHRASES.en.waitPrompt);
        await page.locator('#waiting-list li').filter({ hasText: 'Long answers please' }).getByRole('button', { name: /^Öffnen/ }).click();
        await page.getByRole('button', { name: 'Annehmen' }).click();
        await chat.botSays(HANDOFF_PHRASES.en.agentJoined);
    });

    after(async () => {
        chat?.end();
        await browser?.close();
        await harness?.close();
    });

    it('a reply over 2,000 characters is neither cut nor sent: the counter warns before the limit and says by how much it is over', async () => {
        const box = page.getByLabel('Nachricht an den Kunden');
        const count = page.locator('#message-count');
        await box.fill(longText(1500));
        assert.strictEqual(await count.textContent(), '', 'well below the limit the counter says nothing');
        await box.fill(longText(1900));
        assert.strictEqual(await count.textContent(), 'Noch 100 von 2000 Zeichen.');

        // Pasted text over the limit stays whole in the box.
        await box.fill('');
        await box.focus();
        await page.keyboard.insertText(longText(2100));
        assert.strictEqual((await box.inputValue()).length, 2100, 'nothing was cut from the pasted text');
        assert.strictEqual(await count.textContent(), 'Der Text ist 100 Zeichen zu lang (höchstens 2000). Bitte kürzen Sie ihn oder teilen Sie ihn auf mehrere Nachrichten auf.');
        assert.strictEqual(await box.getAttribute('aria-invalid'), 'true');
        await page.getByRole('button', { name: 'Senden' }).click();
        await page.locator('#chat-error').filter({ hasText: 'Das hat nicht funktioniert: Der Text ist 100 Zeichen zu lang (höchstens 2000).' }).waitFor();
        assert.strictEqual((await box.inputValue()).length, 2100, 'the text is still there to be shortened');

        // Shortened to the limit, it goes out whole.
        const whole = longText(2000);
        await box.fill(whole);
        assert.strictEqual(await count.textContent(), 'Noch 0 von 2000 Zeichen.');
        await page.getByRole('button', { name: 'Senden' }).click();
        const received = await chat.botSays(/^Erika Mustermann: Bitte prüfen/);
        assert.strictEqual(received.text, `Erika Mustermann: ${whole}`);
        const agentLines = chat.texts().filter((text) => text.startsWith('Erika Mustermann: Bitte'));
        assert.strictEqual(agentLines.length, 1, 'only the whole message reached the customer, never a cut one');
    });

    it('a note of one\'s own reads "Ihre interne Notiz", with a limit of 1,000 characters', async () => {
        await page.getByRole('radio', { name: 'Interne Notiz (nur für Mitarbeiter)' }).check();
        const box = page.locator('#message-text');
        await box.fill(longText(1001));
        assert.match((await page.locator('#message-count').textContent()) ?? '', /^Der Text ist 1 Zeichen zu lang \(höchstens 1000\)\./);
        await box.fill('Kunde wünscht lange Antworten.');
        assert.strictEqual(await page.locator('#message-count').textContent(), '');
        await page.getByRole('button', { name: 'Notiz speichern' }).click();
        const note = page.locator('#messages li.note').filter({ hasText: 'Kunde wünscht lange Antworten.' });
        await note.waitFor();
        assert.strictEqual(await note.locator('.who').textContent(), 'Ihre interne Notiz:');
    });

    it('the side pane\'s actions ("Bot-Ablauf" with its long options included) stay inside the pane at 1366x768', async () => {
        await page.locator('#flow').waitFor();
        const outside = (await page.evaluate(`(() => {
            const pane = document.querySelector('#chat-actions').closest('aside').getBoundingClientRect();
            return Array.from(document.querySelectorAll('#chat-actions label, #chat-actions select, #chat-actions input, #chat-actions button'))
                .filter((el) => el.getBoundingClientRect().right > pane.right + 1)
                .map((el) => (el.id || el.tagName) + ' ends at ' + Math.round(el.getBoundingClientRect().right) + ', the pane at ' + Math.round(pane.right));
        })()`)) as string[];
        assert.deepStrictEqual(outside, []);
    });

    it('a transfer shows its success line and no error', async () => {
        await page.getByLabel('Mitarbeiter', { exact: true }).selectOption('john');
        await page.getByRole('button', { name: 'Weiterleiten' }).click();
        await chat.botSays(/You're now chatting with John Smith/);
        await page.locator('#chat-hint').filter({ hasText: 'Das Gespräch wurde weitergeleitet.' }).waitFor();
        // Late answers about the conversation that left (the live event's reload, the action's reload) come and go meanwhile.
        await new Promise((resolve) => setTimeout(resolve, 2000));
        assert.strictEqual(await page.locator('#chat-error').textContent(), '', 'no error after a transfer that worked');
        assert.strictEqual(await page.locator('#chat-hint').textContent(), 'Das Gespräch wurde weitergeleitet.');
        const john = await harness.signedIn('john');
        const mine = (await john.get<{ mine: Array<{ id: string }> }>('/agent/api/queue')).body.mine;
        assert.strictEqual(mine.length, 1, 'John has the conversation');
        const detail = (await john.get<DetailBody>(`/agent/api/handoffs/${mine[0].id}`)).body;
        assert.ok(detail.messages.some((m) => m.sender === 'agent' && m.text?.length === 2000), 'the whole 2,000-character reply is in the transcript');
    });
});

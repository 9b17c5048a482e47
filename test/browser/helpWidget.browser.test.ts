import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { type Browser, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../paths';
import { seriousAxeFindings } from '../helpers/axeAudit';
import { PHRASES } from '../helpers/phrases';
import { startRunningApp, type RunningApp } from '../helpers/runningApp';
import { launchChromium } from '../helpers/chromium';

const SCREENSHOTS = path.join(PROJECT_ROOT, 'test-results');

/**
 * Browser zoom as CSS viewports: at 200 % a 1366 x 768 window lays the page
 * out in 683 x 384 CSS pixels (what Chromium does when zooming).
 */
const SIZES = [
    { name: 'desktop 100 %', width: 1366, height: 768, fullScreen: false },
    { name: 'desktop 150 %', width: 911, height: 512, fullScreen: true },
    { name: 'desktop 200 %', width: 683, height: 384, fullScreen: true },
    { name: 'desktop 300 %', width: 455, height: 256, fullScreen: true },
    { name: 'desktop 400 %', width: 341, height: 192, fullScreen: true },
    { name: 'phone', width: 390, height: 844, fullScreen: true },
    { name: '320 px', width: 320, height: 568, fullScreen: true }
] as const;

interface Box {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
}

async function box(page: Page, selector: string): Promise<Box> {
    const found = await page.locator(selector).first().boundingBox();
    assert.ok(found, `${selector} is laid out`);
    return found;
}

/** Waits until the chat transcript shows `text`. */
async function chatShows(page: Page, text: string | RegExp, timeout = 20_000): Promise<void> {
    await page.locator('#webchat', { hasText: text }).waitFor({ timeout });
}

/** Polls `expression` in the page until it is true (the page's CSP forbids waitForFunction's eval). */
async function until(page: Page, expression: string, what: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await page.evaluate<boolean>(expression))) {
        assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

/** The suggested actions whose label does not fit (clipped, or shortened with an ellipsis). */
const CUT_OFF =
    "Array.from(document.querySelectorAll('.webchat__suggested-action')).filter((b) => { const t = b.querySelector('.webchat__suggested-action__text') || b; return t.scrollWidth > t.clientWidth + 1 || t.scrollHeight > t.clientHeight + 1 || b.scrollWidth > b.clientWidth + 1 || /…$/.test(t.textContent); }).map((b) => b.textContent)";

/** Where the focus is: inside the chat dialog, the launcher, or elsewhere (described). */
const FOCUS = `(() => { const a = document.activeElement; return !a || a === document.body ? 'body' : a.closest('#chat-panel') ? 'chat' : a.id === 'chat-launcher' ? 'launcher' : (a.tagName + '.' + a.className); })()`;

/** Tabs from the top of the page to the chat launcher, as a keyboard user does. */
async function tabToLauncher(page: Page): Promise<number> {
    for (let presses = 1; presses <= 120; presses++) {
        await page.keyboard.press('Tab');
        if ((await page.evaluate<string>(FOCUS)) === 'launcher') {
            return presses;
        }
    }
    throw new Error('the launcher cannot be reached with Tab');
}

describe('Help page widget in Chromium: zoom, narrow screens, keyboard, language, labels, axe-core', function () {
    this.timeout(180_000);
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
    afterEach(() => {
        assert.deepStrictEqual(errors.splice(0), [], 'no script errors on the page');
    });

    async function open(viewport: { width: number; height: number }, lang: 'de' | 'en', touch = false): Promise<Page> {
        const context = await browser.newContext({ viewport, locale: lang === 'de' ? 'de-DE' : 'en-US', hasTouch: touch, isMobile: touch });
        const page = await context.newPage();
        page.on('pageerror', (err) => errors.push(err.message));
        await page.goto(`${running.url}/?lang=${lang}`);
        return page;
    }

    for (const size of SIZES) {
        it(`${size.name} (${size.width}x${size.height} CSS px): the page reflows, the open chat shows the transcript and the send box`, async () => {
            const page = await open(size, 'de');
            try {
                assert.ok((await page.evaluate<number>('document.documentElement.scrollWidth')) <= size.width, 'no sideways scrolling');
                const h1 = await page.evaluate<number[]>("(() => { const h = document.querySelector('h1'); return [h.scrollWidth, h.clientWidth]; })()");
                assert.ok(h1[0] <= h1[1], `the heading is not clipped (${h1.join(' > ')})`);
                const language = await box(page, '.language-switch');
                assert.ok(language.x >= 0 && language.x + language.width <= size.width, 'the language switch is on screen');

                await page.focus('#chat-launcher');
                await page.keyboard.press('Enter');
                await chatShows(page, PHRASES.de.welcome);
                await page.locator('.webchat__suggested-action').first().waitFor();
                const panel = await box(page, '#chat-panel');
                assert.ok(panel.x >= 0 && panel.y >= 0 && panel.x + panel.width <= size.width + 0.5 && panel.y + panel.height <= size.height + 0.5, 'the panel is inside the viewport');
                if (size.fullScreen) {
                    assert.deepStrictEqual([panel.x, panel.y, panel.width, panel.height].map(Math.round), [0, 0, size.width, size.height], 'full screen when small in either direction');
                } else {
                    assert.ok(panel.width < size.width / 2, 'a corner panel on a large screen');
                }
                const transcript = await box(page, '.webchat__basic-transcript');
                assert.ok(transcript.height >= 30, `the transcript gets room (${Math.round(transcript.height)} px)`);
                const input = await box(page, '.webchat__send-box-text-box__input');
                assert.ok(input.y >= 0 && input.y + input.height <= size.height + 0.5, 'the send box is on screen');
                const center = { x: input.x + input.width / 2, y: input.y + input.height / 2 };
                assert.ok(
                    await page.evaluate<boolean>(`document.elementFromPoint(${center.x}, ${center.y}) === document.querySelector('.webchat__send-box-text-box__input')`),
                    'nothing covers the send box'
                );
                assert.deepStrictEqual(await page.evaluate<string[]>(CUT_OFF), [], 'no cut-off label');
                const header = await page.evaluate<number[]>("(() => { const h = document.querySelector('.chat__header'); return [h.scrollWidth, h.clientWidth]; })()");
                assert.ok(header[0] <= header[1], 'the chat header fits');
                await page.screenshot({ path: path.join(SCREENSHOTS, `help-widget-${size.width}x${size.height}.png`) });
            } finally {
                await page.context().close();
            }
        });
    }

    for (const size of [
        { width: 683, height: 384, name: '200 % zoom' },
        { width: 320, height: 568, name: '320 px wide' }
    ]) {
        it(`${size.name}: after a question the transcript follows to the bot's newest line, so the question to answer is not under the send box`, async () => {
            const page = await open({ width: size.width, height: size.height }, 'de');
            try {
                await page.focus('#chat-launcher');
                await page.keyboard.press('Enter');
                await chatShows(page, PHRASES.de.welcome);
                await page.locator('.webchat__send-box-text-box__input').fill(PHRASES.de.whoIs);
                await page.keyboard.press('Enter');
                await chatShows(page, PHRASES.de.askEmail);
                await until(
                    page,
                    "(() => { const sc = document.querySelector('.webchat__basic-transcript__scrollable'); const all = document.querySelectorAll('.webchat__basic-transcript__activity'); const last = all[all.length - 1]; return !!sc && !!last && last.getBoundingClientRect().bottom <= sc.getBoundingClientRect().bottom + 1; })()",
                    "the newest line in view"
                );
            } finally {
                await page.context().close();
            }
        });
    }

    it('keyboard only: the second Tab reaches "Skip to the chat", which opens the chat with the focus in it', async () => {
        for (const lang of ['de', 'en'] as const) {
            const page = await open({ width: 1366, height: 768 }, lang);
            try {
                await page.keyboard.press('Tab');
                await page.keyboard.press('Tab');
                const focused = await page.evaluate<string>('document.activeElement.textContent');
                assert.strictEqual(focused, lang === 'de' ? 'Zum Chat springen' : 'Skip to the chat', 'the second Tab is on the way to the chat');
                assert.ok(await page.locator('.skip-link:focus').isVisible(), 'the focused link shows');
                assert.deepStrictEqual(await seriousAxeFindings(page, ['minor', 'moderate', 'serious', 'critical']), [], 'axe: no finding at all, the skip link focused');
                await page.keyboard.press('Enter');
                await until(page, `${FOCUS} === 'chat'`, 'the focus in the chat', 3000);
                await chatShows(page, PHRASES[lang].menu);
                await page.keyboard.press('Escape');
                await until(page, "document.getElementById('chat-panel').hidden", 'the chat to close', 3000);
            } finally {
                await page.context().close();
            }
        }
    });

    for (const device of [
        { name: 'desktop', viewport: { width: 1366, height: 768 }, touch: false },
        { name: 'phone', viewport: { width: 390, height: 844 }, touch: true }
    ]) {
        it(`${device.name}, keyboard only: focus moves into the chat, Tab stays in it, the page behind is inert, Escape returns to the launcher`, async () => {
            const page = await open(device.viewport, 'de', device.touch);
            try {
                await tabToLauncher(page);
                await page.keyboard.press('Enter');
                await until(page, `${FOCUS} === 'chat'`, 'the focus in the chat', 3000);
                await chatShows(page, PHRASES.de.menu);
                await until(page, "document.activeElement === document.querySelector('.webchat__send-box-text-box__input')", 'the focus in the send box');
                assert.strictEqual(await page.getAttribute('#chat-panel', 'aria-modal'), 'true');
                assert.ok(await page.evaluate<boolean>("['main', 'header.site-header', 'footer', '.skip-link', '#chat-launcher'].every((s) => document.querySelector(s).closest('[inert]'))"), 'the page behind is inert');
                const seen = new Set<string>();
                for (let i = 0; i < 30; i++) {
                    await page.keyboard.press('Tab');
                    assert.strictEqual(await page.evaluate<string>(FOCUS), 'chat', `Tab ${i + 1} stays in the chat`);
                    seen.add(await page.evaluate<string>("document.activeElement.id || document.activeElement.className"));
                }
                for (let i = 0; i < 12; i++) {
                    await page.keyboard.press('Shift+Tab');
                    assert.strictEqual(await page.evaluate<string>(FOCUS), 'chat', `Shift+Tab ${i + 1} stays in the chat`);
                }
                assert.ok(seen.has('chat-close') && seen.has('chat-language'), `Tab reaches the header's buttons: ${[...seen].join(', ')}`);

                // Visible focus: the text box (its frame) and the send button.
                await page.focus('.webchat__send-box-text-box__input');
                await page.keyboard.press('Shift+Tab');
                await page.keyboard.press('Tab');
                const frame = await page.evaluate<string[]>("(() => { const s = getComputedStyle(document.querySelector('.webchat__send-box__main')); return [s.outlineStyle, s.outlineWidth, s.outlineColor]; })()");
                assert.deepStrictEqual(frame.slice(0, 2), ['solid', '3px'], `the text box shows its focus: ${frame.join(' ')}`);
                await page.keyboard.press('Tab');
                const button = await page.evaluate<string[]>(
                    "(() => { const b = document.activeElement; const i = b.querySelector('.webchat__icon-button__keyboard-focus-indicator'); const s = getComputedStyle(i); return [b.className, s.display, s.borderTopStyle, s.borderTopWidth, s.borderTopColor]; })()"
                );
                assert.match(button[0], /webchat__send-button/);
                assert.deepStrictEqual(button.slice(1, 4), ['block', 'solid', '2px'], `the send button shows its focus: ${button.join(' ')}`);
                assert.strictEqual(button[4], 'rgb(31, 35, 40)', 'in a strong colour');

                await page.keyboard.press('Escape');
                await until(page, "document.getElementById('chat-panel').hidden", 'the chat to close', 3000);
                assert.strictEqual(await page.evaluate<string>(FOCUS), 'launcher', 'back on the launcher');
                assert.ok(await page.evaluate<boolean>("!document.querySelector('main').closest('[inert]')"), 'the page is usable again');
            } finally {
                await page.context().close();
            }
        });
    }

    it('the whole widget follows a language switch in the chat (its button, or asking the bot), with German times', async () => {
        const page = await open({ width: 1366, height: 768 }, 'de');
        try {
            await page.click('#chat-launcher');
            await chatShows(page, PHRASES.de.menu);
            const placeholder = (): Promise<string | null> => page.getAttribute('.webchat__send-box-text-box__input', 'placeholder');
            assert.strictEqual(await placeholder(), 'Nachricht eingeben');
            assert.doesNotMatch(await page.evaluate<string>("document.getElementById('chat-panel').innerHTML"), /\b\d{1,2}:\d{2}\s?(AM|PM)\b/, 'no AM/PM in German');

            await page.click('#chat-language');
            // (PHRASES are keyed by the language the person starts in: de.switched is the switch to English.)
            await chatShows(page, PHRASES.de.switched);
            await until(page, "document.querySelector('.webchat__send-box-text-box__input').placeholder === 'Type your message'", 'the English placeholder');
            assert.strictEqual(await page.locator('#chat-title').innerText(), 'Billing Contact Assistant');
            assert.strictEqual(await page.getAttribute('#chat-close', 'aria-label'), 'Close the chat');
            assert.strictEqual(await page.getAttribute('#chat-restart', 'aria-label'), 'Start a new conversation');
            assert.strictEqual((await page.locator('#chat-language').innerText()).trim(), 'Deutsch');
            assert.strictEqual(await page.getAttribute('#chat-panel', 'lang'), 'en');
            assert.deepStrictEqual(await seriousAxeFindings(page), [], 'axe: the chat in English on a German page');

            const input = page.locator('.webchat__send-box-text-box__input');
            await input.fill(PHRASES.en.switchTo);
            await input.press('Enter');
            await chatShows(page, PHRASES.en.switched);
            await until(page, "document.querySelector('.webchat__send-box-text-box__input').placeholder === 'Nachricht eingeben'", 'the German placeholder again');
            assert.strictEqual(await page.locator('#chat-title').innerText(), 'Assistent für Abrechnungskontakte');
            assert.strictEqual(await page.getAttribute('#chat-close', 'aria-label'), 'Chat schließen');
            assert.doesNotMatch(await page.evaluate<string>("document.getElementById('chat-panel').innerHTML"), /\b\d{1,2}:\d{2}\s?(AM|PM)\b/, 'no AM/PM in German');
        } finally {
            await page.context().close();
        }
    });

    for (const lang of ['de', 'en'] as const) {
        it(`[${lang}] compact chat: the answer stays in view above the buttons, no label is cut off, one font, links in answers`, async () => {
            const page = await open({ width: 1366, height: 768 }, lang);
            try {
                await page.click('#chat-launcher');
                await chatShows(page, PHRASES[lang].menu);
                await page.locator('.webchat__suggested-action').first().waitFor();
                await new Promise((resolve) => setTimeout(resolve, 300));
                const visible = async (text: RegExp): Promise<void> => {
                    const transcript = await box(page, '.webchat__basic-transcript');
                    const bubble = await page.locator('.webchat__bubble__content', { hasText: text }).last().boundingBox();
                    assert.ok(bubble, `${text} is laid out`);
                    assert.ok(bubble.y >= transcript.y - 1 && bubble.y < transcript.y + transcript.height, `${text} is in view (its top at ${Math.round(bubble.y)}, transcript ${Math.round(transcript.y)}–${Math.round(transcript.y + transcript.height)})`);
                };
                await visible(PHRASES[lang].welcome);
                await visible(PHRASES[lang].menu);
                const fonts = await page.evaluate<string[]>(
                    "[document.body, document.querySelector('.webchat__bubble__content'), document.querySelector('.webchat__suggested-action'), document.querySelector('.webchat__send-box-text-box__input')].map((e) => getComputedStyle(e).fontFamily)"
                );
                assert.strictEqual(new Set(fonts).size, 1, `one font: ${fonts.join(' | ')}`);

                assert.deepStrictEqual(await page.evaluate<string[]>(CUT_OFF), [], 'no cut-off label in the main menu');
                // The seven-option menu shows four and "show all"; that shows the rest and moves the focus to the first of them.
                const all = lang === 'de' ? 'Alle Optionen anzeigen' : 'Show all options';
                assert.strictEqual(await page.locator('.webchat__suggested-action').count(), 5);
                assert.strictEqual((await page.locator('.webchat__suggested-action').last().innerText()).trim(), all);
                await page.locator('.webchat__suggested-action', { hasText: all }).focus();
                await page.keyboard.press('Enter');
                await until(page, "document.querySelectorAll('.webchat__suggested-action').length === 7", 'all seven options');
                const moreTopics = lang === 'de' ? 'Weitere Themen' : 'More topics';
                assert.strictEqual((await page.evaluate<string>('document.activeElement.textContent')).trim(), moreTopics, 'the focus on the first option that was hidden');
                assert.deepStrictEqual(await page.evaluate<string[]>(CUT_OFF), [], 'no cut-off label in the whole menu');
                await page.keyboard.press('Enter');
                await chatShows(page, lang === 'de' ? /Hier sind die verwandten Themen/ : /related topics/);
                await page.locator('.webchat__suggested-action', { hasText: all }).waitFor();
                await page.locator('.webchat__suggested-action', { hasText: all }).click();
                await page.locator('.webchat__suggested-action').nth(9).waitFor();
                await new Promise((resolve) => setTimeout(resolve, 300));
                assert.deepStrictEqual(await page.evaluate<string[]>(CUT_OFF), [], 'no cut-off label in the topics menu');
                await visible(lang === 'de' ? /Hier sind die verwandten Themen/ : /related topics/);
                const buttons = await box(page, '.webchat__suggested-actions');
                assert.ok(buttons.height <= 768 * 0.3 + 20, `a long menu takes at most a third of the chat (${Math.round(buttons.height)} px)`);
                await page.screenshot({ path: path.join(SCREENSHOTS, `help-widget-topics-${lang}.png`) });

                await page.locator('.webchat__suggested-action', { hasText: lang === 'de' ? 'Zahlungsmethode ändern' : 'Change the payment method' }).click();
                await page.locator('#webchat .webchat__bubble__content a[href="https://myaccount.logmeininc.com"]').first().waitFor({ timeout: 20_000 });
            } finally {
                await page.context().close();
            }
        });
    }

    it('axe-core finds nothing serious or critical: the page, the open chat on a desktop and on a phone', async () => {
        for (const lang of ['de', 'en'] as const) {
            const page = await open({ width: 1366, height: 768 }, lang);
            try {
                assert.deepStrictEqual(await seriousAxeFindings(page), [], `${lang}: the page with the chat closed`);
                await page.click('#chat-launcher');
                await chatShows(page, PHRASES[lang].menu);
                await page.locator('.webchat__suggested-action').first().waitFor();
                assert.deepStrictEqual(await seriousAxeFindings(page), [], `${lang}: the chat open`);
            } finally {
                await page.context().close();
            }
        }
        const phone = await open({ width: 390, height: 844 }, 'de', true);
        try {
            assert.deepStrictEqual(await seriousAxeFindings(phone), [], 'phone: the page');
            await phone.click('#chat-launcher');
            await chatShows(phone, PHRASES.de.menu);
            assert.deepStrictEqual(await seriousAxeFindings(phone), [], 'phone: the chat open');
        } finally {
            await phone.context().close();
        }
    });
});

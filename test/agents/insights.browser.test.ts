import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../paths';
import type { InsightReport } from '../../services/insights/insightFigures';
import { AppHarness, DEMO_PASSWORD } from '../helpers/appHarness';
import { seriousAxeFindings } from '../helpers/axeAudit';
import { launchChromium } from '../helpers/chromium';

/** Set to write the README's screenshot (docs/insights.png) from this test. */
const SCREENSHOT = process.env.INSIGHTS_SCREENSHOT === '1';

/** The supervisor view in the console, fed by conversations through /api/messages, read as a supervisor reads it. */
describe('Insights view in Chromium', function () {
    this.timeout(120_000);
    let harness: AppHarness;
    let browser: Browser;

    before(async () => {
        harness = await AppHarness.start();
        browser = await launchChromium();
        assert.ok(await harness.app.runtime.handoff.agents.setSupervisor('john', true));
        // Two conversations: a topic answered in English, rated 👍; an off-topic German question, then goodbye and 👎.
        const en = harness.customer('en-US');
        await en.say('My card expired, how do I enter a new one?');
        assert.match((await en.say('bye')).join('\n'), /did this conversation help you\?/);
        await en.say('👍 Yes, it helped');
        const de = harness.customer('de-DE');
        assert.match((await de.say('Wie wird das Wetter morgen?')).join('\n'), /Dabei kann ich Ihnen leider nicht helfen/);
        await de.say('tschüss');
        await de.say('👎 Nein, leider nicht');
        await de.say('Kein Kommentar');
    });

    after(async () => {
        await browser?.close();
        await harness?.close();
    });

    async function signIn(page: Page, login: string, lang: 'de' | 'en'): Promise<void> {
        await page.goto(`${harness.url}/agent?lang=${lang}`);
        await page.locator('#login').fill(login);
        await page.locator('#password').fill(DEMO_PASSWORD);
        await page.locator('#password').press('Enter');
        await page.locator('#whoami').waitFor();
    }

    async function figure(page: Page, key: string): Promise<string> {
        return ((await page.locator(`[data-figure="${key}"] .value`).textContent()) ?? '').trim();
    }

    const LABELS = {
        de: { link: 'Auswertung', heading: 'So arbeitet der Assistent', conversations: 'Gespräche', door: 'Zugang', show: 'Anzeigen', csv: 'Alle Zahlen als CSV', percent: /^50\s%$/, afterPerson: 'Zufrieden (nach einem Chat mit einem Mitarbeiter)', notUnderstood: 'Nachrichten, die der Assistent nicht verstanden hat' },
        en: { link: 'Insights', heading: 'How the assistant is doing', conversations: 'Conversations', door: 'Door', show: 'Show', csv: 'All figures as CSV', percent: /^50%$/, afterPerson: 'Satisfied (after a chat with an agent)', notUnderstood: 'Messages the assistant did not understand' }
    } as const;

    for (const lang of ['de', 'en'] as const) {
        const l = LABELS[lang];

        it(`[${lang}] a supervisor reaches the view by keyboard and sees what the API counts, with a chart per figure`, async () => {
            const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: lang === 'de' ? 'de-DE' : 'en-US' });
            try {
                await signIn(page, 'john', lang);
                const link = page.getByRole('link', { name: l.link });
                await link.focus();
                await page.keyboard.press('Enter');
                await page.getByRole('heading', { name: l.heading }).waitFor();
                await page.locator('[data-figure="conversations"] .value').waitFor();
                await page.locator('#insights-status').filter({ hasText: /\S/ }).waitFor();

                const api = await page.evaluate(async () => (await fetch('/agent/api/insights')).json());
                const totals = (api as InsightReport).totals;
                assert.strictEqual(totals.conversations, 2);
                assert.strictEqual(await figure(page, 'conversations'), '2');
                assert.strictEqual(totals.containmentRate, 0.5);
                assert.match(await figure(page, 'containmentRate'), l.percent);
                assert.match(await figure(page, 'satisfaction'), l.percent);
                assert.match(await figure(page, 'satisfactionBotAlone'), l.percent, 'both ratings came without a person');
                assert.strictEqual(await figure(page, 'satisfactionAfterPerson'), '–', 'no rating after a live chat');
                await page.getByRole('heading', { name: l.afterPerson }).waitFor();
                assert.strictEqual(await figure(page, 'notUnderstood'), String(totals.notUnderstood));
                assert.strictEqual(await page.locator('.figure svg[role="img"]').count(), 12, 'a chart per figure');
                assert.match((await page.locator('[data-figure="conversations"] svg').getAttribute('aria-label')) ?? '', new RegExp(l.conversations));
                await page.getByRole('heading', { name: l.notUnderstood }).waitFor();
                assert.match((await page.locator('#unplaced').textContent()) ?? '', /Wie wird das Wetter morgen\?/);
                assert.match((await page.getByRole('link', { name: l.csv }).getAttribute('href')) ?? '', /format=csv/);

                if (SCREENSHOT && lang === 'en') {
                    fs.mkdirSync(path.join(PROJECT_ROOT, 'docs'), { recursive: true });
                    await page.screenshot({ path: path.join(PROJECT_ROOT, 'docs', 'insights.png'), fullPage: true });
                }
                assert.deepStrictEqual(await seriousAxeFindings(page), []);

                // The door filter by keyboard: Web Chat had no conversation.
                await page.getByLabel(l.door).focus();
                await page.keyboard.press('ArrowDown');
                assert.strictEqual(await page.getByLabel(l.door).inputValue(), 'webchat');
                await page.getByRole('button', { name: l.show }).focus();
                await page.keyboard.press('Enter');
                await page.locator('[data-figure="conversations"] .value').filter({ hasText: /^0$/ }).waitFor();
                assert.match((await page.getByRole('link', { name: l.csv }).getAttribute('href')) ?? '', /door=webchat/);
            } finally {
                await page.close();
            }
        });
    }

    it('an agent who is no supervisor sees no link, and the view says why', async () => {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
        try {
            await signIn(page, 'erika', 'de');
            assert.strictEqual(await page.getByRole('link', { name: 'Auswertung' }).count(), 0);
            await page.goto(`${harness.url}/agent/insights?lang=de`);
            await page.getByRole('alert').filter({ hasText: 'Die Auswertung sehen nur Teamleiter.' }).waitFor();
            assert.strictEqual(await page.locator('#insights-body').isHidden(), true);
            assert.deepStrictEqual(await seriousAxeFindings(page), []);
        } finally {
            await page.close();
        }
    });
});

import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import * as zlib from 'zlib';
import { loadLanguage } from '../../../app';
import { dl, tokenClaims, type DlConversation } from '../../helpers/directLineHttp';
import { startRunningApp, type RunningApp } from '../../helpers/runningApp';

/** Sentences of the help article that each page must show, per language. */
const ARTICLE = {
    de: [
        'Wer ist der Abrechnungskontakt für mein Konto?',
        'Wer ist der Abrechnungsadministrator?',
        '<strong>Lizenzen hinzufügen</strong>',
        'Müssen Sie den Abrechnungskontakt ändern?',
        '<strong>Zur Abrechnung</strong>',
        'Sie werden auf die Abonnementseite Ihres Kontos weitergeleitet',
        'Sie werden aufgefordert, dem Abrechnungskontakt eine E-Mail zu senden',
        'Sie werden zum Corporate Billing Portal weitergeleitet und können sich anmelden',
        'Sie werden zum Corporate Billing Portal weitergeleitet und können sich nicht anmelden',
        '<strong>Kennwort zurücksetzen/erstellen</strong>',
        'Verwandte Themen',
        'Wie führe ich eine Online-Zahlung über das Corporate Billing Portal durch?'
    ],
    en: [
        'Who is the billing contact for my account?',
        'Who is the billing administrator?',
        '<strong>Add licenses</strong>',
        'Need to change the billing contact?',
        '<strong>Go to Billing</strong>',
        "You are taken to your account&#39;s subscription page",
        'You are asked to email the billing contact',
        'You are sent to the Corporate Billing Portal and can sign in',
        'You are sent to the Corporate Billing Portal but cannot sign in',
        '&quot;Contact your billing administrator (name, email)',
        'Related topics',
        'How do I pay online through the Corporate Billing Portal?'
    ]
} as const;

/** A GET as it goes over the wire (fetch would undo the compression). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
        http.get(url, { headers }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject);
    });
}

describe('Help page (GET /) and its assets', () => {
    let running: RunningApp;

    async function page(query = '', headers: Record<string, string> = {}): Promise<{ status: number; html: string; headers: Headers }> {
        const res = await fetch(`${running.url}/${query}`, { headers });
        return { status: res.status, html: await res.text(), headers: res.headers };
    }

    before(async () => {
        running = await startRunningApp();
    });
    after(async () => running.close());

    for (const lang of ['de', 'en'] as const) {
        it(`[${lang}] renders the whole article on the server, with the admin center and My Account links, a language switch and the widget`, async () => {
            const { status, html, headers } = await page(`?lang=${lang}`);
            assert.strictEqual(status, 200);
            assert.match(headers.get('content-type') ?? '', /^text\/html; charset=utf-8/);
            assert.match(html, new RegExp(`<html lang="${lang}">`));
            for (const sentence of ARTICLE[lang]) {
                assert.ok(html.includes(sentence), `missing: ${sentence}`);
            }
            assert.ok(html.includes('<a href="https://admin.logmeininc.com">https://admin.logmeininc.com</a>'));
            assert.ok(html.includes('<a href="https://myaccount.logmeininc.com">https://myaccount.logmeininc.com</a>'));
            assert.strictEqual((html.match(/data-ask="/g) ?? []).length, 10, 'the ten related topics can be asked in the chat');
            assert.match(html, /<a href="\/\?lang=de" hreflang="de" lang="de"[^>]*>Deutsch<\/a>/);
            assert.match(html, /<a href="\/\?lang=en" hreflang="en" lang="en"[^>]*>English<\/a>/);
            assert.match(html, new RegExp(`href="/\\?lang=${lang}" hreflang="${lang}" lang="${lang}" aria-current="page"`));
            assert.match(html, /id="chat-launcher" aria-controls="chat-panel" aria-expanded="false"/);
            const config = JSON.parse(/<script type="application\/json" id="chat-config">(.*?)<\/script>/.exec(html)?.[1] ?? '{}') as { locale: string; webSocket: boolean; webChatUrl: string };
            assert.deepStrictEqual([config.locale, config.webSocket, config.webChatUrl], [lang === 'de' ? 'de-DE' : 'en-US', true, '/webchat/webchat.js']);
            assert.doesNotMatch(html, /\{\{|\*\*|undefined/, 'no raw placeholders or markers');
            assert.doesNotMatch(html, /cdn|unpkg|jsdelivr/i, 'nothing from a CDN');
        });
    }

    it('each related topic, asked in the chat, is understood as that topic in both languages', async () => {
        const { recognizer } = await loadLanguage();
        const expected = ['topic-payment-invoicing', 'topic-change-plan', 'topic-payment-method', 'topic-invoice-history', 'topic-reactivate-plan', 'topic-sign-in-billing', 'change-billing-contact', 'topic-online-vs-corporate', 'topic-why-not-online', 'topic-pay-online-portal'];
        for (const lang of ['de', 'en'] as const) {
            const asks = [...(await page(`?lang=${lang}`)).html.matchAll(/data-ask="([^"]+)"/g)].map((m) => m[1].replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
            const intents = await Promise.all(asks.map(async (ask) => (await recognizer.recognize(ask, lang)).intent));
            assert.deepStrictEqual(intents, expected, `${lang}: ${asks.join(' | ')}`);
        }
    });

    it('chooses German by default, English when the browser prefers it, and ?lang wins', async () => {
        assert.match((await page()).html, /<html lang="de">/);
        assert.match((await page('', { 'Accept-Language': 'en-GB,en;q=0.9,de;q=0.5' })).html, /<html lang="en">/);
        assert.match((await page('', { 'Accept-Language': 'fr-FR,de;q=0.4,en;q=0.3' })).html, /<html lang="de">/);
        assert.match((await page('?lang=de', { 'Accept-Language': 'en-US' })).html, /<html lang="de">/);
    });

    it('sends a Content-Security-Policy that allows only its own scripts and connections', async () => {
        const csp = (await page()).headers.get('content-security-policy') ?? '';
        assert.match(csp, /script-src 'self'(;|$)/);
        assert.match(csp, /connect-src 'self'(;|$)/);
        assert.match(csp, /frame-ancestors 'self'/);
    });

    it('serves the installed Web Chat bundle itself, gzipped when asked, and 304 when unchanged', async () => {
        const bundle = fs.readFileSync(path.join(path.dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js'));
        const plain = await fetch(`${running.url}/webchat/webchat.js`, { headers: { 'Accept-Encoding': 'identity' } });
        assert.strictEqual(plain.status, 200);
        assert.ok(Buffer.from(await plain.arrayBuffer()).equals(bundle), 'the bundle of node_modules/botframework-webchat');
        const zipped = await rawGet(`${running.url}/webchat/webchat.js`, { 'Accept-Encoding': 'gzip, deflate, br' });
        assert.strictEqual(zipped.headers['content-encoding'], 'gzip');
        assert.ok(zipped.body.length < bundle.length / 2, 'compressed on the wire');
        assert.ok(zlib.gunzipSync(zipped.body).equals(bundle));
        const again = await fetch(`${running.url}/webchat/webchat.js`, { headers: { 'If-None-Match': String(zipped.headers.etag) } });
        assert.strictEqual(again.status, 304);
    });

    it('serves the page script and styles; anything else under /help is a JSON 404', async () => {
        for (const [file, type] of [['help.js', 'text/javascript'], ['help.css', 'text/css']]) {
            const res = await fetch(`${running.url}/help/${file}`);
            assert.strictEqual(res.status, 200);
            assert.match(res.headers.get('content-type') ?? '', new RegExp(type));
        }
        for (const name of ['nope.js', '__proto__', 'constructor']) {
            const res = await fetch(`${running.url}/help/${name}`);
            assert.strictEqual(res.status, 404, name);
            assert.strictEqual(((await res.json()) as { error: { code: string } }).error.code, 'NotFound');
        }
    });

    it('the token route hands out a token for a new conversation of its own, which starts it over Direct Line', async () => {
        const first = (await (await fetch(`${running.url}/api/webchat/token`, { method: 'POST' })).json()) as { token: string; conversationId: string; expires_in: number };
        const second = (await (await fetch(`${running.url}/api/webchat/token`, { method: 'POST' })).json()) as { token: string; conversationId: string };
        assert.notStrictEqual(first.conversationId, second.conversationId);
        assert.strictEqual(tokenClaims(first.token).conv, first.conversationId);
        assert.match(tokenClaims(first.token).user, /^dl_/);
        const started = await dl<DlConversation>(running.url, 'POST', '/conversations', first.token, { locale: 'de-DE' });
        assert.deepStrictEqual([started.status, started.body.conversationId], [201, first.conversationId]);
        const generate = await dl(running.url, 'POST', '/tokens/generate', first.token);
        assert.strictEqual(generate.status, 403, 'a page token cannot mint others');
    });

    it('slows down an address that asks for a flood of new conversations (429 with Retry-After)', async () => {
        const statuses: number[] = [];
        let retryAfter: string | null = null;
        for (let i = 0; i < 40; i++) {
            const res = await fetch(`${running.url}/api/webchat/token`, { method: 'POST' });
            statuses.push(res.status);
            if (res.status === 429) {
                retryAfter = res.headers.get('retry-after');
                assert.strictEqual(((await res.json()) as { error: { code: string } }).error.code, 'TooManyRequests');
            } else {
                await res.arrayBuffer();
            }
        }
        assert.ok(statuses.filter((s) => s === 200).length <= 30, 'at most 30 a minute');
        assert.ok(statuses.includes(429));
        assert.ok(Number(retryAfter) > 0 && Number(retryAfter) <= 60);
    });
});

import * as assert from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import * as zlib from 'zlib';
import { loadLanguage } from '../../../app';
import { dl, tokenClaims, type DlConversation } from '../../helpers/directLineHttp';
import { startRunningApp, type RunningApp } from '../../helpers/runningApp';
import { makeTempDir } from '../../helpers/tempDir';
import { StaticAsset } from '../../../channels/helpPage/staticAsset';

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
            const config = JSON.parse(/<script type="application\/json" id="chat-config">(.*?)<\/script>/.exec(html)?.[1] ?? '{}') as { locale: string; webSocket: boolean; webChatUrl: string; text: Record<string, { title: string }> };
            assert.deepStrictEqual([config.locale, config.webSocket], [lang === 'de' ? 'de-DE' : 'en-US', true]);
            assert.match(config.webChatUrl, /^\/webchat\/webchat-minimal\.[0-9a-f]{16}\.js$/, 'the bundle under a content-hashed name');
            assert.deepStrictEqual([config.text.de.title, config.text.en.title], ['Assistent für Abrechnungskontakte', 'Billing Contact Assistant'], 'the widget can follow a switch to either language');
            assert.match(html, /<link rel="stylesheet" href="\/help\/help\.[0-9a-f]{16}\.css">/);
            assert.match(html, /<script src="\/help\/help\.[0-9a-f]{16}\.js" defer><\/script>/);
            assert.doesNotMatch(html, /\{\{|\*\*|undefined/, 'no raw placeholders or markers');
            assert.doesNotMatch(html, /Demo|>G</, 'no demo footer, no placeholder logo');
            assert.match(html, /<svg class="brand__mark"/);
            // "More information" leads to the topic it is about on this page, not to the support home page.
            const moreInfo = [...html.matchAll(/<a href="([^"]*)">(?:Weitere Informationen|Learn more)</g)].map((m) => m[1]);
            assert.deepStrictEqual(moreInfo, ['#topic-change-billing-contact', '#topic-online-vs-corporate', '#topic-pay-online-portal']);
            for (const [, anchor] of html.matchAll(/<a href="#([\w-]+)"/g)) {
                assert.ok(html.includes(`id="${anchor}"`), `#${anchor} is on the page`);
            }
            // The article says the contact options are at its end: they are.
            const article = html.slice(html.indexOf('<article'), html.indexOf('</article>'));
            assert.ok(article.indexOf('id="contact"') > article.indexOf('id="related"'), 'contact options at the end of the article');
            assert.match(article, /<a href="#contact">(Kontaktmöglichkeiten|contact options)<\/a> (finden Sie am Ende dieses Artikels|at the end of this article)/);
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

    it('serves the minimal Web Chat bundle itself under its content hash: brotli or gzip, cached for a year, 304 when unchanged', async () => {
        const bundle = fs.readFileSync(path.join(path.dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat-minimal.js'));
        const hash = crypto.createHash('sha256').update(bundle).digest('hex').slice(0, 16);
        const url = `${running.url}/webchat/webchat-minimal.${hash}.js`;
        assert.ok((await page()).html.includes(`/webchat/webchat-minimal.${hash}.js`), 'the page names the hashed file');
        const plain = await rawGet(url, { 'Accept-Encoding': 'identity' });
        assert.ok(plain.body.equals(bundle), 'the bundle of node_modules/botframework-webchat');
        assert.strictEqual(plain.headers['content-encoding'], undefined);
        assert.strictEqual(plain.headers['cache-control'], 'public, max-age=31536000, immutable');
        const brotli = await rawGet(url, { 'Accept-Encoding': 'gzip, deflate, br' });
        assert.strictEqual(brotli.headers['content-encoding'], 'br');
        assert.ok(brotli.body.length < bundle.length / 4, `brotli on the wire: ${brotli.body.length} bytes`);
        assert.ok(zlib.brotliDecompressSync(brotli.body).equals(bundle));
        const gzip = await rawGet(url, { 'Accept-Encoding': 'gzip, br;q=0' });
        assert.strictEqual(gzip.headers['content-encoding'], 'gzip');
        assert.ok(zlib.gunzipSync(gzip.body).equals(bundle));
        const again = await fetch(url, { headers: { 'If-None-Match': String(brotli.headers.etag) } });
        assert.strictEqual(again.status, 304);
        const other = await fetch(`${running.url}/webchat/webchat-minimal.0000000000000000.js`);
        assert.strictEqual(other.status, 404, 'another hash is not this file');
        const full = await fetch(`${running.url}/webchat/webchat.js`);
        assert.strictEqual(full.status, 404, 'the full bundle is not served');
    });

    it('the build writes the brotli and gzip copies that the server then sends as they are', async () => {
        const { dir, cleanup } = makeTempDir('bca-assets-');
        try {
            const source = path.join(dir, 'sample.js');
            fs.writeFileSync(source, 'console.log("hello");\n'.repeat(500));
            const written = await StaticAsset.precompress(source, path.join(dir, 'out'));
            const hash = crypto.createHash('sha256').update(fs.readFileSync(source)).digest('hex').slice(0, 16);
            assert.deepStrictEqual(written.map((file) => path.basename(file)), [`sample.${hash}.js.br`, `sample.${hash}.js.gz`]);
            assert.ok(zlib.brotliDecompressSync(fs.readFileSync(written[0])).equals(fs.readFileSync(source)));
            assert.ok(zlib.gunzipSync(fs.readFileSync(written[1])).equals(fs.readFileSync(source)));
            const asset = new StaticAsset(source, { contentType: 'text/javascript', maxAgeSeconds: 60, precompressedDir: path.join(dir, 'out') });
            assert.strictEqual(asset.hashedName(), `sample.${hash}.js`);
            const sent: { headers?: Record<string, string>; body?: Buffer } = {};
            const res = { writeHead: (_status: number, headers: Record<string, string>) => (sent.headers = headers), end: (body: Buffer) => (sent.body = body) };
            await asset.serve({ headers: { 'accept-encoding': 'br' } } as never, res as never, true);
            assert.strictEqual(sent.headers?.['Content-Encoding'], 'br');
            assert.ok(sent.body?.equals(fs.readFileSync(written[0])), 'the built copy, byte for byte');
        } finally {
            cleanup();
        }
    });

    it('serves the page script and styles; anything else under /help is a JSON 404', async () => {
        const html = (await page()).html;
        for (const [file, type] of [['help.js', 'text/javascript'], ['help.css', 'text/css']]) {
            const res = await fetch(`${running.url}/help/${file}`);
            assert.strictEqual(res.status, 200);
            assert.match(res.headers.get('content-type') ?? '', new RegExp(type));
            assert.strictEqual(res.headers.get('cache-control'), 'public, max-age=300');
            const hashed = new RegExp(`/help/${file.replace('.', '\\.[0-9a-f]{16}\\.')}`).exec(html)?.[0] ?? 'missing';
            const immutable = await fetch(`${running.url}${hashed}`);
            assert.strictEqual(immutable.status, 200, hashed);
            assert.strictEqual(immutable.headers.get('cache-control'), 'public, max-age=31536000, immutable');
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

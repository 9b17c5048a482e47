import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { Request, Response } from 'restify';
import type { Localizer } from '../language/i18n';
import { escapeHtml } from '../core/html';
import { LANGS, langFromAcceptLanguage, langFromLocale, type Lang } from '../core/language';

/** A static file of the console, held in memory. */
interface Asset {
    readonly body: Buffer;
    readonly type: string;
    readonly etag: string;
}

/** Security headers of every console response: no framing, no inline script, no sniffing. */
export const CONSOLE_HEADERS: Readonly<Record<string, string>> = {
    'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY'
};

/** The console's script (in load order) and style files, served from `/agent/<file>`. */
export const CONSOLE_ASSETS = ['deskKit.js', 'deskCards.js', 'console.js', 'console.css', 'insights.js'] as const;

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/**
 * The console page (`GET /agent`) and its script and style. The page is
 * rendered in the agent's language (`?lang=de|en`, else the browser's):
 * static text filled in on the server, and the whole `agent` namespace
 * embedded as JSON for the script, so every word comes from the locales.
 */
export class ConsolePage {
    private readonly template: string;
    private readonly insightsTemplate: string;
    private readonly insightsPages = new Map<Lang, string>();
    private readonly assets = new Map<string, Asset>();
    private readonly pages = new Map<Lang, string>();

    public constructor(private readonly localizer: Localizer, dir: string, private readonly localesDir: string) {
        this.template = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
        this.insightsTemplate = fs.readFileSync(path.join(dir, 'insights.html'), 'utf8');
        for (const file of CONSOLE_ASSETS) {
            const body = fs.readFileSync(path.join(dir, file));
            this.assets.set(file, { body, type: TYPES[path.extname(file)], etag: `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` });
        }
        for (const lang of LANGS) {
            this.pages.set(lang, this.render(this.template, lang));
            this.insightsPages.set(lang, this.render(this.insightsTemplate, lang));
        }
    }

    public readonly page = async (req: Request, res: Response): Promise<void> => this.send(req, res, this.pages);

    /** The supervisor view (`GET /agent/insights`); the figures themselves need a supervisor's session. */
    public readonly insightsPage = async (req: Request, res: Response): Promise<void> => this.send(req, res, this.insightsPages);

    private send(req: Request, res: Response, pages: ReadonlyMap<Lang, string>): void {
        const query = new URL(req.url ?? '/', 'http://localhost').searchParams.get('lang');
        const lang = langFromLocale(query) ?? langFromAcceptLanguage(req.headers['accept-language'], 'en');
        const html = pages.get(lang) ?? '';
        res.writeHead(200, { ...CONSOLE_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(html) });
        res.end(html);
    }

    /** Serves one of {@link CONSOLE_ASSETS} with an ETag. */
    public asset(file: string): (req: Request, res: Response) => Promise<void> {
        return async (req, res) => {
            const asset = this.assets.get(file);
            if (!asset) {
                res.send(404);
                return;
            }
            if (req.headers['if-none-match'] === asset.etag) {
                res.writeHead(304, { ETag: asset.etag });
                res.end();
                return;
            }
            res.writeHead(200, { ...CONSOLE_HEADERS, 'Content-Type': asset.type, ETag: asset.etag, 'Cache-Control': 'no-cache', 'Content-Length': asset.body.length });
            res.end(asset.body);
        };
    }

    private render(template: string, lang: Lang): string {
        const t = this.localizer.t(lang);
        // The whole namespace for the script; i18next hands out keys, not namespaces.
        const texts = JSON.parse(fs.readFileSync(path.join(this.localesDir, lang, 'agent.json'), 'utf8')) as unknown;
        const json = JSON.stringify(texts).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
        return template
            .replace(/\{\{lang\}\}/g, lang)
            .replace('{{texts}}', json)
            .replace(/\{\{t:([\w.]+)\}\}/g, (_m, key: string) => escapeHtml(t(`agent:${key}`)));
    }
}


import * as path from 'path';
import type { Request, Response, Server } from 'restify';
import type { Localizer } from '../../bot/i18n';
import { sendError } from '../messagesRoute';
import { DIRECT_LINE_PATH, type DirectLineApi } from '../directline/directLineApi';
import { HelpPageRenderer, pageLanguage } from './helpPageRenderer';
import { StaticAsset } from './staticAsset';
import { HttpError } from '../httpError';
import { RateLimiter } from '../../core/rateLimiter';
import type { Clock } from '../../core/clock';
import type { ClientAddresses } from '../clientAddress';

/** What the help page needs. */
export interface HelpPageOptions {
    readonly localizer: Localizer;
    /** Hands out tokens for new web chat conversations. */
    readonly directLine: DirectLineApi;
    /** Folder with `help/help.css` and `help/help.js`. */
    readonly publicDir: string;
    readonly clock: Clock;
    /** The visitor's address behind trusted proxies, the key of the token limit. */
    readonly clients: ClientAddresses;
}

const URLS = {
    css: '/help/help.css',
    script: '/help/help.js',
    webChat: '/webchat/webchat.js',
    token: '/api/webchat/token',
    directLine: DIRECT_LINE_PATH
} as const;

/** Scripts and styles only from here; Web Chat styles itself inline and talks to the bot over fetch and WebSocket. */
const CONTENT_SECURITY_POLICY = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'self'"
].join('; ');

/**
 * The help page at `/`: the article, server-rendered in German or English,
 * with the Web Chat widget in a corner. Serves the installed Web Chat bundle
 * (no CDN) and the token route the page starts its conversation with, so the
 * Direct Line secret never leaves the server.
 */
export class HelpPage {
    private readonly renderer: HelpPageRenderer;
    private readonly assets: ReadonlyMap<string, StaticAsset>;
    /** New conversations per address and minute. */
    private readonly tokenLimiter: RateLimiter;

    public constructor(private readonly options: HelpPageOptions) {
        this.renderer = new HelpPageRenderer(options.localizer, URLS);
        this.tokenLimiter = new RateLimiter(30, 60_000, options.clock);
        this.assets = new Map([
            ['help.css', new StaticAsset(path.join(options.publicDir, 'help', 'help.css'), 'text/css; charset=utf-8', 300)],
            ['help.js', new StaticAsset(path.join(options.publicDir, 'help', 'help.js'), 'text/javascript; charset=utf-8', 300)]
        ]);
    }

    public mount(server: Server): void {
        const webChat = new StaticAsset(webChatBundlePath(), 'text/javascript; charset=utf-8', 86_400);
        server.get('/', async (req, res) => this.page(req, res));
        server.get('/help/:file', async (req, res) => {
            await this.serve(req, res, this.assets.get(String(req.params.file)));
        });
        server.get(URLS.webChat, async (req, res) => this.serve(req, res, webChat));
        server.post(URLS.token, async (req, res) => {
            res.header('Cache-Control', 'no-store');
            // Every token opens a conversation: a script asking for thousands is slowed down per address.
            const decision = this.tokenLimiter.take(this.options.clients.of(req));
            if (!decision.allowed) {
                res.header('Retry-After', String(decision.retryAfterSeconds));
                res.send(429, new HttpError(429, 'TooManyRequests', 'Too many new conversations from this address; please wait a moment.').toBody());
                return;
            }
            res.send(200, this.options.directLine.newConversationToken());
        });
        server.get('/favicon.ico', async (_req, res) => {
            res.send(204);
        });
    }

    private async page(req: Request, res: Response): Promise<void> {
        const query = new URL(req.url ?? '/', 'http://page.local').searchParams.get('lang');
        const lang = pageLanguage(query, typeof req.headers['accept-language'] === 'string' ? req.headers['accept-language'] : undefined);
        const html = this.renderer.render(lang);
        res.writeHead(200, {
            'Content-Type': 'text/html; charset=utf-8',
            'Content-Length': String(Buffer.byteLength(html)),
            'Cache-Control': 'no-cache',
            'Content-Language': lang,
            Vary: 'Accept-Language',
            'Content-Security-Policy': CONTENT_SECURITY_POLICY,
            'X-Content-Type-Options': 'nosniff',
            'Referrer-Policy': 'same-origin'
        });
        res.end(html);
    }

    private async serve(req: Request, res: Response, asset: StaticAsset | undefined): Promise<void> {
        try {
            if (!asset) {
                res.send(404, { error: { code: 'NotFound', message: 'There is no such file.' } });
                return;
            }
            await asset.serve(req, res);
        } catch (err) {
            sendError(res, err);
        }
    }
}

/** The full Web Chat bundle of the installed `botframework-webchat` package. */
function webChatBundlePath(): string {
    // The package exports only its module entry; the browser bundle sits in dist/ beside lib/.
    return path.join(path.dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}

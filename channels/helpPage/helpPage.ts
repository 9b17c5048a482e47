import * as fs from 'fs';
import * as path from 'path';
import type { Request, Response, Server } from 'restify';
import type { Localizer } from '../../language/i18n';
import { sendError } from '../../web/sendError';
import { DIRECT_LINE_PATH, type DirectLineApi } from '../directline/directLineApi';
import { HelpPageRenderer, pageLanguage } from './helpPageRenderer';
import { StaticAsset } from './staticAsset';
import { HttpError } from '../../web/httpError';
import { inMemoryRateLimits, type RateCounter, type RateLimits } from '../../core/rateLimiter';
import type { Clock } from '../../core/clock';
import type { ClientAddresses } from '../../web/clientAddress';
import { ASSETS_DIR } from '../../paths';

/** File name of the Web Chat build the page uses (text, suggested actions and markdown; no Adaptive Cards). */
export const WEB_CHAT_BUNDLE = 'webchat-minimal.js';

/** What the help page needs. */
export interface HelpPageOptions {
    readonly localizer: Localizer;
    /** Hands out tokens for new web chat conversations. */
    readonly directLine: DirectLineApi;
    /** Folder with `help/help.css` and `help/help.js`. */
    readonly publicDir: string;
    /** Folder of the brotli and gzip copies made by the build (see {@link StaticAsset.precompress}). */
    readonly precompressedDir?: string;
    readonly clock: Clock;
    /** The visitor's address behind trusted proxies, the key of the token limit. */
    readonly clients: ClientAddresses;
    /** Where the token limit is counted (several instances: the database); default in this process. */
    readonly rateLimits?: RateLimits;
}

const TOKEN_URL = '/api/webchat/token';

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

/** The files of the page, by the folder they are served under. */
interface AssetFiles {
    readonly help: Readonly<Record<string, { readonly file: string; readonly type: string }>>;
    readonly webchat: Readonly<Record<string, { readonly file: string; readonly type: string }>>;
}

/** The files the page serves (and the build compresses). */
export function helpPageAssetFiles(publicDir: string): AssetFiles {
    return {
        help: {
            'help.css': { file: path.join(publicDir, 'help', 'help.css'), type: 'text/css; charset=utf-8' },
            'help.js': { file: path.join(publicDir, 'help', 'help.js'), type: 'text/javascript; charset=utf-8' }
        },
        webchat: { 'webchat-minimal.js': { file: webChatBundlePath(), type: 'text/javascript; charset=utf-8' } }
    };
}

/**
 * The help page at `/`: the article, server-rendered in German or English,
 * with the Web Chat widget in a corner. Serves the installed Web Chat bundle
 * (no CDN) under a content-hashed name, precompressed, and the token route the
 * page starts its conversation with, so the Direct Line secret never leaves
 * the server.
 */
export class HelpPage {
    private renderer?: HelpPageRenderer;
    /** Per folder (`help`, `webchat`): each asset under its plain and its hashed name. */
    private readonly assets = new Map<string, Map<string, { asset: StaticAsset; immutable: boolean }>>();
    private readonly files: Record<'css' | 'script' | 'webChat', StaticAsset>;
    /** New conversations per address and minute. */
    private readonly tokenLimiter: RateCounter;

    public constructor(private readonly options: HelpPageOptions) {
        this.tokenLimiter = (options.rateLimits ?? inMemoryRateLimits(options.clock))('help-tokens', 30, 60_000);
        const files = helpPageAssetFiles(options.publicDir);
        const make = (spec: { file: string; type: string }, maxAgeSeconds: number): StaticAsset =>
            new StaticAsset(spec.file, { contentType: spec.type, maxAgeSeconds, precompressedDir: options.precompressedDir });
        this.files = {
            css: make(files.help['help.css'], 300),
            script: make(files.help['help.js'], 300),
            webChat: make(files.webchat['webchat-minimal.js'], 3600)
        };
        this.assets.set('help', new Map([['help.css', { asset: this.files.css, immutable: false }], ['help.js', { asset: this.files.script, immutable: false }]]));
        this.assets.set('webchat', new Map([['webchat-minimal.js', { asset: this.files.webChat, immutable: false }]]));
    }

    public mount(server: Server): void {
        server.get('/', async (req, res) => this.page(req, res));
        for (const folder of this.assets.keys()) {
            server.get(`/${folder}/:file`, async (req, res) => this.serve(req, res, folder, String(req.params.file)));
        }
        server.post(TOKEN_URL, async (req, res) => {
            res.header('Cache-Control', 'no-store');
            // Every token opens a conversation: a script asking for thousands is slowed down per address.
            const decision = await this.tokenLimiter.take(this.options.clients.of(req));
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
        const html = this.pageRenderer().render(lang);
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

    /** The renderer, with the hashed asset names read on first use (not at start). */
    private pageRenderer(): HelpPageRenderer {
        if (!this.renderer) {
            const hashed = (folder: string, asset: StaticAsset): string => {
                const name = asset.hashedName();
                this.assets.get(folder)?.set(name, { asset, immutable: true });
                return `/${folder}/${name}`;
            };
            this.renderer = new HelpPageRenderer(this.options.localizer, {
                css: hashed('help', this.files.css),
                script: hashed('help', this.files.script),
                webChat: hashed('webchat', this.files.webChat),
                token: TOKEN_URL,
                directLine: DIRECT_LINE_PATH
            });
        }
        return this.renderer;
    }

    private async serve(req: Request, res: Response, folder: string, name: string): Promise<void> {
        try {
            this.pageRenderer();
            const entry = this.assets.get(folder)?.get(name);
            if (!entry) {
                res.send(404, { error: { code: 'NotFound', message: 'There is no such file.' } });
                return;
            }
            await entry.asset.serve(req, res, entry.immutable);
        } catch (err) {
            sendError(res, err);
        }
    }
}

/**
 * The minimal Web Chat bundle of the installed `botframework-webchat`
 * package: half the size of the full one and half its start-up work. It
 * leaves out Adaptive Cards, speech and markdown-it; on Direct Line the bot
 * sends text and suggested actions only (cards are for Teams), and the page
 * renders the bot's markdown itself.
 */
function webChatBundlePath(): string {
    // The build copies the bundle into dist/assets (Web Chat is a build-time package, not installed in production).
    const built = path.join(ASSETS_DIR, WEB_CHAT_BUNDLE);
    return fs.existsSync(built) ? built : installedWebChatBundle();
}

/** The minimal Web Chat bundle in the installed `botframework-webchat` package (build time and development only). */
export function installedWebChatBundle(): string {
    // The package exports only its module entry; the browser bundle sits in dist/ beside lib/.
    return path.join(path.dirname(require.resolve('botframework-webchat')), '..', 'dist', WEB_CHAT_BUNDLE);
}

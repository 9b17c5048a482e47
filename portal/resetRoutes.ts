import * as crypto from 'crypto';
import type { IncomingMessage } from 'http';
import type { TLSSocket } from 'tls';
import type { Request, Response, Server } from 'restify';
import type { Localizer } from '../language/i18n';
import { isLang, langFromAcceptLanguage, type Lang } from '../core/language';
import type { SecretBox } from '../core/secrets';
import { HttpError } from '../web/httpError';
import { readLimited } from '../web/jsonBody';
import { sendError } from '../web/sendError';
import { RESET_PAGE_PATH, type EmbeddedBillingPortal } from './embeddedBillingPortal';
import { PAGE_CSP, ResetPageView } from './resetPageView';

/** Where the browser lands after a successful change (post/redirect/get: a reload sends nothing again). */
export const RESET_DONE_PATH = `${RESET_PAGE_PATH}/done`;

const CSRF_COOKIE = 'bca_portal_csrf';

/** A reset form is small; anything larger is not one. */
const MAX_FORM_BYTES = 8 * 1024;

/** Seconds a refused (busy) form asks the browser to wait. */
const BUSY_RETRY_SECONDS = 5;

/**
 * The embedded portal's reset page: `GET /portal/reset?token=…&lang=de|en`
 * shows the form for a valid link, `POST /portal/reset` sets the password,
 * `GET /portal/reset/done` confirms. Plain server-rendered HTML without any
 * script; the POST is protected by a double-submit CSRF cookie whose form
 * field is an HMAC bound to the link's token, plus an Origin check.
 */
export class PortalResetRoutes {
    private readonly publicOrigin: string;

    public constructor(private readonly portal: EmbeddedBillingPortal, private readonly localizer: Localizer, private readonly secrets: SecretBox, publicUrl: string) {
        this.publicOrigin = new URL(publicUrl).origin;
    }

    /** Adds the routes to the server. */
    public mount(server: Server): void {
        // restify wants handlers that return promises to be async functions.
        server.get(RESET_PAGE_PATH, async (req: Request, res: Response) => this.guard(res, () => this.showForm(req, res)));
        server.post(RESET_PAGE_PATH, async (req: Request, res: Response) => this.guard(res, () => this.submit(req, res)));
        server.get(RESET_DONE_PATH, async (req: Request, res: Response) => this.guard(res, async () => this.html(res, 200, this.view(this.queryLang(req)).done())));
    }

    private async showForm(req: Request, res: Response): Promise<void> {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const token = url.searchParams.get('token') ?? '';
        const lang = this.queryLang(req);
        const check = await this.portal.checkToken(token);
        if (check.kind === 'invalid') {
            this.html(res, 410, this.view(lang).invalidLink());
            return;
        }
        const nonce = crypto.randomBytes(32).toString('base64url');
        this.html(res, 200, this.renderForm(lang, token, nonce, check.account.login), { 'Set-Cookie': this.cookie(req, nonce) });
    }

    private async submit(req: Request, res: Response): Promise<void> {
        const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
        if (type !== 'application/x-www-form-urlencoded') {
            throw new HttpError(415, 'UnsupportedMediaType', 'The reset form must be sent as application/x-www-form-urlencoded.');
        }
        if ((req.headers['content-encoding'] ?? 'identity') !== 'identity') {
            throw new HttpError(415, 'UnsupportedEncoding', 'The reset form must not be compressed.');
        }
        const form = new URLSearchParams((await readLimited(req as unknown as IncomingMessage, MAX_FORM_BYTES)).toString('utf8'));
        const field = (name: string): string => form.get(name) ?? '';
        const lang: Lang = isLang(field('lang')) ? (field('lang') as Lang) : langFromAcceptLanguage(req.headers['accept-language'], 'en');
        const token = field('token');
        const nonce = this.cookieNonce(req);
        if (!this.sameOrigin(req) || !nonce || !this.csrfMatches(nonce, token, field('csrf'))) {
            this.html(res, 403, this.view(lang).forbidden());
            return;
        }
        const outcome = await this.portal.resetPassword(token, field('password'), field('confirm'));
        switch (outcome.kind) {
            case 'invalid':
                this.html(res, 410, this.view(lang).invalidLink());
                return;
            case 'rejected':
                this.html(res, 400, this.renderForm(lang, token, nonce, outcome.account.login, outcome.problem));
                return;
            case 'busy':
                this.html(res, 429, this.renderForm(lang, token, nonce, outcome.account.login, 'busy'), { 'Retry-After': String(BUSY_RETRY_SECONDS) });
                return;
            case 'changed':
                res.sendRaw(303, '', { Location: `${RESET_DONE_PATH}?lang=${lang}`, 'Set-Cookie': this.cookie(req, '', 0), 'Cache-Control': 'no-store' });
                return;
        }
    }

    private renderForm(lang: Lang, token: string, nonce: string, login: string, error?: string): string {
        const { minPasswordLength, maxPasswordLength } = this.portal.policy;
        const otherLanguage = `${RESET_PAGE_PATH}?token=${encodeURIComponent(token)}&lang=${lang === 'de' ? 'en' : 'de'}`;
        return this.view(lang).form({ token, csrf: this.csrfField(nonce, token), login, minLength: minPasswordLength, maxLength: maxPasswordLength, error }, otherLanguage);
    }

    /** The form field that goes with a cookie nonce: an HMAC over the nonce and the link's token hash. */
    private csrfField(nonce: string, token: string): string {
        return this.secrets.hash(`portal-csrf:${nonce}:${this.portal.tokenHash(token)}`);
    }

    private csrfMatches(nonce: string, token: string, field: string): boolean {
        return /^[0-9a-f]{64}$/.test(field) && this.secrets.matches(`portal-csrf:${nonce}:${this.portal.tokenHash(token)}`, field);
    }

    /** A browser's POST must come from this site: Origin (when sent) and Sec-Fetch-Site (when sent) say so. */
    private sameOrigin(req: Request): boolean {
        const site = req.headers['sec-fetch-site'];
        if (site !== undefined && site !== 'same-origin') {
            return false;
        }
        const origin = req.headers.origin;
        if (origin === undefined) {
            return true;
        }
        const host = req.headers.host ?? '';
        return origin === this.publicOrigin || origin === `http://${host}` || origin === `https://${host}`;
    }

    /** The CSRF cookie; `Secure` when the browser reached us over https (directly or through a proxy), as a browser drops it otherwise. */
    private cookie(req: Request, value: string, maxAgeSeconds = 3600): string {
        const forwarded = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim().toLowerCase();
        const secure = (req.socket as TLSSocket).encrypted === true || forwarded === 'https';
        return `${CSRF_COOKIE}=${value}; Path=${RESET_PAGE_PATH}; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
    }

    private cookieNonce(req: Request): string | undefined {
        for (const part of (req.headers.cookie ?? '').split(';')) {
            const [name, value] = part.trim().split('=', 2);
            if (name === CSRF_COOKIE && value && /^[A-Za-z0-9_-]{43}$/.test(value)) {
                return value;
            }
        }
        return undefined;
    }

    private queryLang(req: Request): Lang {
        const lang = new URL(req.url ?? '/', 'http://localhost').searchParams.get('lang');
        return isLang(lang) ? lang : langFromAcceptLanguage(req.headers['accept-language'], 'en');
    }

    private view(lang: Lang): ResetPageView {
        return new ResetPageView(this.localizer.t(lang), lang);
    }

    private html(res: Response, status: number, body: string, extra: Record<string, string> = {}): void {
        res.sendRaw(status, body, {
            'Content-Type': 'text/html; charset=utf-8',
            'Content-Security-Policy': PAGE_CSP,
            'Cache-Control': 'no-store',
            'Referrer-Policy': 'same-origin',
            'X-Content-Type-Options': 'nosniff',
            'X-Frame-Options': 'DENY',
            ...extra
        });
    }

    private async guard(res: Response, handler: () => Promise<void>): Promise<void> {
        try {
            await handler();
        } catch (err) {
            sendError(res, err);
        }
    }
}

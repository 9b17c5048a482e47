import * as crypto from 'crypto';
import type { TFunction } from 'i18next';
import { escapeHtml } from '../core/html';
import type { Lang } from '../core/language';
import { LINKS } from '../core/links';

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f6f8;color:#1d2530;margin:0}
main{max-width:28rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.12)}
.brand{color:#5a6675;font-size:.9rem;margin:0 0 .5rem}
h1{font-size:1.4rem;margin:0 0 1rem}
label{display:block;font-weight:600;margin:1rem 0 .3rem}
input[type=password]{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem;border:1px solid #9aa5b1;border-radius:4px}
.hint{color:#5a6675;font-size:.9rem}
.error{background:#fdecea;color:#8a1c12;padding:.75rem;border-radius:4px;border-left:4px solid #8a1c12;margin:.3rem 0}
input[aria-invalid=true]{border:2px solid #8a1c12}
button{margin-top:1.25rem;padding:.7rem 1.2rem;font-size:1rem;background:#0b5cad;color:#fff;border:0;border-radius:4px;cursor:pointer}
a{color:#0b5cad;overflow-wrap:anywhere}
:focus-visible,.error:focus{outline:3px solid #1d2530;outline-offset:2px}
.other{margin-top:1.5rem;font-size:.9rem}
@media (max-width:30rem){main{margin:0;border-radius:0;padding:1.25rem}}
`;

/** The page's only style, allowed by its hash in the Content-Security-Policy (no inline script at all). */
export const PAGE_CSP = `default-src 'none'; style-src 'sha256-${crypto.createHash('sha256').update(STYLE).digest('base64')}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

/** Brackets the addresses in a sentence, which become links once the sentence is escaped. */
const MARK = '\u0000';

/** Escapes a sentence and turns the marked addresses in it into links. */
function linked(sentence: string): string {
    return escapeHtml(sentence).replace(/\u0000([^\u0000]+)\u0000/g, (_match, url: string) => `<a href="${url}">${url}</a>`);
}

/** What the form needs besides the words. */
export interface ResetFormModel {
    readonly token: string;
    readonly csrf: string;
    readonly login: string;
    readonly minLength: number;
    readonly maxLength: number;
    /** A problem to show above the form (a locale key under `portalPage:error`). */
    readonly error?: string;
}

/**
 * The reset pages, rendered on the server in one language, every word from
 * the `portalPage` namespace and every value escaped.
 */
export class ResetPageView {
    public constructor(private readonly t: TFunction, private readonly lang: Lang) {}

    /** The form for a new password; a problem is shown at the field it concerns, which tells assistive technology, and gets the focus. */
    public form(model: ResetFormModel, otherLanguageHref: string): string {
        const { t } = this;
        const field = model.error ? (model.error === 'mismatch' ? 'confirm' : 'password') : undefined;
        const error = model.error
            ? `<p class="error" id="${field}-error" tabindex="-1" autofocus>${escapeHtml(t(`portalPage:error.${model.error}`, { min: model.minLength, max: model.maxLength }))}</p>`
            : '';
        const input = (name: 'password' | 'confirm', describedBy: string[]): string => {
            const invalid = field === name;
            const ids = [...(invalid ? [`${name}-error`] : []), ...describedBy];
            return `<label for="${name}">${escapeHtml(t(`portalPage:${name}`))}</label>
${invalid ? error : ''}<input id="${name}" name="${name}" type="password" autocomplete="new-password" required minlength="${model.minLength}" maxlength="${model.maxLength}"${invalid ? ' aria-invalid="true"' : ''}${ids.length ? ` aria-describedby="${ids.join(' ')}"` : ''}>`;
        };
        // novalidate: the server's check (the same rules) is the one message people see, never a browser tooltip beside an old error.
        const body = `
<h1>${escapeHtml(t('portalPage:formTitle'))}</h1>
<p>${escapeHtml(t('portalPage:formIntro', { login: model.login }))}</p>
<form method="post" action="/portal/reset" novalidate>
<input type="hidden" name="token" value="${escapeHtml(model.token)}">
<input type="hidden" name="csrf" value="${escapeHtml(model.csrf)}">
<input type="hidden" name="lang" value="${this.lang}">
<input type="text" name="username" value="${escapeHtml(model.login)}" autocomplete="username" hidden readonly>
${input('password', ['hint'])}
${input('confirm', [])}
<p class="hint" id="hint">${escapeHtml(t('portalPage:hint', { min: model.minLength }))}</p>
<button type="submit">${escapeHtml(t('portalPage:submit'))}</button>
</form>
<p class="other"><a href="${escapeHtml(otherLanguageHref)}" hreflang="${this.other()}" lang="${this.other()}">${escapeHtml(t('portalPage:otherLanguage'))}</a></p>`;
        return this.page(model.error ? `${t(`portalPage:error.${model.error}`, { min: model.minLength, max: model.maxLength })} – ${t('portalPage:formTitle')}` : t('portalPage:formTitle'), body);
    }

    /** The link is used, replaced, expired or was never issued: one page for all. */
    public invalidLink(): string {
        const assistant = `/?lang=${this.lang}#assistant`;
        return this.message('portalPage:invalidTitle', 'portalPage:invalid', `\n<p><a href="${assistant}">${escapeHtml(this.t('portalPage:backToAssistant'))}</a></p>`);
    }

    /** The password was changed. */
    public done(): string {
        return this.message('portalPage:doneTitle', 'portalPage:done');
    }

    /** The form came without a valid CSRF field (another site, or an old tab). */
    public forbidden(): string {
        return this.message('portalPage:forbiddenTitle', 'portalPage:forbidden');
    }

    private message(titleKey: string, textKey: string, extra = ''): string {
        const { t } = this;
        return this.page(t(titleKey), `\n<h1>${escapeHtml(t(titleKey))}</h1>\n<p>${linked(t(textKey, { myAccountUrl: MARK + LINKS.myAccount + MARK, supportUrl: MARK + LINKS.support + MARK }))}</p>${extra}`);
    }

    private page(title: string, body: string): string {
        return `<!DOCTYPE html>
<html lang="${this.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${escapeHtml(title)} – ${escapeHtml(this.t('portalPage:brand'))}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="brand">${escapeHtml(this.t('portalPage:brand'))}</p>${body}
</main>
</body>
</html>
`;
    }

    private other(): Lang {
        return this.lang === 'de' ? 'en' : 'de';
    }
}

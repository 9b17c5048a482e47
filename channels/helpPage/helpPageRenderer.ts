import type { TFunction } from 'i18next';
import type { Localizer } from '../../bot/i18n';
import { LANGS, type Lang } from '../../core/language';
import { LINKS } from '../../services/links';

/** What the page's script needs to start the chat; embedded as JSON, never executed. */
export interface ChatPageConfig {
    readonly lang: Lang;
    /** Web Chat locale, also sent to the bot as the conversation's locale. */
    readonly locale: string;
    readonly tokenUrl: string;
    readonly directLinePath: string;
    readonly webChatUrl: string;
    readonly webSocket: boolean;
    readonly text: Readonly<Record<'connecting' | 'failed' | 'unread', string>>;
}

/** Where the page's parts are served. */
export interface HelpPageUrls {
    readonly css: string;
    readonly script: string;
    readonly webChat: string;
    readonly token: string;
    readonly directLine: string;
}

const LOCALES: Record<Lang, string> = { de: 'de-DE', en: 'en-US' };

/** The related topics of the article (DESIGN §1.6), in its order; each can be asked in the chat. */
const RELATED_TOPICS = [
    'paymentInvoicing',
    'changePlan',
    'paymentMethod',
    'invoiceHistory',
    'reactivatePlan',
    'signInBilling',
    'changeBillingContact',
    'onlineVsCorporate',
    'whyNotOnline',
    'payOnlinePortal'
] as const;

/**
 * Renders the help page (the article of DESIGN §1 with the chat widget) in
 * one language, on the server, from the `helpPage` locale namespace. Text is
 * escaped; `**…**` in a sentence becomes bold, `{{adminCenter}}` and
 * `{{myAccount}}` become links.
 */
export class HelpPageRenderer {
    public constructor(private readonly localizer: Localizer, private readonly urls: HelpPageUrls) {}

    /** The whole HTML document in `lang`. */
    public render(lang: Lang): string {
        const t = this.localizer.t(lang);
        const k = (key: string): string => escapeHtml(t(`helpPage:${key}`));
        const config: ChatPageConfig = {
            lang,
            locale: LOCALES[lang],
            tokenUrl: this.urls.token,
            directLinePath: this.urls.directLine,
            webChatUrl: this.urls.webChat,
            webSocket: true,
            text: { connecting: t('helpPage:chat.connecting'), failed: t('helpPage:chat.failed'), unread: t('helpPage:chat.unread') }
        };
        return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${k('meta.title')}</title>
<meta name="description" content="${k('meta.description')}">
${LANGS.map((l) => `<link rel="alternate" hreflang="${l}" href="/?lang=${l}">`).join('\n')}
<link rel="stylesheet" href="${this.urls.css}">
<script type="application/json" id="chat-config">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>
<script src="${this.urls.script}" defer></script>
</head>
<body>
<a class="skip-link" href="#content">${k('header.skipToContent')}</a>
<header class="site-header">
  <div class="site-header__inner">
    <a class="brand" href="/?lang=${lang}"><span class="brand__mark" aria-hidden="true">G</span>${k('header.brand')}</a>
    <nav class="language-switch" aria-label="${k('header.languageLabel')}">
      ${LANGS.slice()
          .sort()
          .map((l) => `<a href="/?lang=${l}" hreflang="${l}" lang="${l}"${l === lang ? ' aria-current="page"' : ''}>${escapeHtml(this.localizer.t(l)(`common:languageName.${l}`))}</a>`)
          .join('\n      ')}
    </nav>
  </div>
</header>
<main id="content" class="page">
  <nav class="breadcrumb" aria-label="${k('breadcrumb.label')}"><a href="${LINKS.support}">${k('breadcrumb.home')}</a> › <span>${k('breadcrumb.section')}</span></nav>
  <article class="article">
    <h1>${k('article.title')}</h1>
    <p class="article__intro">${this.rich(t, 'article.intro')}</p>
    ${this.section(t, 'who', `<p>${this.rich(t, 'article.who.text')}</p>${this.seeAlso(t, 'article.who.seeAlso')}`)}
    ${this.section(t, 'change', `<p>${this.rich(t, 'article.change.text')} ${this.moreInfo(t)}</p>`)}
    ${this.section(t, 'think', `<p>${this.rich(t, 'article.think.text')}</p>${this.cases(t)}<p>${this.rich(t, 'article.customerService')}</p>`)}
    <section class="related" aria-labelledby="related-heading">
      <h2 id="related-heading">${k('article.related.heading')}</h2>
      <p class="related__hint">${k('article.related.hint')}</p>
      <ul class="related__list">
        ${RELATED_TOPICS.map((topic) => {
            const ask = escapeHtml(t(`helpPage:article.related.topics.${topic}.ask`));
            return `<li><button type="button" class="link-button" data-ask="${ask}">${escapeHtml(t(`helpPage:article.related.topics.${topic}.title`))}</button></li>`;
        }).join('\n        ')}
      </ul>
    </section>
  </article>
  <aside class="contact" aria-labelledby="contact-heading">
    <h2 id="contact-heading">${k('contact.heading')}</h2>
    <p>${k('contact.text')}</p>
    <p class="contact__actions">
      <button type="button" class="button button--primary" data-chat-open>${k('contact.chat')}</button>
      <a class="button" href="${LINKS.support}">${k('contact.support')}</a>
    </p>
  </aside>
</main>
<footer class="site-footer"><p>${k('footer.copyright')}</p><p>${k('footer.note')}</p></footer>
<div class="chat" id="chat">
  <section class="chat__panel" id="chat-panel" role="dialog" aria-labelledby="chat-title" hidden>
    <header class="chat__header">
      <h2 id="chat-title" class="chat__title">${k('chat.title')}</h2>
      <button type="button" class="chat__icon-button" id="chat-restart" title="${k('chat.restart')}" aria-label="${k('chat.restart')}">↻</button>
      <button type="button" class="chat__icon-button" id="chat-close" title="${k('chat.close')}" aria-label="${k('chat.close')}">✕</button>
    </header>
    <p class="chat__status" id="chat-status" role="status"></p>
    <div class="chat__webchat" id="webchat"></div>
  </section>
  <button type="button" class="chat__launcher" id="chat-launcher" aria-controls="chat-panel" aria-expanded="false">
    <span class="chat__launcher-icon" aria-hidden="true"></span><span class="chat__launcher-label">${k('chat.launcher')}</span><span class="chat__badge" id="chat-badge" hidden></span>
  </button>
  <noscript><p class="chat__noscript">${k('chat.noScript')}</p></noscript>
</div>
</body>
</html>
`;
    }

    private section(t: TFunction, name: string, body: string): string {
        return `<section aria-labelledby="${name}-heading">
      <h2 id="${name}-heading">${escapeHtml(t(`helpPage:article.${name}.heading`))}</h2>
      ${body}
    </section>`;
    }

    private cases(t: TFunction): string {
        return `<ul class="cases">
        <li>${this.rich(t, 'article.cases.a')} ${this.moreInfo(t)}</li>
        <li>${this.rich(t, 'article.cases.b')}${this.seeAlso(t, 'article.cases.bSeeAlso')}</li>
        <li>${this.rich(t, 'article.cases.c')} ${this.moreInfo(t)}</li>
        <li>${this.rich(t, 'article.cases.d')}
          <ul><li>${this.rich(t, 'article.cases.dNotContact')}</li><li>${this.rich(t, 'article.cases.dWrongLogin')}</li></ul>${this.seeAlso(t, 'article.cases.dSeeAlso')}
        </li>
      </ul>`;
    }

    private moreInfo(t: TFunction): string {
        return `<a href="${LINKS.support}">${escapeHtml(t('helpPage:article.moreInfo'))}</a>`;
    }

    private seeAlso(t: TFunction, key: string): string {
        return `<p class="see-also"><a href="${LINKS.support}">${escapeHtml(t(`helpPage:${key}`))}</a></p>`;
    }

    /** A sentence with its links and bold parts: escaped first, then the markers become markup. */
    private rich(t: TFunction, key: string): string {
        const links: Record<string, string> = { adminCenter: LINKS.adminCenter, myAccount: LINKS.myAccount };
        const marker = (name: string): string => `\u0000${name}\u0000`;
        const text = escapeHtml(t(`helpPage:${key}`, { adminCenter: marker('adminCenter'), myAccount: marker('myAccount') }));
        return text
            .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
            .replace(/\u0000(\w+)\u0000/g, (_match, name: string) => `<a href="${links[name]}">${links[name]}</a>`);
    }
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** The page language: `?lang=` first, then the browser's preference, else German (the article's own language). */
export function pageLanguage(query: string | null, acceptLanguage: string | undefined): Lang {
    if (query === 'de' || query === 'en') {
        return query;
    }
    const preferred = (acceptLanguage ?? '')
        .split(',')
        .map((part) => {
            const [tag, ...params] = part.trim().toLowerCase().split(';');
            const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find((v) => v !== undefined);
            return { primary: tag.split('-')[0], q: q === undefined ? 1 : Number(q) };
        })
        .filter((entry) => entry.primary === 'de' || entry.primary === 'en')
        .sort((a, b) => b.q - a.q)[0];
    return preferred?.primary === 'en' ? 'en' : 'de';
}

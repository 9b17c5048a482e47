import type { TFunction } from 'i18next';
import type { Localizer } from '../../language/i18n';
import { escapeHtml } from '../../core/html';
import { LANGS, langFromAcceptLanguage, localeOf, type Lang } from '../../core/language';
import { LINKS } from '../../core/links';

/** The chat widget's own words in one language (header, status, launcher). */
export type ChatWidgetText = Readonly<Record<'title' | 'close' | 'restart' | 'connecting' | 'failed' | 'unread' | 'launcher' | 'language' | 'otherLanguage' | 'allOptions', string>>;

/** What the page's script needs to start the chat; embedded as JSON, never executed. */
export interface ChatPageConfig {
    readonly lang: Lang;
    /** Web Chat locale, also sent to the bot as the conversation's locale. */
    readonly locale: string;
    readonly tokenUrl: string;
    readonly directLinePath: string;
    readonly webChatUrl: string;
    readonly webSocket: boolean;
    /** The widget's words in every language: it follows a language switch in the chat without a reload. */
    readonly text: Readonly<Record<Lang, ChatWidgetText>>;
}

/** Where the page's parts are served. */
export interface HelpPageUrls {
    readonly css: string;
    readonly script: string;
    readonly webChat: string;
    readonly token: string;
    readonly directLine: string;
}

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
            locale: localeOf(lang),
            tokenUrl: this.urls.token,
            directLinePath: this.urls.directLine,
            webChatUrl: this.urls.webChat,
            webSocket: true,
            text: { de: this.widgetText('de'), en: this.widgetText('en') }
        };
        const other: Lang = lang === 'de' ? 'en' : 'de';
        const w = config.text[lang];
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
<a class="skip-link" href="#chat-launcher" data-chat-open>${k('header.skipToChat')}</a>
<header class="site-header">
  <div class="site-header__inner">
    <a class="brand" href="/?lang=${lang}">${BRAND_MARK}<span class="brand__name">${k('header.brand')}</span></a>
    <nav class="site-nav" aria-label="${k('header.navLabel')}">
      <a href="${LINKS.support}">${k('header.support')}</a>
      <a href="${LINKS.myAccount}">${k('header.myAccount')}</a>
      <a href="${LINKS.adminCenter}">${k('header.adminCenter')}</a>
    </nav>
    <nav class="language-switch" aria-label="${k('header.languageLabel')}">
      ${LANGS.slice()
          .sort()
          .map((l) => `<a href="/?lang=${l}" hreflang="${l}" lang="${l}"${l === lang ? ' aria-current="page"' : ''}>${escapeHtml(this.localizer.t(l)(`common:languageName.${l}`))}</a>`)
          .join('\n      ')}
    </nav>
  </div>
</header>
<div class="page">
  <nav class="breadcrumb" aria-label="${k('breadcrumb.label')}"><a href="${LINKS.support}">${k('breadcrumb.home')}</a> <span aria-hidden="true">›</span> <span>${k('breadcrumb.section')}</span></nav>
  <main id="content" class="article-layout">
  <article class="article">
    <h1>${k('article.title')}</h1>
    <p class="article__intro">${this.rich(t, 'article.intro')}</p>
    ${this.section(t, 'who', `<p>${this.rich(t, 'article.who.text')}</p>${this.seeAlso(t, 'article.who.seeAlso', LINKS.adminCenter)}`)}
    ${this.section(t, 'change', `<p>${this.rich(t, 'article.change.text')} ${this.moreInfo(t, 'changeBillingContact')}</p>`)}
    ${this.section(t, 'think', `<p>${this.rich(t, 'article.think.text')}</p>${this.cases(t)}<p>${this.rich(t, 'article.customerService')}</p>`)}
    <section class="related" id="related" aria-labelledby="related-heading">
      <h2 id="related-heading">${k('article.related.heading')}</h2>
      <p class="related__hint">${k('article.related.hint')}</p>
      <ul class="related__list">
        ${RELATED_TOPICS.map((topic) => {
            const ask = escapeHtml(t(`helpPage:article.related.topics.${topic}.ask`));
            return `<li id="${topicAnchor(topic)}"><button type="button" class="link-button" data-ask="${ask}">${escapeHtml(t(`helpPage:article.related.topics.${topic}.title`))}</button></li>`;
        }).join('\n        ')}
      </ul>
    </section>
    <section class="contact" id="contact" aria-labelledby="contact-heading">
      <h2 id="contact-heading">${k('contact.heading')}</h2>
      <div class="contact__options">
        <div class="contact__option">
          <p>${k('contact.text')}</p>
          <p><button type="button" class="button button--primary" data-chat-open>${k('contact.chat')}</button></p>
        </div>
        <div class="contact__option">
          <p>${k('contact.supportText')}</p>
          <p><a class="button" href="${LINKS.support}">${k('contact.support')}</a></p>
        </div>
      </div>
    </section>
  </article>
  <nav class="toc" aria-labelledby="toc-heading">
    <h2 id="toc-heading" class="toc__heading">${k('toc')}</h2>
    <ul>
      ${(['who', 'change', 'think'] as const).map((name) => `<li><a href="#${name}">${escapeHtml(t(`helpPage:article.${name}.heading`))}</a></li>`).join('\n      ')}
      <li><a href="#related">${k('article.related.heading')}</a></li>
      <li><a href="#contact">${k('contact.heading')}</a></li>
    </ul>
  </nav>
  </main>
</div>
<footer class="site-footer">
  <div class="site-footer__inner">
    <p class="site-footer__brand">${BRAND_MARK}<span>${k('header.brand')}</span></p>
    <nav aria-label="${k('footer.navLabel')}">
      <ul class="site-footer__links">
        <li><a href="${LINKS.support}">${k('header.support')}</a></li>
        <li><a href="${LINKS.myAccount}">${k('header.myAccount')}</a></li>
        <li><a href="${LINKS.adminCenter}">${k('header.adminCenter')}</a></li>
        <li><a href="${LINKS.company}">${k('footer.company')}</a></li>
      </ul>
    </nav>
    <p>${k('footer.copyright')}</p>
  </div>
</footer>
<div class="chat" id="chat">
  <section class="chat__panel" id="chat-panel" role="dialog" aria-modal="true" aria-labelledby="chat-title" tabindex="-1" hidden>
    <header class="chat__header">
      <h2 id="chat-title" class="chat__title" data-text="title">${escapeHtml(w.title)}</h2>
      <button type="button" class="chat__text-button" id="chat-language" data-lang="${other}" lang="${other}" title="${escapeHtml(w.language)}"><span data-text="otherLanguage">${escapeHtml(w.otherLanguage)}</span></button>
      <button type="button" class="chat__icon-button" id="chat-restart" data-label="restart" title="${escapeHtml(w.restart)}" aria-label="${escapeHtml(w.restart)}"><span aria-hidden="true">↻</span></button>
      <button type="button" class="chat__icon-button" id="chat-close" data-label="close" title="${escapeHtml(w.close)}" aria-label="${escapeHtml(w.close)}"><span aria-hidden="true">✕</span></button>
    </header>
    <p class="chat__status" id="chat-status" role="status"></p>
    <div class="chat__webchat" id="webchat"></div>
  </section>
  <button type="button" class="chat__launcher" id="chat-launcher" aria-controls="chat-panel" aria-expanded="false" aria-haspopup="dialog">
    <span class="chat__launcher-icon" aria-hidden="true"></span><span class="chat__launcher-label" data-text="launcher">${escapeHtml(w.launcher)}</span><span class="chat__badge" id="chat-badge" role="img" aria-label="${escapeHtml(w.unread)}" hidden></span>
  </button>
  <noscript><p class="chat__noscript">${k('chat.noScript')}</p></noscript>
</div>
</body>
</html>
`;
    }

    private widgetText(lang: Lang): ChatWidgetText {
        const t = this.localizer.t(lang);
        const keys = ['title', 'close', 'restart', 'connecting', 'failed', 'unread', 'launcher', 'language', 'otherLanguage', 'allOptions'] as const;
        return Object.fromEntries(keys.map((key) => [key, t(`helpPage:chat.${key}`)])) as Record<(typeof keys)[number], string>;
    }

    private section(t: TFunction, name: string, body: string): string {
        return `<section id="${name}" aria-labelledby="${name}-heading">
      <h2 id="${name}-heading">${escapeHtml(t(`helpPage:article.${name}.heading`))}</h2>
      ${body}
    </section>`;
    }

    private cases(t: TFunction): string {
        return `<ul class="cases">
        <li>${this.rich(t, 'article.cases.a')} ${this.moreInfo(t, 'onlineVsCorporate')}</li>
        <li>${this.rich(t, 'article.cases.b')}${this.seeAlso(t, 'article.cases.bSeeAlso', '#contact')}</li>
        <li>${this.rich(t, 'article.cases.c')} ${this.moreInfo(t, 'payOnlinePortal')}</li>
        <li>${this.rich(t, 'article.cases.d')}
          <ul><li>${this.rich(t, 'article.cases.dNotContact')}</li><li>${this.rich(t, 'article.cases.dWrongLogin')}</li></ul>${this.seeAlso(t, 'article.cases.dSeeAlso', `#${topicAnchor('signInBilling')}`)}
        </li>
      </ul>`;
    }

    /** "More information" about a related topic: a link to it on this page, its title read out to screen readers. */
    private moreInfo(t: TFunction, topic: (typeof RELATED_TOPICS)[number]): string {
        return `<a href="#${topicAnchor(topic)}">${escapeHtml(t('helpPage:article.moreInfo'))}<span class="visually-hidden">: ${escapeHtml(t(`helpPage:article.related.topics.${topic}.title`))}</span></a>`;
    }

    private seeAlso(t: TFunction, key: string, href: string): string {
        return `<p class="see-also"><a href="${href}">${escapeHtml(t(`helpPage:${key}`))}</a></p>`;
    }

    /** A sentence with its links and bold parts: escaped first, then the markers become markup. */
    private rich(t: TFunction, key: string): string {
        const links: Record<string, { href: string; text: string }> = {
            adminCenter: { href: LINKS.adminCenter, text: LINKS.adminCenter },
            myAccount: { href: LINKS.myAccount, text: LINKS.myAccount },
            contactOptions: { href: '#contact', text: t('helpPage:article.contactOptionsLink') }
        };
        const marker = (name: string): string => `\u0000${name}\u0000`;
        const text = escapeHtml(t(`helpPage:${key}`, { adminCenter: marker('adminCenter'), myAccount: marker('myAccount'), contactOptions: marker('contactOptions') }));
        return text
            .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
            .replace(/\u0000(\w+)\u0000/g, (_match, name: string) => `<a href="${links[name].href}">${escapeHtml(links[name].text)}</a>`);
    }
}

/** The id of a related topic's entry, the target of the article's "more information" links. */
function topicAnchor(topic: string): string {
    return `topic-${topic.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** The company's mark (drawn here: a camera in a speech bubble), beside its name. */
const BRAND_MARK = `<svg class="brand__mark" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false"><rect width="32" height="32" rx="8" fill="#fff"/><path d="M7 10.5A2.5 2.5 0 0 1 9.5 8h9a2.5 2.5 0 0 1 2.5 2.5v1.2l3.6-2.3a.9.9 0 0 1 1.4.8v9.6a.9.9 0 0 1-1.4.8L21 18.3v1.2a2.5 2.5 0 0 1-2.5 2.5H13l-4 3.2V22h.5-1A1.5 1.5 0 0 1 7 20.5z" fill="#0b5cab"/></svg>`;


/** The page language: `?lang=` first, then the browser's preference, else German (the article's own language). */
export function pageLanguage(query: string | null, acceptLanguage: string | undefined): Lang {
    if (query === 'de' || query === 'en') {
        return query;
    }
    return langFromAcceptLanguage(acceptLanguage, 'de');
}

/** The languages the bot speaks. */
export type Lang = 'de' | 'en';

/** All supported languages, default first. */
export const LANGS: readonly Lang[] = ['en', 'de'];

/** Maps a BCP-47 locale (`de-DE`, `en-us`, `de`) to a language; undefined when neither. */
export function langFromLocale(locale: string | undefined | null): Lang | undefined {
    if (!locale) {
        return undefined;
    }
    const primary = locale.trim().toLowerCase().split(/[-_]/)[0];
    if (primary === 'de') {
        return 'de';
    }
    if (primary === 'en') {
        return 'en';
    }
    return undefined;
}

/** The recognizers-text culture for a language. */
export function cultureOf(lang: Lang): string {
    return lang === 'de' ? 'de-de' : 'en-us';
}

/** The BCP-47 locale the bot's replies carry for a language (clients such as Web Chat follow it). */
export function localeOf(lang: Lang): string {
    return lang === 'de' ? 'de-DE' : 'en-US';
}

/** Type guard for values read from storage or JSON. */
export function isLang(value: unknown): value is Lang {
    return value === 'de' || value === 'en';
}

/**
 * The language a browser asks for in its `Accept-Language` header: the de/en entry with
 * the highest q-value (the earlier one on a tie; `de-AT` counts as `de`; `q=0` or a q that
 * is not a number drops the entry), else `fallback` when the header names neither.
 */
export function langFromAcceptLanguage(header: string | undefined, fallback: Lang): Lang {
    let best: { lang: Lang; q: number } | undefined;
    for (const part of (header ?? '').split(',')) {
        const [tag, ...params] = part.split(';');
        const lang = langFromLocale(tag);
        if (!lang) {
            continue;
        }
        const qParam = params.map((p) => /^\s*q\s*=(.*)$/i.exec(p)?.[1]).find((v) => v !== undefined);
        const q = qParam === undefined ? 1 : Number(qParam.trim() || Number.NaN);
        if (!Number.isFinite(q) || q <= 0) {
            continue;
        }
        if (!best || q > best.q) {
            best = { lang, q };
        }
    }
    return best?.lang ?? fallback;
}

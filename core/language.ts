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

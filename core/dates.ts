import type { Lang } from './language';

const DATE = new Map<Lang, Intl.DateTimeFormat>();
const DATE_TIME = new Map<Lang, Intl.DateTimeFormat>();

function formatter(cache: Map<Lang, Intl.DateTimeFormat>, lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    let format = cache.get(lang);
    if (!format) {
        format = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { ...options, timeZone: 'UTC' });
        cache.set(lang, format);
    }
    return format;
}

/** A day as people of the language write it ("2 March 2026", "2. März 2026"), in UTC. */
export function formatDate(lang: Lang, epochMs: number): string {
    return formatter(DATE, lang, { dateStyle: 'long' }).format(new Date(epochMs));
}

/** A day and time in UTC, with "UTC" said ("2 March 2026 at 09:00 UTC"). */
export function formatDateTime(lang: Lang, epochMs: number): string {
    return `${formatter(DATE_TIME, lang, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(epochMs))} UTC`;
}

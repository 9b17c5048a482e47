import * as fs from 'fs';
import * as path from 'path';
import i18next, { type i18n, type TFunction } from 'i18next';
import { LANGS, type Lang } from '../core/language';
import { fastT } from '../sdkSpeedups/i18nextFastT';

/** Namespaces that hold data for the bot rather than sentences. */
const DATA_NAMESPACES = new Set(['intents']);

/**
 * The bot's words: every JSON namespace under `locales/de` and `locales/en`,
 * loaded once into a private i18next instance. Hands out fixed `t` functions per
 * language, never switching a global language (many people share one process).
 */
export class Localizer {
    private readonly fixed = new Map<Lang, TFunction>();

    private constructor(private readonly instance: i18n) {
        for (const lang of LANGS) {
            this.fixed.set(lang, fastT(instance.getFixedT(lang), instance, lang));
        }
    }

    /** Loads every namespace of `localesDir`. @throws naming the file that is not valid JSON. */
    public static async load(localesDir: string): Promise<Localizer> {
        const resources: Record<string, Record<string, object>> = {};
        const namespaces = new Set<string>();
        for (const lang of LANGS) {
            resources[lang] = {};
            const dir = path.join(localesDir, lang);
            for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
                const ns = file.replace(/\.json$/, '');
                if (DATA_NAMESPACES.has(ns)) {
                    continue;
                }
                try {
                    resources[lang][ns] = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as object;
                } catch (err) {
                    throw new Error(`Localizer.load(): ${path.join(dir, file)} is not valid JSON: ${(err as Error).message}`);
                }
                namespaces.add(ns);
            }
        }
        const instance = i18next.createInstance();
        await instance.init({
            resources,
            lng: 'en',
            fallbackLng: false,
            supportedLngs: [...LANGS],
            ns: [...namespaces],
            defaultNS: 'common',
            initAsync: false,
            returnNull: false,
            interpolation: { escapeValue: false }
        });
        return new Localizer(instance);
    }

    /** The `t` function of one language. */
    public t(lang: Lang): TFunction {
        const t = this.fixed.get(lang);
        if (!t) {
            throw new Error(`Localizer.t(): unsupported language ${String(lang)}`);
        }
        return t;
    }

    /** i18next's own `t` of one language, without the fast path of {@link t} (to check that both agree). */
    public i18next(lang: Lang): TFunction {
        return this.instance.getFixedT(lang);
    }

    /** True when `key` (with namespace, `ns:key`) exists in `lang`. */
    public has(lang: Lang, key: string): boolean {
        return this.instance.exists(key, { lng: lang });
    }
}

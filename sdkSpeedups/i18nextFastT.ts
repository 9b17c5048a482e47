/**
 * SDK speed-up: `Localizer.t` without i18next's per-call resolution.
 *
 * Relies on i18next internals (pinned by test/sdkSpeedups/i18nextFastT.test.ts and,
 * for every key, test/language/i18n.test.ts):
 * - `i18n.getResource(lang, ns, key)` returns the raw stored sentence (or array);
 * - the default interpolation: `{{name}}` placeholders, values inserted unescaped
 *   (`escapeValue: false` in language/i18n.ts), `$t(` for nesting;
 * - the option names of `t` that mean more than a value (I18NEXT_OPTIONS below).
 * An i18next upgrade that changes one of these fails those tests.
 */
import type { i18n, TFunction } from 'i18next';
import type { Lang } from '../core/language';

/** Options with a meaning to i18next beyond "a value to put in": such calls always go to i18next. */
const I18NEXT_OPTIONS = new Set([
    'count', 'context', 'ordinal', 'returnDetails', 'joinArrays', 'lng', 'lngs', 'ns', 'defaultValue', 'replace', 'interpolation', 'keySeparator', 'nsSeparator',
    'postProcess', 'skipInterpolation', 'fallbackLng', 'appendNamespaceToMissingKey', 'appendNamespaceToCIMode', 'ignoreJSONStructure', 'missingInterpolationHandler'
]);

/** `{{name}}` with a plain name: the only placeholder the fast path fills itself. */
const PLACEHOLDER = /\{\{(.+?)\}\}/g;
const PLAIN_NAME = /^[A-Za-z0-9_]+$/;

/** A sentence split at its placeholders: text, name, text, name, …, text. */
type Template = readonly string[];

/** What a key resolves to: a sentence, a list of sentences (mail bodies), or something only i18next handles. */
type Compiled = { readonly kind: 'text'; readonly template: Template } | { readonly kind: 'list'; readonly templates: readonly Template[] } | { readonly kind: 'i18next' };

/**
 * The same `t`, faster for the calls a turn makes. i18next resolves and
 * interpolates every call anew, which was a noticeable part of a turn. Each
 * key is looked up once per language and split at its `{{name}}`
 * placeholders; a call whose options are only values for them (strings or
 * numbers, `returnObjects` for lists) is filled in directly, with the result
 * i18next gives (checked for every key in `test/language/i18n.test.ts`). Anything
 * else (plurals by `count`, nesting with `$t(`, formats, missing values,
 * unknown keys) goes to i18next itself.
 */
export function fastT(t: TFunction, instance: i18n, lang: Lang): TFunction {
    const compiled = new Map<string, Compiled>();
    const compile = (key: string): Compiled => {
        let entry = compiled.get(key);
        if (!entry) {
            entry = compileKey(instance, lang, key);
            compiled.set(key, entry);
        }
        return entry;
    };
    const wrapped = (key: string | string[], ...rest: unknown[]): unknown => {
        const options = rest[0];
        if (typeof key !== 'string' || rest.length > 1 || (options !== undefined && (typeof options !== 'object' || options === null))) {
            return (t as unknown as (...args: unknown[]) => unknown)(key, ...rest);
        }
        const entry = compile(key);
        const values = options as Record<string, unknown> | undefined;
        const result = entry.kind === 'i18next' || !plainValues(values) ? undefined : entry.kind === 'text' ? (values?.returnObjects ? undefined : fill(entry.template, values)) : values?.returnObjects ? fillAll(entry.templates, values) : undefined;
        return result ?? (t as unknown as (...args: unknown[]) => unknown)(key, ...rest);
    };
    return wrapped as unknown as TFunction;
}

function compileKey(instance: i18n, lang: Lang, key: string): Compiled {
    const colon = key.indexOf(':');
    const ns = colon > 0 ? key.slice(0, colon) : 'common';
    const resource = instance.getResource(lang, ns, colon > 0 ? key.slice(colon + 1) : key) as unknown;
    if (typeof resource === 'string') {
        const template = split(resource);
        return template ? { kind: 'text', template } : { kind: 'i18next' };
    }
    if (Array.isArray(resource) && resource.length > 0 && resource.every((line) => typeof line === 'string')) {
        const templates = (resource as string[]).map(split);
        return templates.every((template) => template !== undefined) ? { kind: 'list', templates: templates as Template[] } : { kind: 'i18next' };
    }
    return { kind: 'i18next' };
}

/** The sentence split at its placeholders, or undefined when it needs i18next (nesting, formats, paths). */
function split(text: string): Template | undefined {
    if (text.includes('$t(')) {
        return undefined;
    }
    const parts: string[] = [];
    let last = 0;
    for (const match of text.matchAll(PLACEHOLDER)) {
        const name = match[1].trim();
        if (!PLAIN_NAME.test(name)) {
            return undefined;
        }
        parts.push(text.slice(last, match.index), name);
        last = (match.index ?? 0) + match[0].length;
    }
    parts.push(text.slice(last));
    return parts;
}

/** True when no option has a meaning of its own to i18next and every value is a string or a number. */
function plainValues(values: Record<string, unknown> | undefined): boolean {
    if (values === undefined) {
        return true;
    }
    for (const name in values) {
        const value = values[name];
        if (name === 'returnObjects' ? typeof value !== 'boolean' : I18NEXT_OPTIONS.has(name) || (typeof value !== 'string' && typeof value !== 'number')) {
            return false;
        }
    }
    return true;
}

/** The sentence with its placeholders filled, or undefined when a value is missing (i18next decides then). */
function fill(template: Template, values: Record<string, unknown> | undefined): string | undefined {
    let out = template[0];
    for (let i = 1; i < template.length; i += 2) {
        const value = values?.[template[i]];
        if (value === undefined) {
            return undefined;
        }
        out += String(value) + template[i + 1];
    }
    return out;
}

function fillAll(templates: readonly Template[], values: Record<string, unknown>): string[] | undefined {
    const lines: string[] = [];
    for (const template of templates) {
        const line = fill(template, values);
        if (line === undefined) {
            return undefined;
        }
        lines.push(line);
    }
    return lines;
}

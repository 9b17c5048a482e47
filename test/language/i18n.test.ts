import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Localizer } from '../../language/i18n';
import { LANGS } from '../../core/language';
import { LOCALES_DIR } from '../../paths';

/** Values that would go wrong with a careless replace: `$` patterns, braces, nesting syntax, markup. */
const AWKWARD = ['Anna Müller', 'a $& b $1 $$ c', '{{name}} and $t(common:yes)', '<b>&amp;</b> "q" \'s', '', 'ß\nnew line'];

/** Every key of a namespace with its resource (strings and lists of strings). */
function leaves(value: unknown, prefix: string, out: Array<[string, unknown]>): Array<[string, unknown]> {
    if (typeof value === 'string' || Array.isArray(value)) {
        out.push([prefix, value]);
    } else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
            leaves(inner, prefix.endsWith(':') ? `${prefix}${key}` : `${prefix}.${key}`, out);
        }
    }
    return out;
}

function placeholders(resource: unknown): string[] {
    const text = Array.isArray(resource) ? resource.join('\n') : String(resource);
    return [...new Set([...text.matchAll(/\{\{(.+?)\}\}/g)].map((m) => m[1].trim().split(',')[0].trim()))];
}

describe('Localizer: its t gives exactly what i18next gives', () => {
    let localizer: Localizer;
    before(async () => {
        localizer = await Localizer.load(LOCALES_DIR);
    });

    it('for every key of every namespace in both languages, with awkward values, numbers, lists, missing values and counts', () => {
        let compared = 0;
        for (const lang of LANGS) {
            const ours = localizer.t(lang);
            const theirs = localizer.i18next(lang);
            for (const file of fs.readdirSync(path.join(LOCALES_DIR, lang)).filter((f) => f.endsWith('.json') && f !== 'intents.json')) {
                const ns = file.replace(/\.json$/, '');
                const data = JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, lang, file), 'utf8')) as unknown;
                for (const [key, resource] of leaves(data, `${ns}:`, [])) {
                    const names = placeholders(resource);
                    const variants: Array<Record<string, unknown> | undefined> = [undefined, {}];
                    AWKWARD.forEach((value, i) => variants.push(Object.fromEntries(names.map((name, j) => [name, j % 2 ? i * 7 + j : value]))));
                    variants.push(Object.fromEntries(names.slice(1).map((name) => [name, 'only some'])));
                    variants.push({ ...Object.fromEntries(names.map((name) => [name, 'x'])), count: 1 }, { ...Object.fromEntries(names.map((name) => [name, 'y'])), count: 3 });
                    for (const values of variants) {
                        for (const options of values === undefined ? [undefined] : [values, { ...values, returnObjects: true }]) {
                            const args = options === undefined ? [key] : [key, options];
                            const call = (t: unknown): unknown => (t as (...a: unknown[]) => unknown)(...args);
                            assert.deepStrictEqual(call(ours), call(theirs), `${lang} ${key} ${JSON.stringify(options)}`);
                            compared++;
                        }
                    }
                }
            }
        }
        assert.ok(compared > 2000, `compared ${compared} calls`);
    });

    it('answers an unknown key, a key list and an object resource as i18next does', () => {
        for (const lang of LANGS) {
            const ours = localizer.t(lang) as unknown as (...a: unknown[]) => unknown;
            const theirs = localizer.i18next(lang) as unknown as (...a: unknown[]) => unknown;
            for (const args of [['nope:nothing'], ['common:nothing', { a: 'b' }], [['common:nothing', 'common:languageName.de']], ['common:languageName'], ['mail:signature', { returnObjects: true }]]) {
                assert.deepStrictEqual(ours(...args), theirs(...args), JSON.stringify(args));
            }
        }
    });
});

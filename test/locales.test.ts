import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { LOCALES_DIR } from '../paths';

type Tree = { [key: string]: string | string[] | Tree };

function readNamespaces(lang: string): Map<string, Tree> {
    const dir = path.join(LOCALES_DIR, lang);
    const result = new Map<string, Tree>();
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
        result.set(file.replace(/\.json$/, ''), JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Tree);
    }
    return result;
}

/** Every leaf as `ns:a.b.c` → value. Plural forms (`_one`, `_other`) count as one key. */
function leaves(namespaces: Map<string, Tree>): Map<string, string | string[]> {
    const out = new Map<string, string | string[]>();
    const walk = (node: Tree, prefix: string): void => {
        for (const [key, value] of Object.entries(node)) {
            const name = prefix + key;
            if (typeof value === 'string' || Array.isArray(value)) {
                out.set(name, value);
            } else {
                walk(value, name + '.');
            }
        }
    };
    for (const [ns, tree] of namespaces) {
        walk(tree, ns + ':');
    }
    return out;
}

const placeholders = (value: string | string[]): string[] =>
    [...new Set([...(Array.isArray(value) ? value.join('\n') : value).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]))].sort();

describe('locales', () => {
    const de = leaves(readNamespaces('de'));
    const en = leaves(readNamespaces('en'));

    it('de and en have the same namespaces and keys', () => {
        const onlyDe = [...de.keys()].filter((k) => !en.has(k));
        const onlyEn = [...en.keys()].filter((k) => !de.has(k));
        assert.deepStrictEqual({ onlyDe, onlyEn }, { onlyDe: [], onlyEn: [] });
    });

    it('no sentence is empty', () => {
        for (const [key, value] of [...de, ...en]) {
            const texts = Array.isArray(value) ? value : [value];
            assert.ok(texts.length > 0, `${key} is an empty list`);
            // Mail bodies may have blank lines; sentences may not be blank.
            if (!Array.isArray(value)) {
                assert.notStrictEqual(value.trim(), '', `${key} is empty`);
            }
        }
    });

    it('each sentence uses the same placeholders in both languages', () => {
        for (const [key, value] of de) {
            if (key.startsWith('intents:')) {
                continue;
            }
            const other = en.get(key);
            assert.ok(other !== undefined);
            assert.deepStrictEqual(placeholders(value), placeholders(other), `placeholders of ${key}`);
        }
    });

    it('German texts use real umlauts, not ae/oe/ue spellings, and address people as "Sie"', () => {
        for (const [key, value] of de) {
            // What people type (synonyms, the `heard` lists, the words that place a message off the field, the fillers around a goodbye) may be in Du-form; the bot's sentences may not.
            if (key.startsWith('intents:') || key.includes('synonyms') || key.includes('.heard.') || key.endsWith('.heard') || key.startsWith('main:outOfScopeWords.') || key === 'common:closingFillers') {
                continue;
            }
            const text = Array.isArray(value) ? value.join(' ') : value;
            assert.doesNotMatch(text, /\b(fuer|ueber|koennen|moechten|aendern|Schluessel|Ihre?n? Konto aendern)\b/, `${key}: write umlauts`);
            assert.doesNotMatch(text, /\b(du|dich|dir|dein|deine)\b/, `${key}: use the Sie-form`);
        }
    });
});

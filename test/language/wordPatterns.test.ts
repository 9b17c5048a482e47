import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { LANGS } from '../../core/language';
import { wordsOf } from '../../core/words';
import { WordPatterns } from '../../language/wordPatterns';
import { LOCALES_DIR, PROJECT_ROOT } from '../../paths';

/** How a pattern list was read at every message before it was read once ({@link WordPatterns}): the reference its answers must equal. */
function mentionsByReference(said: readonly string[], patterns: readonly string[]): boolean {
    const text = ` ${said.join(' ')} `;
    return patterns.some((pattern) => {
        const [prefix, suffix] = [pattern.endsWith('*'), pattern.startsWith('*')];
        const core = pattern.replace(/^[*^]|\*$/gu, '');
        if (pattern.startsWith('^')) {
            return core !== '' && text.startsWith(` ${core} `);
        }
        if (!prefix && !suffix) {
            return core !== '' && text.includes(` ${core} `);
        }
        return core !== '' && said.some((word) => word === core || (prefix && word.startsWith(core)) || (suffix && word.endsWith(core)));
    });
}

/** A pattern as the recognizer keeps it: its marks, its words joined by single spaces. */
function asPattern(entry: string): string {
    const start = entry.startsWith('*') ? '*' : entry.startsWith('^') ? '^' : '';
    return `${start}${wordsOf(entry).join(' ')}${entry.endsWith('*') ? '*' : ''}`;
}

describe('WordPatterns: the out-of-scope word lists, read once', () => {
    it('finds a phrase as whole words, a word pattern at a word\'s beginning or end, an opening only at the start', () => {
        const patterns = WordPatterns.of(['netflix', 'power bill', 'strom*', '*steuer', '^bist du', '*', '^']);
        const cases: Array<[string, boolean]> = [
            ['my netflix bill', true],
            ['netflixx', false],
            ['the power bill is high', true],
            ['power billing', false],
            ['stromrechnung zu hoch', true],
            ['strom', true],
            ['mein gasstrom', false],
            ['die kfz steuer', true],
            ['kfzsteuer', true],
            ['steuerberater', false],
            ['bist du ein mensch', true],
            ['sag mal bist du ein mensch', false],
            ['', false]
        ];
        for (const [text, expected] of cases) {
            assert.strictEqual(patterns.mentionedIn(wordsOf(text)), expected, text);
        }
    });

    it('answers as the lists were read before at every message, for every list of both languages and every phrasing of the fixtures and intents', () => {
        const texts = new Set<string>();
        for (const fixture of ['intents-holdout.json', 'intents-unseen.json', 'intents-stories-oos.json', 'intents-stories-oos-second.json']) {
            for (const sample of JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', fixture), 'utf8')) as Array<{ text: string }>) {
                texts.add(sample.text);
            }
        }
        const lists: string[][] = [];
        for (const lang of LANGS) {
            const intents = JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, lang, 'intents.json'), 'utf8')) as Record<string, string[]>;
            Object.values(intents).flat().forEach((text) => texts.add(text));
            const main = JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, lang, 'main.json'), 'utf8')) as { outOfScopeWords: Record<string, string[]> };
            lists.push(...Object.values(main.outOfScopeWords).map((list) => list.map(asPattern)));
        }
        assert.ok(texts.size > 1000 && lists.length === 18, `${texts.size} texts, ${lists.length} lists`);
        let mentioned = 0;
        for (const list of lists) {
            const patterns = WordPatterns.of(list);
            for (const text of texts) {
                const said = wordsOf(text);
                const expected = mentionsByReference(said, list);
                assert.strictEqual(patterns.mentionedIn(said), expected, `"${text}" against ${list.slice(0, 3).join(', ')} …`);
                mentioned += expected ? 1 : 0;
            }
        }
        assert.ok(mentioned > 100, `the texts meet the lists ${mentioned} times`);
    });
});

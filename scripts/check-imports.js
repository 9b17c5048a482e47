#!/usr/bin/env node
'use strict';
/**
 * Prints the imports that go up the layer order of ARCHITECTURE.md
 * (core < data < mail < services < portal < bot/dialogs < channels < agents < cli/bench/app),
 * grouped by folder, with their count. Report only: exits 0 (issue 14 will make it fail).
 *
 * Usage: node scripts/check-imports.js [root]   (root defaults to the project folder)
 * `config.ts` and `paths.ts` at the root are read by every layer and rank with `core/`;
 * `app.ts` and `index.ts` rank with cli/bench. Tests, `dist/`, `public/`, `types/` and
 * `vendor/` are not checked. Type-only imports count: they tie the layers together too.
 */
const fs = require('fs');
const path = require('path');

/** Rank of each top-level folder (or root file); a higher rank may import a lower one. */
const RANKS = {
    core: 0,
    'config.ts': 0,
    'paths.ts': 0,
    data: 1,
    mail: 2,
    services: 3,
    portal: 4,
    bot: 5,
    dialogs: 5,
    channels: 6,
    agents: 7,
    cli: 8,
    bench: 8,
    'app.ts': 8,
    'index.ts': 8
};

const SKIPPED = new Set(['node_modules', 'dist', 'test', 'public', 'types', 'vendor', 'scripts', 'locales']);

function sourceFiles(root, dir = root) {
    const files = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (entry.name.startsWith('.') || (dir === root && SKIPPED.has(entry.name))) {
            continue;
        }
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            files.push(...sourceFiles(root, full));
        } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
            files.push(full);
        }
    }
    return files;
}

/** The layer key of a project file: its top folder, or its own name at the root. */
function layerOf(root, file) {
    return path.relative(root, file).split(path.sep)[0];
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]*)['"]/gm;

function upwardImports(root) {
    const found = [];
    for (const file of sourceFiles(root)) {
        const from = layerOf(root, file);
        if (!(from in RANKS)) {
            continue;
        }
        const text = fs.readFileSync(file, 'utf8');
        for (const match of text.matchAll(IMPORT)) {
            const target = path.resolve(path.dirname(file), match[1]);
            const to = layerOf(root, target.endsWith('.ts') ? target : `${target}.ts`);
            const toKey = to in RANKS ? to : layerOf(root, target);
            if (toKey in RANKS && RANKS[toKey] > RANKS[from]) {
                const line = text.slice(0, match.index).split('\n').length;
                found.push({ from, to: toKey, file: path.relative(root, file), line, specifier: match[1] });
            }
        }
    }
    return found;
}

function report(root) {
    const found = upwardImports(root);
    const groups = new Map();
    for (const item of found) {
        const key = `${item.from} → ${item.to}`;
        groups.set(key, [...(groups.get(key) ?? []), item]);
    }
    const lines = [`${found.length} upward import${found.length === 1 ? '' : 's'} (layer order: core < data < mail < services < portal < bot/dialogs < channels < agents < cli/bench/app)`];
    for (const [key, items] of [...groups].sort((a, b) => RANKS[a[1][0].from] - RANKS[b[1][0].from] || a[0].localeCompare(b[0]))) {
        lines.push('', `${key} (${items.length})`);
        for (const item of items) {
            lines.push(`  ${item.file}:${item.line} imports '${item.specifier}'`);
        }
    }
    return lines.join('\n');
}

if (require.main === module) {
    const root = path.resolve(process.argv[2] ?? path.join(__dirname, '..'));
    console.log(report(root));
}

module.exports = { upwardImports, report };

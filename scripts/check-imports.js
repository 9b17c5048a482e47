#!/usr/bin/env node
'use strict';
/**
 * Checks that no import goes up the layer order of ARCHITECTURE.md (see RANKS):
 * prints the imports that do, grouped by folder, and exits 1 when there is one,
 * or when a top-level folder or root file with TypeScript has no rank (a new
 * folder must be placed in the order). test/layers.test.ts runs it in `npm test`.
 *
 * Usage: node scripts/check-imports.js [root]   (root defaults to the project folder)
 * `paths.ts` ranks with `core/`; `config.ts` sits above `web/` (it parses proxy settings
 * with `web/clientAddress`); `compose.ts`, `app.ts`, `index.ts` and `nativeAsyncAtEntry.ts` rank with cli/bench.
 * Tests, `dist/`, `public/`, `types/` and `vendor/` are not checked. Type-only imports
 * count: they tie the layers together too.
 */
const fs = require('fs');
const path = require('path');

/** Rank of each top-level folder (or root file); a higher rank may import a lower one. */
const RANKS = {
    core: 0,
    'paths.ts': 0,
    sdkSpeedups: 1,
    data: 2,
    language: 3,
    turn: 4,
    mail: 5,
    web: 6,
    'config.ts': 7,
    portal: 8,
    services: 9,
    dialogs: 10,
    bot: 11,
    channels: 12,
    agents: 13,
    cli: 14,
    bench: 14,
    'compose.ts': 14,
    'app.ts': 14,
    'index.ts': 14,
    'nativeAsyncAtEntry.ts': 14
};

/** The layer order as one line, lowest first (layers of one rank joined by `/`). */
const ORDER = [...new Set(Object.values(RANKS))]
    .sort((a, b) => a - b)
    .map((rank) => Object.keys(RANKS).filter((key) => RANKS[key] === rank).map((key) => key.replace(/\.ts$/, '')).join('/'))
    .join(' < ');

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

/** Top-level folders and root files with TypeScript that have no rank. */
function unrankedLayers(root) {
    return [...new Set(sourceFiles(root).map((file) => layerOf(root, file)))].filter((layer) => !(layer in RANKS)).sort();
}

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
    const lines = [`${found.length} upward import${found.length === 1 ? '' : 's'} (layer order: ${ORDER})`];
    const unranked = unrankedLayers(root);
    if (unranked.length > 0) {
        lines.push(`not in the layer order (add to RANKS in scripts/check-imports.js): ${unranked.join(', ')}`);
    }
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
    process.exitCode = upwardImports(root).length > 0 || unrankedLayers(root).length > 0 ? 1 : 0;
}

module.exports = { upwardImports, unrankedLayers, report, RANKS };

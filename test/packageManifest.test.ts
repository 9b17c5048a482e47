import * as assert from 'assert';
import { builtinModules } from 'module';
import * as fs from 'fs';
import * as path from 'path';
import { PROJECT_ROOT } from '../paths';

/** Compiled folders that only tests and benchmarks load; everything else runs in production. */
const DEV_ONLY = new Set(['test', 'bench']);

/** Every `.js` file the production server or its CLIs can load. */
function productionScripts(dir: string, top = true): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            return top && DEV_ONLY.has(entry.name) ? [] : productionScripts(full, false);
        }
        return entry.name.endsWith('.js') ? [full] : [];
    });
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
function packageName(specifier: string): string {
    const parts = specifier.split('/');
    return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

describe('package.json', () => {
    it('lists every package the production code requires under "dependencies" (npm ci --omit=dev must start the bot)', () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
        const dependencies = new Set(Object.keys(manifest.dependencies ?? {}));
        const builtins = new Set(builtinModules);
        const missing = new Map<string, string>();
        const scripts = productionScripts(path.join(PROJECT_ROOT, 'dist'));
        assert.ok(scripts.length > 20, 'dist/ is built');
        for (const file of scripts) {
            // Type-only imports are gone from the compiled code: what is left is loaded at run time.
            for (const match of fs.readFileSync(file, 'utf8').matchAll(/require\("([^".][^"]*)"\)/g)) {
                const name = packageName(match[1].replace(/^node:/, ''));
                if (!builtins.has(name) && !dependencies.has(name)) {
                    missing.set(name, path.relative(PROJECT_ROOT, file));
                }
            }
        }
        assert.deepStrictEqual([...missing].map(([name, file]) => `${name} (required by ${file})`), []);
    });
});

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { PROJECT_ROOT } from '../paths';
import { makeTempDir } from './helpers/tempDir';

const SCRIPT = path.join(PROJECT_ROOT, 'scripts', 'check-imports.js');

/** Runs `npm run check:imports` (the script itself) on a folder; its exit code and output. */
function checkImports(root: string): { status: number | null; output: string } {
    const run = spawnSync(process.execPath, [SCRIPT, root], { encoding: 'utf8' });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** Writes `files` (path → text) under `dir`. */
function writeTree(dir: string, files: Readonly<Record<string, string>>): void {
    for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    }
}

describe('layers (ARCHITECTURE.md, issue 14)', () => {
    it('no import of the project runs up the layer order, and every folder has its place in it', () => {
        const { status, output } = checkImports(PROJECT_ROOT);
        assert.strictEqual(status, 0, output);
        assert.match(output, /^0 upward imports/);
    });

    it('the check fails on a service that imports the bot, and names the file and line', () => {
        const { dir, cleanup } = makeTempDir('bca-layers-');
        try {
            writeTree(dir, {
                'core/words.ts': 'export const x = 1;\n',
                'bot/billingBot.ts': "import { x } from '../core/words';\nexport const y = x;\n",
                'services/agentDesk.ts': "import type { Lang } from '../core/language';\nimport { y } from '../bot/billingBot';\nexport const z = y;\n"
            });
            const { status, output } = checkImports(dir);
            assert.strictEqual(status, 1, output);
            assert.match(output, /^1 upward import /);
            assert.match(output, /services\/agentDesk\.ts:2 imports '\.\.\/bot\/billingBot'/);
        } finally {
            cleanup();
        }
    });

    it('the check fails on a new top-level folder that has no place in the layer order', () => {
        const { dir, cleanup } = makeTempDir('bca-layers-');
        try {
            writeTree(dir, { 'core/words.ts': 'export const x = 1;\n', 'helpers/misc.ts': "import { x } from '../core/words';\nexport const y = x;\n" });
            const { status, output } = checkImports(dir);
            assert.strictEqual(status, 1, output);
            assert.match(output, /not in the layer order .*: helpers/);
        } finally {
            cleanup();
        }
    });

    it('no folder of the bot layer imports another folder that imports it back (bot/ and dialogs/)', () => {
        const imports = (folder: string, other: string): boolean =>
            fs.readdirSync(path.join(PROJECT_ROOT, folder), { recursive: true, encoding: 'utf8' })
                .filter((name) => name.endsWith('.ts'))
                .some((name) => new RegExp(`from '(\\.\\./)+${other}/`).test(fs.readFileSync(path.join(PROJECT_ROOT, folder, name), 'utf8')));
        assert.ok(imports('bot', 'dialogs'), 'the bot runs the main dialog');
        assert.ok(!imports('dialogs', 'bot'), 'dialogs/ must not import bot/');
    });
});

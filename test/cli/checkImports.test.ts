import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { execFile } from 'child_process';
import { promisify } from 'util';
import { PROJECT_ROOT } from '../../paths';
import { makeTempDir } from '../helpers/tempDir';

const run = promisify(execFile);
const SCRIPT = path.join(PROJECT_ROOT, 'scripts', 'check-imports.js');

describe('npm run check:imports (upward imports between layers)', () => {
    it('names each import that goes up the layer order, with file and line, and passes over allowed ones', async () => {
        const temp = makeTempDir();
        try {
            const files: Record<string, string> = {
                'core/clock.ts': "import { thing } from '../services/thing';\nexport const a = thing;\n",
                'services/thing.ts': "import type { Clock } from '../core/clock';\nexport const thing = 1;\n",
                'bot/i18n.ts': "import {\n    step\n} from '../dialogs/step';\n",
                'dialogs/step.ts': "import '../bot/i18n';\nexport const step = 1;\n",
                'data/db.ts': "export { a } from '../mail/mailer';\n",
                'mail/mailer.ts': "import { x } from 'botbuilder';\n"
            };
            for (const [file, text] of Object.entries(files)) {
                fs.mkdirSync(path.join(temp.dir, path.dirname(file)), { recursive: true });
                fs.writeFileSync(path.join(temp.dir, file), text);
            }
            const failed = await run(process.execPath, [SCRIPT, temp.dir]).then(
                () => assert.fail('the check passed despite upward imports'),
                (err: { code?: number; stdout?: string }) => err
            );
            assert.strictEqual(failed.code, 1);
            const stdout = failed.stdout ?? '';
            const lines = stdout.trim().split('\n');
            assert.match(lines[0], /^3 upward imports /);
            assert.ok(lines.includes('core → services (1)'), stdout);
            assert.ok(lines.includes("  core/clock.ts:1 imports '../services/thing'"), stdout);
            assert.ok(lines.includes('data → mail (1)'), stdout);
            assert.ok(lines.includes("  data/db.ts:1 imports '../mail/mailer'"), stdout);
            assert.ok(lines.includes('dialogs → bot (1)'), stdout);
            assert.ok(lines.includes("  dialogs/step.ts:1 imports '../bot/i18n'"), stdout);
            assert.doesNotMatch(stdout, /bot →|services →|mail →/, 'downward imports are fine');
        } finally {
            temp.cleanup();
        }
    });

    it('passes on the project itself: no upward import, exit 0', async () => {
        const { stdout } = await run(process.execPath, [SCRIPT]);
        assert.match(stdout, /^0 upward imports \(layer order: core\/paths < sdkSpeedups < data < language < turn < mail < web < config < portal < services < dialogs < bot < channels < agents < /);
    });
});

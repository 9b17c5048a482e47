import * as assert from 'assert';
import { execFile } from 'child_process';
import * as path from 'path';
import * as zlib from 'zlib';
import AdmZip from 'adm-zip';
import { pngSize } from '../../../channels/teams/png';
import { TEAMS_PACKAGE_NAME } from '../../../channels/teams/teamsPackage';
import { PROJECT_ROOT } from '../../../paths';
import { makeTempDir } from '../../helpers/tempDir';

const APP_ID = '5f2a0c64-1f7e-4c1e-9a55-0b7d2f6c9e11';

/** Runs the package script's program as `npm run teams:package -- --out <dir>` would (without rebuilding). */
function teamsPackage(env: Record<string, string>, out: string): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
        execFile(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'cli', 'teamsPackage.js'), '--out', out], { env: { PATH: process.env.PATH ?? '', ...env }, cwd: PROJECT_ROOT }, (err, stdout, stderr) =>
            resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr })
        );
    });
}

/** The alpha channel of a PNG the package generated (8-bit RGBA, no filters). */
function pixels(png: Buffer): Array<[number, number, number, number]> {
    const { width, height } = pngSize(png);
    let idat = Buffer.alloc(0);
    for (let i = 8; i < png.length; ) {
        const length = png.readUInt32BE(i);
        if (png.toString('ascii', i + 4, i + 8) === 'IDAT') {
            idat = Buffer.concat([idat, png.subarray(i + 8, i + 8 + length)]);
        }
        i += 12 + length;
    }
    const rows = zlib.inflateSync(idat);
    const out: Array<[number, number, number, number]> = [];
    for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
            const at = y * (width * 4 + 1) + 1 + x * 4;
            out.push([rows[at], rows[at + 1], rows[at + 2], rows[at + 3]]);
        }
    }
    return out;
}

describe('npm run teams:package', () => {
    let temp: { dir: string; cleanup: () => void };
    beforeEach(() => {
        temp = makeTempDir('bca-teams-');
    });
    afterEach(() => temp.cleanup());

    it('builds a zip with a current-schema manifest, both icons and German and English texts, the bot id from configuration', async () => {
        // The password is not needed to build a package: only the bot id and the public address.
        const run = await teamsPackage({ MicrosoftAppId: APP_ID, PUBLIC_URL: 'https://billing-bot.example.com' }, temp.dir);
        assert.strictEqual(run.code, 0, run.stderr);
        const file = path.join(temp.dir, TEAMS_PACKAGE_NAME);
        assert.ok(run.stdout.includes(file));
        const zip = new AdmZip(file);
        const names = zip.getEntries().map((e) => e.entryName).sort();
        assert.deepStrictEqual(names, ['color.png', 'de-de.json', 'en-us.json', 'manifest.json', 'outline.png']);
        const read = (name: string): Record<string, unknown> => JSON.parse(zip.readAsText(name)) as Record<string, unknown>;

        const manifest = read('manifest.json') as {
            $schema: string;
            manifestVersion: string;
            id: string;
            bots: Array<{ botId: string; scopes: string[]; commandLists: Array<{ commands: Array<{ title: string }> }> }>;
            icons: { color: string; outline: string };
            localizationInfo: { defaultLanguageTag: string; defaultLanguageFile: string; additionalLanguages: Array<{ languageTag: string; file: string }> };
            developer: Record<string, string>;
            validDomains: string[];
            name: { short: string };
        };
        assert.strictEqual(manifest.manifestVersion, '1.23');
        assert.strictEqual(manifest.$schema, 'https://developer.microsoft.com/json-schemas/teams/v1.23/MicrosoftTeams.schema.json');
        assert.strictEqual(manifest.id, APP_ID);
        assert.strictEqual(manifest.bots[0].botId, APP_ID);
        assert.deepStrictEqual(manifest.bots[0].scopes, ['personal']);
        assert.deepStrictEqual(manifest.icons, { color: 'color.png', outline: 'outline.png' });
        assert.deepStrictEqual(manifest.validDomains, ['billing-bot.example.com']);
        assert.ok(Object.values(manifest.developer).every((url) => !url.includes('/') || url.startsWith('https://')), 'developer links are https');
        assert.ok(manifest.name.short.length <= 30);
        assert.deepStrictEqual(
            [manifest.localizationInfo.defaultLanguageTag, manifest.localizationInfo.defaultLanguageFile, manifest.localizationInfo.additionalLanguages],
            ['en-us', 'en-us.json', [{ languageTag: 'de-de', file: 'de-de.json' }]]
        );

        const de = read('de-de.json');
        const en = read('en-us.json');
        assert.strictEqual(de.$schema, 'https://developer.microsoft.com/json-schemas/teams/v1.23/MicrosoftTeams.Localization.schema.json');
        assert.strictEqual(de['bots[0].commandLists[0].commands[0].title'], 'Wer ist mein Abrechnungskontakt?');
        assert.strictEqual(en['bots[0].commandLists[0].commands[0].title'], manifest.bots[0].commandLists[0].commands[0].title);
        assert.deepStrictEqual(Object.keys(de).sort(), Object.keys(en).sort());
        assert.match(String(de['description.full']), /Abrechnungskontakt/);

        const color = zip.readFile('color.png') as Buffer;
        const outline = zip.readFile('outline.png') as Buffer;
        assert.deepStrictEqual(pngSize(color), { width: 192, height: 192 });
        assert.deepStrictEqual(pngSize(outline), { width: 32, height: 32 });
        const outlinePixels = pixels(outline);
        assert.ok(outlinePixels.every(([r, g, b, a]) => a === 0 || (r === 255 && g === 255 && b === 255)), 'outline: white on transparent');
        assert.ok(outlinePixels.filter(([, , , a]) => a === 0).length > 512, 'mostly transparent');
        assert.ok(pixels(color).every(([, , , a]) => a === 255), 'colour icon: opaque');
    });

    it('refuses without MicrosoftAppId, naming the setting', async () => {
        const run = await teamsPackage({}, temp.dir);
        assert.strictEqual(run.code, 2);
        assert.match(run.stderr, /MicrosoftAppId must be set/);
    });

    it('refuses an app id that is no GUID and a wrong PUBLIC_URL, naming the setting', async () => {
        const noGuid = await teamsPackage({ MicrosoftAppId: 'my-bot' }, temp.dir);
        assert.strictEqual(noGuid.code, 2);
        assert.match(noGuid.stderr, /MicrosoftAppId must be the bot's app id, a GUID/);
        const badUrl = await teamsPackage({ MicrosoftAppId: APP_ID, PUBLIC_URL: 'ftp://bot.example' }, temp.dir);
        assert.strictEqual(badUrl.code, 2);
        assert.match(badUrl.stderr, /PUBLIC_URL/);
    });
});

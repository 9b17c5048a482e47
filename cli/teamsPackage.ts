import * as fs from 'fs';
import * as path from 'path';
import { ConfigError, loadDotEnv, loadTeamsPackageSettings } from '../config';
import { Localizer } from '../language/i18n';
import { configureLogging } from '../core/logger';
import { writeTeamsPackage } from '../channels/teams/teamsPackage';
import { LOCALES_DIR, PROJECT_ROOT } from '../paths';
import { parseArgs } from './args';

const USAGE = `Builds the Microsoft Teams app package (manifest, icons, German and English texts).
usage: npm run teams:package [-- --out <folder>]   (default folder: appPackage/build)
Needs MicrosoftAppId (the bot's Azure app id) in .env or the environment; PUBLIC_URL gives the bot's address.`;

/** `npm run teams:package`: writes `appPackage/build/billing-contact-assistant.zip`. */
async function main(): Promise<void> {
    const { options } = parseArgs(process.argv.slice(2), ['help']);
    if (options.help) {
        process.stdout.write(USAGE + '\n');
        return;
    }
    if (options.out === true) {
        process.stderr.write('--out needs a folder\n' + USAGE + '\n');
        process.exitCode = 2;
        return;
    }
    configureLogging('warn');
    loadDotEnv();
    const settings = loadTeamsPackageSettings();
    const version = (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const file = writeTeamsPackage(
        { appId: settings.appId, publicUrl: settings.publicUrl, version, localizer: await Localizer.load(LOCALES_DIR) },
        path.resolve(PROJECT_ROOT, options.out ?? path.join('appPackage', 'build'))
    );
    process.stdout.write(`Teams app package written to ${file}\nUpload it in Teams: Apps > Manage your apps > Upload an app > Upload a custom app.\n`);
}

main().catch((err: unknown) => {
    process.stderr.write(`teams:package: ${(err as Error).message}\n`);
    process.exitCode = err instanceof ConfigError ? 2 : 1;
});

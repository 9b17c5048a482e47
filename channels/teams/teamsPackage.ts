import * as fs from 'fs';
import * as path from 'path';
import AdmZip from 'adm-zip';
import type { Localizer } from '../../language/i18n';
import type { Lang } from '../../core/language';
import { GUID } from '../../config';
import { LINKS } from '../../core/links';
import { ACCENT_COLOR, colorIcon, outlineIcon } from './teamsIcons';

/** The app manifest schema the package follows (the current one). */
export const TEAMS_MANIFEST_VERSION = '1.23';

/** File name of the package in `appPackage/build/`. */
export const TEAMS_PACKAGE_NAME = 'billing-contact-assistant.zip';

const SCHEMA_BASE = `https://developer.microsoft.com/json-schemas/teams/v${TEAMS_MANIFEST_VERSION}`;
const COMMANDS = ['whoIs', 'amI', 'help'] as const;
/** The manifest's own strings are English; German comes from its localization file. */
const LANGUAGE_FILES: ReadonlyArray<{ lang: Lang; tag: string; file: string }> = [
    { lang: 'en', tag: 'en-us', file: 'en-us.json' },
    { lang: 'de', tag: 'de-de', file: 'de-de.json' }
];

/** What the package is built from. */
export interface TeamsPackageOptions {
    /** `MicrosoftAppId`: the bot's id and the app's id. */
    readonly appId: string;
    /** `PUBLIC_URL`; its host becomes a valid domain when it is served over https. */
    readonly publicUrl: string;
    /** The app version (semver), from package.json. */
    readonly version: string;
    readonly localizer: Localizer;
}

/** The files of the package: manifest, localization files and icons. */
export function teamsPackageFiles(options: TeamsPackageOptions): Map<string, Buffer> {
    if (!GUID.test(options.appId)) {
        throw new Error(`teamsPackageFiles(): MicrosoftAppId must be the bot's app id, a GUID (got "${options.appId}")`);
    }
    const en = options.localizer.t('en');
    const url = new URL(options.publicUrl);
    const secure = url.protocol === 'https:' && url.hostname !== 'localhost';
    const manifest = {
        $schema: `${SCHEMA_BASE}/MicrosoftTeams.schema.json`,
        manifestVersion: TEAMS_MANIFEST_VERSION,
        version: options.version,
        id: options.appId,
        localizationInfo: {
            defaultLanguageTag: LANGUAGE_FILES[0].tag,
            defaultLanguageFile: LANGUAGE_FILES[0].file,
            additionalLanguages: LANGUAGE_FILES.slice(1).map((l) => ({ languageTag: l.tag, file: l.file }))
        },
        developer: {
            name: 'LogMeIn, Inc.',
            websiteUrl: secure ? url.origin : LINKS.support,
            privacyUrl: 'https://www.goto.com/company/legal/privacy',
            termsOfUseUrl: 'https://www.goto.com/company/legal/terms-and-conditions'
        },
        name: { short: en('teamsApp:name.short'), full: en('teamsApp:name.full') },
        description: { short: en('teamsApp:description.short'), full: en('teamsApp:description.full') },
        icons: { color: 'color.png', outline: 'outline.png' },
        accentColor: ACCENT_COLOR,
        bots: [
            {
                botId: options.appId,
                scopes: ['personal'],
                isNotificationOnly: false,
                supportsFiles: false,
                supportsCalling: false,
                supportsVideo: false,
                commandLists: [
                    {
                        scopes: ['personal'],
                        commands: COMMANDS.map((c) => ({ title: en(`teamsApp:commands.${c}.title`), description: en(`teamsApp:commands.${c}.description`) }))
                    }
                ]
            }
        ],
        validDomains: secure ? [url.host] : []
    };
    const files = new Map<string, Buffer>([['manifest.json', json(manifest)]]);
    for (const { lang, file } of LANGUAGE_FILES) {
        files.set(file, json(localization(options.localizer, lang)));
    }
    files.set('color.png', colorIcon());
    files.set('outline.png', outlineIcon());
    return files;
}

/** Builds the package and writes it to `outDir`; returns the zip's path. */
export function writeTeamsPackage(options: TeamsPackageOptions, outDir: string): string {
    const zip = new AdmZip();
    for (const [name, content] of teamsPackageFiles(options)) {
        zip.addFile(name, content);
    }
    fs.mkdirSync(outDir, { recursive: true });
    const file = path.join(outDir, TEAMS_PACKAGE_NAME);
    zip.writeZip(file);
    return file;
}

/** A localization file: the manifest's strings in one language, keyed by their manifest path. */
function localization(localizer: Localizer, lang: Lang): Record<string, string> {
    const t = localizer.t(lang);
    const strings: Record<string, string> = {
        $schema: `${SCHEMA_BASE}/MicrosoftTeams.Localization.schema.json`,
        'name.short': t('teamsApp:name.short'),
        'name.full': t('teamsApp:name.full'),
        'description.short': t('teamsApp:description.short'),
        'description.full': t('teamsApp:description.full')
    };
    COMMANDS.forEach((command, i) => {
        strings[`bots[0].commandLists[0].commands[${i}].title`] = t(`teamsApp:commands.${command}.title`);
        strings[`bots[0].commandLists[0].commands[${i}].description`] = t(`teamsApp:commands.${command}.description`);
    });
    return strings;
}

function json(value: unknown): Buffer {
    return Buffer.from(JSON.stringify(value, null, 2) + '\n', 'utf8');
}

/**
 * Build step (`npm run build`, after tsc): writes brotli and gzip copies of
 * the help page's assets and the Web Chat bundle into `dist/assets`, under
 * their content-hashed names, so the server never compresses at run time,
 * and a copy of the Web Chat bundle, so production needs no Web Chat package.
 */
import * as fs from 'fs';
import * as path from 'path';
import { helpPageAssetFiles, installedWebChatBundle, WEB_CHAT_BUNDLE } from '../channels/helpPage/helpPage';
import { StaticAsset } from '../channels/helpPage/staticAsset';
import { ASSETS_DIR, PUBLIC_DIR } from '../paths';

async function main(): Promise<void> {
    // Web Chat is needed at build time only: its bundle is copied beside the compressed files and served from there.
    await fs.promises.mkdir(ASSETS_DIR, { recursive: true });
    const bundle = path.join(ASSETS_DIR, WEB_CHAT_BUNDLE);
    await fs.promises.copyFile(installedWebChatBundle(), bundle);
    const files = helpPageAssetFiles(PUBLIC_DIR);
    const written: string[] = [bundle];
    for (const spec of [...Object.values(files.help), ...Object.values(files.webchat)]) {
        written.push(...(await StaticAsset.precompress(spec.file, ASSETS_DIR)));
    }
    // Copies of earlier builds (other hashes) go.
    for (const name of await fs.promises.readdir(ASSETS_DIR)) {
        const file = path.join(ASSETS_DIR, name);
        if (!written.includes(file)) {
            await fs.promises.rm(file, { force: true });
        }
    }
    process.stdout.write(`precompressed ${written.length} files into ${ASSETS_DIR}\n`);
}

main().catch((err: unknown) => {
    process.stderr.write(`buildAssets: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
});

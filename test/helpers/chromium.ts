import * as assert from 'assert';
import * as fs from 'fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, which the browser tests drive (`npm test` installs it when missing). */
export const CHROMIUM = '/usr/bin/chromium';

/** Headless Chromium as every browser test starts it (no sandbox as root, no background network on this machine). */
export async function launchChromium(): Promise<Browser> {
    assert.ok(fs.existsSync(CHROMIUM), `Chromium is needed at ${CHROMIUM} (apt-get install -y chromium)`);
    return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

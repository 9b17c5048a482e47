import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../paths';

/** One axe-core finding, short enough for an assertion message. */
export interface AxeFinding {
    readonly id: string;
    readonly impact: string;
    readonly help: string;
    readonly targets: string[];
}

let source: string | undefined;

/**
 * Runs axe-core (from node_modules, evaluated in the page through the
 * browser's protocol, so the page's CSP stays as it is) and returns the
 * serious and critical findings.
 */
export async function seriousAxeFindings(page: Page): Promise<AxeFinding[]> {
    source ??= fs.readFileSync(path.join(PROJECT_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    if (!(await page.evaluate('typeof window.axe !== "undefined"'))) {
        await page.evaluate(`${source}\n;0`);
    }
    const results = (await page.evaluate('window.axe.run(document, { resultTypes: ["violations"] })')) as {
        violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
    };
    return results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }));
}

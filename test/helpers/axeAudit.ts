import * as fs from 'fs';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

let source: string | undefined;

/**
 * Runs axe-core (every rule) on the page as it is now and returns its serious
 * and critical findings (or those of the `impacts` given), one line each (rule, impact, first elements). axe is
 * evaluated through the DevTools protocol, which the pages' Content Security
 * Policy does not block.
 */
export async function seriousAxeFindings(page: Page, impacts: readonly string[] = ['serious', 'critical']): Promise<string[]> {
    source ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    if (!(await page.evaluate<boolean>("typeof window.axe === 'object'"))) {
        await page.evaluate(source);
    }
    const results = await page.evaluate<AxeResults>("axe.run(document, { resultTypes: ['violations'] })");
    return results.violations
        .filter((violation) => impacts.includes(violation.impact ?? ''))
        .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')}`);
}

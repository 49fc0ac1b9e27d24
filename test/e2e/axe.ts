import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** WCAG 2.2 A and AA, plus the landmark rules of axe's best practices. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
/** Best-practice rules that are only "moderate" in axe but that this app promises to keep. */
const ALSO_FAIL = new Set(['landmark-one-main', 'region', 'page-has-heading-one']);

/** One line per failing node: rule, impact, target and axe's own summary. */
function describe(violations: Result[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map(
      (node) => `${v.id} (${v.impact}) at ${node.target.join(' ')}: ${node.failureSummary ?? ''}`,
    ),
  );
}

/**
 * Runs axe-core in the page and returns the serious and critical violations (and the landmark
 * rules above), one readable line each; an empty list means the page passes.
 * Injected with evaluate because the pages' CSP (script-src 'self') refuses inline script tags.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const results = await page.evaluate(
    (tags) =>
      (
        globalThis as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<AxeResults> } }
      ).axe.run('html', { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    TAGS,
  );
  return describe(
    results.violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical' || ALSO_FAIL.has(v.id),
    ),
  );
}

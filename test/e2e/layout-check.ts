import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const inPage = readFileSync(join(import.meta.dirname, 'in-page', 'layout-problems.js'), 'utf8');

/**
 * WCAG 1.4.10 in the page as laid out: nothing scrolls sideways or sticks out of the window,
 * no text is cut (an ellipsis or a clipped box), and the parts of a favourite row, the panel
 * header or an editor row do not overlap. One line per problem; data tables (.audit) may scroll,
 * as WCAG allows.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(inPage) as Promise<string[]>;
}

/** Text at 200 %: as if the user set twice the default font size (the stylesheets use rem). */
export async function doubleTextSize(page: Page): Promise<void> {
  await page.evaluate('document.documentElement.style.fontSize = "200%"');
}

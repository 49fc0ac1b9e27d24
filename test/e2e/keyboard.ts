import type { Page } from 'playwright-core';

/** The focused element's accessible name as the page computes it (aria-label, label, text). */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '';
    const labelled = el.getAttribute('aria-label');
    if (labelled) return labelled;
    // react-aria names a slider's thumb by its group: aria-labelledby="<group id>".
    const by = (el.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean)
      .map((id) => document.getElementById(id)).filter(Boolean)
      .map((ref) => ref.getAttribute('aria-label') || ref.textContent.trim());
    if (by.length) return by.join(' ');
    if (el.labels && el.labels.length) return el.labels[0].textContent.trim();
    return (el.textContent || '').trim();
  })()`);
}

/**
 * Presses Tab (or Shift+Tab) until the focused element is called `name`, as a keyboard user
 * would; fails after `limit` presses, so it also proves how far away the element is.
 */
export async function tabTo(
  page: Page,
  name: string | RegExp,
  { limit = 25, backwards = false } = {},
): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const current = await focusedName(page);
    if (typeof name === 'string' ? current === name : name.test(current)) return presses;
  }
  throw new Error(`"${String(name)}" not reached with ${limit} Tab presses`);
}

export { focusedName };

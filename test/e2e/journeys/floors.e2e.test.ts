import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { axeViolations } from '../axe';
import { describeJourney, journeyApp } from '../journey';
import { focusedName } from '../keyboard';
import { doubleTextSize, layoutProblems } from '../layout-check';

/** On the ground floor (kitchen, living room), the first floor, and the garage, on none. */
const FAVOURITES = [
  'light.kitchen',
  'light.living_room_lamp',
  'light.bedroom',
  'cover.garage_door',
].map((entityId) => ({ entityId }));

type Layout = readonly [name: string, size: { width: number; height: number }, text: 1 | 2];
/** Each window at its usual size, at 280 px, and with text at 200 % (WCAG 1.4.10, 1.4.4). */
const LAYOUTS: Record<'panel' | 'settings', Layout[]> = {
  panel: [
    ['usual size', { width: 360, height: 520 }, 1],
    ['280 px', { width: 280, height: 620 }, 1],
    ['text 200 %', { width: 360, height: 900 }, 2],
  ],
  settings: [
    ['usual size', { width: 760, height: 560 }, 1],
    ['280 px', { width: 280, height: 700 }, 1],
    ['text 200 %', { width: 760, height: 560 }, 2],
  ],
};
const NO_PROBLEMS = { 'usual size': [], '280 px': [], 'text 200 %': [] };

/** The headings of a page's level, in the order they are read. */
const headings = (page: Page, level: number) =>
  page.getByRole('heading', { level }).allTextContents();

/** The results' headings and Add buttons, in the order they are read. */
const resultsOutline = (page: Page) =>
  page
    .getByRole('group', { name: 'Matching entities' })
    .locator('h3, h4, button')
    .evaluateAll((all) =>
      all.map((el) =>
        el.tagName === 'BUTTON'
          ? `  ${el.getAttribute('aria-label')}`
          : `${el.tagName} ${el.textContent}`,
      ),
    );

describeJourney('floors', (peer, browser) => {
  const app = journeyApp(peer, browser);
  const grouped = peer.generation !== '2024.1';

  it(
    grouped
      ? 'the favourites editor shows the results under floor and area headings, in Home Assistant’s order'
      : 'the favourites editor shows the results as one plain list, without floors',
    async () => {
      app.harness.home.settings.update({ favourites: FAVOURITES });
      const settings = await app.harness.open('settings', { hash: '/favourites' });
      await settings.getByLabel('Search entities').fill('light');
      await settings.getByRole('button', { name: 'Add Hallway light' }).waitFor();
      // The hint about the panel's floor headings, only where there are floors.
      expect(await settings.getByText(/a heading names the floor/).count()).toBe(grouped ? 1 : 0);
      if (grouped) {
        // Areas too in Home Assistant's order (the registry's): the living room before the hallway.
        expect(await resultsOutline(settings)).toEqual([
          'H3 Ground floor',
          'H4 Living room',
          '  Add Living room ceiling',
          'H4 Hallway',
          '  Add Hallway light',
          'H3 First floor',
          'H4 Office',
          '  Add Desk lamp',
          'H3 No floor',
          'H4 Garage',
          '  Add Garage light',
          'H4 No area',
          '  Add Porch light at sunset',
        ]);
        // Enter on Add: focus goes to the next result as shown, under the next floor's heading
        // (by name it would be the living room ceiling).
        await settings.getByRole('button', { name: 'Add Hallway light' }).focus();
        await settings.keyboard.press('Enter');
        await expect.poll(() => focusedName(settings)).toBe('Add Desk lamp');
      } else {
        expect(await headings(settings, 3)).toEqual([]);
        expect(await settings.getByRole('list', { name: 'Matching entities' }).count()).toBe(1);
      }
      expect(await axeViolations(settings)).toEqual([]);
      await settings.close();

      const found: Record<string, string[]> = {};
      for (const [name, size, text] of LAYOUTS.settings) {
        const page = await app.harness.open('settings', { hash: '/favourites', size });
        await page.getByLabel('Search entities').fill('light');
        await page.getByRole('button', { name: 'Add Garage light' }).waitFor();
        if (text === 2) await doubleTextSize(page);
        found[name] = await layoutProblems(page);
        await page.close();
      }
      expect(found).toEqual(NO_PROBLEMS);
    },
    180_000,
  );

  it(
    grouped
      ? 'the panel keeps the user’s order and names the floor wherever it changes, also at 280 px and with text at 200 %'
      : 'the panel shows the favourites without floor headings',
    async () => {
      app.harness.home.settings.update({ favourites: FAVOURITES });
      const found: Record<string, string[]> = {};
      for (const [name, size, text] of LAYOUTS.panel) {
        const panel = await app.harness.open('panel', { size });
        await panel.getByRole('switch', { name: 'Kitchen lights' }).waitFor();
        if (text === 2) await doubleTextSize(panel);
        expect(await headings(panel, 2)).toEqual(
          grouped ? ['Ground floor', 'First floor', 'No floor'] : [],
        );
        found[name] = [...(await layoutProblems(panel)), ...(await axeViolations(panel))];
        await panel.close();
      }
      expect(found).toEqual(NO_PROBLEMS);
      expect(app.harness.logLines.filter((l) => l.startsWith('PAGE ERROR'))).toEqual([]);
    },
    180_000,
  );
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type HaSimulator } from '../../ha-sim';
import { chromiumPath } from '../chromium';
import { E2eHarness, screenshotPath } from '../harness';
import { doubleTextSize, layoutProblems } from '../layout-check';

const browser = chromiumPath();
let sim: HaSimulator;
let harness: E2eHarness;

/** Long names, a slider, a stepper, a lock and an unavailable light: the rows that used to break. */
const FAVOURITES = [
  { entityId: 'cover.living_room_blinds' },
  { entityId: 'lock.front_door' },
  { entityId: 'light.kitchen' },
  { entityId: 'climate.living_room' },
  { entityId: 'light.living_room_lamp', label: 'The reading lamp next to the big sofa' },
  { entityId: 'light.garage' },
];
const SETTINGS_PAGES = ['connection', 'favourites', 'notifications', 'token'] as const;

async function shot(page: Page, name: string): Promise<void> {
  const path = screenshotPath(name);
  if (path) await page.screenshot({ path, fullPage: true });
}

describe.skipIf(!browser)(
  `layouts that reflow (280 px, text at 200 %) in Chromium${browser ? '' : ' (skipped: no Chromium; apt-get install chromium or set CHROMIUM_PATH)'}`,
  () => {
    beforeAll(async () => {
      sim = await startSimulator({ locationName: 'Holiday cottage by the lake' });
      harness = await E2eHarness.start({ chromiumPath: browser! });
      await harness.connectTo(sim.url, sim.token);
      harness.services.settings.update({ favourites: FAVOURITES });
    }, 120_000);
    afterAll(async () => {
      await harness?.close();
      await sim?.close();
    });

    it('the panel at 280 px and with text at 200 %: controls wrap under the names, nothing cut or overlapping', async () => {
      const found: Record<string, string[]> = {};
      for (const scheme of ['light', 'dark'] as const) {
        const narrow = await harness.open('panel', {
          colorScheme: scheme,
          size: { width: 280, height: 620 },
        });
        await narrow.getByRole('switch', { name: 'Kitchen lights', checked: true }).waitFor();
        found[`panel 280 px ${scheme}`] = await layoutProblems(narrow);
        await shot(narrow, `reflow-panel-280-${scheme}`);
        await narrow.close();
      }

      const large = await harness.open('panel', { size: { width: 360, height: 900 } });
      await large.getByRole('switch', { name: 'Kitchen lights', checked: true }).waitFor();
      await doubleTextSize(large);
      found['panel, text 200 %'] = await layoutProblems(large);
      await shot(large, 'reflow-panel-text-200');
      // The controls sit under the name: the switch starts left of where the name ends.
      const name = await large.getByText('Kitchen lights', { exact: true }).boundingBox();
      // The switch's input is visually hidden: measure the label drawn around it.
      const toggle = await large
        .locator('label.switch-control', {
          has: large.getByRole('switch', { name: 'Kitchen lights' }),
        })
        .boundingBox();
      expect(toggle!.y).toBeGreaterThan(name!.y + name!.height - 1);
      await large.close();

      expect(found).toEqual({
        'panel 280 px light': [],
        'panel 280 px dark': [],
        'panel, text 200 %': [],
      });
    }, 180_000);

    it('settings at 280 px and with text at 200 %: the pages become tabs above one column', async () => {
      const found: Record<string, string[]> = {};
      for (const page of SETTINGS_PAGES) {
        const narrow = await harness.open('settings', {
          hash: `/${page}`,
          size: { width: 280, height: 700 },
        });
        await narrow.getByRole('heading', { level: 1 }).first().waitFor();
        found[`${page} 280 px`] = await layoutProblems(narrow);
        if (page === 'connection') {
          // The page links sit in a row above the page, not in a 180 px column beside it.
          const nav = await narrow
            .getByRole('navigation', { name: 'Settings pages' })
            .boundingBox();
          const main = await narrow.getByRole('main').boundingBox();
          expect(main!.y).toBeGreaterThanOrEqual(nav!.y + nav!.height - 1);
          await shot(narrow, 'reflow-settings-280');
        }
        await narrow.close();

        const large = await harness.open('settings', { hash: `/${page}` });
        await large.getByRole('heading', { level: 1 }).first().waitFor();
        await doubleTextSize(large);
        found[`${page}, text 200 %`] = await layoutProblems(large);
        if (page === 'favourites') await shot(large, 'reflow-settings-text-200');
        await large.close();
      }
      expect(found).toEqual(
        Object.fromEntries(
          SETTINGS_PAGES.flatMap((p) => [
            [`${p} 280 px`, []],
            [`${p}, text 200 %`, []],
          ]),
        ),
      );
    }, 180_000);
  },
);

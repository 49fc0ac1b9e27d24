import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { axeViolations } from '../axe';
import { describeJourney, journeyApp } from '../journey';
import { doubleTextSize, layoutProblems } from '../layout-check';
import { SETTINGS_PAGES } from '../../../src/shared/ipc/contract';

/** Long names, a slider, a stepper, a lock and an unavailable light: the rows that used to break. */
const FAVOURITES = [
  { entityId: 'cover.living_room_blinds' },
  { entityId: 'lock.front_door' },
  { entityId: 'light.kitchen' },
  { entityId: 'climate.living_room' },
  { entityId: 'light.living_room_lamp', label: 'The reading lamp next to the big sofa' },
  { entityId: 'light.garage' },
];
type SettingsPage = (typeof SETTINGS_PAGES)[number];

/** Waits for what a page loads after its heading: the token list, the shortcut recorder. */
async function loaded(tab: Page, page: SettingsPage): Promise<void> {
  await tab.getByRole('heading', { level: 1 }).first().waitFor();
  if (page === 'token') await tab.locator('table.audit').waitFor();
  if (page === 'general') await tab.getByRole('button', { name: 'Clear' }).waitFor();
}

describeJourney(
  'layouts that reflow (280 px, text at 200 %)',
  (peer, browser) => {
    const app = journeyApp(peer, browser, {
      locationName: 'Holiday cottage by the lake',
      ready: ({ harness }) => harness.home.settings.update({ favourites: FAVOURITES }),
    });

    async function shot(page: Page, name: string): Promise<void> {
      const path = peer.screenshot(name);
      if (path) await page.screenshot({ path, fullPage: true });
    }

    it('the panel at 280 px and with text at 200 %: controls wrap under the names, nothing cut or overlapping', async () => {
      const found: Record<string, string[]> = {};
      for (const scheme of ['light', 'dark'] as const) {
        const narrow = await app.harness.open('panel', {
          colorScheme: scheme,
          size: { width: 280, height: 620 },
        });
        await narrow.getByRole('switch', { name: 'Kitchen lights', checked: true }).waitFor();
        found[`panel 280 px ${scheme}`] = await layoutProblems(narrow);
        await shot(narrow, `reflow-panel-280-${scheme}`);
        await narrow.close();
      }

      const large = await app.harness.open('panel', { size: { width: 360, height: 900 } });
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

    it('settings at 280 px and with text at 200 %, light and dark: the pages become tabs above one column, axe finds nothing serious', async () => {
      const found: Record<string, string[]> = {};
      const expected: Record<string, string[]> = {};
      const check = async (state: string, tab: Page) => {
        found[state] = await layoutProblems(tab);
        found[`${state}, axe`] = await axeViolations(tab);
        expected[state] = [];
        expected[`${state}, axe`] = [];
      };
      for (const scheme of ['light', 'dark'] as const) {
        for (const page of SETTINGS_PAGES) {
          const narrow = await app.harness.open('settings', {
            hash: `/${page}`,
            colorScheme: scheme,
            size: { width: 280, height: 700 },
          });
          await loaded(narrow, page);
          await check(`${page} 280 px ${scheme}`, narrow);
          if (page === 'connection' && scheme === 'light') {
            // The page links sit in a row above the page, not in a 180 px column beside it.
            const nav = await narrow
              .getByRole('navigation', { name: 'Settings pages' })
              .boundingBox();
            const main = await narrow.getByRole('main').boundingBox();
            expect(main!.y).toBeGreaterThanOrEqual(nav!.y + nav!.height - 1);
            await shot(narrow, 'reflow-settings-280');
          }
          await narrow.close();

          const large = await app.harness.open('settings', {
            hash: `/${page}`,
            colorScheme: scheme,
          });
          await loaded(large, page);
          await doubleTextSize(large);
          await check(`${page}, text 200 % ${scheme}`, large);
          if (page === 'favourites' && scheme === 'light')
            await shot(large, 'reflow-settings-text-200');
          await large.close();
        }
      }
      expect(found).toEqual(expected);
    }, 600_000);

    it('the rule editor at 280 px and with text at 200 %: nothing cut, sticking out or overlapping', async () => {
      const found: Record<string, string[]> = {};
      for (const [entityId, kind] of [
        ['binary_sensor.front_door', 'becomes'],
        ['binary_sensor.front_door', 'transition'],
        ['climate.living_room', 'threshold'],
        ['climate.living_room', 'outside_range'],
      ] as const)
        for (const size of ['280 px', 'text 200 %'] as const) {
          const tab = await app.harness.open('settings', {
            hash: '/notifications',
            size: { width: size === '280 px' ? 280 : 760, height: 700 },
          });
          await tab.getByRole('heading', { level: 1 }).first().waitFor();
          if (size === 'text 200 %') await doubleTextSize(tab);
          await tab.getByRole('button', { name: 'Add a rule' }).click();
          await tab.getByLabel('Entity').fill(entityId);
          await tab.getByLabel('Notify when').selectOption(kind);
          await tab.getByRole('button', { name: 'Save rule' }).waitFor();
          found[`${entityId} ${kind}, ${size}`] = await layoutProblems(tab);
          await tab.close();
        }
      expect(Object.entries(found).filter(([, problems]) => problems.length > 0)).toEqual([]);
    }, 180_000);
  },
  { generations: ['2024.1'] },
);

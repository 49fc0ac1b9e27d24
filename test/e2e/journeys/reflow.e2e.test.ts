import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeJourney, journeyApp } from '../journey';
import { doubleTextSize, layoutProblems } from '../layout-check';

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

describeJourney(
  'layouts that reflow (280 px, text at 200 %)',
  (peer, browser) => {
    const app = journeyApp(peer, browser, {
      locationName: 'Holiday cottage by the lake',
      ready: ({ harness }) => harness.services.settings.update({ favourites: FAVOURITES }),
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

    it('settings at 280 px and with text at 200 %: the pages become tabs above one column', async () => {
      const found: Record<string, string[]> = {};
      for (const page of SETTINGS_PAGES) {
        const narrow = await app.harness.open('settings', {
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

        const large = await app.harness.open('settings', { hash: `/${page}` });
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

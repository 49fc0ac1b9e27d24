import { expect, it } from 'vitest';
import { axeViolations } from '../axe';
import { describeJourney, journeyApp } from '../journey';
import { tabTo } from '../keyboard';
import { doubleTextSize, layoutProblems } from '../layout-check';

/**
 * A chosen list as a user keeps it: across both floors, two "Bedroom window" rows (the cover and
 * its contact sensor), a favourite with a label of its own, an unavailable light and one gone from
 * Home Assistant.
 */
const FAVOURITES = [
  { entityId: 'light.living_room_ceiling' },
  { entityId: 'light.kitchen' },
  { entityId: 'lock.front_door' },
  { entityId: 'cover.bedroom_window' },
  { entityId: 'binary_sensor.bedroom_window' },
  { entityId: 'light.desk_lamp', label: 'Desk' },
  { entityId: 'light.garage' },
  { entityId: 'switch.removed_long_ago' },
];

describeJourney(
  'the favourites page with a chosen list',
  (peer, browser) => {
    const app = journeyApp(peer, browser, {
      ready: ({ harness }) => harness.home.settings.update({ favourites: FAVOURITES }),
    });

    it('opens with the user’s own list: its first Move button a few Tabs away, each row saying what and where it is', async () => {
      // Tall enough to show the whole list in the picture.
      const page = await app.harness.open('settings', {
        hash: '/favourites',
        size: { width: 760, height: 860 },
      });
      const list = page.getByRole('list', { name: 'Your favourites' });
      await list.getByText('Cover · Bedroom, First floor · Closed').waitFor();
      const path = peer.screenshot('favourites-list');
      if (path) await page.screenshot({ path });
      // From the top of the window: past the six page links, the first label, then Move down
      // (the first favourite's Move up is disabled). It used to be 52 presses, past the search.
      const presses = await tabTo(page, 'Move Living room ceiling down', { limit: 12 });
      expect(presses).toBeLessThanOrEqual(8);

      const rows = await list
        .getByRole('listitem')
        .evaluateAll((items) =>
          items.map((li) => li.querySelector('.favourite-state')!.textContent),
        );
      expect(rows).toEqual([
        'Light · Living room, Ground floor · On',
        'Light · Kitchen, Ground floor · On',
        'Lock · Hallway, Ground floor · Locked',
        'Cover · Bedroom, First floor · Closed',
        'Binary sensor · Bedroom, First floor · Closed',
        'Light · Office, First floor · Off',
        'Light · Garage · Unavailable',
        'Not found in Home Assistant',
      ]);
      // Unavailable and gone are flagged, and both can go.
      expect(await list.locator('.missing-flag').allTextContents()).toEqual([
        'Unavailable',
        'Not found in Home Assistant',
      ]);
      for (const name of ['Garage light', 'switch.removed_long_ago'])
        expect(await page.getByRole('button', { name: `Remove ${name}` }).isEnabled()).toBe(true);
      // The list comes before the search.
      const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
      expect(headings).toEqual(['Your favourites', 'Add favourites']);

      await page.close();
    }, 120_000);

    it('is axe-clean and reflows, light and dark, at 280 px and with text at 200 %', async () => {
      const found: Record<string, string[]> = {};
      for (const scheme of ['light', 'dark'] as const) {
        for (const [layout, size, text] of [
          ['280 px', { width: 280, height: 700 }, 1],
          ['text 200 %', { width: 760, height: 560 }, 2],
        ] as const) {
          const page = await app.harness.open('settings', {
            hash: '/favourites',
            size,
            colorScheme: scheme,
          });
          await page.getByText('Cover · Bedroom, First floor · Closed').waitFor();
          if (text === 2) await doubleTextSize(page);
          // The buttons wrap under the name instead of squeezing its field to nothing.
          const field = await page.getByLabel('Label for Bedroom window').first().boundingBox();
          if (field!.width < 120) found[`${layout}, ${scheme}`] = [`name field ${field!.width} px`];
          const problems = [...(await layoutProblems(page)), ...(await axeViolations(page))];
          if (problems.length > 0)
            found[`${layout}, ${scheme}`] = [...(found[`${layout}, ${scheme}`] ?? []), ...problems];
          await page.close();
        }
      }
      expect(found).toEqual({});
      expect(app.harness.logLines.filter((l) => l.startsWith('PAGE ERROR'))).toEqual([]);
    }, 180_000);
  },
  { generations: ['2026.2'] },
);

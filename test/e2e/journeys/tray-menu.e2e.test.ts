import { expect, it } from 'vitest';
import type { MenuItemSpec } from '../../../src/main/tray/tray-host';
import { describeJourney, journeyApp } from '../journey';
import { drawnOutline, menuOutline, menuPictureHtml } from '../menu-picture';

/**
 * Twelve favourites over both floors and the garage, in the user's order, with two pairs of
 * repeated names: two ceiling lights (labelled so) in different rooms, and the front door's lock
 * and its contact sensor in the same hallway.
 */
const FAVOURITES = [
  { entityId: 'light.living_room_ceiling', label: 'Ceiling light' },
  { entityId: 'switch.tv_socket' },
  { entityId: 'light.kitchen' },
  { entityId: 'switch.coffee_machine' },
  { entityId: 'lock.front_door' },
  { entityId: 'binary_sensor.front_door' },
  { entityId: 'sensor.living_room_temperature' },
  { entityId: 'light.bedroom', label: 'Ceiling light' },
  { entityId: 'cover.bedroom_window' },
  { entityId: 'light.desk_lamp' },
  { entityId: 'cover.garage_door' },
  { entityId: 'light.garage' },
];
const OPEN = 'Ground floor';
const CAPTION =
  'Drawn from the menu model the tray is built from (src/main/tray/tray-model.ts): the native menu cannot be captured here.';

const submenus = (items: MenuItemSpec[]) =>
  items.flatMap((item) => (item.type === 'submenu' ? [item.label] : []));

describeJourney(
  'the tray menu, grouped by floor',
  (peer, browser) => {
    const app = journeyApp(peer, browser, {
      ready: ({ harness }) => harness.home.settings.update({ favourites: FAVOURITES }),
    });

    it('groups a realistic home’s twelve favourites into a submenu per floor, names repeated names apart, and draws it', async () => {
      // The floors come with the registries, read just after connecting.
      await expect
        .poll(() => submenus(app.harness.trayMenu))
        .toEqual(['Ground floor', 'First floor', 'No floor', 'Pause notifications']);
      const model = app.harness.trayMenu;
      expect(menuOutline(model, OPEN)).toEqual([
        'Home – Connected (disabled)',
        '-',
        'Ground floor ▸',
        '  ☑ Ceiling light (Living room)',
        '  ☑ TV socket',
        '  ☑ Kitchen lights',
        '  ☐ Coffee machine',
        '  Front door (Lock) – Locked  (Unlock…)',
        '  Front door (Binary sensor) – Closed',
        '  Living room temperature – 21.5 °C',
        'First floor ▸',
        'No floor ▸',
        '-',
        'Open panel',
        'Open Home Assistant',
        'Pause notifications ▸',
        'Settings…',
        '-',
        'Quit HA Tray',
      ]);
      const first = model.find((item) => item.type === 'submenu' && item.label === 'First floor');
      expect(first && menuOutline([first], 'First floor')).toEqual([
        'First floor ▸',
        '  ☐ Ceiling light (Bedroom)',
        '  Bedroom window – Closed  (Open)',
        '  ☐ Desk lamp',
      ]);

      const page = await app.harness.blank({ width: 900, height: 700 });
      await page.setContent(menuPictureHtml(model, OPEN, CAPTION));
      // The picture shows exactly the model: every row, mark, greyed row and the opened submenu.
      expect(await page.evaluate(drawnOutline)).toEqual(menuOutline(model, OPEN));
      const path = peer.screenshot('tray-menu-grouped');
      if (path) {
        const box = await page.evaluate(`(() => {
          const boxes = [...document.querySelectorAll('.menu, .caption')].map((el) => el.getBoundingClientRect());
          const right = Math.max(...boxes.map((b) => b.right));
          const bottom = Math.max(...boxes.map((b) => b.bottom));
          return { x: 0, y: 0, width: Math.ceil(right) + 16, height: Math.ceil(bottom) + 16 };
        })()`);
        await page.screenshot({
          path,
          clip: box as { x: number; y: number; width: number; height: number },
        });
      }
      await page.close();
    }, 120_000);
  },
  { generations: ['2026.2'] },
);

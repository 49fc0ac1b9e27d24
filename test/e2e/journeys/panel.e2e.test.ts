import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeJourney, journeyApp } from '../journey';
import { focusedName } from '../keyboard';
import { waitFor } from '../../support/wait-for';

/** Twelve favourites of every kind of control: more than the 520 px panel shows at once. */
const TWELVE = [
  'light.living_room_ceiling',
  'light.living_room_lamp',
  'light.kitchen',
  'light.bedroom',
  'light.hallway',
  'light.desk_lamp',
  'switch.coffee_machine',
  'switch.tv_socket',
  'fan.bedroom_fan',
  'cover.living_room_blinds',
  'climate.living_room',
  'lock.front_door',
].map((entityId) => ({ entityId }));

const PANEL = { width: 360, height: 520 } as const;

// In-page expressions are strings: the node test project has no DOM types.

/** How tall the panel document is, how far it is scrolled, and where the header is. */
const pageGeometry = (page: Page) =>
  page.evaluate(`({
    documentHeight: document.documentElement.scrollHeight,
    documentScrolled: document.scrollingElement.scrollTop,
    headerTop: Math.round(document.querySelector('.panel-header').getBoundingClientRect().top),
  })`);

const listScroll = (page: Page) =>
  page.evaluate<{ top: number; max: number }>(`(() => {
    const list = document.querySelector('.panel-main');
    return { top: list.scrollTop, max: list.scrollHeight - list.clientHeight };
  })()`);

/** The middle of an element, for the mouse. */
async function centreOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = (await page.locator(selector).first().boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 40) };
}

/**
 * Wheels up over the list until it moves: wheel events are handled in order, so once the list
 * answers this one, every wheel before it has been handled too.
 */
async function settleWheels(page: Page): Promise<void> {
  const before = (await listScroll(page)).top;
  const { x, y } = await centreOf(page, '.panel-main');
  await page.mouse.move(x, y);
  await page.mouse.wheel(0, -40);
  await expect.poll(async () => (await listScroll(page)).top).toBeLessThan(before);
}

describeJourney(
  'the panel',
  (peer, browser) => {
    const app = journeyApp(peer, browser, {
      ready: ({ harness }) => harness.services.settings.update({ favourites: TWELVE }),
    });

    it('with 12 favourites only the list scrolls: a wheel past its end, over the header or with the Unlock question open leaves the header in place', async () => {
      const panel = await app.harness.open('panel', { size: PANEL });
      await panel.getByRole('switch', { name: 'Kitchen lights', checked: true }).waitFor();
      expect(await pageGeometry(panel)).toEqual({
        documentHeight: PANEL.height,
        documentScrolled: 0,
        headerTop: 0,
      });

      // Over the list, to its end and past it.
      const list = await centreOf(panel, '.panel-main');
      await panel.mouse.move(list.x, list.y);
      await panel.mouse.wheel(0, 4000);
      await expect
        .poll(async () => {
          const { top, max } = await listScroll(panel);
          return max > 0 && top >= max - 1;
        })
        .toBe(true);
      await panel.mouse.wheel(0, 4000);
      // Over the header.
      const header = await centreOf(panel, '.panel-header');
      await panel.mouse.move(header.x, header.y);
      await panel.mouse.wheel(0, 4000);
      await settleWheels(panel);
      expect(await pageGeometry(panel)).toEqual({
        documentHeight: PANEL.height,
        documentScrolled: 0,
        headerTop: 0,
      });

      // The Unlock question at the end of the list takes focus, and the page stays put.
      await panel.getByRole('button', { name: 'Unlock…' }).click();
      await expect.poll(() => focusedName(panel)).toBe('Cancel');
      await panel.mouse.move(list.x, list.y);
      await panel.mouse.wheel(0, 4000);
      await settleWheels(panel);
      expect(await pageGeometry(panel)).toEqual({
        documentHeight: PANEL.height,
        documentScrolled: 0,
        headerTop: 0,
      });
      await panel.close();
    }, 180_000);

    it('a toggle shows that it is on its way at once, before Home Assistant has answered', async () => {
      const panel = await app.harness.open('panel', { size: PANEL });
      const toggle = panel.getByRole('switch', { name: 'Coffee machine' });
      await panel.getByRole('switch', { name: 'Coffee machine', checked: false }).waitFor();
      const drawn = panel.locator('label.switch-control', { has: toggle });
      app.sim.holdServiceCalls();
      try {
        await drawn.click();
        await waitFor(() => app.sim.heldServiceCalls === 1, 'the call reaching Home Assistant');
        // Held: Home Assistant has neither changed the state nor answered, yet the knob is on the
        // asked side and the switch says it is waiting.
        await expect.poll(() => drawn.locator('.switch').getAttribute('data-on')).toBe('true');
        expect(await drawn.getAttribute('class')).toContain('pending');
        expect(await toggle.isChecked()).toBe(false);
        expect(await panel.getByText('Waiting for Home Assistant…').count()).toBe(1);
        expect(app.sim.getState('switch.coffee_machine')!.state).toBe('off');
      } finally {
        app.sim.releaseServiceCalls();
      }
      await panel.getByRole('switch', { name: 'Coffee machine', checked: true }).waitFor();
      await expect.poll(() => drawn.getAttribute('class')).not.toContain('pending');
      await panel.close();
    }, 180_000);
  },
  { generations: ['2024.1'] },
);
